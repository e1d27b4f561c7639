import { polygonArea } from 'd3-polygon';
import fc from 'fast-check';
import { union } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { unionOfCells } from '../../src/report/html/cell-union.js';
import type { MultiPolygon, Pair } from '../../src/report/html/shapes.js';
import { voronoiCells } from '../../src/report/html/voronoi.js';
import { close } from '../helpers/run.js';

const areaOf = (shape: MultiPolygon) =>
  shape.reduce(
    (t, [outer, ...holes]) =>
      t + Math.abs(polygonArea(outer ?? [])) - holes.reduce((h, r) => h + Math.abs(polygonArea(r)), 0),
    0,
  );

describe('union of Voronoi cells by cancelling shared edges', () => {
  it('matches the general clipper on random point sets and random zones, and tiles every time', () => {
    let merged = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 30 }),
            fc.integer({ min: 0, max: 30 }),
            fc.integer({ min: 0, max: 3 }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (rows) => {
          const cells = voronoiCells(rows.map(([x, y]): Pair => [x * 0.02, 51 + y * 0.017]));
          for (let zone = 0; zone <= 3; zone++) {
            const polygons = cells.filter((_, i) => rows[i]?.[2] === zone).flat();
            if (polygons.length === 0) continue;
            const fast = unionOfCells(polygons);
            expect(fast, `zone ${zone} tiles`).not.toBeNull();
            const [first, ...rest] = polygons;
            const slow = union(first ?? [], ...rest);
            expect(close(areaOf(fast ?? []), areaOf(slow), 1e-9), `area of zone ${zone}`).toBe(true);
            expect(fast?.length, `parts of zone ${zone}`).toBe(slow.length);
            expect(fast?.map((p) => p.length).sort(), `holes of zone ${zone}`).toEqual(
              slow.map((p) => p.length).sort(),
            );
            merged += 1;
          }
          const whole = unionOfCells(cells.flat());
          expect(whole?.length).toBe(1);
          expect(whole?.[0]?.length).toBe(1);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
    expect(merged).toBeGreaterThan(200);
  });

  it('makes a hole when one zone surrounds another', () => {
    const grid: Pair[] = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) grid.push([x, y]);
    const cells = voronoiCells(grid);
    const ring = unionOfCells(cells.filter((_, i) => i !== 4).flat());
    expect(ring?.length).toBe(1);
    expect(ring?.[0]?.length).toBe(2);
    const middle = areaOf(cells[4] ?? []);
    const all = areaOf(unionOfCells(cells.flat()) ?? []);
    expect(close(areaOf(ring ?? []), all - middle, 1e-9)).toBe(true);
  });

  it('gives null, not a wrong shape, for cells drawn twice', () => {
    const square = (x: number): MultiPolygon => [
      [
        [
          [x, 0],
          [x + 2, 0],
          [x + 2, 2],
          [x, 2],
          [x, 0],
        ],
      ],
    ];
    expect(unionOfCells([...square(0), ...square(0)])).toBeNull();
  });
});
