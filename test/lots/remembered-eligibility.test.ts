/**
 * Eligibility is remembered per lot and bids array (lots/eligibility.ts
 * `remembered`): asked again with another quality bar, another bids array
 * or another role, the answer is made for those, never an earlier one.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { bundledCounty } from '../helpers/bundled-county.js';
import { eligibleBids, eligiblePartBids } from '../../src/lots/eligibility.js';
import { eligibleOffers, offerProviders, offersFor } from '../../src/lots/offers.js';
import { tenderLots } from '../../src/lots/tender-lots.js';
import type { Lot, Scenario } from '../../src/model/types.js';

let county: Scenario;
let lots: readonly Lot[];

beforeAll(async () => {
  county = await bundledCounty();
  lots = tenderLots(county).lots;
});

const qualityOf = (scenario: Scenario, providerId: string) =>
  scenario.providers.find((p) => p.id === providerId)?.quality ?? 0;

describe('remembered eligibility', () => {
  test('another quality bar, another answer', () => {
    for (const lot of lots) {
      const all = eligibleBids(lot, county.bids, { minQuality: 0 });
      const high = eligibleBids(lot, county.bids, { minQuality: 75 });
      expect(eligibleBids(lot, county.bids, { minQuality: 0 })).toBe(all);
      expect(high).toEqual(all.filter((b) => b.quality >= 75));
      expect(eligibleOffers(lot, county.bids, { minQuality: 75 }).map((o) => o.providerId)).toEqual(
        eligibleOffers(lot, county.bids, { minQuality: 0 })
          .map((o) => o.providerId)
          .filter((id) => qualityOf(county, id) >= 75),
      );
    }
    // The bar of 75 leaves some bid out somewhere: the check above compared different answers.
    expect(
      lots.some(
        (lot) =>
          eligibleBids(lot, county.bids, { minQuality: 75 }).length <
          eligibleBids(lot, county.bids, { minQuality: 0 }).length,
      ),
    ).toBe(true);
  });

  test("offerProviders: the providers of the lot's eligible offers, without listing them all", () => {
    for (const minQuality of [0, 75])
      for (const lot of lots)
        expect([...offerProviders(lot, county.bids, { minQuality })].sort()).toEqual([
          ...new Set(eligibleOffers(lot, county.bids, { minQuality }).map((o) => o.providerId)),
        ]);
  });

  test('another bids array, answers from its bids', () => {
    const dearer = county.bids.map((b) => ({ ...b, price: b.price * 1.1 }));
    for (const lot of lots) {
      const before = eligiblePartBids(lot, county.bids, county.award);
      const after = eligiblePartBids(lot, dearer, county.award);
      expect(after.map((b) => b.id)).toEqual(before.map((b) => b.id));
      for (const bid of after) expect(dearer).toContain(bid);
    }
  });

  test('another role, the offers for that role', () => {
    const lead = lots.find((l) => l.roles.some((r) => r.role === 'secondary'));
    if (lead === undefined) throw new Error('the county has a lot with a secondary role');
    const asLead = offersFor(lead, county.bids, 'lead', county.award);
    const asSecondary = offersFor(lead, county.bids, 'secondary', county.award);
    expect(offersFor(lead, county.bids, 'lead', county.award)).toBe(asLead);
    // A copy of the lot is another key: its answers are made afresh, and are the same.
    expect(offersFor({ ...lead }, county.bids, 'secondary', county.award)).toEqual(asSecondary);
    expect(offersFor({ ...lead }, county.bids, 'lead', county.award)).toEqual(asLead);
    expect(asSecondary).not.toEqual(asLead);
  });
});
