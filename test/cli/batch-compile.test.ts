/**
 * How `zonal batch` compiles HiGHS for its workers, told by the V8 flags set before the compile:
 * the command runs with a preloaded recorder that passes each flag on to V8, notes it, and
 * ends the process at the compile, before any worker starts or anything is solved.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generatedScenarioFolder } from '../helpers/generated-folder.js';
import { tempDir } from '../helpers/scenario-folder.js';
import { assertBuilt, bin, node, repoRoot } from '../helpers/cli.js';

beforeAll(() => assertBuilt());

const recorder = `
import v8 from 'node:v8';
import { writeFileSync } from 'node:fs';
const flags = [];
const set = v8.setFlagsFromString.bind(v8);
v8.setFlagsFromString = (flag) => (flags.push(flag), set(flag));
WebAssembly.compile = async () => {
  writeFileSync(process.env.ZONAL_TEST_FLAGS, JSON.stringify(flags));
  process.exit(0);
};
`;

/** The V8 flags `zonal batch` had set when it compiled HiGHS, for a batch of `variants` variants of `base`. */
async function flagsAtCompile(base: string, variants: number): Promise<string[]> {
  const dir = await tempDir('zonal-batch-compile-');
  const batch = path.join(dir, 'batch.json');
  const multipliers = Array.from({ length: variants }, (_, i) => 1 + i / 20);
  await writeFile(batch, JSON.stringify({ base, grid: { demandMultiplier: multipliers } }));
  await writeFile(path.join(dir, 'recorder.mjs'), recorder);
  const record = path.join(dir, 'flags.json');
  const run = await node(
    [
      '--import',
      path.join(dir, 'recorder.mjs'),
      bin,
      'batch',
      batch,
      '--out',
      path.join(dir, 'out'),
      '--workers',
      '1',
    ],
    repoRoot,
    { ZONAL_TEST_FLAGS: record },
  );
  expect(run).toMatchObject({ code: 0 });
  return JSON.parse(await readFile(record, 'utf8')) as string[];
}

describe.concurrent("a short batch's compile of HiGHS follows how long its base solves", () => {
  test('a county: baseline code, as its variants solve in milliseconds', async () => {
    const flags = await flagsAtCompile(path.join(repoRoot, 'scenarios/hertfordshire'), 2);
    expect(flags).toContain('--liftoff-only');
    expect(flags).not.toContain('--no-liftoff');
  });

  test("a regional tender (the bench's L, 2,336 variables): optimised code, as one solve takes seconds", async () => {
    const flags = await flagsAtCompile(await generatedScenarioFolder('L', 1), 2);
    expect(flags).toContain('--no-liftoff');
    expect(flags).not.toContain('--liftoff-only');
  });
});
