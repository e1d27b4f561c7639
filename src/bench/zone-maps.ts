/**
 * Generated zone-design maps for the benchmark: areas scattered uniformly at
 * one area per 4 km² (so the county grows with the map), demand 50-500
 * h/week each, neighbours by the documented centroid rule, a floor of three
 * mean areas' demand (zones of about three areas or more), the default
 * ceiling (twice the mean zone).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';
import { delaunayNeighbours } from '../zones/neighbours.js';
import type { ZoneProblem } from '../zones/problem.js';

export function generatedMap(areaCount: number, seed: number, count: number | null): ZoneProblem {
  const rng = mersenne(seed);
  const side = 2 * Math.sqrt(areaCount);
  const points = Array.from({ length: areaCount }, () => ({
    x: side * uniformFloat64(rng),
    y: side * uniformFloat64(rng),
    demand: Math.round(50 + 450 * uniformFloat64(rng)),
  }));
  const total = points.reduce((t, p) => t + p.demand, 0);
  const floor = Math.round((3 * total) / areaCount);
  const most = count ?? Math.floor(total / floor);
  return {
    areas: points.map((p, i) => ({
      id: `A${String(i).padStart(4, '0')}`,
      x: p.x,
      y: p.y,
      demand: p.demand,
      parent: null,
    })),
    neighbours: delaunayNeighbours(points.map((p) => [p.x, p.y])),
    floor,
    ceiling: 2 * (total / most),
    count,
  };
}
