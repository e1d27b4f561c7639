/**
 * What a usable boundaries file is, said once: a GeoJSON FeatureCollection
 * whose every feature has `properties.area_id` (text) and a Polygon or
 * MultiPolygon geometry (each polygon one ring or more, each ring four
 * positions or more, each position two numbers or more: longitude, latitude,
 * perhaps a height), with a shape for every area of the scenario.
 *
 * The report's maps and the zone designer's neighbours take their shapes from
 * here, and `zonal validate` asks only whether there is a problem: plain
 * checks, no schema library, so validate loads neither zod nor the map code
 * (until 2026-12-01 it loaded both, through the report's geometry, for this
 * one question). Pure.
 */
import * as msg from '../diagnostics/messages.js';
import type { Area } from './types.js';

/** One polygon of a boundary: its rings, each a list of [longitude, latitude, …] positions. */
export type BoundaryPolygon = readonly (readonly (readonly number[])[])[];

const isRecord = (x: unknown): x is Readonly<Record<string, unknown>> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const listOf = <T>(x: unknown, min: number, each: (item: unknown) => item is T): x is T[] =>
  Array.isArray(x) && x.length >= min && x.every(each);

const isPosition = (x: unknown): x is number[] =>
  listOf(x, 2, (n): n is number => typeof n === 'number' && Number.isFinite(n));
const isRing = (x: unknown): x is number[][] => listOf(x, 4, isPosition);
const isPolygon = (x: unknown): x is number[][][] => listOf(x, 1, isRing);

/** A feature's polygons, or null when it is not an area's Polygon or MultiPolygon. */
function featurePolygons(feature: unknown): { areaId: string; polygons: BoundaryPolygon[] } | null {
  if (!isRecord(feature) || !isRecord(feature.properties) || !isRecord(feature.geometry)) return null;
  const areaId = feature.properties.area_id;
  const { type, coordinates } = feature.geometry;
  if (typeof areaId !== 'string') return null;
  if (type === 'Polygon' && isPolygon(coordinates)) return { areaId, polygons: [coordinates] };
  if (type === 'MultiPolygon' && listOf(coordinates, 1, isPolygon)) return { areaId, polygons: coordinates };
  return null;
}

/**
 * Every area's polygons (in the file's order; an area may have several features), or why the
 * file cannot give them: it is not such a FeatureCollection, or it lacks an area.
 */
export function boundaryPolygons(
  boundaries: unknown,
  areas: readonly Area[],
): ReadonlyMap<string, readonly BoundaryPolygon[]> | string {
  const features =
    isRecord(boundaries) && boundaries.type === 'FeatureCollection' ? boundaries.features : null;
  if (!Array.isArray(features)) return msg.boundariesNotFeatures();
  const byArea = new Map<string, BoundaryPolygon[]>();
  for (const feature of features) {
    const read = featurePolygons(feature);
    if (read === null) return msg.boundariesNotFeatures();
    byArea.set(read.areaId, [...(byArea.get(read.areaId) ?? []), ...read.polygons]);
  }
  const missing = areas.filter((a) => !byArea.has(a.id)).map((a) => a.id);
  return missing.length > 0 ? msg.boundariesLackAreas(missing) : byArea;
}

/** Why a boundaries file cannot draw the areas' maps, or null when it can (for `zonal validate`). */
export function boundariesProblem(boundaries: unknown, areas: readonly Area[]): string | null {
  const polygons = boundaryPolygons(boundaries, areas);
  return typeof polygons === 'string' ? polygons : null;
}
