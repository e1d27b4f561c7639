/**
 * The printed summary of a council that prices in euros (scenario.json `"currency": "EUR"`):
 * every money figure in €, from the one formatter (model/money.ts). Until 2026-12-02 the lot
 * table's "floor £/h", the rejected bids' warnings, the flags and the whole-contract lines said £.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import { formatSummary } from '../../src/report/summary.js';
import { solved } from '../helpers/run.js';
import { budgetMove } from '../../src/contract/budget.js';
import { relaxationEffect } from '../../src/explain/relaxation-effect.js';

let lines: string[];
let result: Result;

beforeAll(async () => {
  const { scenario } = await readScenario('scenarios/hertfordshire');
  if (scenario === null) throw new Error('the county reads');
  result = await solved({ ...scenario, currency: 'EUR' });
  lines = formatSummary(result).split('\n');
});

const line = (start: RegExp) => lines.find((l) => start.test(l)) ?? `(no line ${start})`;

describe('the printed summary in euros', () => {
  it('writes the headline, the lot table and its header in €', () => {
    expect(line(/^Annual cost /)).toMatch(/^Annual cost €[\d.]+m \(€[\d.]+ per hour\)/);
    expect(line(/^ {2}lot /)).toMatch(/ floor €\/h /);
    expect(line(/^ {2}standard:Z-BRX /)).toMatch(/ €[\d.]+m +€[\d.]+ /);
  });

  it("writes the rejected bids' warnings in €", () => {
    const rejected = result.warnings.filter((w) => w.includes('cannot pay legal wages'));
    expect(rejected.length).toBeGreaterThan(0);
    for (const w of rejected)
      expect(w).toMatch(/: €\d+\.\d\d\/h cannot pay legal wages there \(floor €\d+\.\d\d\/h\)$/);
  });

  it('writes the whole contract in €', () => {
    expect(line(/^ {2}term /)).toMatch(/: €[\d.]+m nominal, €[\d.]+m discounted$/);
    expect(line(/^ {2}transition: /)).toMatch(/one-off cost €[\d.]+m/);
    expect(line(/^ {2}paid hourly: /)).toMatch(/^ {2}paid hourly: €[\d.]+m a year \(€[\d.]+m-€[\d.]+m\)/);
  });

  it('writes the reasons, lot risks, rule costs and flags in € too: no £ in any line', () => {
    // Until 2026-12-02 (session 16) these were made in src/scoring and src/explain with £.
    expect(line(/^ {4}why: /)).toMatch(/ €\d+\.\d\d, runner-up /);
    expect(lines.filter((l) => l.includes('£'))).toEqual([]);
    expect(relaxationEffect(-27225, 0, 0, 'EUR')).toBe(
      'spend falls by €27,225 a year; unmet hours unchanged',
    );
    expect(budgetMove(1_000_000, 1_200_000, 'EUR')).toBe(
      'the award costs at most €1,000,000 in the design year: an award is possible from €1,200,000; raise award.maxAnnualBudget to 1200000',
    );
    const reasons = result.lots.flatMap((l) => Object.values(l.riskDetail ?? {}).map((c) => c.reason));
    // Every lot's risk components, with their reasons: a price in each lot's "price" reason.
    expect(reasons.length).toBeGreaterThan(result.lots.length);
    expect(reasons.filter((r) => r.includes('€')).length).toBeGreaterThan(0);
    expect(reasons.filter((r) => r.includes('£'))).toEqual([]);
  });
});
