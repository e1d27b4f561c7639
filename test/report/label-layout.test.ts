import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { labelSize, placeLabels, reflectYFit, type LabelBox } from '../../src/report/html/label-layout.js';
import { mapShapes } from '../../src/report/html/map-geometry.js';
import { renderMaps } from '../../src/report/html/map-render.js';
import { coloursFor } from '../../src/report/html/palette.js';
import type { Pair } from '../../src/report/html/shapes.js';
import { solved } from '../helpers/run.js';

const margins = { marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 60 };
const frame = { width: 460, height: 300, ...margins, inset: 12 };
const clearance = 5.5;

/** Whether two placed boxes keep `clearance` pixels apart on at least one axis. */
const apart = (a: Pair, b: Pair, aBox: LabelBox, bBox: LabelBox) =>
  Math.abs(a[0] - b[0]) >= (aBox.width + bBox.width) / 2 + clearance - 1e-9 ||
  Math.abs(a[1] - b[1]) >= (aBox.height + bBox.height) / 2 + clearance - 1e-9;

describe('zone labels on a map', () => {
  it('fit the county as Plot does: y up, one scale, centred in the frame less its margins and inset', () => {
    const fit = reflectYFit(
      [
        [0, 0],
        [10, 5],
      ],
      frame,
    );
    // 376 px for 10 units across (276 / 5 down would be larger): 37.6 px a unit, centred down.
    expect(fit.toPixel([0, 5])).toEqual([72, 150 - 2.5 * 37.6]);
    expect(fit.toPixel([10, 0])).toEqual([448, 150 + 2.5 * 37.6]);
    const back = fit.toMap(fit.toPixel([3, 4]));
    expect(back[0]).toBeCloseTo(3, 9);
    expect(back[1]).toBeCloseTo(4, 9);
  });

  it('stay where they are when apart, and move to the nearest clear spot when not', () => {
    const size = labelSize('Z-WAT\nP-SWIFT', 12, 1.1);
    expect(size.height).toBeCloseTo(26.4, 9);
    const boxes: LabelBox[] = [
      { at: [160, 100], ...size },
      { at: [360, 200], ...size },
      { at: [164, 108], ...size },
      { at: [160, 100], ...size },
    ];
    const placed = placeLabels(boxes, frame, clearance);
    expect(placed.slice(0, 2)).toEqual([
      [160, 100],
      [360, 200],
    ]);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(apart(placed[i]!, placed[j]!, boxes[i]!, boxes[j]!), `${i} and ${j}`).toBe(true);
    // Moved no further than clearing the first label needs (its height plus the clearance, at most).
    const moved = Math.hypot(placed[2]![0] - 164, placed[2]![1] - 108);
    expect(moved).toBeLessThanOrEqual(size.height + clearance + 1);
  });

  it('are drawn where Plot puts the fitted point, on the bundled county, none touching another', async () => {
    const read = await readScenario('scenarios/hertfordshire');
    if (read.scenario === null) throw new Error('scenarios/hertfordshire did not load');
    const scenario = read.scenario;
    const result = await solved(scenario);
    const page = renderMaps({
      result,
      areas: scenario.areas,
      zoning: scenario.zonings.get(result.zoning) ?? new Map<string, string>(),
      boundaries: scenario.boundaries,
      colours: coloursFor(result.providers.map((p) => p.providerId)),
    });
    const { document } = parseHTML(`<div>${page.text}</div>`);
    const zones = mapShapes(scenario.areas, scenario.boundaries, scenario.zonings.get(result.zoning)!).zones;
    const points = mapShapes(
      scenario.areas,
      scenario.boundaries,
      scenario.zonings.get(result.zoning)!,
    ).geometry.areas.flatMap((a) => a.shape.flat(2));
    for (const map of document.querySelectorAll('figure.map svg.zonal-plot')) {
      const [, , width, height] = (map.getAttribute('viewBox') ?? '').split(' ').map(Number);
      const fit = reflectYFit(points, { width: width!, height: height!, ...margins, inset: 12 });
      const fontSize = Number(map.querySelector('g.zone-label')?.getAttribute('font-size'));
      const labels = [...map.querySelectorAll('g.zone-label text')].map((t) => {
        const [x, y] = (t.getAttribute('transform') ?? '')
          .replace(/[^0-9.,-]/g, '')
          .split(',')
          .map(Number);
        const text = [...t.querySelectorAll('tspan')].map((s) => s.textContent).join('\n');
        return { at: [x, y] as Pair, ...labelSize(text, fontSize, 1.1) };
      });
      expect(labels.length).toBe(zones.length);
      // A label whose own spot touches no other label's own spot is drawn right there.
      const own = zones.map((z, i) => ({ ...labels[i]!, at: fit.toPixel(z.labelAt) }));
      const alone = own.filter((a, i) => own.every((b, j) => i === j || apart(a.at, b.at, a, b)));
      expect(alone.length).toBeGreaterThan(zones.length / 2);
      for (const a of alone) {
        const drawn = labels[own.indexOf(a)]!.at;
        expect(drawn[0]).toBeCloseTo(a.at[0], 6);
        expect(drawn[1]).toBeCloseTo(a.at[1], 6);
      }
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++)
          expect(apart(labels[i]!.at, labels[j]!.at, labels[i]!, labels[j]!), `${i} and ${j}`).toBe(true);
    }
  });
});
