/**
 * The MEAT weights must add up to 1: `zonal score` prints points out of 100, and a
 * quality weight set alone (0.7 with the default price weight 0.4) scored out of 110.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IssueList } from '../../src/diagnostics/issues.js';
import { checkSettings } from '../../src/io/scenario-settings.js';
import { assertBuilt, zonal } from '../helpers/cli.js';
import { goodFiles, removeTempDirs, tempDir, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(assertBuilt);
afterAll(removeTempDirs);

const withAward = (award: Record<string, unknown>) => {
  const json = JSON.parse(goodFiles()['scenario.json'] ?? '{}') as Record<string, unknown>;
  return { ...json, award: { ...(json['award'] as object), ...award } };
};

function errors(award: Record<string, unknown>): string[] {
  const issues = new IssueList();
  checkSettings(withAward(award), { file: 'scenario.json', line: () => 7 }, issues);
  return issues.errors.map((i) => i.message);
}

describe('MEAT weights', () => {
  test('weights that do not add up to 1 are one message with both figures and the fix', () => {
    expect(errors({ qualityWeight: 0.7 })).toEqual([
      'award.qualityWeight is 0.7 and priceWeight 0.4: they add up to 1.1, and MEAT scores are points out of 100, so the two must add up to 1 (0.7 and 0.3 for 70% quality, 30% price; priceWeight is 0.4 and qualityWeight 0.6 when not given)',
    ]);
    expect(errors({ qualityWeight: 0.5, priceWeight: 0.3 })).toEqual([
      expect.stringContaining('they add up to 0.8'),
    ]);
  });

  test('weights that add up to 1, as shares or as percentages, are fine', () => {
    expect(errors({ qualityWeight: 0.7, priceWeight: 0.3 })).toEqual([]);
    expect(errors({ qualityWeight: '70%', priceWeight: '30%' })).toEqual([]);
    expect(errors({ qualityWeight: 1, priceWeight: 0 })).toEqual([]);
    expect(errors({})).toEqual([]);
  });

  test('through zonal score: the line, exit 2, no scores written', async () => {
    const files = goodFiles();
    const json = withAward({ qualityWeight: 0.7 });
    const dir = await writeScenarioFolder({
      ...files,
      'scenario.json': `${JSON.stringify(json, null, 2)}\n`,
    });
    const out = path.join(await tempDir(), 'scores.csv');
    const r = await zonal(['score', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^scenario\.json:\d+: award\.qualityWeight is 0\.7 and priceWeight 0\.4: they add up to 1\.1/m,
    );
    expect(existsSync(out)).toBe(false);
  });
});
