/**
 * The MEAT weights (`award.qualityWeight`, `award.priceWeight`) must add up to 1:
 * a bid's MEAT score is points out of 100 (`zonal score`), and a weight set alone
 * (0.7 for quality, with the default 0.4 for price) would score out of 110.
 */
import { groupedNumber } from './grouped-number.js';

/** How far from 1 the sum may be: `0.7 + 0.3` is 0.9999999999999999 in floating point. */
const tolerance = 1e-9;

/** What is wrong with the award's MEAT weights (path and message), or null. */
export function meatWeightsProblem(award: {
  readonly qualityWeight: number;
  readonly priceWeight: number;
}): { path: (string | number)[]; message: string } | null {
  const { qualityWeight, priceWeight } = award;
  const sum = qualityWeight + priceWeight;
  if (Math.abs(sum - 1) <= tolerance) return null;
  return {
    path: ['award', 'qualityWeight'],
    message: `is ${qualityWeight} and priceWeight ${priceWeight}: they add up to ${groupedNumber(sum, 4)}, and MEAT scores are points out of 100, so the two must add up to 1 (0.7 and 0.3 for 70% quality, 30% price; priceWeight is 0.4 and qualityWeight 0.6 when not given)`,
  };
}
