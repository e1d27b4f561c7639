import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  compareOptions,
  planComparison,
  type BestAward,
  type Comparison,
} from '../../src/compare/compare.js';
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { comparisonReportInput } from '../../src/compare/comparison-report.js';
import { renderComparisonReport } from '../../src/report/html/comparison.js';
import { comparisonCsv, formatComparison } from '../../src/compare/comparison-output.js';
import { comparisonWorkbook } from '../../src/compare/comparison-workbook.js';
import { dominates } from '../../src/compare/rank.js';
import { money } from '../../src/model/money.js';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { repoRoot } from '../helpers/cli.js';
import { close } from '../helpers/run.js';

const run = { backend: highsBackend, timeLimit: 30, inputHash: 't', version: 't' };
let herts: Scenario;
let comparison: Comparison;
let best: BestAward | null;

beforeAll(async () => {
  const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'hertfordshire'));
  if (scenario === null) throw new Error('hertfordshire does not read');
  herts = scenario;
  const c = await compareOptions(herts, { zonings: ['quadrants'], run });
  if (typeof c === 'string') throw new Error(c);
  comparison = c.comparison;
  best = c.best;
});

describe('compareOptions on the bundled Hertfordshire scenario (quadrants)', () => {
  test('every option is solved and verified, with consistent totals', () => {
    expect(comparison.rows.map((r) => r.key).sort()).toEqual(
      [
        'sole',
        'sole-backup',
        'lead-80-20',
        'lead-50-50',
        'complex-per-zone',
        'complex-merged',
        'reablement-per-zone',
      ]
        .map((o) => `${o}@quadrants`)
        .concat('county-framework')
        .sort(),
    );
    const demand = comparison.rows[0]?.metrics?.demandHoursPerWeek ?? NaN;
    for (const row of comparison.rows) {
      expect(row.error, row.key).toBeNull();
      const m = row.metrics;
      if (m === null) throw new Error(row.key);
      expect(m.status).toBe('optimal');
      expect(close(m.demandHoursPerWeek, demand)).toBe(true);
      if (m.unmetHoursPerWeek < demand)
        expect(
          close(
            m.costPerHour,
            m.annualCost / ((m.demandHoursPerWeek - m.unmetHoursPerWeek) * herts.weeksPerYear),
            1e-3,
          ),
        ).toBe(true);
      expect(m.largestShare).toBeLessThanOrEqual(herts.award.maxShareOfTotalHours + 1e-9);
      expect(m.viabilityWorst).toBeLessThanOrEqual(m.viabilityMean + 1e-9);
    }
  });

  test('the cheapest meets all demand at the lowest cost; dominated rows name who beats them', () => {
    const rows = comparison.rows;
    const cheapest = rows.find((r) => r.key === comparison.cheapest);
    const full = rows.filter((r) => r.metrics !== null && r.metrics.unmetHoursPerWeek === 0);
    expect(cheapest?.metrics?.annualCost).toBe(
      Math.min(...full.map((r) => r.metrics?.annualCost ?? Infinity)),
    );
    const leastRisky = rows.find((r) => r.key === comparison.leastRisky);
    expect(leastRisky?.metrics?.riskScore).toBe(
      Math.min(...full.map((r) => r.metrics?.riskScore ?? Infinity)),
    );
    expect(comparison.dominated.length).toBeGreaterThan(0);
    expect(best?.key).toBe(comparison.cheapest);
    expect(best?.result.totals.annualCost).toBe(cheapest?.metrics?.annualCost);
    expect(best?.result.zoning).toBe(best?.scenario.zoning);
    expect(best?.key === 'county-framework' || best?.scenario.zoning === 'quadrants').toBe(true);
    for (const row of rows) {
      for (const key of row.dominatedBy) {
        const by = rows.find((r) => r.key === key)?.metrics;
        if (by == null || row.metrics === null) throw new Error(key);
        expect(dominates(by, row.metrics)).toBe(true);
      }
    }
  });

  test("the printed comparison writes money in the scenario's currency: a council that prices in euros reads no £", () => {
    // Until 2026-12-02 the table's "£/hour" column, "costs £… a year less" and the payment models said £ whatever the currency.
    const text = formatComparison(comparison, 'EUR');
    expect(comparison.dominated.length).toBeGreaterThan(0);
    expect(text).not.toContain('£');
    expect(text).toMatch(/ €\/hour /);
    expect(text).toMatch(/^Cheapest: .*: €[\d.]+m a year, risk/m);
    expect(text).toMatch(/ costs €[\d,.]+k? a year less/);
    expect(text).toMatch(/^Payment models/m);
    expect(text).toMatch(/ €[\d.]+m \(€[\d.]+m-€[\d.]+m\)/);
  });

  test('the printed verdict says, for each dominated option, which option beats it and by how much', () => {
    const text = formatComparison(comparison, 'GBP');
    expect(comparison.dominated.length).toBeGreaterThan(0);
    for (const key of comparison.dominated) {
      const row = comparison.rows.find((r) => r.key === key);
      const [first, ...more] = row?.dominatedBy ?? [];
      const by = comparison.rows.find((r) => r.key === first);
      if (row?.metrics == null || by?.metrics == null) throw new Error(key);
      const saved = row.metrics.annualCost - by.metrics.annualCost;
      const [a, b] = [by.metrics.riskScore, row.metrics.riskScore].map((x) => x.toFixed(0));
      const [theirs, ours] = [by.metrics.viabilityWorst, row.metrics.viabilityWorst].map(Math.round);
      const weaker =
        (theirs ?? 0) < (ours ?? 0)
          ? `, but its least viable winner scores ${theirs}/100 against ${ours}/100`
          : '';
      const line = `  ${key}: ${first} ${saved > 0 ? `costs ${money(saved, 'GBP')} a year less` : 'costs the same'}, ${a !== b ? `with risk ${a}/100 against ${b}/100` : by.metrics.riskScore === row.metrics.riskScore ? `at the same risk (${a}/100)` : `at a risk a little lower than its ${b}/100`}${weaker}${more.length === 0 ? '' : ` (${more.length} more beat it too)`}`;
      expect(text.split('\n')).toContain(line);
    }
  });

  test('a dominated option beaten by one with a less viable winner says so: dominance weighs cost and risk only (explore19)', () => {
    // The test above pins each line's words; this one checks the quadrants map has such lines at all.
    const lines = formatComparison(comparison, 'GBP').split('\n');
    const caveat = lines.filter((l) => l.includes(', but its least viable winner scores '));
    expect(caveat.length).toBeGreaterThan(0);
    for (const l of caveat) {
      const [, theirs, ours] = /scores (\d+)\/100 against (\d+)\/100/.exec(l) ?? [];
      expect(Number(theirs)).toBeLessThan(Number(ours));
    }
  });

  test('options that leave hours unmet are listed apart as not buyable, never named cheapest or least risky, never dominating', () => {
    const short = comparison.rows.filter((r) => (r.metrics?.unmetHoursPerWeek ?? 0) > 0).map((r) => r.key);
    // On the quadrant map one provider per zone cannot cover the county's complex care: the sole options leave hours unbought.
    expect(short.length).toBeGreaterThan(0);
    expect([...comparison.notBuyable].sort()).toEqual([...short].sort());
    expect(comparison.notBuyable).not.toContain(comparison.cheapest);
    expect(comparison.notBuyable).not.toContain(comparison.leastRisky);
    for (const row of comparison.rows) {
      expect(row.buyable).toBe(!short.includes(row.key));
      for (const key of row.dominatedBy) expect(short).not.toContain(key);
      if (!row.buyable) {
        expect(row.dominatedBy).toEqual([]);
        // …and says in which lots, so a commissioner knows where the care goes unbought.
        expect(row.notBuyableBecause).toMatch(
          /^leaves [\d,.]+ of [\d,.]+ hours a week unbought, in (complex|standard|reablement):[\w-]+ [\d,.]+ h/,
        );
        // its all-in cost buys the unmet hours at the spot price
        const m = row.metrics;
        if (m === null) throw new Error(row.key);
        expect(
          close(
            m.allInAnnualCost,
            m.annualCost + m.unmetHoursPerWeek * herts.award.spotPricePerHour * herts.weeksPerYear,
            1e-6,
          ),
        ).toBe(true);
      }
    }
    expect(formatComparison(comparison, 'GBP')).toContain(`Cannot be bought as specified (${short.length})`);
  });

  test('comparison.xlsx names the same real choices as the printout, and sets apart the options that cannot be bought', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await comparisonWorkbook(comparison, 'GBP')) as unknown as ArrayBuffer);
    const summary = new Map<string, string>();
    wb.getWorksheet('summary')?.eachRow((row) => {
      summary.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    const printed = formatComparison(comparison, 'GBP')
      .split('\n')
      .find((l) => l.startsWith('Not dominated (the real choices between cost and risk): '))
      ?.split(': ')[1];
    expect(comparison.notBuyable.length).toBeGreaterThan(0);
    expect(summary.get('Not dominated (the real choices)')).toBe(printed);
    expect(summary.get('Cannot be bought as specified')).toBe(comparison.notBuyable.join(', '));
  });

  test('every row of the printed table has a verdict: the real choices that are neither cheapest nor least risky say so', async () => {
    // On Hertfordshire's districts: since cover counts only the room left in the stand-ins'
    // bids (2026-12-02, session 16), its quadrants have no real choice between the cheapest
    // and the least risky option to check this by, and since a back-up's bids for a zone
    // another provider leads no longer count (explore23), neither has the tiny scenario.
    const c = await compareOptions(herts, { zonings: ['districts'], run });
    if (typeof c === 'string') throw new Error(c);
    const comparison = c.comparison;
    const lines = formatComparison(comparison, 'GBP').split('\n');
    const header = lines.findIndex((l) => l.trimStart().startsWith('#'));
    const rows = lines.slice(header + 2, header + 2 + comparison.rows.length);
    const choices = comparison.rows.filter(
      (r) =>
        r.buyable &&
        r.dominatedBy.length === 0 &&
        r.key !== comparison.cheapest &&
        r.key !== comparison.leastRisky,
    );
    expect(choices.length).toBeGreaterThan(0);
    for (const [i, row] of comparison.rows.entries()) {
      const verdict = choices.includes(row) ? 'real choice' : null;
      if (verdict !== null) expect(rows[i]?.trimEnd().endsWith(verdict), rows[i]).toBe(true);
      expect(rows[i]?.trimEnd().endsWith(String(row.metrics?.hhi.toLocaleString('en-GB'))), rows[i]).toBe(
        false,
      );
    }
  });

  test('the table and the CSV say the same', async () => {
    const text = formatComparison(comparison, 'GBP');
    expect(text).toContain(`Cheapest: ${comparison.cheapest ?? ''}`.split('@')[0]);
    expect(text).toMatch(/Least risky: /);
    const csv = comparisonCsv(comparison).trim().split('\n');
    expect(csv.length).toBe(comparison.rows.length + 1);
    expect(csv[1]?.startsWith(`1,${comparison.rows[0]?.key ?? ''},`)).toBe(true);
  });

  // mend17b: until then the report's one "Viability" column was the award's hours-weighted score,
  // beside the printout's mean and worst: a reader comparing them saw other numbers for the same option.
  test("report.html's ranked table gives the viability figures the printout gives, under the same names", () => {
    const lines = formatComparison(comparison, 'GBP').split('\n');
    const at = lines.findIndex((l) => l.trim().startsWith('#  option'));
    const cells = (line: string) => line.trim().split(/\s{2,}/);
    const head = cells(lines[at] ?? '');
    const printed = new Map(
      lines
        .slice(at + 2)
        .filter((l) => /^\s*\d+\s/.test(l))
        .map((l) => cells(l))
        .filter((row) => row.length === head.length)
        .map((row) => [row[0], [row[head.indexOf('viab mean')], row[head.indexOf('viab worst')]]]),
    );
    expect(printed.size).toBeGreaterThan(3);
    const { document } = parseHTML(
      renderComparisonReport(comparisonReportInput({ comparison, best }, 'GBP')),
    );
    const table = [...document.querySelectorAll('table')].find((t) =>
      t.querySelector('caption')?.textContent?.startsWith('Options ranked'),
    );
    const headers = [...(table?.querySelectorAll('th') ?? [])].map((th) => th.textContent ?? '');
    const [mean, worst] = [headers.indexOf('Viability mean'), headers.indexOf('Viability worst')];
    expect([mean, worst].every((i) => i > 0)).toBe(true);
    const shown = new Map(
      [...(table?.querySelectorAll('tbody tr') ?? [])]
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''))
        .filter((row) => printed.has(row[0]))
        .map((row) => [row[0], [row[mean], row[worst]]]),
    );
    expect(shown).toEqual(printed);
  });

  test('a subset of options, and unknown names refused', async () => {
    const c = await compareOptions(herts, {
      zonings: ['quadrants'],
      options: ['lead-80-20', 'county-framework'],
      run,
    });
    if (typeof c === 'string') throw new Error(c);
    expect(c.comparison.rows.map((r) => r.key).sort()).toEqual(['county-framework', 'lead-80-20@quadrants']);
    expect(await compareOptions(herts, { options: ['nope'], run })).toMatch(/--options nope: no such option/);
  });
});

/** Two areas, each its own zone, with 100 hours a week each: the small tenders below differ only in their bids and rules. */
async function twoZones(
  parts: Omit<
    Parameters<typeof import('../helpers/scenario-builder.js').makeScenario>[0],
    'areas' | 'zones' | 'demand'
  >,
) {
  const { area, demand, makeScenario } = await import('../helpers/scenario-builder.js');
  return makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z2' },
    demand: [demand('A1', 100), demand('A2', 100)],
    ...parts,
  });
}

describe('an option no bidder priced', () => {
  test('is not buyable, says which lots no bidder priced, and is never cheapest', async () => {
    const { bid, provider } = await import('../helpers/scenario-builder.js');
    // Both providers priced only zonal lots: nobody offered a price for a county framework.
    const s = await twoZones({
      providers: [provider('P1'), provider('P2')],
      bids: [
        bid('B1', 'P1', ['A1', 'A2'], { price: 20, structures: ['sole', 'lead-secondary'] }),
        bid('B2', 'P2', ['A1', 'A2'], { price: 22, structures: ['sole', 'lead-secondary'] }),
      ],
    });
    const c = await compareOptions(s, { options: ['sole', 'county-framework'], run });
    if (typeof c === 'string') throw new Error(c);
    const framework = c.comparison.rows.find((r) => r.key === 'county-framework');
    expect(framework?.buyable).toBe(false);
    expect(framework?.notBuyableBecause).toBe(
      'leaves 200 of 200 hours a week unbought; not priced by any bidder: standard:county',
    );
    expect(c.comparison.notBuyable).toEqual(['county-framework']);
    expect(c.comparison.cheapest).toBe('sole@z');
  });
});

describe('an option with no possible award', () => {
  test('is "infeasible" in comparison.csv and comparison.xlsx, as in the printout, not "failed"', async () => {
    const { bid, provider } = await import('../helpers/scenario-builder.js');
    // One bidder and a rule asking for two: no award is possible, an answer rather than a fault.
    const s = await twoZones({
      providers: [provider('P1')],
      bids: [bid('B1', 'P1', ['A1', 'A2'], { price: 20 })],
      award: { minDistinctProviders: 2 },
    });
    const c = await compareOptions(s, { options: ['sole'], run });
    if (typeof c === 'string') throw new Error(c);
    const row = c.comparison.rows[0];
    expect(row?.diagnosis).not.toBeNull();
    expect(formatComparison(c.comparison, 'GBP')).toMatch(/ sole {2,}z {2,}infeasible /);
    expect(formatComparison(c.comparison, 'GBP')).toMatch(/: 1 option compared \(/);
    const csv = comparisonCsv(c.comparison).trim().split('\n');
    const status = csv[0]?.split(',').indexOf('status') ?? -1;
    expect(csv[1]?.split(',')[status]).toBe('infeasible');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await comparisonWorkbook(c.comparison, 'GBP')) as unknown as ArrayBuffer);
    expect(
      wb
        .getWorksheet('options')
        ?.getRow(2)
        .getCell(status + 1).value,
    ).toBe('infeasible');
    // …and its summary says why there is no cheapest option as the printout does: it was solved, and buys nothing.
    const summary = new Map<string, unknown>();
    wb.getWorksheet('summary')?.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value));
    const printed = formatComparison(c.comparison, 'GBP')
      .split('\n')
      .find((l) => l.startsWith('Cheapest: '))
      ?.slice('Cheapest: '.length);
    expect(summary.get('Cheapest')).toBe(printed);
    expect(summary.get('Least risky')).toBe(printed);
  });
});

describe('an option whose every bid in a lot is below legal pay', () => {
  test('says the bids were rejected below legal pay, not that no bidder priced the lot', async () => {
    const { bid, provider } = await import('../helpers/scenario-builder.js');
    // Wyndale's four-zone map: Z-DALE had 4 bids and Z-FEN 5, all below the legal-pay floor
    // of those rural zones, and compare said "not priced by any bidder".
    const s = await twoZones({
      providers: [provider('P1'), provider('P2')],
      bids: [
        bid('B1', 'P1', ['A1'], { price: 10 }),
        bid('B2', 'P2', ['A1'], { price: 11 }),
        bid('B3', 'P1', ['A2'], { price: 30 }),
      ],
      award: { rejectBelowLegalPay: true },
    });
    const c = await compareOptions(s, { options: ['sole'], run });
    if (typeof c === 'string') throw new Error(c);
    expect(c.comparison.rows.find((r) => r.key === 'sole@z')?.notBuyableBecause).toBe(
      'leaves 100 of 200 hours a week unbought; every bid below legal pay (rejected): standard:Z1 (2 bids)',
    );
  });
});

describe('an option that leaves hours unbought in several lots', () => {
  test('names them most unmet first, equal ones by lot id (neither provider can hold a whole lot)', async () => {
    const { bid, provider } = await import('../helpers/scenario-builder.js');
    const s = await twoZones({
      providers: [provider('P2', { maxHours: 40 }), provider('P1', { maxHours: 40 })],
      bids: [bid('B2', 'P2', ['A2'], { price: 20 }), bid('B1', 'P1', ['A1'], { price: 20 })],
    });
    const c = await compareOptions(s, { options: ['sole'], run });
    if (typeof c === 'string') throw new Error(c);
    expect(c.comparison.rows.find((r) => r.key === 'sole@z')?.notBuyableBecause).toBe(
      'leaves 200 of 200 hours a week unbought, in standard:Z1 100 h, standard:Z2 100 h',
    );
  });
});

describe('a dominated option beaten at a risk that prints the same', () => {
  test('is told the other is a little less risky, not "at the same risk", unless the risks are equal (explore23)', async () => {
    // On the tiny scenario, reablement-per-zone@two (risk 47.5) beats lead-80-20@two (47.8): both print 48
    // (until later on 2026-12-02 lead-50-50@two, 41.6, beat sole-backup@two, 42.3; N-1 now holds a
    // winner's spare against its lead's hours in both zones at once, and lead-50-50@two scores 46).
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (scenario === null) throw new Error('tiny does not read');
    const c = await compareOptions(scenario, { zonings: ['two'], run });
    if (typeof c === 'string') throw new Error(c);
    const lines = formatComparison(c.comparison, 'GBP').split('\n');
    const roundedAlike = c.comparison.dominated.flatMap((key) => {
      const row = c.comparison.rows.find((r) => r.key === key);
      const by = c.comparison.rows.find((r) => r.key === row?.dominatedBy[0]);
      if (row?.metrics == null || by?.metrics == null) return [];
      const [theirs, ours] = [by.metrics.riskScore, row.metrics.riskScore];
      return theirs.toFixed(0) === ours.toFixed(0) ? [{ key, theirs, ours }] : [];
    });
    expect(roundedAlike.some((r) => r.theirs < r.ours)).toBe(true);
    for (const { key, theirs, ours } of roundedAlike) {
      const line = lines.find((l) => l.startsWith(`  ${key}: `)) ?? '';
      const words =
        theirs === ours
          ? `at the same risk (${ours.toFixed(0)}/100)`
          : `a little lower than its ${ours.toFixed(0)}/100`;
      expect(line, line).toContain(words);
    }
  });
});

describe("the scenario's own lot plan", () => {
  test('is compared and ranked beside the standard options when it is none of them, with what zonal solve awards', async () => {
    const { scenario: tiny } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (tiny === null) throw new Error('tiny does not read');
    // A prime and two secondaries per zone, 60/20/20: no option of the default set.
    const own: Scenario = {
      ...tiny,
      lotPlan: {
        ...tiny.lotPlan,
        standard: {
          kind: 'lot',
          geography: 'zone',
          structure: 'prime-secondaries',
          primeShare: 0.6,
          secondaries: 2,
        },
      },
      award: { ...tiny.award, minDistinctProviders: 2 },
    };
    const c = await compareOptions(own, { zonings: ['two'], run });
    if (typeof c === 'string') throw new Error(c);
    const row = c.comparison.rows.find((r) => r.key === 'as-set@two');
    expect(row?.label).toBe('as set in scenario.json');
    expect(row?.standard).toBe('per zone prime 60/20/20');
    expect(row?.buyable).toBe(true);
    const { solved } = await import('../helpers/run.js');
    const award = await solved(own, highsBackend, 'two');
    expect(close(row?.metrics?.annualCost ?? NaN, award.totals.annualCost)).toBe(true);
    expect(row?.metrics?.riskScore).toBe(award.totals.riskScore);
    const risks = c.comparison.rows.flatMap((r) =>
      r.buyable && r.metrics !== null ? [r.metrics.riskScore] : [],
    );
    expect(c.comparison.leastRisky === 'as-set@two').toBe(award.totals.riskScore <= Math.min(...risks));
    expect(c.comparison.rows.map((r) => r.rank)).toEqual(c.comparison.rows.map((_, i) => i + 1));
  });
});

describe('two options with the same annual cost and risk', () => {
  test('are both said to be cheapest, tied, not one "cheapest" and the other a trade-off chosen by name (explore21)', async () => {
    // On the tiny scenario's single zone ("one") reablement tendered per zone is reablement
    // county-wide: until 2026-12-02 lead-80-20 was "cheapest" by its name alone, and
    // reablement-per-zone, at the same £ and risk, "real choice", as if it traded one against
    // the other. (On zoning "two" the two awards are the same, but since cover counts the room
    // left in the stand-ins' bids lot by lot, session 16, their risks differ: 47.8 and 47.5.)
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (scenario === null) throw new Error('tiny does not read');
    const c = await compareOptions(scenario, {
      zonings: ['one'],
      options: ['lead-80-20', 'reablement-per-zone', 'sole'],
      run,
    });
    if (typeof c === 'string') throw new Error(c);
    const [first, second] = c.comparison.rows;
    expect(first?.metrics?.annualCost).toBe(second?.metrics?.annualCost);
    expect(first?.metrics?.riskScore).toBe(second?.metrics?.riskScore);
    const lines = formatComparison(c.comparison, 'GBP').split('\n');
    const verdict = (key: string) =>
      lines
        .find((l) => l.includes(key.split('@')[0] ?? key))
        ?.trim()
        .split(/ {2,}/)
        .at(-1);
    expect(verdict(first?.key ?? '')).toBe('cheapest, least risk');
    expect(verdict(second?.key ?? '')).toBe('cheapest (tied), least risk (tied)');
    expect(lines.find((l) => l.startsWith('Cheapest: '))).toMatch(
      new RegExp(`; tied with ${second?.key ?? ''} \\(the same annual cost and risk\\)$`),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await comparisonWorkbook(c.comparison, 'GBP')) as unknown as ArrayBuffer);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('summary')?.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(summary.get('Cheapest')).toMatch(new RegExp(`tied with ${second?.key ?? ''}`));
  });
});

describe('options the solver stopped at the time limit', () => {
  test('are said to be not proven, so an award cut short is not called unbuyable as a fact (explore21)', async () => {
    // Until 2026-12-02 `--time-limit 0.05` on Hertfordshire listed lead-80-20@districts and the
    // county framework under "Cannot be bought as specified: not real choices, whatever they
    // cost", though a full solve buys every hour of both, and called others dominated, unsaid.
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (scenario === null) throw new Error('tiny does not read');
    const c = await compareOptions(scenario, { options: ['lead-80-20', 'lead-50-50'], run });
    if (typeof c === 'string') throw new Error(c);
    // Solved: lead-50-50@one leaves hours unbought, proven. Stopped short: the same figures, unproven.
    const short = c.comparison.rows.find((r) => r.key === 'lead-50-50@one');
    expect(short?.notBuyableBecause).toMatch(/^leaves /);
    expect(short?.notBuyableBecause).not.toMatch(/time limit/);
    const stopped = await compareOptions(scenario, {
      options: ['lead-80-20', 'lead-50-50'],
      run: { ...run, timeLimit: 1e-9 },
    });
    if (typeof stopped === 'string') throw new Error(stopped);
    const unproven = stopped.comparison.rows.filter((r) => r.metrics?.status === 'feasible');
    const cutShort = unproven.find((r) => r.key === 'lead-50-50@one');
    expect(cutShort?.notBuyableBecause).toMatch(
      /^leaves .*; not proven: the solver stopped at the time limit/,
    );
    expect(formatComparison(c.comparison, 'GBP')).not.toMatch(/^Stopped at the time limit/m);
    // The heading over them says it too, not "not real choices" as a fact.
    const apart = stopped.comparison.rows.filter((r) => !r.buyable);
    const cut = apart.filter((r) => r.metrics?.status === 'feasible').length;
    const printed = formatComparison(stopped.comparison, 'GBP').split('\n');
    expect(printed).toContain(
      `Cannot be bought as specified (${apart.length}; ${cut} of them not proven, stopped at the time limit): not real choices as they stand`,
    );
    // Said once per place (review of explore21): the heading counts those cut short, so their
    // lines do not say it again at length, and the list of options stopped at the time limit
    // names only those not already counted there.
    const others = unproven.filter((r) => r.buyable);
    const stoppedLine = printed.find((l) => l.startsWith('Stopped at the time limit')) ?? '';
    for (const r of others) expect(stoppedLine).toContain(`${r.key} (gap`);
    for (const r of apart) {
      expect(stoppedLine).not.toContain(`${r.key} (gap`);
      expect(printed.find((l) => l.startsWith(`  ${r.key}: `))).not.toMatch(/not proven: the solver stopped/);
    }
    expect(printed.join('\n').match(/not proven/g)?.length ?? 0).toBeLessThanOrEqual(
      2 + (cut > 0 && cut < apart.length ? cut : 0),
    );
  });
});

describe('a care type the scenario does not tender', () => {
  test('reads "none" in comparison.csv, not "\'-" (a lone dash the formula guard quoted) (explore21)', async () => {
    // tiny has no complex care: until 2026-12-02 its column said '- in Excel, quote mark and all.
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (scenario === null) throw new Error('tiny does not read');
    const c = await compareOptions(scenario, { options: ['lead-80-20'], zonings: ['two'], run });
    if (typeof c === 'string') throw new Error(c);
    const [header, first] = comparisonCsv(c.comparison).trim().split('\n');
    const complex = header?.split(',').indexOf('complex') ?? -1;
    expect(first?.split(',')[complex]).toBe('none');
  });
});

describe('names given to --zonings or --options', () => {
  test('split by semicolons (a spreadsheet list) are told to be split by commas (explore21)', async () => {
    // Until 2026-12-02: `--zonings two;one: no such zoning; choose from two, one`.
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (scenario === null) throw new Error('tiny does not read');
    expect(planComparison(scenario, ['two;one'], undefined)).toBe(
      '--zonings two;one: separate the names with commas, not semicolons: --zonings two,one',
    );
    expect(planComparison(scenario, undefined, ['sole; lead-80-20'])).toBe(
      '--options sole; lead-80-20: separate the names with commas, not semicolons: --options sole,lead-80-20',
    );
    expect(planComparison(scenario, ['two;three'], undefined)).toMatch(
      /^--zonings two;three: no such zoning/,
    );
  });
});
