/**
 * A lot nobody is awarded has no cost: every output says so rather than showing £0.00, which a
 * spreadsheet would add up as care bought free.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { renderSolveReport } from '../../src/report/html/solve-report.js';
import { lotsTable } from '../../src/report/result-csv.js';
import { formatSummary } from '../../src/report/summary.js';
import { solved } from '../helpers/run.js';
import { bid, demand, lotEntry, twoAreaZones } from '../helpers/scenario-builder.js';

/** Standard care bought in two zones; reablement, 20 h/week county-wide, has no bid, so nobody is awarded it. */
const scenario: Scenario = twoAreaZones(['P1'], [bid('B1', 'P1', ['A1', 'A2'], { price: 30 })], {
  demand: [demand('A1', 100), demand('A2', 100), demand('A1', 20, { careType: 'reablement' })],
  lotPlan: { standard: lotEntry(), reablement: lotEntry({ geography: 'county' }) },
});
let result: Result;

beforeAll(async () => {
  result = await solved(scenario);
  expect(result.lots.find((l) => l.lotId === 'reablement:county')?.allocatedHoursPerWeek).toBe(0);
});

/** The cells of the rows of the table whose caption starts `caption`, by the text of their first cell. */
function htmlRows(caption: string): Map<string, string[]> {
  const { document } = parseHTML(renderSolveReport(result, scenario));
  const table = [...document.querySelectorAll('table')].find((t) =>
    t.querySelector('caption')?.textContent?.startsWith(caption),
  );
  const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((r) =>
    [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''),
  );
  return new Map(rows.map((r) => [r[0] ?? '', r]));
}

describe('the cost of a lot nobody is awarded', () => {
  it('the printout says "not awarded", not £0.00', () => {
    const line = formatSummary(result)
      .split('\n')
      .find((l) => l.trim().startsWith('reablement:county'));
    expect(line).toMatch(/\(none\)\s+20\s+not awarded\s/);
    expect(line).not.toMatch(/£0/);
  });

  it('lots.csv and result.xlsx keep the annual_cost column and leave the cell empty; an awarded lot keeps its cost', () => {
    const table = lotsTable(result);
    const column = table.columns.findIndex((c) => c.header === 'annual_cost');
    expect(column).toBeGreaterThan(0);
    const cost = new Map(table.rows.map((r) => [r[0], r[column]]));
    expect(cost.get('reablement:county')).toBeNull();
    expect(cost.get('standard:Z1')).toBe(100 * 30 * 52);
  });

  it('report.html says "not awarded" in the award table and the cost table', () => {
    expect(htmlRows('Award per lot').get('reablement:county')?.[4]).toBe('not awarded');
    const costs = htmlRows('Cost per lot');
    expect(costs.get('reablement:county')?.[7]).toBe('not awarded');
    expect(costs.get('standard:Z1')?.[7]).toBe('£156,000');
  });
});
