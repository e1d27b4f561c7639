/**
 * CPU seconds of this process's finished child processes (Linux /proc; 0
 * elsewhere): what a spawned command cost in CPU, which a busy machine
 * disturbs far less than wall time.
 */
import { readFileSync } from 'node:fs';

export function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // After "pid (comm) ", cutime and cstime are the 14th and 15th fields, in clock ticks (100 per second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}
