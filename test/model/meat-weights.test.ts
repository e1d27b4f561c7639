/**
 * The MEAT weights should add up to 1: `zonal score` prints points out of 100, and a
 * quality weight set alone (0.7 with the default price weight 0.4) scores out of 110. A
 * warning, not an error: the contract lets either weight be left out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatIssue, IssueList } from '../../src/diagnostics/issues.js';
import { checkSettings } from '../../src/io/scenario-settings.js';
import { assertBuilt, zonal } from '../helpers/cli.js';
import { goodFiles, removeTempDirs, tempDir, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(assertBuilt);
afterAll(removeTempDirs);

const withAward = (award: Record<string, unknown>) => {
  const json = JSON.parse(goodFiles()['scenario.json'] ?? '{}') as Record<string, unknown>;
  return { ...json, award: { ...(json['award'] as object), ...award } };
};

function warnings(award: Record<string, unknown>): string[] {
  const issues = new IssueList();
  expect(checkSettings(withAward(award), { file: 'scenario.json', line: () => 7 }, issues)).not.toBeNull();
  expect(issues.errors).toEqual([]);
  return issues.warnings.map((i) => i.message);
}

describe('MEAT weights', () => {
  test('weights that do not add up to 1 are one warning with both figures, the points they score out of, and the fix', () => {
    expect(warnings({ qualityWeight: 0.7 })).toEqual([
      "award.qualityWeight is 0.7 and priceWeight 0.4: they add up to 1.1, so a bid's MEAT score is out of 110 points, not 100: set the two to add up to 1 (0.7 and 0.3 for 70% quality, 30% price; priceWeight is 0.4 and qualityWeight 0.6 in scenario.json when not given)",
    ]);
    expect(warnings({ qualityWeight: 0.5, priceWeight: 0.3 })).toEqual([
      expect.stringContaining('they add up to 0.8'),
    ]);
  });

  test('weights that add up to 1, as shares or as percentages, are fine', () => {
    expect(warnings({ qualityWeight: 0.7, priceWeight: 0.3 })).toEqual([]);
    expect(warnings({ qualityWeight: '70%', priceWeight: '30%' })).toEqual([]);
    expect(warnings({ qualityWeight: 1, priceWeight: 0 })).toEqual([]);
    expect(warnings({})).toEqual([]);
  });

  test('with only priceWeight written, the warning is at priceWeight, not at a qualityWeight the file does not have', () => {
    const issues = new IssueList();
    const lines: Record<string, number> = { award: 18, 'award.priceWeight': 20 };
    const line = (path: readonly PropertyKey[]) => lines[path.join('.')] ?? null;
    expect(
      checkSettings(withAward({ priceWeight: 0.5 }), { file: 'scenario.json', line }, issues),
    ).not.toBeNull();
    expect(issues.warnings.map(formatIssue)).toEqual([
      "scenario.json:20: warning: award.priceWeight is 0.5 and qualityWeight 0.6: they add up to 1.1, so a bid's MEAT score is out of 110 points, not 100: set the two to add up to 1 (0.7 and 0.3 for 70% quality, 30% price; priceWeight is 0.4 and qualityWeight 0.6 in scenario.json when not given)",
    ]);
    // Both written: at qualityWeight, as before.
    const both = new IssueList();
    checkSettings(
      withAward({ qualityWeight: 0.7, priceWeight: 0.5 }),
      { file: 'scenario.json', line: () => 7 },
      both,
    );
    expect(both.warnings.map(formatIssue)).toEqual([
      expect.stringMatching(/^scenario\.json:7: warning: award\.qualityWeight is 0\.7 and priceWeight 0\.5/),
    ]);
  });

  test('through zonal validate: with only priceWeight written, the warning is at its line', async () => {
    const json = withAward({ priceWeight: 0.5 });
    const text = `${JSON.stringify(json, null, 2)}\n`;
    const dir = await writeScenarioFolder({ ...goodFiles(), 'scenario.json': text });
    const line = text.split('\n').findIndex((l) => l.includes('"priceWeight"')) + 1;
    const r = await zonal(['validate', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(
        `^scenario\\.json:${line}: warning: award\\.priceWeight is 0\\.5 and qualityWeight 0\\.6: they add up to 1\\.1`,
        'm',
      ),
    );
  });

  test('through zonal score: the warning at its line, and the scores written', async () => {
    const files = goodFiles();
    const json = withAward({ qualityWeight: 0.7 });
    const dir = await writeScenarioFolder({
      ...files,
      'scenario.json': `${JSON.stringify(json, null, 2)}\n`,
    });
    const out = path.join(await tempDir(), 'scores.csv');
    const r = await zonal(['score', dir, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^scenario\.json:\d+: warning: award\.qualityWeight is 0\.7 and priceWeight 0\.4: they add up to 1\.1/m,
    );
    expect(existsSync(out)).toBe(true);
  });
});
