/**
 * `zonal solve`'s report thread started by launch.cjs as the process starts, before the
 * command line's own code loads (src/cli/launch.ts). A worker thread's start and end take
 * Node 73-76 ms of CPU here, and the second core is free while the main thread loads main.cjs;
 * started there, under V8's default flags, the thread also takes Node's own code from Node's
 * code cache, which V8 refuses once zonal has set a flag of its own (99-106 ms then;
 * docs/performance.md, session 24).
 *
 * The thread is held before it loads its code (render-worker.cjs, through the code cache,
 * which V8 takes only under the flags it was recorded under): render-thread.ts releases it
 * when it first posts to it, by which time the solve has set its flags. Unused, it keeps
 * nothing alive: a run that never asks for it (a mistake in the command, `--help`) exits
 * as before, and a run that asks for other options stops it and starts its own.
 *
 * Pure of side effects until called; loads node:worker_threads only when it starts one, so
 * other commands' starts do not pay for it.
 */
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import { scenarioWithin } from '../io/folder-size.js';

/**
 * Scenarios whose files (subfolders too) add up to at most this many bytes (the bundled county's:
 * 64 kB) have their report drawn with a 2 MB young generation: a county's report took about
 * 0.1 s less CPU so, and a national one (35,000 areas, 4.2 MB) 1-2 s more (docs/performance.md,
 * "The county, fifth round").
 */
const smallScenarioBytes = 1_000_000;
const smallReportYoungGenerationMb = 2;

let measured: { readonly scenario: string; readonly youngGenerationMb: number | undefined } | undefined;

/**
 * The report thread's young generation for this scenario, in MB; undefined for V8's default.
 * Measured once a process: launch.cjs asks as it starts the thread early, and `zonal solve`
 * again as it takes it (walking the county's folder again took 0.4 ms of the main thread).
 */
export function reportYoungGenerationMb(scenario: string): number | undefined {
  if (measured?.scenario !== scenario) {
    const small = scenarioWithin(scenario, smallScenarioBytes);
    measured = { scenario, youngGenerationMb: small ? smallReportYoungGenerationMb : undefined };
  }
  return measured.youngGenerationMb;
}

/**
 * What the report thread runs: in the bundled command line (this code in a .cjs file),
 * launch.cjs, which loads render-worker.cjs through V8's code cache; elsewhere (dist/
 * unbundled), render-worker.js.
 */
export const renderWorkerEntry = import.meta.url.endsWith('.cjs')
  ? { file: new URL('./launch.cjs', import.meta.url), argv: ['render-worker.cjs'] }
  : { file: new URL('./render-worker.js', import.meta.url), argv: [] };

/** workerData's key for the port a held thread waits on (src/cli/launch.ts). */
export const heldUntilKey = 'zonalHeldUntil';

interface Early {
  readonly worker: Worker;
  readonly scenario: string;
  readonly youngGenerationMb: number;
  readonly release: MessagePort;
  /** The thread failed or stopped before it was taken (its events went to nobody else). */
  readonly ended: () => boolean;
}

let early: Early | undefined;

/**
 * For `zonal solve SCENARIO …` (the scenario first after the command, as the README writes it)
 * on a small scenario: start the report thread now, held. `argv` is the main thread's
 * process.argv (launch.cjs calls this on the main thread only); `entry` (for tests), what the
 * thread runs. Returns the thread started, if any.
 */
export function startRenderThreadEarly(
  argv: readonly string[],
  entry: { readonly file: URL; readonly argv: readonly string[] } = renderWorkerEntry,
): Worker | undefined {
  const [, , command, scenario] = argv;
  if (command !== 'solve' || scenario === undefined || scenario.startsWith('-')) return undefined;
  const youngGenerationMb = reportYoungGenerationMb(scenario);
  if (youngGenerationMb === undefined) return undefined;
  const threads = createRequire(import.meta.url)(
    'node:worker_threads',
  ) as typeof import('node:worker_threads');
  const { port1, port2 } = new threads.MessageChannel();
  const worker = new threads.Worker(entry.file, {
    argv: [...entry.argv],
    workerData: { [heldUntilKey]: port2 },
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
  });
  worker.unref();
  port1.unref();
  // Until render-thread.ts takes it and listens, a failure is only noted here (an 'error' no one
  // listens to would end the process), and a thread that has ended is not handed over.
  let ended = false;
  const end = () => {
    ended = true;
  };
  worker.once('error', end).once('exit', end);
  early = { worker, scenario, youngGenerationMb, release: port1, ended: () => ended };
  return worker;
}

/** An early thread, taken by whoever asks for one; its release() lets it load its code. */
export interface EarlyRenderThread {
  readonly worker: Worker;
  release(): void;
}

/**
 * The thread started early, if it was started for this scenario with this young generation
 * and has not ended, now kept alive by its owner; undefined otherwise (an early thread not
 * wanted is stopped). Taken once.
 */
export function takeEarlyRenderThread(
  scenario: string,
  youngGenerationMb: number | undefined,
): EarlyRenderThread | undefined {
  const started = early;
  early = undefined;
  if (started === undefined) return undefined;
  if (started.ended() || started.scenario !== scenario || started.youngGenerationMb !== youngGenerationMb) {
    started.release.close();
    void started.worker.terminate();
    return undefined;
  }
  started.worker.ref();
  let released = false;
  return {
    worker: started.worker,
    release() {
      if (released) return;
      released = true;
      started.release.postMessage('load');
      started.release.close();
    },
  };
}
