import { expect, test } from 'vitest';
import { machineBusySeconds } from '../../src/bench/machine-cpu.js';

test('the machine busy time counts at least this process’s own CPU (Linux)', () => {
  const before = machineBusySeconds();
  const own = process.cpuUsage();
  const until = performance.now() + 300;
  while (performance.now() < until); // 0.3 s of CPU on this thread
  const used = process.cpuUsage(own);
  const busy = machineBusySeconds() - before;
  if (process.platform !== 'linux') return expect(busy).toBe(0);
  // /proc/stat counts in ticks of 10 ms
  expect(busy).toBeGreaterThanOrEqual((used.user + used.system) / 1e6 - 0.05);
});
