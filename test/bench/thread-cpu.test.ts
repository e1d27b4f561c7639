import { describe, expect, test } from 'vitest';
import { splitThreadCpu, threadCpuSeconds } from '../../src/bench/thread-cpu.js';

describe('splitThreadCpu', () => {
  test('the main thread, threads started in between and threads already running, each by its own use', () => {
    const main = String(process.pid);
    const before = new Map([
      [main, 1],
      ['7001', 2],
    ]);
    const after = new Map([
      [main, 1.5],
      ['7001', 2.25],
      ['7002', 3],
    ]);
    expect(splitThreadCpu(before, after)).toEqual({ main: 0.5, started: 3, background: 0.25 });
  });

  test('reads this process (Linux): the main thread is listed', () => {
    const threads = threadCpuSeconds();
    if (process.platform !== 'linux') return expect(threads.size).toBe(0);
    expect(threads.has(String(process.pid))).toBe(true);
  });
});
