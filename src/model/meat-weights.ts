/**
 * The MEAT weights (`award.qualityWeight`, `award.priceWeight`) should add up to 1: a bid's
 * MEAT score is then points out of 100 (`zonal score`). Weights that do not (0.7 for quality
 * set alone, beside the default 0.4 for price) are a warning, not an error: the contract lets
 * either be left out, and the award is still well defined, but the balance is then not what a
 * 70/30 tender publishes, and the points are out of 110.
 */
import { meatWeightsOff } from '../diagnostics/messages.js';
import { groupedNumber } from './grouped-number.js';

/** How far from 1 the sum may be: `0.7 + 0.3` is 0.9999999999999999 in floating point. */
const tolerance = 1e-9;

/**
 * The warning about the award's MEAT weights (path and message), or null when they add up to 1.
 * It is at qualityWeight, unless only priceWeight was written (`qualityWeightGiven` false): a
 * warning at a weight the file does not have would point at the line of "award".
 */
export function meatWeightsProblem(
  award: { readonly qualityWeight: number; readonly priceWeight: number },
  qualityWeightGiven: boolean,
): { path: (string | number)[]; message: string; warning: true } | null {
  const sum = award.qualityWeight + award.priceWeight;
  if (Math.abs(sum - 1) <= tolerance) return null;
  const at = qualityWeightGiven ? 'qualityWeight' : 'priceWeight';
  return {
    path: ['award', at],
    message: meatWeightsOff(at, award, groupedNumber(sum, 4), groupedNumber(sum * 100, 2)),
    warning: true,
  };
}
