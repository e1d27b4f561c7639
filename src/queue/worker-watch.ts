/**
 * What the coordinator of `zonal batch --queue` tells the person waiting about its
 * workers: how many are connected when the jobs go on the queue, and when every
 * worker has gone mid-batch (workerWatch); every such line goes through the batch's
 * own BatchNotices, so none is said once the batch has ended.
 */
import type { Queue } from 'bullmq';
import { counted, nounFor } from '../model/counted.js';
import type { AwaitedJobs } from './awaited-jobs.js';

function startWorkerHint(where: string): string {
  return `zonal worker ${where.replace(/ \(password set\)$/, '')}`;
}

/** Workers of this build only (`count`: null when unknown): those of another build listen on another queue and take none of these jobs. */
export function workersHint(count: number | null, where: string, version: string): string {
  const start = `start one of zonal ${version} with: ${startWorkerHint(where)}`;
  return count === null
    ? `waiting for workers (${start})`
    : count === 0
      ? `no zonal ${version} worker is connected yet (workers of another build take no jobs from this batch): ${start}`
      : `${counted(count, 'worker')} connected`;
}

/**
 * `check` is called when no event has come for a while: if every worker has gone
 * (killed, shut down, cut off), say so rather than wait in silence, once for each
 * stall: not again until a job has started since (work moved) and it stalled again.
 * The job in hand of a worker stopped with Ctrl-C ends after it has gone: that is
 * no work moving. `told` is the first line's saying so (`no … worker is connected
 * yet`), which counts as the first stall's.
 */
export function workerWatch(
  queue: Queue,
  awaited: AwaitedJobs,
  where: string,
  say: BatchNotices,
  started: () => number,
): { told: () => void; check: () => Promise<void> } {
  let toldAfter: number | null = null;
  const told = () => (toldAfter = started());
  return {
    told,
    check: async () => {
      if (toldAfter === started() || (await queue.getWorkersCount()) > 0 || toldAfter === started()) return;
      const waiting = awaited.ids().length;
      // The batch may have ended while the count was asked for: then nothing waits, and nothing is said.
      if (waiting === 0 || !say.running()) return;
      told();
      say.line(
        `no zonal ${say.version} worker is connected: ${counted(waiting, 'variant')} ${nounFor(waiting, 'waits', 'wait')} on the queue; start one with: ${startWorkerHint(where)}`,
      );
    },
  };
}

/**
 * The lines a running batch says (stalls, workers gone): each belongs to its batch,
 * so once the batch has ended, a line whose Redis answer came late is dropped rather
 * than printed after the summary (until 2026-12-02 "no … worker is connected" could
 * follow it, the count still in flight when the last row landed).
 */
export interface BatchNotices {
  readonly version: string;
  readonly line: (text: string) => void;
  readonly running: () => boolean;
  readonly end: () => void;
}

export function batchNotices(notice: (line: string) => void, version: string): BatchNotices {
  let running = true;
  return {
    version,
    line: (text) => {
      if (running) notice(text);
    },
    running: () => running,
    end: () => {
      running = false;
    },
  };
}
