/**
 * The award's CSV files: allocations.csv, lots.csv, providers.csv.
 */
import type { Result } from '../model/result.js';
import { toCsv } from './csv-write.js';

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

export function allocationsCsv(result: Result): Promise<string> {
  return toCsv(
    ['lot_id', 'bid_id', 'provider_id', 'role', 'hours_per_week', 'price_per_hour', 'annual_cost', 'area_hours', 'parts'],
    result.allocations.map((a) => [a.lotId, a.bidId, a.providerId, a.role, r4(a.hoursPerWeek), a.pricePerHour, r2(a.annualCost),
      a.areaHours === undefined ? '' : Object.entries(a.areaHours).map(([k, v]) => `${k}=${r4(v)}`).join(';'),
      // A merged lot's care types, each at its own bid's price: bid:care type:hours@price
      (a.parts ?? []).map((p) => `${p.bidId}:${p.careType}:${r4(p.hoursPerWeek)}@${p.pricePerHour}`).join(';')]),
  );
}

export function lotsCsv(result: Result): Promise<string> {
  const riskKeys = [...new Set(result.lots.flatMap((l) => Object.keys(l.risk)))];
  return toCsv(
    ['lot_id', 'care_type', 'zone_id', 'structure', 'areas', 'demand_hours_per_week', 'unmet_hours_per_week', 'annual_cost', 'winners', 'eligible_bids', 'cost_floor_per_hour', 'risk_score', ...riskKeys.map((k) => `risk_${k}`)],
    result.lots.map((l) => [
      l.lotId, l.careType, l.zoneId, l.structure, l.areaIds.join(';'), r4(l.demandHoursPerWeek), r4(l.unmetHoursPerWeek), r2(l.annualCost),
      l.winners.map((w) => `${w.providerId} (${w.role})`).join('; '), l.eligibleBids, r2(l.costFloorPerHour), r2(l.riskScore),
      ...riskKeys.map((k) => r4(l.risk[k] ?? 0)),
    ]),
  );
}

export function providersCsv(result: Result): Promise<string> {
  const keys = [...new Set(result.providers.flatMap((p) => Object.keys(p.viability)))];
  return toCsv(
    ['provider_id', 'name', 'hours_per_week', 'capacity_hours_per_week', 'min_viable_hours_per_week', 'share_of_total_hours', 'annual_revenue', 'lots', 'viability_score', ...keys.map((k) => `viability_${k}`)],
    result.providers.map((p) => [
      p.providerId, p.name, r4(p.hoursPerWeek), p.capacityHoursPerWeek, p.minViableHoursPerWeek, r4(p.shareOfTotalHours), r2(p.annualRevenue),
      p.lots.join(';'), r2(p.viabilityScore), ...keys.map((k) => r4(p.viability[k] ?? 0)),
    ]),
  );
}
