import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatIssue, IssueList } from '../../src/diagnostics/issues.js';
import { checkAreaPlaces, distanceKm, nearestFinder, type PlacedArea } from '../../src/model/geography.js';

const herts: PlacedArea[] = [
  { line: 2, id: 'A1', lat: 51.7, lon: -0.04 },
  { line: 3, id: 'A2', lat: 51.76, lon: -0.01 },
  { line: 4, id: 'A3', lat: 51.8, lon: -0.2 },
  { line: 5, id: 'A4', lat: 51.75, lon: -0.34 },
];

function check(areas: readonly PlacedArea[], bounds?: Parameters<typeof checkAreaPlaces>[1]) {
  const issues = new IssueList();
  checkAreaPlaces(areas, bounds, 'areas.csv', issues);
  return issues.all.map(formatIssue);
}

describe('checkAreaPlaces: coordinates that cannot be right', () => {
  test('areas in one county pass', () => {
    expect(check(herts)).toEqual([]);
  });

  test('a swapped latitude and longitude is an error that says so', () => {
    const swapped = [...herts.slice(0, 3), { line: 5, id: 'A4', lat: -0.34, lon: 51.75 }];
    expect(check(swapped)).toEqual([
      'areas.csv:5: area "A4" at lat -0.34, lon 51.75 is outside Great Britain (lat 49.8 to 60.9, lon -8.7 to 1.8): latitude and longitude may be swapped (lat 51.75, lon -0.34 is inside): swap the two cells',
    ]);
  });

  test('an area far from every other is a warning with the distance', () => {
    const far = [...herts, { line: 6, id: 'A5', lat: 54.75, lon: -0.34 }];
    const [message] = check(far);
    const km = Math.round(distanceKm({ lat: 54.75, lon: -0.34 }, { lat: 51.8, lon: -0.2 }));
    expect(message).toBe(
      `areas.csv:6: warning: area "A5" is ${km} km from the nearest other area (most areas are within 11 km of one): check its coordinates`,
    );
    expect(km).toBeGreaterThan(300);
  });

  test('bounds are configurable, and null switches the check off', () => {
    const paris = [{ line: 2, id: 'P1', lat: 48.85, lon: 2.35 }];
    expect(check(paris)).toHaveLength(1);
    expect(check(paris, { south: 41, north: 51.2, west: -5.2, east: 9.6 })).toEqual([]);
    expect(check(paris, null)).toEqual([]);
  });

  test('distanceKm: London to Cambridge is about 80 km', () => {
    expect(distanceKm({ lat: 51.507, lon: -0.128 }, { lat: 52.205, lon: 0.119 })).toBeGreaterThan(75);
    expect(distanceKm({ lat: 51.507, lon: -0.128 }, { lat: 52.205, lon: 0.119 })).toBeLessThan(85);
  });
});

describe('nearestFinder', () => {
  test('gives the same nearest distance as comparing every pair (areas sharing latitudes, duplicates, one area)', () => {
    const point = fc.record({
      lat: fc.oneof(fc.double({ min: 49.8, max: 60.9, noNaN: true }), fc.constantFrom(51, 52.5)),
      lon: fc.double({ min: -8.7, max: 1.8, noNaN: true }),
    });
    let runs = 0;
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 60 }), (points) => {
        const areas = points.map((p, i) => ({ line: i + 2, id: `A${i}`, ...p }));
        const nearest = nearestFinder(areas);
        for (const a of areas) {
          const brute = areas.reduce(
            (best, o) => (o.id === a.id ? best : Math.min(best, distanceKm(a, o))),
            Infinity,
          );
          expect(nearest(a, a.id)).toBe(brute);
        }
        runs++;
      }),
      { seed: 10, numRuns: 200 },
    );
    expect(runs).toBe(200);
  });
});
