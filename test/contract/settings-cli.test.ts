/**
 * Bad contract, transition, payment and budget settings: one message each
 * (checked in process, with the key path), and through the built CLI: the
 * line of scenario.json, exit 2, nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSettings } from '../../src/io/scenario-settings.js';
import { IssueList } from '../../src/diagnostics/issues.js';
import { assertBuilt, zonal } from '../helpers/cli.js';
import { goodFiles, removeTempDirs, tempDir, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(assertBuilt);
afterAll(removeTempDirs);

async function withSettings(extra: Record<string, unknown>) {
  const files = goodFiles();
  const json = JSON.parse(files['scenario.json'] ?? '{}') as Record<string, unknown>;
  const merged = {
    ...json,
    ...extra,
    award: { ...(json['award'] as object), ...((extra['award'] as object) ?? {}) },
  };
  return writeScenarioFolder({ ...files, 'scenario.json': `${JSON.stringify(merged, null, 2)}\n` });
}

const cases: [Record<string, unknown>, RegExp][] = [
  [{ contract: { years: 0 } }, /contract\.years must be at least 1/],
  [{ contract: { years: 3, discountRate: 3.5 } }, /contract\.discountRate must be at most 0\.2/],
  [{ contract: { years: 3, indexation: { kind: 'fixed' } } }, /contract\.indexation\.percentPerYear/],
  [{ contract: { years: 3, startPeriod: 'next year' } }, /contract\.startPeriod must be a year/],
  [
    { award: { objective: 'whole-life' } },
    /award\.objective is "whole-life" but the scenario has no "contract"/,
  ],
  [{ award: { maxAnnualBudget: 0 } }, /award\.maxAnnualBudget must be more than 0/],
  [{ transition: { maxMovedShare: 1.5 } }, /transition\.maxMovedShare must be at most 1/],
  [
    { transition: { priceChange: true }, award: { objective: 'meat' } },
    /transition\.priceChange prices change in money, which/,
  ],
  // Money settings in the scenario's currency, not pounds or £ (until 2026-12-02), whatever the currency.
  [
    { currency: 'EUR', award: { maxAnnualBudget: 'lots' } },
    /award\.maxAnnualBudget must be a number \(a year, in the scenario's currency\), or null for no cap/,
  ],
  [
    { currency: 'EUR', award: { spotPricePerHour: 5000 } },
    /award\.spotPricePerHour must be at most 1000 \(per hour, in the scenario's currency\)$/,
  ],
  [
    { currency: 'EUR', transition: { mobilisationCostPerHour: 'x' } },
    /transition\.mobilisationCostPerHour must be a number \(per weekly hour moved, in the scenario's currency\)/,
  ],
  [
    { currency: 'EUR', payment: { capitated: { lowerPerWeek: 'x' } } },
    /payment\.capitated\.lowerPerWeek must be a number \(an amount in the scenario's currency\)$/,
  ],
  [{ payment: { compare: ['hourly', 'by-outcome'] } }, /payment\.compare\.1 must be a payment model/],
  [
    { payment: { coreReward: { achievement: { low: 0.9, central: 0.5, high: 1 } } } },
    /payment\.coreReward\.achievement needs low <= central <= high/,
  ],
];

describe('contract settings are checked', () => {
  test.each(cases)('%j', (extra, message) => {
    const json = JSON.parse(goodFiles()['scenario.json'] ?? '{}') as Record<string, unknown>;
    const issues = new IssueList();
    const settings = {
      ...json,
      ...extra,
      award: { ...(json['award'] as object), ...((extra['award'] as object) ?? {}) },
    };
    expect(checkSettings(settings, { file: 'scenario.json', line: () => 7 }, issues)).toBeNull();
    expect(issues.errors.map((i) => i.message)).toEqual([expect.stringMatching(message)]);
  });

  test('transition settings without current.csv: a warning, not an error', () => {
    const json = JSON.parse(goodFiles()['scenario.json'] ?? '{}') as Record<string, unknown>;
    const issues = new IssueList();
    const place = { file: 'scenario.json', line: () => 7 };
    expect(checkSettings({ ...json, transition: { maxMovedShare: 0.2 } }, place, issues)).not.toBeNull();
    expect(issues.errors).toEqual([]);
    expect(issues.warnings.map((i) => i.message)).toEqual([
      expect.stringMatching(/^transition has no effect/),
    ]);
  });

  test('through the CLI: file:line, exit 2, nothing written', async () => {
    const [extra, message] = cases[0] ?? [{}, /./];
    const dir = await withSettings(extra);
    const out = path.join(await tempDir(), 'out');
    const run = await zonal(['solve', dir, '--out', out]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^scenario\.json:\d+: contract\.years/m);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  test('a key written twice in scenario.json (lots.standard, payment.lots.standard): the line of the one at fault', async () => {
    const dir = await withSettings({ payment: { lots: { standard: 'capitaited' } } });
    const lines = readFileSync(path.join(dir, 'scenario.json'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"capitaited"')) + 1;
    expect(lines.findIndex((l) => l.includes('"standard"')) + 1).toBeLessThan(at);
    const run = await zonal(['validate', dir]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`scenario.json:${at}: payment.lots.standard must be a payment model`);
  });

  test('a valid contract solves and writes the contract section', async () => {
    const dir = await withSettings({
      contract: { years: 3, indexation: { kind: 'fixed', percentPerYear: 4 } },
      transition: { maxMovedShare: 1 },
      payment: { compare: ['hourly', 'capitated'] },
    });
    const out = path.join(await tempDir(), 'out');
    const run = await zonal(['solve', dir, '--out', out, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { contract: { years: { period: string }[] }; payment: object };
    expect(result.contract.years.map((y) => y.period)).toEqual(['2027', '2028', '2029']);
    expect(result.payment).toBeDefined();
  });
});
