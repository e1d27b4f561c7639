/**
 * How fast the host is at a moment, so a bench run can be read against others:
 * the same build's speed moved by 15-20% from minute to minute on the shared
 * virtual machine zonal is measured on (docs/performance.md). Three figures, each
 * the fastest of three tries: a fixed JavaScript loop (the CPU), the first
 * touch of 32 MB of new memory (a page fault costs 13-20 µs there, and a
 * county solve takes about 20,000), and loads that miss every cache (a random
 * cycle through 32 MB). Measures; checks nothing.
 */

export interface HostSpeed {
  /** Milliseconds for 2e8 turns of a small loop. */
  readonly loopMs: number;
  /** Microseconds per 4 kB page of 32 MB of fresh memory, first touch. */
  readonly pageTouchUs: number;
  /** Nanoseconds per load chasing a random cycle through 32 MB (memory latency, past the caches). */
  readonly memoryLoadNs: number;
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

/** One random cycle through 8M slots (Sattolo's shuffle, a fixed seed): each load depends on the last. */
function randomCycle(slots: number): Int32Array {
  const next = new Int32Array(slots);
  for (let i = 0; i < slots; i++) next[i] = i;
  let seed = 1;
  for (let i = slots - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = Math.floor((seed / 4294967296) * i);
    const held = next[i] ?? 0;
    next[i] = next[j] ?? 0;
    next[j] = held;
  }
  return next;
}

function memoryLoadNs(next: Int32Array): number {
  const loads = 5e6;
  const started = performance.now();
  let at = 0;
  for (let k = 0; k < loads; k++) at = next[at] ?? 0;
  const ns = ((performance.now() - started) * 1e6) / loads;
  if (at < 0) throw new Error('unreachable: keeps the loads from being optimised away');
  return ns;
}

export function hostSpeed(): HostSpeed {
  const best = (measure: () => number) => Math.min(measure(), measure(), measure());
  const cycle = randomCycle(8 << 20);
  return {
    loopMs: best(loopMs),
    pageTouchUs: best(pageTouchUs),
    memoryLoadNs: best(() => memoryLoadNs(cycle)),
  };
}

export function hostSpeedText(at: string, s: HostSpeed): string {
  return `${at}: a fixed loop ${s.loopMs.toFixed(0)} ms, a first touch of memory ${s.pageTouchUs.toFixed(1)} µs a page, a load from memory ${s.memoryLoadNs.toFixed(0)} ns`;
}
