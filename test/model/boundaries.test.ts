import { describe, expect, test } from 'vitest';
import { boundariesProblem, boundaryPolygons } from '../../src/model/boundaries.js';
import type { Area } from '../../src/model/types.js';

const areas = ['A1', 'A2'].map((id) => ({ id }) as Area);
const ring = [
  [0, 52],
  [1, 52],
  [1, 53],
  [0, 52],
];
const feature = (areaId: unknown, geometry: unknown, extra: object = {}) => ({
  type: 'Feature',
  properties: { area_id: areaId, name: 'x' },
  geometry,
  ...extra,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const polygon = (coordinates: unknown) => ({ type: 'Polygon', coordinates });
const good = (second: unknown = feature('A2', polygon([ring]))) =>
  collection(feature('A1', { type: 'MultiPolygon', coordinates: [[ring], [ring]] }), second);

const notFeatures =
  'the boundaries file is not a GeoJSON FeatureCollection of Polygon or MultiPolygon features with properties.area_id';

describe('boundaryPolygons', () => {
  test('each area its polygons, a MultiPolygon flattened and two features of one area joined', () => {
    const byArea = boundaryPolygons(good(), areas);
    if (typeof byArea === 'string') throw new Error(byArea);
    expect(byArea.get('A1')).toEqual([[ring], [ring]]);
    expect(byArea.get('A2')).toEqual([[ring]]);
    const twice = boundaryPolygons(collection(...good().features, feature('A2', polygon([ring]))), areas);
    if (typeof twice === 'string') throw new Error(twice);
    expect(twice.get('A2')).toEqual([[ring], [ring]]);
  });

  test('a height after longitude and latitude, other properties and an area the scenario lacks are fine', () => {
    const high = ring.map(([lon, lat]) => [lon ?? 0, lat ?? 0, 120]);
    expect(boundariesProblem(good(feature('A2', polygon([high]), { id: 7 })), areas)).toBeNull();
    expect(
      boundariesProblem(collection(...good().features, feature('Z9', polygon([ring]))), areas),
    ).toBeNull();
  });

  test.each([
    ['not a FeatureCollection', { type: 'Topology', features: [] }],
    ['features not a list', { type: 'FeatureCollection', features: {} }],
    ['nothing at all', null],
    ['a feature that is not an object', good(null)],
    ['an area id that is a number', good(feature(2, polygon([ring])))],
    ['no properties', good({ type: 'Feature', geometry: polygon([ring]) })],
    ['a Point', good(feature('A2', { type: 'Point', coordinates: [0, 52] }))],
    ['a ring of three positions', good(feature('A2', polygon([ring.slice(1)])))],
    ['a polygon with no ring', good(feature('A2', polygon([])))],
    ['a position of one number', good(feature('A2', polygon([[[0], ...ring.slice(1)]])))],
    ['a position given as text', good(feature('A2', polygon([[['0', 52], ...ring.slice(1)]])))],
    [
      'a number too large (1e999 reads as Infinity)',
      good(feature('A2', polygon([[[Infinity, 52], ...ring.slice(1)]]))),
    ],
    ['a MultiPolygon with no polygon', good(feature('A2', { type: 'MultiPolygon', coordinates: [] }))],
  ])('%s: not usable, said in the one message', (_, boundaries) => {
    expect(boundaryPolygons(boundaries, areas)).toBe(notFeatures);
    expect(boundariesProblem(boundaries, areas)).toBe(notFeatures);
  });

  test('an area with no shape: named, at most five', () => {
    expect(boundariesProblem(collection(feature('A1', polygon([ring]))), areas)).toBe(
      'the boundaries file has no shape for 1 area (A2)',
    );
    const many = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map((id) => ({ id }) as Area);
    expect(boundariesProblem(collection(), many)).toBe(
      'the boundaries file has no shape for 7 areas (A1, A2, A3, A4, A5, …)',
    );
  });
});
