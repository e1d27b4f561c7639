/**
 * Step 2 of the bench: the command line as a user feels it. A bare
 * `node -e 0`, `zonal solve` on the bundled county (every default output:
 * result files and report) and `zonal validate` on it, each run `repeats`
 * times in turn (so a burst of load elsewhere hits all three alike), process
 * start to exit. Wall and CPU seconds (user + system, from /proc), medians.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childCpuSeconds } from './child-cpu.js';
import { median } from './summary.js';

export interface CommandTiming {
  readonly label: string;
  /** Median wall seconds, process start to exit (null: no run succeeded). */
  readonly wall: number | null;
  /** Median CPU seconds (user + system). */
  readonly cpu: number | null;
  readonly runs: number;
}

export interface CliTimings {
  readonly node: CommandTiming;
  readonly solve: CommandTiming;
  readonly validate: CommandTiming;
  /** Load average over the last minute when the runs ended (os.loadavg; 0 where unknown). */
  readonly loadAverage: number;
}

function timeOnce(args: readonly string[]): { wall: number; cpu: number } | null {
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: 'ignore' });
  const wall = (performance.now() - started) / 1000;
  return run.status === 0 ? { wall, cpu: childCpuSeconds() - cpuBefore } : null;
}

export function cliTimings(root: string, repeats: number): CliTimings {
  const out = mkdtempSync(path.join(os.tmpdir(), 'zonal-bench-'));
  const zonal = path.join(root, 'bin/zonal.js');
  const county = path.join(root, 'scenarios/hertfordshire');
  const commands = {
    node: ['-e', '0'],
    solve: [zonal, 'solve', county, '--out', out],
    validate: [zonal, 'validate', county],
  } as const;
  const samples = { node: [], solve: [], validate: [] } as Record<
    keyof typeof commands,
    { wall: number; cpu: number }[]
  >;
  try {
    for (let i = 0; i < repeats; i++)
      for (const key of Object.keys(commands) as (keyof typeof commands)[]) {
        const t = timeOnce(commands[key]);
        if (t !== null) samples[key].push(t);
      }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const timing = (key: keyof typeof commands, label: string): CommandTiming => ({
    label,
    wall: median(samples[key].map((s) => s.wall)),
    cpu: median(samples[key].map((s) => s.cpu)),
    runs: samples[key].length,
  });
  return {
    node: timing('node', '`node -e 0`'),
    solve: timing('solve', '`zonal solve scenarios/hertfordshire --out DIR`'),
    validate: timing('validate', '`zonal validate scenarios/hertfordshire`'),
    loadAverage: os.loadavg()[0] ?? 0,
  };
}
