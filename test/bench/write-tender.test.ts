/**
 * `npm run bench:tender`: the bench's generated tender as a scenario folder that zonal reads as
 * a user's, and its command line checked before anything is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generatedScenarioFolder } from '../helpers/generated-folder.js';
import { tempDir } from '../helpers/scenario-folder.js';
import { assertBuilt, repoRoot, zonal } from '../helpers/cli.js';

beforeAll(() => assertBuilt());

const writeTender = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['dist/bench/write-tender.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe.concurrent("the bench's tender as a scenario folder", () => {
  test("is a valid scenario: M of seed 2 has the bench case's 539 variables once solved", async () => {
    const dir = await generatedScenarioFolder('M', 2);
    const out = path.join(await tempDir(), 'out');
    const run = await zonal(['solve', dir, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Status: optimal\. Solver highs, [\d.]+ s, 539 variables/);
  });

  test('is written by its command, which names the folder it wrote', async () => {
    const dir = path.join(await tempDir(), 'tender');
    const run = writeTender('--size', 'S', '--seed', '3', '--out', dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Wrote the bench's S tender of seed 3 to ${dir}`);
    expect(existsSync(path.join(dir, 'scenario.json'))).toBe(true);
  });

  test('refuses a size, a seed or a missing folder it cannot use, before writing anything', async () => {
    const dir = path.join(await tempDir(), 'tender');
    expect(writeTender('--size', 'XXL', '--out', dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--size XXL is not a bench size: give S, M, L or XL'),
    });
    expect(writeTender('--seed', '0', '--out', dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--seed 0 is not a whole number from 1'),
    });
    expect(writeTender('--size', 'S')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--out is missing'),
    });
    expect(writeTender('--sizes', 'S', '--out', dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown flag --sizes: this bench takes --out, --size, --seed'),
    });
    expect(existsSync(dir)).toBe(false);
  });
});
