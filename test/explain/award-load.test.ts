import { describe, expect, test } from 'vitest';
import { awardLoad } from '../../src/explain/stopped-by.js';
import type { Allocation } from '../../src/model/types.js';

const member = (providerId: string, hoursPerWeek: number): Allocation => ({
  lotId: 'standard:county',
  bidId: `B-${providerId}`,
  providerId,
  role: 'member',
  hoursPerWeek,
  pricePerHour: 25,
  annualCost: hoursPerWeek * 25 * 52,
});

describe('awardLoad', () => {
  test('counts as winners, for award.minDistinctProviders, only the providers awarded hours', () => {
    const load = awardLoad([], [member('P1', 398), member('P2', 2), member('P3', 0)]);
    expect([...load.winners].sort()).toEqual(['P1', 'P2']);
    expect(load.providerLots.get('P3')?.size).toBe(1);
  });
});
