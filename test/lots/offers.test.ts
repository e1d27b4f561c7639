/**
 * Offers: which bids may hold a place together in a lot. A bid's `structures`
 * limits the lots it may win; a lot that carries merged care types is won
 * with one bid per care type with demand in it, each eligible on its own, and
 * each care type's hours are priced at its own bid's price.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildLots } from '../../src/lots/build-lots.js';
import { isEligible } from '../../src/lots/eligibility.js';
import {
  blend,
  eligibleOffers,
  hasEligibleOffer,
  lowestPrice,
  offerAreas,
  offerName,
  offerParts,
  offersFor,
} from '../../src/lots/offers.js';
import { tenderLots } from '../../src/lots/tender-lots.js';
import type { Lot, Scenario } from '../../src/model/types.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { bid, mergedZoneScenario } from '../helpers/scenario-builder.js';

/** Standard 100 h and complex 20 h merged in one lot over A1, A2 (complex only in A2). */
function merged(over: { structure?: 'sole' | 'lead-secondary' | 'framework' } = {}): Scenario {
  return mergedZoneScenario(
    [
      bid('S1', 'P1', ['A1', 'A2'], { price: 20 }),
      bid('C1', 'P1', ['A1', 'A2'], { price: 30, careType: 'complex' }),
      bid('C1b', 'P1', ['A2'], { price: 29, careType: 'complex' }),
      bid('S2', 'P2', ['A1', 'A2'], { price: 18 }), // no complex bid: P2 cannot win the merged lot
      bid('S3', 'P3', ['A1'], { price: 22 }),
      bid('C3', 'P3', ['A1', 'A2'], { price: 31, careType: 'complex', structures: ['framework'] }),
    ],
    over.structure,
  );
}

function onlyLot(s: Scenario): Lot {
  const [lot] = buildLots(s, s.zonings.get('z') ?? new Map());
  if (lot === undefined) throw new Error('no lot');
  return lot;
}

describe('structures a price holds for', () => {
  const base = merged();
  const lot = onlyLot(base);
  const s1 = bid('S1', 'P1', ['A1', 'A2'], { price: 20 });

  test('no structures (or an empty list): any structure', () => {
    expect(isEligible(s1, lot, 'sole', base.award)).toBe(true);
    expect(isEligible({ ...s1, structures: [] }, lot, 'sole', base.award)).toBe(true);
  });

  test('a bid that names structures may win only lots of those structures', () => {
    expect(isEligible({ ...s1, structures: ['framework'] }, lot, 'sole', base.award)).toBe(false);
    expect(isEligible({ ...s1, structures: ['sole', 'framework'] }, lot, 'sole', base.award)).toBe(true);
    const ls = onlyLot(merged({ structure: 'lead-secondary' }));
    expect(isEligible({ ...s1, structures: ['sole'] }, ls, 'lead', base.award)).toBe(false);
    expect(isEligible({ ...s1, structures: ['lead-secondary'] }, ls, 'secondary', base.award)).toBe(true);
  });
});

describe('offers for a merged lot', () => {
  test('the lot knows the demand of each care type it carries, its own first', () => {
    const lot = onlyLot(merged());
    expect([...lot.careDemand.keys()]).toEqual(['standard', 'complex']);
    expect(Object.fromEntries(lot.careDemand.get('complex') ?? [])).toEqual({ A2: 20 });
    expect(lot.demand).toBe(120);
  });

  test('one bid per care type from one provider; a provider without a complex bid has no offer', () => {
    const s = merged();
    const lot = onlyLot(s);
    expect(offersFor(lot, s.bids, 'sole', s.award).map(offerName)).toEqual(['S1&C1']);
    // C1b covers A2 only and S3 covers A1 only: neither may fill a sole lot over A1 and A2; C3 is priced for frameworks.
  });

  test('each care type at its own price: the blended price is hours-weighted', () => {
    const s = merged();
    const lot = onlyLot(s);
    const [offer] = offersFor(lot, s.bids, 'sole', s.award);
    if (offer === undefined) throw new Error('no offer');
    const parts = offerParts(offer, lot);
    expect(parts.map((p) => [p.bid.id, p.careType, p.fraction])).toEqual([
      ['S1', 'standard', 100 / 120],
      ['C1', 'complex', 20 / 120],
    ]);
    expect(blend(parts).price).toBeCloseTo((100 * 20 + 20 * 30) / 120, 12);
    expect(lowestPrice(lot, s.bids, s.award)).toBeCloseTo(2600 / 120, 12);
  });

  test('in a framework an offer serves an area when each care type with demand there is covered by its bid', () => {
    const s = merged({ structure: 'framework' });
    const lot = onlyLot(s);
    const offers = offersFor(lot, s.bids, 'member', s.award);
    expect(offers.map(offerName)).toEqual(['S1&C1', 'S1&C1b', 'S3&C3']);
    const areas = Object.fromEntries(offers.map((o) => [offerName(o), offerAreas(o, lot)]));
    // A1 has only standard demand; A2 needs the complex bid to cover it too. S3 covers only A1.
    expect(areas).toEqual({ 'S1&C1': ['A1', 'A2'], 'S1&C1b': ['A1', 'A2'], 'S3&C3': ['A1'] });
    const parts = offerParts(offers[0] ?? { providerId: '', bids: [] }, lot, 'A2');
    expect(parts.map((p) => p.fraction)).toEqual([40 / 60, 20 / 60]);
    expect(eligibleOffers(lot, s.bids, s.award)).toHaveLength(3);
  });

  test('a bid rejected for the lot (below legal pay) takes its offers with it', () => {
    const s = merged();
    const lot = { ...onlyLot(s), rejectedBidIds: ['C1'] };
    expect(offersFor(lot, s.bids, 'sole', s.award)).toEqual([]);
  });
});

describe('whether a lot has an eligible offer (asked without listing them)', () => {
  test('the same answer as the full list, on random scenarios with both answers', () => {
    const seen = { some: 0, none: 0 };
    fc.assert(
      fc.property(randomScenario(), fc.constantFrom(0, 60, 80), (s, minQuality) => {
        const rules = { minQuality };
        for (const lot of tenderLots(s).lots) {
          const any = eligibleOffers(lot, s.bids, rules).length > 0;
          expect(hasEligibleOffer(lot, s.bids, rules)).toBe(any);
          seen[any ? 'some' : 'none'] += 1;
        }
      }),
      { seed: 7, numRuns: 150 },
    );
    // Both answers came up, so the comparison above could have failed either way.
    expect(seen.some).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
  });

  test('a merged lot a provider cannot fill for every care type has none; a bid rejected for it takes its offer away', () => {
    const s = merged();
    const lot = onlyLot(s);
    expect(hasEligibleOffer(lot, s.bids, s.award)).toBe(true);
    const bare = [...s.bids.filter((b) => b.careType === 'standard')];
    expect(hasEligibleOffer(lot, bare, s.award)).toBe(false);
    const rejected = { ...lot, rejectedBidIds: ['C1', 'C1b', 'C3'] };
    expect(hasEligibleOffer(rejected, s.bids, s.award)).toBe(false);
  });
});
