/**
 * CPU seconds the whole machine has spent busy since it started (Linux /proc/stat: user,
 * nice, system, irq, softirq and steal; 0 elsewhere). Read before and after a run, less
 * the run's own CPU, it says how much other processes took while the run was timed.
 */
import { readFileSync } from 'node:fs';

export function machineBusySeconds(): number {
  try {
    const fields =
      readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    // clock ticks, 100 a second on Linux
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return 0;
  }
}
