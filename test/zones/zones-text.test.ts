/**
 * The printed tables of `zonal zones`.
 */
import { describe, expect, test } from 'vitest';
import type { ZoneRow } from '../../src/zones/describe.js';
import type { Proposal } from '../../src/zones/design.js';
import { proposalText } from '../../src/zones/zones-text.js';

const proposal: Proposal = {
  assignment: [0, 1],
  zoneCount: 2,
  cost: 0,
  method: 'exact',
  status: 'optimal',
  gap: 0,
  countGap: 0,
};

const row = (zoneId: string, demand: number, floor: number): ZoneRow => ({
  zoneId,
  areaIds: [zoneId.slice(-2)],
  demand,
  floorMargin: demand - floor,
  meanKm: 0,
  centreAreaId: zoneId.slice(-2),
  connected: true,
});

describe('proposalText', () => {
  test("a zone's margin over the floor is in hours and as a share of the floor", () => {
    const text = proposalText('designed', proposal, [row('Z-N1', 1200, 1000)], 1000);
    expect(text).toMatch(/\+200 \(\+20%\)/);
  });

  // An exact design stopped before HiGHS had a bound said "within 100.0% of the most compact map" (explore12).
  test.each([1, Number.NaN])(
    'an exact design stopped with a gap of %s says compactness is not bounded',
    (gap) => {
      const text = proposalText(
        'designed',
        { ...proposal, status: 'feasible', gap },
        [row('Z-N1', 1200, 1000)],
        1000,
      );
      expect(text).toContain('compactness not bounded: allow more time (--time-limit)');
      expect(text).not.toContain('100.0%');
    },
  );

  // zonal zones scenarios/hertfordshire --count 1 said "1 zones" (explore12).
  test('one zone is "1 zone"', () => {
    const text = proposalText('designed', { ...proposal, zoneCount: 1 }, [row('Z-N1', 1200, 1000)], 1000);
    expect(text.split('\n')[0]).toBe(
      'Zoning "designed": 1 zone, exact, proven optimal; compactness 0 hour-km',
    );
  });

  test('with no floor (--min-hours 0) the margin is in hours only, not a share of nothing (+120,000%)', () => {
    const text = proposalText('designed', proposal, [row('Z-N1', 1200, 0), row('Z-S1', 1000, 0)], 0);
    expect(text).not.toMatch(/%/);
    expect(text).toMatch(/Z-N1 +1 +1,200 +\+1,200 /);
  });
});
