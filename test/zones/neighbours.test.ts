/**
 * The neighbour rule: shared edges of boundaries, else Delaunay links of the
 * centroids less the overly long ones.
 */
import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/model/types.js';
import { delaunayNeighbours, neighbourGraph } from '../../src/zones/neighbours.js';

const square = (x: number, y: number): number[][][] => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
];
const area = (id: string, lon: number, lat: number): Area => ({
  id,
  name: id,
  lat,
  lon,
  population: 1,
  population65: 1,
  rurality: 'urban',
  areaKm2: null,
});

describe('neighbours', () => {
  it('from boundaries: squares sharing an edge are neighbours, squares touching at a corner are not', () => {
    // A B
    // C D   (A and D, B and C touch only at the middle corner)
    const cells = { A: square(0, 1), B: square(1, 1), C: square(0, 0), D: square(1, 0) };
    const boundaries = {
      type: 'FeatureCollection',
      features: Object.entries(cells).map(([id, coordinates]) => ({
        type: 'Feature',
        properties: { area_id: id },
        geometry: { type: 'Polygon', coordinates },
      })),
    };
    const areas = [area('A', 0.5, 1.5), area('B', 1.5, 1.5), area('C', 0.5, 0.5), area('D', 1.5, 0.5)];
    const graph = neighbourGraph(areas, boundaries);
    expect(graph.source).toBe('boundaries');
    expect(graph.neighbours).toEqual([
      [1, 2],
      [0, 3],
      [0, 3],
      [1, 2],
    ]);
  });

  it('without boundaries: Delaunay links, and a far-off link is dropped while the far area keeps its nearest link', () => {
    // a 5 × 3 grid (1 apart, rows slightly offset so no four points are cocircular) and one point far below its middle
    const points: [number, number][] = [];
    for (let y = 0; y < 3; y++) for (let x = 0; x < 5; x++) points.push([x + 0.1 * y, y]);
    points.push([2, -30]);
    const far = points.length - 1;
    const graph = delaunayNeighbours(points);
    expect(graph[far]).toEqual([2]);
    expect(graph[2]).toContain(far);
    expect(graph[0]).not.toContain(far);
    expect(graph[4]).not.toContain(far);
    // every grid point keeps its grid neighbours to left and right
    for (let i = 0; i < 15; i++) if (i % 5 !== 4) expect(graph[i]).toContain(i + 1);
  });

  it('falls back to centroids, saying why, when the boundaries lack an area', () => {
    const boundaries = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { area_id: 'A' },
          geometry: { type: 'Polygon', coordinates: square(0, 0) },
        },
      ],
    };
    const graph = neighbourGraph([area('A', 0.5, 0.5), area('B', 1.5, 0.5)], boundaries);
    expect(graph.source).toBe('centroids');
    expect(graph.note).toMatch(/no shape for 1 area/);
    expect(graph.neighbours).toEqual([[1], [0]]);
  });
});
