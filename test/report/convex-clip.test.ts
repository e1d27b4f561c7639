import { polygonArea, polygonContains, polygonHull } from 'd3-polygon';
import fc from 'fast-check';
import { intersection } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { clipConvex } from '../../src/report/html/convex-clip.js';
import type { MultiPolygon, Pair } from '../../src/report/html/shapes.js';
import { close } from '../helpers/run.js';

const areaOf = (shape: MultiPolygon) =>
  shape.reduce((t, [outer]) => t + Math.abs(polygonArea(outer ?? [])), 0);
const convex = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), {
    minLength: 3,
    maxLength: 12,
  })
  .map((points) => polygonHull(points.map(([x, y]): Pair => [x * 0.25, y * 0.25])))
  .filter((hull): hull is Pair[] => hull !== null && Math.abs(polygonArea(hull)) > 0);

describe('convex clipping', () => {
  it('gives the same area as the general clipper (polyclip-ts), inside both polygons', () => {
    fc.assert(
      fc.property(convex, convex, (a, b) => {
        const clipped = clipConvex(a, b);
        const expected = areaOf(intersection([[...a, a[0] as Pair]], [[...b, b[0] as Pair]]));
        expect(close(areaOf(clipped), expected, 1e-9) || Math.abs(areaOf(clipped) - expected) < 1e-12).toBe(
          true,
        );
        for (const [outer] of clipped) {
          expect(outer?.[0]).toEqual(outer?.[outer.length - 1]);
          expect(polygonArea(outer ?? [])).toBeLessThan(0); // counter-clockwise with y up, as polyclip-ts gives (d3 counts y down)
          for (const p of outer ?? []) {
            // every vertex lies in (or on the edge of) both polygons, up to rounding
            const nudge = (poly: Pair[]) =>
              polygonContains(poly, p) ||
              poly.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9) ||
              onEdge(poly, p);
            expect(nudge(a) && nudge(b)).toBe(true);
          }
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('gives neighbouring cells identical points where a shared edge leaves the window', () => {
    const window: Pair[] = [
      [0, 0],
      [4, 0],
      [4, 3],
      [0, 3],
    ];
    const left = clipConvex(
      [
        [-1, -1],
        [2.3, -1],
        [1.7, 5],
        [-1, 5],
      ],
      window,
    );
    const right = clipConvex(
      [
        [2.3, -1],
        [6, -1],
        [6, 5],
        [1.7, 5],
      ],
      window,
    );
    const shared = (left[0]?.[0] ?? []).filter((p) =>
      (right[0]?.[0] ?? []).some((q) => q[0] === p[0] && q[1] === p[1]),
    );
    expect(new Set(shared.map(String)).size).toBe(2);
    expect(areaOf(left) + areaOf(right)).toBeCloseTo(12, 12);
  });

  it('returns nothing for polygons that only touch or do not meet', () => {
    const square = (x: number): Pair[] => [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
    ];
    expect(clipConvex(square(0), square(1))).toEqual([]);
    expect(clipConvex(square(0), square(3))).toEqual([]);
  });
});

function onEdge(poly: readonly Pair[], p: Pair): boolean {
  return poly.some((a, i) => {
    const b = poly[(i + 1) % poly.length] as Pair;
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const within =
      Math.min(a[0], b[0]) - 1e-9 <= p[0] &&
      p[0] <= Math.max(a[0], b[0]) + 1e-9 &&
      Math.min(a[1], b[1]) - 1e-9 <= p[1] &&
      p[1] <= Math.max(a[1], b[1]) + 1e-9;
    return within && Math.abs(cross) <= 1e-9 * Math.max(len, 1);
  });
}
