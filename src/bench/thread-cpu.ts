/**
 * CPU seconds of each thread of this process (Linux /proc/self/task; an empty
 * map elsewhere), to see which threads a batch keeps busy: the main thread,
 * the worker threads, and the threads V8 and libuv run in the background
 * (garbage collection, compiling, file I/O).
 */
import { readdirSync, readFileSync } from 'node:fs';

export function threadCpuSeconds(): Map<string, number> {
  const seconds = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // After "tid (comm) ", utime and stime are the 12th and 13th fields, in clock ticks (100 per second on Linux).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    }
  } catch {
    // a thread ended between listing and reading, or no /proc: what was read so far
  }
  return seconds;
}

export interface ThreadSplit {
  readonly main: number;
  /** Threads started during the measured span (the batch's worker threads). */
  readonly started: number;
  /** The other threads that were already running (V8's and libuv's background threads). */
  readonly background: number;
}

/** CPU seconds between two snapshots, by kind of thread. */
export function splitThreadCpu(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): ThreadSplit {
  let main = 0;
  let started = 0;
  let background = 0;
  for (const [tid, s] of after) {
    const used = s - (before.get(tid) ?? 0);
    if (tid === String(process.pid)) main += used;
    else if (before.has(tid)) background += used;
    else started += used;
  }
  return { main, started, background };
}
