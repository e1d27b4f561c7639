/**
 * The providers map's legend lists the zones' lead providers in the locale's
 * reading order, as it always has (not by code point, as ids are elsewhere):
 * small and capital letters together; then "No award", last, where a reader
 * looks for it (until 2026-12-02 it came first: the locale put the "~" it was
 * sorted by before letters and digits).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { LotResult, Result } from '../../src/model/result.js';
import { renderMaps } from '../../src/report/html/map-render.js';
import { solved } from '../helpers/run.js';

const scenario = (await readScenario('scenarios/tiny')).scenario;
if (scenario === null) throw new Error('scenarios/tiny did not load');
const award = await solved(scenario);

/** The legend's labels when the tiny scenario's two standard lots are led as `leads` says (null: no award). */
function legend(leads: Readonly<Record<string, string | null>>): string[] {
  const led = (l: LotResult): LotResult => {
    const lead = leads[l.lotId];
    if (lead === undefined) return l;
    return {
      ...l,
      winners: lead === null ? [] : [{ providerId: lead, bidId: 'B', role: 'lead', hoursPerWeek: 1 }],
    };
  };
  const result: Result = { ...award, lots: award.lots.map(led) };
  const html = renderMaps({
    result,
    areas: scenario?.areas ?? [],
    zoning: scenario?.zonings.get(scenario.zoning) ?? new Map(),
    boundaries: null,
    colours: new Map(),
  });
  const { document } = parseHTML(`<html><body>${String(html)}</body></html>`);
  return [...document.querySelectorAll('.zonal-plot-swatch')].map((e) => e.textContent ?? '');
}

describe('the providers map legend', () => {
  it('puts "No award" last, after the providers', () => {
    expect(legend({ 'standard:Z-SOUTH': null })).toEqual(['Birch & Oak Homecare (P-BIRCH)', 'No award']);
  });

  it('puts "No award" last whatever the providers\' ids begin with ("~", "z")', () => {
    expect(legend({ 'standard:Z-NORTH': '~elm', 'standard:Z-SOUTH': null })).toEqual([
      '~elm (~elm)',
      'No award',
    ]);
    expect(legend({ 'standard:Z-NORTH': 'z-elm', 'standard:Z-SOUTH': null })).toEqual([
      'z-elm (z-elm)',
      'No award',
    ]);
  });

  it('reads small and capital letters together ("a-elm" before "P-BIRCH")', () => {
    expect(legend({ 'standard:Z-SOUTH': 'a-elm' })).toEqual([
      'a-elm (a-elm)',
      'Birch & Oak Homecare (P-BIRCH)',
    ]);
  });
});
