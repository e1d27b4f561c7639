/**
 * How fast the host is at a moment, so a bench run can be read against others:
 * the same build's speed moved by 15-20% from minute to minute on the shared
 * virtual machine zonal is measured on (docs/performance.md). Two figures, each
 * the fastest of three tries: a fixed JavaScript loop (the CPU), and the first
 * touch of 32 MB of new memory (a page fault costs about 20 µs there, and a
 * county solve takes about 20,000). Measures; checks nothing.
 */

export interface HostSpeed {
  /** Milliseconds for 2e8 turns of a small loop. */
  readonly loopMs: number;
  /** Microseconds per 4 kB page of 32 MB of fresh memory, first touch. */
  readonly pageTouchUs: number;
}

function loopMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 2e8; i++) sum += i % 7;
  const ms = performance.now() - started;
  if (sum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return ms;
}

function pageTouchUs(): number {
  const bytes = 32 << 20;
  const started = performance.now();
  Buffer.allocUnsafeSlow(bytes).fill(1);
  return ((performance.now() - started) * 1000) / (bytes / 4096);
}

export function hostSpeed(): HostSpeed {
  const best = (measure: () => number) => Math.min(measure(), measure(), measure());
  return { loopMs: best(loopMs), pageTouchUs: best(pageTouchUs) };
}

export function hostSpeedText(at: string, s: HostSpeed): string {
  return `${at}: a fixed loop ${s.loopMs.toFixed(0)} ms, a first touch of memory ${s.pageTouchUs.toFixed(1)} µs a page`;
}
