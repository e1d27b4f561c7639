/**
 * Map cells drawn from area centroids when a scenario has no boundaries file:
 * the Voronoi cell of every centroid (d3-delaunay), clipped to the convex hull
 * of the centroids grown by a margin (d3-polygon's hull; both are convex, so
 * convex-clip.ts intersects them exactly without a general clipper), so the outer areas get a cell around their centroid rather
 * than one cut through it. Planar coordinates in, planar polygons out.
 */
import { Delaunay } from 'd3-delaunay';
import { polygonHull } from 'd3-polygon';
import { clipConvex } from './convex-clip.js';
import type { MultiPolygon, Pair, Polygon } from './shapes.js';
import { ascending } from '../../model/order.js';
import { boundsOf } from '../../model/extent.js';

/** Points on the hull's margin circle around each centroid. */
const marginSteps = 24;

const distance = (a: Pair, b: Pair) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function extentOf(points: readonly Pair[]): number {
  const { x, y } = boundsOf(points);
  return Math.max(x.max - x.min, y.max - y.min);
}

/**
 * Areas that share a centroid would leave all but one without a cell: spread
 * them on a tiny circle (deterministically, by their order) so each gets one.
 */
export function separateCoincident(points: readonly Pair[]): Pair[] {
  const epsilon = Math.max(extentOf(points), 1e-3) * 1e-3;
  const seen = new Map<string, number>();
  return points.map(([x, y]) => {
    const key = `${x},${y}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    if (k === 0) return [x, y];
    const angle = (2 * Math.PI * k) / 7;
    const radius = epsilon * Math.ceil(k / 7);
    return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
  });
}

/**
 * Half the median nearest-neighbour distance, so an outer cell reaches about
 * as far out as inner cells do. A point's nearest neighbour is always one of
 * its Delaunay neighbours, which keeps this linear in the number of areas.
 */
export function marginFor(points: readonly Pair[], delaunay: Delaunay<Pair> = Delaunay.from(points)): number {
  const nearest = points
    .map((p, i) => Math.min(...[...delaunay.neighbors(i)].map((j) => distance(p, points[j] ?? p))))
    .filter((d) => Number.isFinite(d) && d > 0)
    .sort(ascending);
  const median = nearest[Math.floor(nearest.length / 2)] ?? 0;
  return Math.max(median / 2, extentOf(points) * 0.02, 1e-3);
}

/** The convex hull of the centroids grown by `margin` (as a closed ring). */
export function grownHull(points: readonly Pair[], margin: number): Polygon {
  const ring: Pair[] = points.flatMap(([x, y]) =>
    Array.from({ length: marginSteps }, (_, k): Pair => {
      const angle = (2 * Math.PI * k) / marginSteps;
      return [x + margin * Math.cos(angle), y + margin * Math.sin(angle)];
    }),
  );
  const hull = (polygonHull(ring) ?? ring) as Pair[];
  const first = hull[0];
  return first === undefined ? [] : [[...hull, first]];
}

/** One clipped cell per point, in the order given. */
export function voronoiCells(input: readonly Pair[]): MultiPolygon[] {
  if (input.length === 0) return [];
  const points = separateCoincident(input);
  const delaunay = Delaunay.from(points);
  const hull = grownHull(points, marginFor(points, delaunay));
  const { x, y } = boundsOf(hull.flat());
  const voronoi = delaunay.voronoi([x.min, y.min, x.max, y.max]);
  // d3 computes a Voronoi vertex once per cell around it, and may round it differently in each
  // (0.44 here, 0.43999999999999995 there): snapping to a fine grid makes neighbours share it exactly.
  const step = Math.max(extentOf(points), 1e-3) * 2 ** -36;
  const snap = (p: Pair): Pair => [Math.round(p[0] / step) * step, Math.round(p[1] / step) * step];
  return points.map((_, i) => {
    const cell = voronoi.cellPolygon(i) as Pair[] | null;
    return cell === null ? [] : clipConvex(cell.map(snap), hull[0] ?? []);
  });
}
