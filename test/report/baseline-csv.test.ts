/**
 * The award as next year's current.csv: every awarded hour lands on an area,
 * a care type and a provider, and a merged care type gets its hours back.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { awardAsCurrent, baselineCsv } from '../../src/report/baseline-csv.js';
import { repoRoot } from '../helpers/cli.js';
import { close, run } from '../helpers/run.js';
import { area, bid, demand, lotEntry, makeScenario, provider } from '../helpers/scenario-builder.js';

const herts = (await readScenario(path.join(repoRoot, 'scenarios', 'hertfordshire'))).scenario as Scenario;

async function baseline(scenario: Scenario) {
  const outcome = await run(scenario);
  if (outcome.kind !== 'ok') throw new Error(outcome.kind);
  return { result: outcome.result, rows: awardAsCurrent(outcome.result, scenario, outcome.lots) };
}

describe('awardAsCurrent', () => {
  test('each provider keeps exactly its awarded hours, spread over areas', async () => {
    const { result, rows } = await baseline(herts);
    for (const p of result.providers) {
      const sum = rows.filter((r) => r.providerId === p.providerId).reduce((t, r) => t + r.hours, 0);
      expect(close(sum, p.hoursPerWeek, 1e-9)).toBe(true);
    }
    expect(new Set(rows.map((r) => r.areaId))).toEqual(new Set(herts.areas.map((a) => a.id)));
  });

  test('a care type merged into the standard lots gets its own rows back, matching its demand', async () => {
    const merged: Scenario = {
      ...herts,
      lotPlan: { ...herts.lotPlan, complex: { kind: 'merge', into: 'standard' } },
    };
    const { result, rows } = await baseline(merged);
    expect(result.totals.unmetHoursPerWeek).toBe(0);
    for (const area of herts.areas) {
      const demand = [...herts.demand]
        .filter((d) => d.areaId === area.id && d.careType === 'complex' && d.period === herts.period)
        .reduce((t, d) => t + d.hours, 0);
      const awarded = rows
        .filter((r) => r.areaId === area.id && r.careType === 'complex')
        .reduce((t, r) => t + r.hours, 0);
      expect(close(awarded, demand, 1e-9)).toBe(true);
    }
  });

  test('the CSV has the current.csv columns', async () => {
    const csv = baselineCsv([{ areaId: 'A1', careType: 'standard', providerId: 'P1', hours: 12.3456 }]);
    expect(csv).toBe('area_id,care_type,provider_id,hours_per_week\nA1,standard,P1,12.35\n');
  });

  test("lists rows by area, care type and provider in the locale's reading order ('a2' between 'A1' and 'B3'), as it always has", async () => {
    const scenario = makeScenario({
      areas: [area('B3'), area('a2'), area('A1')],
      zones: { B3: 'Z3', a2: 'Z1', A1: 'Z2' },
      demand: [
        demand('B3', 10),
        demand('a2', 10),
        demand('A1', 10),
        demand('A1', 5, { careType: 'complex' }),
      ],
      providers: [provider('P2'), provider('p1')],
      bids: [
        bid('S2', 'P2', ['A1', 'a2', 'B3'], { price: 21 }),
        bid('S1', 'p1', ['A1', 'a2', 'B3'], { price: 20 }),
        bid('C2', 'P2', ['A1'], { price: 30, careType: 'complex' }),
      ],
      lotPlan: { standard: lotEntry({ structure: 'lead-secondary', leadShare: 0.8 }), complex: lotEntry() },
    });
    const { rows } = await baseline(scenario);
    // By code point 'B3' would come before 'a2', and 'P2' before 'p1'.
    expect(rows.map((r) => `${r.areaId} ${r.careType} ${r.providerId}`)).toEqual([
      'A1 complex P2',
      'A1 standard p1',
      'A1 standard P2',
      'a2 standard p1',
      'a2 standard P2',
      'B3 standard p1',
      'B3 standard P2',
    ]);
  });
});
