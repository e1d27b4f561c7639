/**
 * Which areas are neighbours: the graph every zone must be connected in.
 *
 * - With a boundaries file (GeoJSON) that has a shape for every area: two
 *   areas are neighbours when their outlines share an edge, that is, the same
 *   two consecutive vertices (either way round, to 1e-6 degrees). Areas that
 *   touch at a single point are not neighbours (rook contiguity, as PySAL's
 *   `Rook`). Files cut from one source (such as the ONS boundaries) share
 *   their vertices along common borders.
 * - Otherwise, from the centroids: the links of their Delaunay triangulation
 *   (d3-delaunay), less every link longer than `longLinkFactor` times the
 *   median link, which the triangulation draws along the outside of a
 *   concave county (across an estuary, or around a neighbouring city). An
 *   area's own shortest link is always kept, so the rule alone never cuts an
 *   area off.
 */
import { Delaunay } from 'd3-delaunay';
import type { Area } from '../model/types.js';
import { boundaryShapes } from '../report/html/map-geometry.js';
import { separateCoincident } from '../report/html/voronoi.js';
import type { Pair } from '../report/html/shapes.js';
import { ascending } from '../model/order.js';
import { rangeOf } from '../model/extent.js';

/** @defaultValue 2.5: on Hertfordshire this drops exactly the five hull links that cross outside the county. */
const longLinkFactor = 2.5;

export interface NeighbourGraph {
  readonly source: 'boundaries' | 'centroids';
  /** Ascending indexes, symmetric. */
  readonly neighbours: readonly (readonly number[])[];
  /** Why the boundaries file was not used, when there was one. */
  readonly note: string | null;
}

/** km on an equirectangular plane through the areas' middle latitude. */
export function planeKm(areas: readonly Pick<Area, 'lat' | 'lon'>[]): (a: Pick<Area, 'lat' | 'lon'>) => Pair {
  const lats = rangeOf(areas.map((a) => a.lat));
  const lons = rangeOf(areas.map((a) => a.lon));
  const midLat = areas.length === 0 ? 0 : (lats.min + lats.max) / 2;
  const midLon = areas.length === 0 ? 0 : (lons.min + lons.max) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  return (a) => [(a.lon - midLon) * k * 111.32, (a.lat - midLat) * 110.57];
}

function toLists(n: number, links: Iterable<readonly [number, number]>): number[][] {
  const sets = Array.from({ length: n }, () => new Set<number>());
  for (const [i, j] of links) {
    if (i === j) continue;
    sets[i]?.add(j);
    sets[j]?.add(i);
  }
  return sets.map((s) => [...s].sort(ascending));
}

/** Shared-edge neighbours from polygons in degrees (one MultiPolygon per area). */
function sharedEdgeNeighbours(shapes: readonly (readonly (readonly (readonly Pair[])[])[])[]): number[][] {
  const key = ([x, y]: Pair) => `${Math.round(x * 1e6)},${Math.round(y * 1e6)}`;
  const owners = new Map<string, Set<number>>();
  shapes.forEach((shape, area) => {
    for (const ring of shape.flat()) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = key(ring[k] as Pair);
        const b = key(ring[k + 1] as Pair);
        if (a === b) continue;
        const edge = a < b ? `${a}|${b}` : `${b}|${a}`;
        const set = owners.get(edge) ?? new Set<number>();
        set.add(area);
        owners.set(edge, set);
      }
    }
  });
  const links: [number, number][] = [];
  for (const set of owners.values()) {
    const list = [...set];
    for (let p = 0; p < list.length; p++)
      for (let q = p + 1; q < list.length; q++) links.push([list[p] as number, list[q] as number]);
  }
  return toLists(shapes.length, links);
}

/** Delaunay links of planar points, less the overly long ones (see the module comment). */
export function delaunayNeighbours(points: readonly Pair[]): number[][] {
  if (points.length < 2) return points.map(() => []);
  const spread = separateCoincident(points);
  const length = (i: number, j: number) =>
    Math.hypot((spread[i]?.[0] ?? 0) - (spread[j]?.[0] ?? 0), (spread[i]?.[1] ?? 0) - (spread[j]?.[1] ?? 0));
  const links: [number, number][] = [];
  if (points.length === 2) links.push([0, 1]);
  else {
    const delaunay = Delaunay.from(spread);
    for (let i = 0; i < spread.length; i++)
      for (const j of delaunay.neighbors(i)) if (j > i) links.push([i, j]);
  }
  const sorted = links.map(([i, j]) => length(i, j)).sort(ascending);
  const limit = longLinkFactor * (sorted[Math.floor(sorted.length / 2)] ?? 0);
  const shortest = new Map<number, number>();
  for (const [i, j] of links) {
    const d = length(i, j);
    for (const a of [i, j]) if (d < (shortest.get(a) ?? Infinity)) shortest.set(a, d);
  }
  return toLists(
    points.length,
    links.filter(([i, j]) => {
      const d = length(i, j);
      return d <= limit || d === shortest.get(i) || d === shortest.get(j);
    }),
  );
}

/** The neighbour graph of the areas (in the given order). */
export function neighbourGraph(areas: readonly Area[], boundaries: unknown): NeighbourGraph {
  if (boundaries !== null && boundaries !== undefined) {
    const shapes = boundaryShapes(boundaries, areas, (lon, lat) => [lon, lat]);
    if (typeof shapes !== 'string')
      return {
        source: 'boundaries',
        neighbours: sharedEdgeNeighbours(shapes.map((s) => s.shape)),
        note: null,
      };
    const plane = planeKm(areas);
    return {
      source: 'centroids',
      neighbours: delaunayNeighbours(areas.map(plane)),
      note: `neighbours from centroids: ${shapes}`,
    };
  }
  const plane = planeKm(areas);
  return { source: 'centroids', neighbours: delaunayNeighbours(areas.map(plane)), note: null };
}
