/**
 * What the map says about each zone: which lot it shows, who leads it, how
 * much demand is unmet and how risky it is. The map shows the lots of one
 * care type, the one with most demand among the zone lots (usually
 * `standard`); when every lot is county-wide it shows the largest county lot.
 */
import type { LotResult, Result } from '../../model/result.js';
import { roleRank } from '../../structures/index.js';
import { byText, largestFirst } from '../../model/order.js';

export interface ZoneAward {
  readonly zoneId: string;
  readonly lotId: string | null;
  /** Sole or lead provider; the framework member with most hours; null when nobody won. */
  readonly leadProviderId: string | null;
  /** Nobody holds the lot's lead: the provider above holds only a secondary role. */
  readonly leadUnfilled: boolean;
  readonly otherProviderIds: readonly string[];
  readonly unmetHoursPerWeek: number;
  readonly riskScore: number;
}

/** The care type the map shows, or null when the award has no lots. */
export function mapCareType(lots: readonly LotResult[]): string | null {
  const zoneLots = lots.filter((l) => l.zoneId !== 'county');
  const pool = zoneLots.length > 0 ? zoneLots : lots;
  const demand = new Map<string, number>();
  for (const l of pool) demand.set(l.careType, (demand.get(l.careType) ?? 0) + l.demandHoursPerWeek);
  const ranked = [...demand.entries()].sort(largestFirst);
  return ranked[0]?.[0] ?? null;
}

/** The provider a zone is coloured by, and the others that serve it. */
function leadOf(lot: LotResult): { lead: string | null; leadUnfilled: boolean; others: string[] } {
  const serving = lot.winners.filter((w) => w.role !== 'backup' && w.hoursPerWeek > 0);
  const ranked = [...serving].sort(
    (a, b) =>
      roleRank(a.role) - roleRank(b.role) ||
      b.hoursPerWeek - a.hoursPerWeek ||
      byText(a.providerId, b.providerId),
  );
  const lead = ranked[0]?.providerId ?? null;
  const leadUnfilled = ranked[0] !== undefined && roleRank(ranked[0].role) > 0;
  return {
    lead,
    leadUnfilled,
    others: [...new Set(ranked.slice(1).map((w) => w.providerId))].filter((p) => p !== lead),
  };
}

export function zoneAwards(result: Result, zoneIds: readonly string[]): ZoneAward[] {
  const careType = mapCareType(result.lots);
  return zoneIds.map((zoneId) => {
    const lot =
      result.lots.find((l) => l.careType === careType && l.zoneId === zoneId) ??
      result.lots.find((l) => l.careType === careType && l.zoneId === 'county');
    if (lot === undefined)
      return {
        zoneId,
        lotId: null,
        leadProviderId: null,
        leadUnfilled: false,
        otherProviderIds: [],
        unmetHoursPerWeek: 0,
        riskScore: 0,
      };
    const { lead, leadUnfilled, others } = leadOf(lot);
    return {
      zoneId,
      lotId: lot.lotId,
      leadProviderId: lead,
      leadUnfilled,
      otherProviderIds: others,
      unmetHoursPerWeek: lot.unmetHoursPerWeek,
      riskScore: lot.riskScore,
    };
  });
}

/**
 * Who serves a zone, as the providers map says it (`name`: the provider as the map names it):
 * a provider holding only the secondary role is not passed off as the lead (until 2026-12-01
 * a zone whose lead went unfilled was labelled with its secondary alone).
 */
export const zoneServedBy = (zone: ZoneAward, name: string): string =>
  zone.leadUnfilled ? `${name}, secondary only: no lead` : name;

/** Whether the scoring stage filled in risk (an award scored before it landed has none). */
export const hasRiskScores = (result: Result): boolean =>
  result.lots.some((l) => Object.keys(l.risk).length > 0);
