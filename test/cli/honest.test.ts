/**
 * The built binary on the outcomes a commissioner must be able to trust:
 * an impossible tender exits 3 with its diagnosis (and no award files), two
 * runs of the same input give the same result.json, and the run's hash
 * changes with every option that changes the answer.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, zonal } from '../helpers/cli.js';
import { goodFiles, tempDir, withJson, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

/** Each test spawns the CLI two or three times: give them room on a loaded 2-core machine. */
const spawnTimeout = { timeout: 180_000 };

/** result.json without the fields documented as timings. */
const withoutTimings = (text: string) =>
  text.replace(/"(solveSeconds|baselineSolveSeconds)": [0-9.e+-]+/g, '"$1": 0');

describe.concurrent('no award possible: exit 3 with a diagnosis', () => {
  test(
    'at least 3 distinct providers when 2 bid: exit 3, result.json says infeasible and why, no allocation files, stale ones (result.xlsx too) removed',
    spawnTimeout,
    async () => {
      const files = goodFiles();
      const dir = await writeScenarioFolder(
        withJson(files, (j) => (j['award'] = { minDistinctProviders: 3 })),
      );
      const out = path.join(await tempDir('zonal-out-'), 'out');
      // A good run first, so every award file (result.xlsx too) is there to go stale.
      expect((await zonal(['solve', await writeScenarioFolder(files), '--out', out])).code).toBe(0);
      expect(existsSync(path.join(out, 'result.xlsx'))).toBe(true);
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'allocations.csv'), 'from an earlier run\n');
      await writeFile(path.join(out, 'notes.txt'), 'mine\n');
      const r = await zonal(['solve', dir, '--out', out]);
      expect(r.code).toBe(3);
      expect(r.stdout).toContain('Status: infeasible. No award meets every rule of this tender.');
      expect(r.stdout).toContain(
        'at least 3 distinct providers: at most 2 can win, because only 2 providers have a bid that may win a lot; lower award.minDistinctProviders to 2',
      );
      expect(r.stderr).toContain('No award is possible under these rules (exit code 3)');
      const result = JSON.parse(await readFile(path.join(out, 'result.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(result['status']).toBe('infeasible');
      expect(result['totals']).toBeUndefined();
      expect(result['scores']).toBeUndefined();
      // DESIGN.md section 5: every result.json holds allocations, lots, providers and warnings.
      expect(result['allocations']).toEqual([]);
      const providers = result['providers'] as Record<string, unknown>[];
      expect(providers.map((p) => p['providerId'])).toEqual(['P1', 'P2']);
      for (const p of providers) {
        expect(p).toMatchObject({ hoursPerWeek: 0, shareOfTotalHours: 0, annualRevenue: 0, lots: [] });
        expect(p['viabilityScore']).toBeUndefined();
      }
      expect(Array.isArray(result['lots'])).toBe(true);
      expect(Array.isArray(result['warnings'])).toBe(true);
      expect(
        (result['diagnosis'] as { relaxations: { rule: string; allowsAwardAt: number }[][] }).relaxations,
      ).toEqual([[expect.objectContaining({ rule: 'min-providers', allowsAwardAt: 2 })]]);
      expect(existsSync(path.join(out, 'allocations.csv'))).toBe(false);
      expect(existsSync(path.join(out, 'lots.csv'))).toBe(false);
      expect(existsSync(path.join(out, 'result.xlsx'))).toBe(false);
      expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
      expect(await readFile(path.join(out, 'report.html'), 'utf8')).toContain('Why no award is possible');
    },
  );
});

describe.concurrent('reproducible runs', () => {
  test(
    'two runs of the same input and options give the same result.json, apart from timings',
    spawnTimeout,
    async () => {
      const [a, b] = [
        path.join(await tempDir('zonal-out-'), 'a'),
        path.join(await tempDir('zonal-out-'), 'b'),
      ];
      expect((await zonal(['solve', 'scenarios/tiny', '--out', a])).code).toBe(0);
      expect((await zonal(['solve', 'scenarios/tiny', '--out', b])).code).toBe(0);
      const [x, y] = [
        await readFile(path.join(a, 'result.json'), 'utf8'),
        await readFile(path.join(b, 'result.json'), 'utf8'),
      ];
      expect(withoutTimings(x)).toBe(withoutTimings(y));
    },
  );

  test(
    'the run hash changes with the zoning and the objective; the files hash does not',
    spawnTimeout,
    async () => {
      const runs = await Promise.all(
        [[], ['--zoning', 'one'], ['--objective', 'meat']].map(async (extra) => {
          const out = path.join(await tempDir('zonal-out-'), 'out');
          const r = await zonal(['solve', 'scenarios/tiny', '--out', out, '--format', 'json', ...extra]);
          expect(r.code).toBe(0);
          return (
            JSON.parse(r.stdout) as { run: { inputHash: string; filesHash: string; solverVersion: string } }
          ).run;
        }),
      );
      expect(new Set(runs.map((r) => r.inputHash)).size).toBe(3);
      expect(new Set(runs.map((r) => r.filesHash)).size).toBe(1);
      expect(runs[0]?.solverVersion).toMatch(/^highs \d+\.\d+\.\d+$/);
    },
  );
});
