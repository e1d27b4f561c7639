/**
 * The union of neighbouring map cells that tile the plane edge to edge (the
 * Voronoi cells of voronoi.ts: two cells that touch share the whole edge,
 * with bit-identical end points). An edge two cells share cancels; the edges
 * left over chain into the union's rings: counter-clockwise outer rings and
 * clockwise holes (y up). Linear in the number of edges and plain floating
 * point, where a general clipper (polyclip-ts) spent about 0.5 s of a cold
 * `zonal solve` in big-number arithmetic. Cells that do not tile cleanly
 * (an edge left half-matched, a vertex with more edges out than in) give
 * null, and the caller falls back to the general clipper.
 */
import { polygonArea, polygonContains } from 'd3-polygon';
import type { MultiPolygon, Pair, Polygon, Ring } from './shapes.js';

const key = (p: Pair) => `${p[0]},${p[1]}`;

/** The directed edges of every outer ring, with edges shared in both directions removed. */
function boundaryEdges(polygons: readonly Polygon[]): Map<string, Pair[]> | null {
  const edges = new Map<string, { from: Pair; to: Pair }>();
  for (const polygon of polygons) {
    if (polygon.length !== 1) return null; // a cell with a hole is not a Voronoi cell
    const ring = polygon[0] ?? [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const from = ring[i] as Pair;
      const to = ring[i + 1] as Pair;
      const forward = `${key(from)}>${key(to)}`;
      const backward = `${key(to)}>${key(from)}`;
      if (forward === backward) continue; // a repeated point
      if (edges.has(forward)) return null; // two cells overlap along this edge
      if (edges.has(backward)) edges.delete(backward);
      else edges.set(forward, { from, to });
    }
  }
  const out = new Map<string, Pair[]>();
  for (const { from, to } of edges.values()) {
    const list = out.get(key(from));
    if (list === undefined) out.set(key(from), [to]);
    else list.push(to);
  }
  return out;
}

const parseKey = (k: string): Pair => {
  const [x, y] = k.split(',').map(Number);
  return [x ?? NaN, y ?? NaN];
};

/**
 * Of the edges leaving `at`, take (and remove) the one turning furthest left
 * after arriving from `prev`: the region lies left of every edge, so where two
 * parts of a zone touch at one point this keeps them separate rings.
 */
function leftmost(prev: Pair, at: Pair, options: Pair[]): Pair | undefined {
  if (options.length <= 1) return options.pop();
  const inX = at[0] - prev[0];
  const inY = at[1] - prev[1];
  const turn = (p: Pair) => {
    const outX = p[0] - at[0];
    const outY = p[1] - at[1];
    return Math.atan2(inX * outY - inY * outX, inX * outX + inY * outY);
  };
  let best = 0;
  for (let i = 1; i < options.length; i++)
    if (turn(options[i] as Pair) > turn(options[best] as Pair)) best = i;
  return options.splice(best, 1)[0];
}

/** Chain the leftover edges into closed rings; null when they do not close. */
function chainRings(next: Map<string, Pair[]>): Ring[] | null {
  const rings: Ring[] = [];
  for (const [startKey, starts] of next) {
    while (starts.length > 0) {
      const first = starts.pop() as Pair;
      const startPoint = parseKey(startKey);
      const ring: Pair[] = [];
      let at = first;
      let guard = 0;
      for (;;) {
        ring.push(at);
        if (key(at) === startKey) break;
        const prev = ring[ring.length - 2] ?? startPoint;
        const onward = leftmost(prev, at, next.get(key(at)) ?? []);
        if (onward === undefined || ++guard > 1e7) return null;
        at = onward;
      }
      const closing = ring[ring.length - 1] as Pair;
      rings.push([closing, ...ring]);
    }
  }
  return rings;
}

/** The union of cells that tile edge to edge, or null when they do not. */
export function unionOfCells(polygons: readonly Polygon[]): MultiPolygon | null {
  const edges = boundaryEdges(polygons);
  if (edges === null) return null;
  const rings = chainRings(edges);
  if (rings === null) return null;
  // d3's signed area counts y down: negative is counter-clockwise with y up, an outer ring.
  const outers = rings.filter((r) => polygonArea(r) < 0);
  const holes = rings.filter((r) => polygonArea(r) > 0);
  const shape: MultiPolygon = outers.map((r) => [r]);
  for (const hole of holes) {
    const inside = shape.find(([outer]) => polygonContains(outer ?? [], hole[0] ?? [NaN, NaN]));
    if (inside === undefined) return null;
    inside.push(hole);
  }
  return shape;
}
