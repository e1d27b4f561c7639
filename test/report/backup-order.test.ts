/**
 * A sole lot's winner comes first in every output that lists a lot's winners, and its named
 * back-ups after it, each said to be a back-up (mend17b: until then the back-ups came first,
 * since winners were listed by role name, and "backup" sorts before "sole").
 */
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { renderSolveReport } from '../../src/report/html/solve-report.js';
import { allocationsTable, lotsTable } from '../../src/report/result-csv.js';
import { formatSummary } from '../../src/report/summary.js';
import { repoRoot } from '../helpers/cli.js';
import { solved } from '../helpers/run.js';
import { lotEntry } from '../helpers/scenario-builder.js';

let scenario: Scenario;
let result: Result;

beforeAll(async () => {
  const read = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
  if (read.scenario === null) throw new Error('scenarios/tiny did not load');
  // Standard care one provider per zone, with named back-ups.
  scenario = {
    ...read.scenario,
    lotPlan: { ...read.scenario.lotPlan, standard: lotEntry({ structure: 'sole', backup: true }) },
  };
  result = await solved(scenario);
});

const north = () => result.lots.find((l) => l.lotId === 'standard:Z-NORTH');

describe("a sole lot's winner and its named back-ups", () => {
  it('result.json lists the winner first, then the back-ups', () => {
    expect(north()?.winners.map((w) => [w.providerId, w.role])).toEqual([
      ['P-ALDER', 'sole'],
      ['P-BIRCH', 'backup'],
      ['P-CEDAR', 'backup'],
    ]);
  });

  it('the printout lists the winner first, and says "back-up" beside the others', () => {
    const line = formatSummary(result)
      .split('\n')
      .find((l) => l.trim().startsWith('standard:Z-NORTH'));
    expect(line).toContain('P-ALDER sole 2,450h, P-BIRCH back-up, P-CEDAR back-up');
  });

  // mend17d: until then allocations went by role name within a lot, so the back-ups came first.
  it("result.json's allocations[], allocations.csv and result.xlsx's allocations sheet list the winner first, as the lot's winners", () => {
    const ofNorth = result.allocations.filter((a) => a.lotId === 'standard:Z-NORTH');
    expect(ofNorth.map((a) => [a.providerId, a.role])).toEqual(
      north()?.winners.map((w) => [w.providerId, w.role]),
    );
    expect(ofNorth.map((a) => a.role)).toEqual(['sole', 'backup', 'backup']);
    const table = allocationsTable(result);
    const lot = table.columns.findIndex((c) => c.header === 'lot_id');
    const provider = table.columns.findIndex((c) => c.header === 'provider_id');
    expect(table.rows.filter((r) => r[lot] === 'standard:Z-NORTH').map((r) => r[provider])).toEqual([
      'P-ALDER',
      'P-BIRCH',
      'P-CEDAR',
    ]);
    // Still by lot first: every lot's allocations together, the lots in id order.
    const lots = result.allocations.map((a) => a.lotId);
    expect(lots).toEqual([...lots].sort());
  });

  it('lots.csv and result.xlsx list the winner first', () => {
    const table = lotsTable(result);
    const column = table.columns.findIndex((c) => c.header === 'winners');
    const row = table.rows.find((r) => r[0] === 'standard:Z-NORTH');
    expect(row?.[column]).toBe('P-ALDER (sole); P-BIRCH (backup); P-CEDAR (backup)');
  });

  it('report.html lists the winner first, and says "back-up" beside the others', () => {
    const { document } = parseHTML(renderSolveReport(result, scenario));
    const table = [...document.querySelectorAll('table')].find((t) =>
      t.querySelector('caption')?.textContent?.startsWith('Award per lot'),
    );
    const row = [...(table?.querySelectorAll('tbody tr') ?? [])].find(
      (r) => r.querySelector('td')?.textContent === 'standard:Z-NORTH',
    );
    expect([...(row?.querySelectorAll('.winner small') ?? [])].map((s) => s.textContent)).toEqual([
      'P-ALDER · sole · 2,450 h/week',
      'P-BIRCH · back-up',
      'P-CEDAR · back-up',
    ]);
  });
});
