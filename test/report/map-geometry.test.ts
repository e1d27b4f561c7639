import { polygonArea, polygonContains } from 'd3-polygon';
import fc from 'fast-check';
import { union } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/model/types.js';
import { areaGeometry, labelPoint, zoneGeometry } from '../../src/report/html/map-geometry.js';
import type { MultiPolygon, Pair } from '../../src/report/html/shapes.js';
import { grownHull, marginFor, separateCoincident, voronoiCells } from '../../src/report/html/voronoi.js';
import { close } from '../helpers/run.js';

const areaOf = (shape: MultiPolygon) =>
  shape.reduce(
    (t, [outer, ...holes]) =>
      t + Math.abs(polygonArea(outer ?? [])) - holes.reduce((h, r) => h + Math.abs(polygonArea(r)), 0),
    0,
  );
const contains = (shape: MultiPolygon, p: Pair) =>
  shape.some(
    ([outer, ...holes]) => polygonContains(outer ?? [], p) && !holes.some((h) => polygonContains(h, p)),
  );

/** The laws every set of cells obeys: one non-empty cell per point holding its point, no overlaps, and together exactly the grown hull. */
function checkCells(points: readonly Pair[]): void {
  const cells = voronoiCells(points);
  expect(cells).toHaveLength(points.length);
  const separated = separateCoincident(points);
  cells.forEach((cell, i) => {
    expect(areaOf(cell), `cell ${i}`).toBeGreaterThan(0);
    expect(contains(cell, separated[i] ?? [NaN, NaN]), `cell ${i} holds its point`).toBe(true);
  });
  const sum = cells.reduce((t, c) => t + areaOf(c), 0);
  const [first, ...rest] = cells.flat();
  const covered = areaOf(union(first ?? [], ...rest));
  const hull = areaOf([grownHull(separated, marginFor(separated))]);
  // Overlapping cells would make the sum exceed the area they cover together.
  expect(close(sum, covered, 1e-6), `sum ${sum} vs union ${covered}`).toBe(true);
  expect(close(covered, hull, 1e-6), `union ${covered} vs hull ${hull}`).toBe(true);
}

const area = (id: string, lat: number, lon: number): Area => ({
  id,
  name: id,
  lat,
  lon,
  population: 1000,
  population65: 200,
  rurality: 'urban',
  areaKm2: null,
});

describe('voronoi cells around centroids', () => {
  it('gives every point a cell, without overlaps, covering the grown hull (random point sets)', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (grid) => {
          ran += 1;
          checkCells(grid.map(([x, y]): Pair => [x * 0.05, 51 + y * 0.04]));
        },
      ),
      { seed: 42, numRuns: 60 },
    );
    expect(ran).toBe(60);
  });

  it('handles one point, two points, collinear points and shared centroids', () => {
    checkCells([[0, 0]]);
    checkCells([
      [0, 0],
      [1, 0],
    ]);
    checkCells([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    checkCells([
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    checkCells([...Array.from({ length: 9 }, (): Pair => [0, 0]), [1, 1], [2, 0]]);
  });

  it('does not change its input', () => {
    const points: Pair[] = [
      [0, 0],
      [0, 0],
      [1, 2],
    ];
    const copy = structuredClone(points);
    voronoiCells(points);
    expect(points).toEqual(copy);
  });
});

describe('area and zone geometry', () => {
  const areas = [
    area('A1', 52.1, -1.2),
    area('A2', 52.2, -1.3),
    area('A3', 52.3, -1.4),
    area('A4', 52.15, -1.1),
  ];
  const zoning = new Map([
    ['A1', 'Z1'],
    ['A2', 'Z1'],
    ['A3', 'Z2'],
    ['A4', 'Z2'],
  ]);

  it('draws cells from centroids when there is no boundaries file', () => {
    const g = areaGeometry(areas, null);
    expect(g.source).toBe('centroids');
    expect(g.note).toBeNull();
    expect(g.areas.map((a) => a.areaId)).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('makes each zone the union of its areas, labelled inside', () => {
    const g = areaGeometry(areas, null);
    const zones = zoneGeometry(g.areas, zoning);
    expect(zones.map((z) => z.zoneId)).toEqual(['Z1', 'Z2']);
    const total = g.areas.reduce((t, a) => t + areaOf(a.shape), 0);
    expect(
      close(
        zones.reduce((t, z) => t + areaOf(z.shape), 0),
        total,
        1e-6,
      ),
    ).toBe(true);
    for (const z of zones) expect(contains(z.shape, z.labelAt), z.zoneId).toBe(true);
  });

  it('puts the label of a C-shaped zone inside it, where the centroid is not', () => {
    const c: MultiPolygon = [
      [
        [
          [0, 0],
          [3, 0],
          [3, 1],
          [1, 1],
          [1, 2],
          [3, 2],
          [3, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    ];
    expect(contains(c, [1.6, 1.5])).toBe(false);
    expect(contains(c, labelPoint(c))).toBe(true);
  });

  const square = (x: number, y: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.1, y],
        [x + 0.1, y + 0.1],
        [x, y + 0.1],
        [x, y],
      ],
    ],
  });
  const collection = (ids: readonly string[]) => ({
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({
      type: 'Feature',
      properties: { area_id: id },
      geometry: square(-1.4 + 0.1 * i, 52.1),
    })),
  });

  it('uses the boundaries file when it has a shape for every area', () => {
    const g = areaGeometry(areas, collection(['A1', 'A2', 'A3', 'A4']));
    expect(g.source).toBe('boundaries');
    expect(g.areas.every((a) => a.shape.length === 1)).toBe(true);
  });

  it('falls back to centroids, and says why, when the boundaries file misses an area or is not GeoJSON', () => {
    const missing = areaGeometry(areas, collection(['A1', 'A2']));
    expect(missing.source).toBe('centroids');
    expect(missing.note).toContain('A3, A4');
    const bad = areaGeometry(areas, { type: 'Topology' });
    expect(bad.source).toBe('centroids');
    expect(bad.note).toContain('not a GeoJSON FeatureCollection');
  });
});
