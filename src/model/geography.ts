/**
 * Area coordinates that cannot be right: outside the country the scenario is
 * in, or far from every other area. Either once turned a £25 legal-pay floor
 * into £1,111.96 and rejected every bid of three lots, so `validate` says so,
 * with the fix ("latitude and longitude may be swapped") when it is that. Pure.
 */
import { z } from 'zod';
import type { IssueList } from '../diagnostics/issues.js';
import * as msg from '../diagnostics/messages.js';
import { once } from './once.js';
import { named } from './plan-functions.js';
import { ascending } from './order.js';

const boundsShape = () =>
  z.strictObject({
    south: z.number().min(-90).max(90),
    north: z.number().min(-90).max(90),
    west: z.number().min(-180).max(180),
    east: z.number().min(-180).max(180),
  });

/** A box of latitudes and longitudes, as scenario.json's `bounds` gives it. */
export type Bounds = Readonly<z.output<ReturnType<typeof boundsShape>>>;

const ordered = named('boundsOrdered', (b: Bounds) => b.south < b.north && b.west < b.east);

/** Built on first use, as every settings schema (model/settings-plan.ts): a valid scenario needs none. */
export const boundsSchema = once(() => boundsShape().refine(ordered, 'needs south < north and west < east'));

/** Great Britain with its islands (Scilly to Shetland, St Kilda to Lowestoft), with a little room. */
const greatBritain: Bounds = { south: 49.8, north: 60.9, west: -8.7, east: 1.8 };

export interface PlacedArea {
  readonly line: number;
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

const inside = (b: Bounds, lat: number, lon: number) =>
  lat >= b.south && lat <= b.north && lon >= b.west && lon <= b.east;

const rad = Math.PI / 180;

/** The haversine of the central angle between two points, given the cosines of their latitudes. */
function haversine(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
  cosA: number,
  cosB: number,
) {
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  return Math.sin(dLat / 2) ** 2 + cosA * cosB * Math.sin(dLon / 2) ** 2;
}

const kmOf = (h: number) => 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return kmOf(haversine(a, b, Math.cos(a.lat * rad), Math.cos(b.lat * rad)));
}

/** An area farther than this from every other is flagged: at least 50 km, and 4 times the usual gap between neighbours. */
const minFarKm = 50;

/** Kilometres per degree of latitude along a meridian (the haversine's Earth radius). */
const kmPerDegreeLat = (6371 * Math.PI) / 180;

/**
 * Distance from a point to the nearest of `areas` other than `self`, exactly,
 * without comparing every pair (35,000 areas made 1.2 billion distances): the
 * areas sorted by latitude are scanned outwards from the point's latitude, and
 * a scan stops once the latitude gap alone (a lower bound of the distance) is
 * beyond the best found.
 */
export function nearestFinder(areas: readonly PlacedArea[]) {
  const byLat = [...areas].sort((a, b) => a.lat - b.lat);
  const cosLat = byLat.map((a) => Math.cos(a.lat * rad));
  return (point: { lat: number; lon: number }, self: string): number => {
    let lo = 0;
    let hi = byLat.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byLat[mid]?.lat ?? 0) < point.lat) lo = mid + 1;
      else hi = mid;
    }
    // Compared by haversine (the distance grows with it), so only a closer area costs an arcsine; the cosines are made once.
    const cosPoint = Math.cos(point.lat * rad);
    let bestH = Infinity;
    let best = Infinity;
    const visit = (i: number) => {
      const o = byLat[i] as PlacedArea;
      if (Math.abs(o.lat - point.lat) * kmPerDegreeLat > best) return false;
      if (o.id === self) return true;
      const h = haversine(point, o, cosPoint, cosLat[i] ?? 1);
      if (h < bestH) {
        bestH = h;
        best = kmOf(h);
      }
      return true;
    };
    for (let i = lo; i < byLat.length && visit(i); i++);
    for (let i = lo - 1; i >= 0 && visit(i); i--);
    return best;
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort(ascending);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] ?? 0);
}

export function checkAreaPlaces(
  areas: readonly PlacedArea[],
  custom: Bounds | null | undefined,
  file: string,
  issues: IssueList,
): void {
  if (custom === null) return;
  const bounds = custom ?? greatBritain;
  const placed = areas.filter((a) => inside(bounds, a.lat, a.lon));
  for (const a of areas.filter((x) => !inside(bounds, x.lat, x.lon))) {
    issues.error(
      file,
      a.line,
      msg.areaOutsideBounds(a, bounds, custom !== undefined, inside(bounds, a.lon, a.lat)),
      'lat',
    );
  }
  if (placed.length < 3) return;
  const nearest = nearestFinder(placed);
  const gaps = placed.map((a) => nearest(a, a.id));
  const far = Math.max(minFarKm, 4 * median(gaps));
  placed.forEach((a, i) => {
    const gap = gaps[i] ?? 0;
    if (gap <= far) return;
    const swapped = inside(bounds, a.lon, a.lat) && nearest({ lat: a.lon, lon: a.lat }, a.id) <= far;
    issues.warning(file, a.line, msg.areaFarFromOthers(a.id, gap, median(gaps), swapped), 'lat');
  });
}
