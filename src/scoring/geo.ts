/**
 * Distances between area centroids, for how spread out a zone is.
 */

export interface WeightedPoint {
  readonly lat: number;
  readonly lon: number;
  readonly weight: number;
}

const earthRadiusKm = 6371.0088;
const radians = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine formula). */
function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Weighted mean distance (km) of the points to their weighted centre. The
 * centre is the weighted mean of latitude and longitude: exact enough inside
 * a county, where a degree of longitude barely changes length.
 */
export function spreadKm(points: readonly WeightedPoint[]): number {
  const total = points.reduce((t, p) => t + p.weight, 0);
  if (total <= 0) return 0;
  const centre = {
    lat: points.reduce((t, p) => t + p.weight * p.lat, 0) / total,
    lon: points.reduce((t, p) => t + p.weight * p.lon, 0) / total,
  };
  return points.reduce((t, p) => t + p.weight * haversineKm(p, centre), 0) / total;
}
