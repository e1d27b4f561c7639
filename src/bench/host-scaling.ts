/**
 * How far the host itself scales from one thread to two, to read the batch's ratio against:
 * the same task run in one worker thread, then in two at once, each the best of three tries.
 * The ratio is what two threads got done in the time against one (2 × one's time / the
 * slower of the two's). Three tasks: a fixed loop (the cores alone), copying a buffer small
 * enough for the caches, and copying one far larger than them (memory). On the 2-core machine
 * zonal is measured on, session 23's runs gave ×1.94-×1.97, ×1.87-×1.97 and ×1.70-×1.83
 * (docs/performance.md). Measures; checks nothing.
 */
import { Worker } from 'node:worker_threads';

export type ScalingTask =
  | { readonly kind: 'loop'; readonly turns: number }
  | { readonly kind: 'copy'; readonly bytes: number; readonly passes: number };

export interface HostScaling {
  /** The fixed loop: two threads' work in the time against one's. */
  readonly loop: number;
  /** Copying 1 MB, over and over. */
  readonly cachedCopy: number;
  /** Copying 64 MB, over and over. */
  readonly memoryCopy: number;
}

const taskFile = new URL('./host-scaling-task.js', import.meta.url);

/**
 * Milliseconds until the slower of `workers` is done, started together: each says it is ready
 * (its first message), all are told to go, and each posts the milliseconds its task took. The
 * threads are ended after, or when one fails.
 */
export async function timedTogether(workers: readonly Worker[]): Promise<number> {
  try {
    const next = (w: Worker) =>
      new Promise<unknown>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      });
    await Promise.all(workers.map(next));
    const done = workers.map(next);
    for (const w of workers) w.postMessage('go');
    return Math.max(...((await Promise.all(done)) as number[]));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Milliseconds until the slower of `threads` threads, started together, has run `task`. */
const timed = (task: ScalingTask, threads: number): Promise<number> =>
  timedTogether(Array.from({ length: threads }, () => new Worker(taskFile, { workerData: task })));

/** Two threads' work in the time against one's, each the best of three tries. */
export async function scaling(task: ScalingTask): Promise<number> {
  let one = Number.POSITIVE_INFINITY;
  let two = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt++) {
    one = Math.min(one, await timed(task, 1));
    two = Math.min(two, await timed(task, 2));
  }
  return (2 * one) / two;
}

export async function hostScaling(): Promise<HostScaling> {
  return {
    loop: await scaling({ kind: 'loop', turns: 2e8 }),
    cachedCopy: await scaling({ kind: 'copy', bytes: 1 << 20, passes: 4000 }),
    memoryCopy: await scaling({ kind: 'copy', bytes: 64 << 20, passes: 40 }),
  };
}

export function hostScalingText(s: HostScaling): string {
  const x = (r: number) => `×${r.toFixed(2)}`;
  return `The host from one thread to two (the same task in two threads at once against one; the best of three tries each): a fixed loop ${x(s.loop)}, copying 1 MB ${x(s.cachedCopy)}, copying 64 MB ${x(s.memoryCopy)}.`;
}
