/**
 * What the largest share and the HHI are shares of, when they differ: the largest share is of
 * demand (as the share cap counts it), the HHI of the hours bought (scoring/concentration.ts).
 * With every hour bought the two are one and nothing is said; with hours unmet, "largest share
 * 50.0%; HHI 10,000" read as two figures that cannot both be true (until 2026-12-02).
 */
import type { Result } from '../model/result.js';

export function shareBases(totals: Result['totals']): { readonly share: string; readonly hhi: string } {
  return totals.unmetHoursPerWeek > 0
    ? { share: ' of demand', hhi: ' over the hours bought' }
    : { share: '', hhi: '' };
}
