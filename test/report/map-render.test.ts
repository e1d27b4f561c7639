import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { renderMaps } from '../../src/report/html/map-render.js';
import { coloursFor } from '../../src/report/html/palette.js';
import { mapCareType } from '../../src/report/html/zone-awards.js';
import { solved } from '../helpers/run.js';

type Page = ReturnType<typeof parseHTML>['document'];

function maps(result: Result, scenario: Scenario): Page {
  const html = renderMaps({
    result,
    areas: scenario.areas,
    zoning: scenario.zonings.get(result.zoning) ?? new Map<string, string>(),
    boundaries: scenario.boundaries,
    colours: coloursFor(result.providers.map((p) => p.providerId)),
  });
  return parseHTML(`<!doctype html><html><body>${html.text}</body></html>`).document;
}

const notes = (document: Page): string =>
  [...document.querySelectorAll('p.note')].map((p) => p.textContent ?? '').join(' ');

describe('the county maps', () => {
  let scenario: Scenario;
  let result: Result;
  beforeAll(async () => {
    const read = await readScenario('scenarios/hertfordshire');
    if (read.scenario === null) throw new Error('scenarios/hertfordshire did not load');
    scenario = read.scenario;
    result = await solved(scenario);
  });

  it('names what each shade of the risk legend means, for a reader who cannot see it', () => {
    const legend = maps(result, scenario).querySelector('figure.map.risk svg.zonal-plot-ramp');
    expect(legend?.getAttribute('role')).toBe('img');
    const label = legend?.getAttribute('aria-label') ?? '';
    expect(label).toContain('Lot risk score');
    for (const band of ['0-20', '20-40', '40-60', '60-80', '80-100']) expect(label).toContain(band);
    expect(label).toMatch(/pale yellow[^,]*low/);
    expect(label).toMatch(/dark red[^,]*high/);
  });

  it('explains the hatching only when an area is hatched', () => {
    expect(result.totals.unmetHoursPerWeek).toBe(0);
    const whole = maps(result, scenario);
    expect(whole.querySelectorAll('g.unmet-demand path')).toHaveLength(0);
    expect(notes(whole)).not.toContain('Hatched');
    expect(notes(whole)).toContain('The maps show the standard lots');

    const careType = mapCareType(result.lots);
    const short = result.lots.find((l) => l.careType === careType && l.zoneId !== 'county');
    if (short === undefined) throw new Error('the county has no zone lot on the map');
    const unmet: Result = {
      ...result,
      lots: result.lots.map((l) => (l.lotId === short.lotId ? { ...l, unmetHoursPerWeek: 12 } : l)),
    };
    const hatched = maps(unmet, scenario);
    const inZone = scenario.areas.filter(
      (a) => scenario.zonings.get(result.zoning)?.get(a.id) === short.zoneId,
    );
    expect(hatched.querySelectorAll('g.unmet-demand path')).toHaveLength(inZone.length);
    expect(notes(hatched)).toContain('Hatched: the shown lot has unmet demand.');
  });
});
