/**
 * The shapes a report map draws, in a flat plane: x = longitude × cos(mid
 * latitude), y = latitude (an equirectangular projection centred on the
 * county, true to shape at county scale). Areas come from the scenario's
 * boundaries file when it has one for every area, else from Voronoi cells
 * around the centroids; a zone is the union of its areas' shapes.
 */
import { polygonArea } from 'd3-polygon';
import { union } from 'polyclip-ts';
import polylabel from 'polylabel';
import { boundaryPolygons, type BoundaryPolygon } from '../../model/boundaries.js';
import type { Area, Zoning } from '../../model/types.js';
import { unionOfCells } from './cell-union.js';
import type { MultiPolygon, Pair, Polygon } from './shapes.js';
import { voronoiCells } from './voronoi.js';
import { byKey } from '../../model/order.js';
import { boundsOf, rangeOf } from '../../model/extent.js';

export interface AreaShape {
  readonly areaId: string;
  readonly shape: MultiPolygon;
}

export interface ZoneShape {
  readonly zoneId: string;
  readonly areaIds: readonly string[];
  readonly shape: MultiPolygon;
  /** Where the zone's label goes: the point of its largest part farthest from any edge. */
  readonly labelAt: Pair;
}

export interface MapGeometry {
  readonly source: 'boundaries' | 'centroids';
  readonly areas: readonly AreaShape[];
  /** Why a boundaries file was not used, when there was one. */
  readonly note: string | null;
}

/** The flat plane: longitude shrunk by the cosine of the areas' middle latitude. */
function planeFor(areas: readonly Area[]): (lon: number, lat: number) => Pair {
  const lats = rangeOf(areas.map((a) => a.lat));
  const mid = areas.length === 0 ? 0 : (lats.min + lats.max) / 2;
  const k = Math.cos((mid * Math.PI) / 180);
  return (lon, lat) => [lon * k, lat];
}

/** Area shapes from a GeoJSON boundaries file (model/boundaries.ts says what it must hold), or why they cannot be used. */
export function boundaryShapes(
  boundaries: unknown,
  areas: readonly Area[],
  plane: (lon: number, lat: number) => Pair,
): AreaShape[] | string {
  const byArea = boundaryPolygons(boundaries, areas);
  if (typeof byArea === 'string') return byArea;
  const flat = (polygon: BoundaryPolygon): Polygon =>
    polygon.map((ring) => ring.map(([lon = 0, lat = 0]) => plane(lon, lat)));
  return areas.map((a) => ({ areaId: a.id, shape: (byArea.get(a.id) ?? []).map(flat) }));
}

/** Every area's shape: from the boundaries file when it covers every area, else Voronoi cells. */
export function areaGeometry(areas: readonly Area[], boundaries: unknown): MapGeometry {
  const plane = planeFor(areas);
  const fromFile =
    boundaries === null || boundaries === undefined ? null : boundaryShapes(boundaries, areas, plane);
  if (fromFile !== null && typeof fromFile !== 'string')
    return { source: 'boundaries', areas: fromFile, note: null };
  const cells = voronoiCells(areas.map((a) => plane(a.lon, a.lat)));
  return {
    source: 'centroids',
    areas: areas.map((a, i) => ({ areaId: a.id, shape: cells[i] ?? [] })),
    note: typeof fromFile === 'string' ? `Areas drawn around their centroids: ${fromFile}.` : null,
  };
}

/**
 * Zones as the union of their areas' shapes, sorted by zone id. Voronoi cells
 * (source 'centroids') tile edge to edge, so their union is a matter of
 * cancelling shared edges (cell-union.ts); boundaries from a file may overlap
 * or leave gaps, so they go through the general clipper.
 */
export function zoneGeometry(
  areas: readonly AreaShape[],
  zoning: Zoning,
  source: MapGeometry['source'] = 'boundaries',
): ZoneShape[] {
  const members = new Map<string, AreaShape[]>();
  for (const area of areas) {
    const zoneId = zoning.get(area.areaId);
    if (zoneId !== undefined) members.set(zoneId, [...(members.get(zoneId) ?? []), area]);
  }
  return [...members.entries()].sort(byKey).map(([zoneId, list]) => {
    const polygons: Polygon[] = list.flatMap((a) => a.shape);
    const [first, ...rest] = polygons;
    const cells = source === 'centroids' ? unionOfCells(polygons) : null;
    const shape = cells ?? (first === undefined ? [] : union(first, ...rest));
    return { zoneId, areaIds: list.map((a) => a.areaId), shape, labelAt: labelPoint(shape) };
  });
}

/** What a report's maps draw that depends on the scenario and its zoning alone, not on the award. */
export interface MapShapes {
  readonly geometry: MapGeometry;
  readonly zones: readonly ZoneShape[];
}

export function mapShapes(areas: readonly Area[], boundaries: unknown, zoning: Zoning): MapShapes {
  const geometry = areaGeometry(areas, boundaries);
  return { geometry, zones: zoneGeometry(geometry.areas, zoning, geometry.source) };
}

/**
 * The pole of inaccessibility of a shape's largest part (mapbox's polylabel):
 * unlike the centroid it always lies inside, even in a C-shaped zone.
 */
export function labelPoint(shape: MultiPolygon): Pair {
  const size = (p: Polygon) => Math.abs(polygonArea(p[0] ?? []));
  const largest = [...shape].sort((a, b) => size(b) - size(a))[0];
  if (largest === undefined) return [0, 0];
  const bounds = boundsOf(largest.flat());
  const precision = Math.max(bounds.x.max - bounds.x.min, bounds.y.max - bounds.y.min) / 200;
  const [x, y] = polylabel(largest, precision);
  return [x, y];
}
