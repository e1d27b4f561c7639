import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { benchFlagProblem, flagValue } from '../../src/bench/bench-flag.js';
import { assertBuilt, repoRoot } from '../helpers/cli.js';

test('the value after a flag, or undefined when the flag or its value is missing', () => {
  const argv = ['--sizes', 'L,XL', '--repeats'];
  expect(flagValue(argv, '--sizes')).toBe('L,XL');
  expect(flagValue(argv, '--repeats')).toBeUndefined();
  expect(flagValue(argv, '--backends')).toBeUndefined();
});

describe("a bench's command line", () => {
  const usage = 'npm run bench:zones [-- --seeds 5 --out bench/zones.md]';

  test('takes the flags its usage line names, each with a value', () => {
    expect(benchFlagProblem([], usage)).toBeNull();
    expect(benchFlagProblem(['--out', '/tmp/z.md', '--seeds', '2'], usage)).toBeNull();
  });

  test('refuses a flag it does not name, a flag without its value and a value without its flag', () => {
    expect(benchFlagProblem(['--seed', '2'], usage)).toBe(
      'unknown flag --seed: this bench takes --seeds, --out',
    );
    expect(benchFlagProblem(['--seeds'], usage)).toBe('--seeds needs a value');
    expect(benchFlagProblem(['2'], usage)).toBe('unexpected "2": give each value after its flag');
  });

  describe('of `npm run bench` itself', () => {
    beforeAll(() => assertBuilt());
    // Stopped after 20 s if the check is broken: the bench itself would run for minutes.
    const bench = (...args: string[]) => {
      const run = spawnSync(process.execPath, ['dist/bench/main.js', ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 20_000,
      });
      return { code: run.status, stdout: run.stdout, stderr: run.stderr };
    };

    // Until 2026-12-03 `--help` ran the whole bench (minutes of it) and wrote bench/results.md.
    test('--help prints its usage and runs nothing', () => {
      const run = bench('--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^usage: npm run bench \[-- --sizes S,M,L,XL .*--large-input-mb 50 --out bench\/results\.md\]\n$/,
      );
    });

    test('a mistyped flag is refused with the usage line, exit code 2', () => {
      const run = bench('--size', 'L');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^unknown flag --size: this bench takes --sizes, --repeats, /);
      expect(run.stdout).toBe('');
    });
  });
});
