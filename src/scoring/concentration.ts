/**
 * Market concentration of an award: each provider's share of the hours it
 * buys and the county's Herfindahl-Hirschman index (HHI, 0-10,000).
 *
 * Shares are of the hours bought, not of demand: hours left unbought are in
 * no provider's hands and are scored as unmet. As shares of demand they acted
 * as a crowd of small rivals, so a market with care unbought looked less
 * concentrated: until 2026-12-02 six providers splitting three zones evenly
 * scored HHI 1,667, and 938 ("rarely a concern") once a fourth zone went
 * unbought, which lowered the other zones' risk.
 *
 * HHI bands, from published merger guidelines:
 *   below 1,000   rarely a concern (EU horizontal merger guidelines 2004)
 *   1,800         highly concentrated (US DOJ/FTC merger guidelines 2023)
 *   2,000         concern above this (EU 2004)
 *   2,500         highly concentrated (US 2010 guidelines)
 * The HHI component rises linearly through (1,000, 0), (1,800, 0.5),
 * (2,000, 0.75), (2,500, 1).
 */
import { clamp01, fmtPercent } from './components.js';
import { byKey } from '../model/order.js';
import { groupedNumber } from '../model/grouped-number.js';

export interface CountyConcentration {
  /** providerId → share of the hours the award buys, sorted by id. */
  readonly shares: ReadonlyMap<string, number>;
  readonly hhi: number;
  readonly largestProvider: string | null;
  readonly largestShare: number;
}

const hhiPoints: readonly (readonly [number, number])[] = [
  [1000, 0],
  [1800, 0.5],
  [2000, 0.75],
  [2500, 1],
];

export function countyConcentration(hoursByProvider: ReadonlyMap<string, number>): CountyConcentration {
  const bought = [...hoursByProvider.values()].reduce((t, h) => t + h, 0);
  const shares = new Map([...hoursByProvider].sort(byKey).map(([p, h]) => [p, bought > 0 ? h / bought : 0]));
  let largestProvider: string | null = null;
  let largestShare = 0;
  for (const [p, s] of shares) if (s > largestShare) [largestProvider, largestShare] = [p, s];
  const hhi = Math.round([...shares.values()].reduce((t, s) => t + (100 * s) ** 2, 0));
  return { shares, hhi, largestProvider, largestShare };
}

export function hhiValue(hhi: number): number {
  const first = hhiPoints[0] ?? [0, 0];
  if (hhi <= first[0]) return 0;
  for (let i = 1; i < hhiPoints.length; i++) {
    const [x0, y0] = hhiPoints[i - 1] ?? first;
    const [x1, y1] = hhiPoints[i] ?? first;
    if (hhi <= x1) return y0 + ((hhi - x0) / (x1 - x0)) * (y1 - y0);
  }
  return 1;
}

export function hhiBand(hhi: number): string {
  if (hhi < 1000) return 'below 1,000: rarely a concern (EU 2004)';
  if (hhi < 1800) return '1,000-1,800: moderately concentrated';
  if (hhi < 2000) return '1,800-2,000: highly concentrated (US 2023)';
  return 'above 2,000: a concern (EU 2004)';
}

/** A provider's county share against the share limit, in [0, 1]. */
function shareValue(share: number, limit: number): number {
  return clamp01(share / limit);
}

/** Half the provider's county share component, half the county HHI component. */
export function concentrationValue(share: number, hhi: number, limit: number): number {
  return 0.5 * shareValue(share, limit) + 0.5 * hhiValue(hhi);
}

export function concentrationReason(providerId: string | null, share: number, hhi: number): string {
  const who =
    providerId === null
      ? 'no provider holds hours'
      : `${providerId} holds ${fmtPercent(share)} of the hours bought`;
  return `${who}; county HHI ${groupedNumber(hhi, 3)} (${hhiBand(hhi)})`;
}
