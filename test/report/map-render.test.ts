import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { labelSize, reflectYFit, type LabelBox } from '../../src/report/html/label-layout.js';
import { mapShapes } from '../../src/report/html/map-geometry.js';
import { renderMaps } from '../../src/report/html/map-render.js';
import type { Pair } from '../../src/report/html/shapes.js';
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

  it('lists unmet demand of lots not on the map in hours as the award table writes them', () => {
    const offMap = result.lots.filter((l) => l.careType !== mapCareType(result.lots));
    const [complex, reablement] = offMap;
    if (complex === undefined || reablement === undefined)
      throw new Error('the county has two county-wide lots');
    const unmet: Result = {
      ...result,
      lots: result.lots.map((l) =>
        l.lotId === complex.lotId
          ? { ...l, unmetHoursPerWeek: 1234.56 }
          : l.lotId === reablement.lotId
            ? { ...l, unmetHoursPerWeek: 364 }
            : l,
      ),
    };
    // Until 2026-12-02 these read "1234.6 h/week" and "364.0 h/week", where the award table has 1,234.6 and 364.
    expect(notes(maps(unmet, scenario))).toContain(
      `Unmet demand in lots not on the map: ${complex.lotId} 1,234.6 h/week, ${reablement.lotId} 364 h/week.`,
    );
  });

  it('draws each zone label where Plot puts its fitted point, moved only when it would touch another', () => {
    const { zones, geometry } = mapShapes(
      scenario.areas,
      scenario.boundaries,
      scenario.zonings.get(result.zoning) ?? new Map<string, string>(),
    );
    const points = geometry.areas.flatMap((a) => a.shape.flat(2));
    for (const map of maps(result, scenario).querySelectorAll('figure.map svg.zonal-plot')) {
      const [, , width, height] = (map.getAttribute('viewBox') ?? '').split(' ').map(Number);
      const margins = { marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 60 };
      const fit = reflectYFit(points, { width: width ?? 0, height: height ?? 0, ...margins, inset: 12 });
      const fontSize = Number(map.querySelector('g.zone-label')?.getAttribute('font-size'));
      const drawn = [...map.querySelectorAll('g.zone-label text')].map((t) => {
        const [x, y] = (t.getAttribute('transform') ?? '')
          .replace(/[^0-9.,-]/g, '')
          .split(',')
          .map(Number);
        const text = [...t.querySelectorAll('tspan')].map((s) => s.textContent).join('\n');
        return { at: [x ?? 0, y ?? 0] as Pair, ...labelSize(text, fontSize, 1.1) };
      });
      expect(drawn).toHaveLength(zones.length);
      // The halos of two labels (3.5 px of white stroke) and two pixels of air.
      const apart = (a: LabelBox, b: LabelBox) =>
        Math.abs(a.at[0] - b.at[0]) >= (a.width + b.width) / 2 + 5.5 - 1e-9 ||
        Math.abs(a.at[1] - b.at[1]) >= (a.height + b.height) / 2 + 5.5 - 1e-9;
      const own = zones.map((z, i) => ({ ...drawn[i]!, at: fit.toPixel(z.labelAt) }));
      const alone = own.flatMap((a, i) => (own.every((b, j) => i === j || apart(a, b)) ? [i] : []));
      // Most labels stay on their own point: Three Rivers and Watford are the pair that met.
      expect(alone.length).toBeGreaterThan(zones.length / 2);
      for (const i of alone) {
        expect(drawn[i]!.at[0]).toBeCloseTo(own[i]!.at[0], 6);
        expect(drawn[i]!.at[1]).toBeCloseTo(own[i]!.at[1], 6);
      }
      for (const [i, a] of drawn.entries())
        for (const b of drawn.slice(i + 1))
          expect(apart(a, b), `${map.getAttribute('aria-label')}`).toBe(true);
    }
  });
});
