/**
 * What `zonal solve` starts first (src/cli/commands/solve-start.ts): on a small scenario its
 * young generation stops growing once the solver has warmed up, and its scavenges run in
 * parallel only with a core to spare beside its two threads; a large one keeps V8's growth
 * and scavenges. The flags are caught, not set: this test's process keeps V8's own.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { startSolve } from '../../src/cli/commands/solve-start.js';
import { scavengeFlag } from '../../src/compare/batch-gc.js';
import { setV8Flags } from '../../src/solve/v8-flags.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

vi.mock('../../src/solve/v8-flags.js', () => ({ setV8Flags: vi.fn(), setV8FlagsOnce: vi.fn() }));

const setFlags = vi.mocked(setV8Flags);
const keepSize = '--semi-space-growth-factor=1';
const scavenges = /^--(no-)?parallel-scavenge$/;

beforeEach(() => setFlags.mockClear());

async function started(scenario: string): Promise<readonly string[]> {
  const { renderer } = startSolve('jslp', scenario);
  await renderer.close();
  return setFlags.mock.calls.flatMap(([flags]) => flags);
}

describe('zonal solve as it starts', () => {
  test("a county's young generation keeps its size after the warm-up", async () => {
    expect(await started(path.join(repoRoot, 'scenarios/hertfordshire'))).toContain(keepSize);
  });

  test("a county's main and report threads each scavenge on their own unless a core is spare", async () => {
    const flags = await started(path.join(repoRoot, 'scenarios/hertfordshire'));
    expect(flags.filter((f) => scavenges.test(f))).toEqual([scavengeFlag(2, os.availableParallelism())]);
  });

  test("a national scenario's grows as V8 grows it, and scavenges as V8 does", async () => {
    const large = await tempDir('zonal-large-');
    await writeFile(path.join(large, 'demand.csv'), 'x'.repeat(1_100_000));
    const flags = await started(large);
    expect(flags).not.toContain(keepSize);
    expect(flags.filter((f) => scavenges.test(f))).toEqual([]);
  });
});
