/**
 * `zonal worker [url]`: take batch variants from the Redis queue and solve
 * them until stopped. The first Ctrl-C (or SIGTERM) finishes the jobs in
 * hand and exits 0; a second stops at once (those jobs are retried by
 * another worker once their locks lapse). Exit 1 when Redis does not answer.
 */
import { standardOut } from '../terminal.js';
import { availableParallelism } from 'node:os';
import { describeAddress } from '../../queue/redis-address.js';
import { startWorker } from '../../queue/queue-worker.js';
import { solverBuild } from '../../queue/solver-build.js';
import { exitCodes } from '../exit.js';
import { concurrencyFlag, maxLockSeconds, wholeNumberFlag } from '../flags.js';
import { version } from '../version.js';
import { reachableRedis } from './redis.js';
import { counted } from '../../model/counted.js';

export interface WorkerFlags {
  readonly concurrency?: string;
  readonly lockSeconds: string;
}

function log(line: string): void {
  standardOut().write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

/** Resolves once a signal has come and the worker has closed. */
function closeOnSignal(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log(`${signal} again: stopping now; the jobs in hand go back on the queue when their locks lapse`);
        process.exit(exitCodes.failure);
      }
      stopping = true;
      log(`${signal}: finishing the jobs in hand, then stopping (press Ctrl-C again to stop now)`);
      close().then(resolve, reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function workerCommand(url: string | undefined, flags: WorkerFlags): Promise<void> {
  // Read as every other command reads its numbers (cli/flags.ts): "0x10" was 16 variants at once.
  const concurrency =
    flags.concurrency === undefined ? availableParallelism() : concurrencyFlag(flags.concurrency);
  const lockSeconds = wholeNumberFlag('--lock-seconds', flags.lockSeconds, 1, maxLockSeconds);
  const address = await reachableRedis('zonal worker', url, 'No job was taken.');
  const worker = await startWorker({ address, concurrency, lockSeconds, version, log });
  log(
    `zonal ${solverBuild(version)} worker on ${describeAddress(address)}: solving up to ${counted(concurrency, 'variant')} at once; Ctrl-C to stop`,
  );
  await closeOnSignal(() => worker.close());
  log('stopped');
}
