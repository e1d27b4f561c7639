/**
 * What `zonal solve` starts first (src/cli/commands/solve-start.ts): on a small scenario its
 * young generation stops growing once the solver has warmed up; a large one keeps V8's
 * growth. The flags are caught, not set: this test's process keeps V8's own.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { startSolve } from '../../src/cli/commands/solve-start.js';
import { setV8Flags } from '../../src/solve/v8-flags.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

vi.mock('../../src/solve/v8-flags.js', () => ({ setV8Flags: vi.fn(), setV8FlagsOnce: vi.fn() }));

const setFlags = vi.mocked(setV8Flags);
const keepSize = '--semi-space-growth-factor=1';

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

  test("a national scenario's grows as V8 grows it", async () => {
    const large = await tempDir('zonal-large-');
    await writeFile(path.join(large, 'demand.csv'), 'x'.repeat(1_100_000));
    expect(await started(large)).not.toContain(keepSize);
  });
});
