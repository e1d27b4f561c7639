/**
 * The award's tables: allocations, lots and providers, each once, as columns
 * with a format and rows. allocations.csv, lots.csv and providers.csv are
 * these tables as CSV; result.xlsx has them as formatted sheets.
 */
import type { Result } from '../model/result.js';
import { toCsv } from './csv-write.js';
import { awardedCost } from './lot-cost.js';
import type { SheetColumn, SheetTable } from './xlsx/sheet.js';

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;
/** An empty cell for a figure there is none of (a lot nobody is awarded has no cost), else the figure rounded. */
const nullable = (x: number | null, round: (x: number) => number) => (x === null ? null : round(x));

const col = (header: string, format: SheetColumn['format'] = 'text'): SheetColumn => ({ header, format });

export function allocationsTable(result: Result): SheetTable {
  return {
    name: 'allocations',
    columns: [
      col('lot_id'),
      col('bid_id'),
      col('provider_id'),
      col('role'),
      col('hours_per_week', 'hours'),
      col('price_per_hour', 'currency'),
      col('annual_cost', 'currency'),
      col('area_hours'),
      col('parts'),
    ],
    rows: result.allocations.map((a) => [
      a.lotId,
      a.bidId,
      a.providerId,
      a.role,
      r4(a.hoursPerWeek),
      a.pricePerHour,
      r2(a.annualCost),
      a.areaHours === undefined
        ? ''
        : Object.entries(a.areaHours)
            .map(([k, v]) => `${k}=${r4(v)}`)
            .join(';'),
      // A merged lot's care types, each at its own bid's price: bid:care type:hours@price
      (a.parts ?? [])
        .map((p) => `${p.bidId}:${p.careType}:${r4(p.hoursPerWeek)}@${p.pricePerHour}`)
        .join(';'),
    ]),
  };
}

export function lotsTable(result: Result): SheetTable {
  const riskKeys = [...new Set(result.lots.flatMap((l) => Object.keys(l.risk)))];
  return {
    name: 'lots',
    columns: [
      col('lot_id'),
      col('care_type'),
      col('zone_id'),
      col('structure'),
      col('areas'),
      col('demand_hours_per_week', 'hours'),
      col('unmet_hours_per_week', 'hours'),
      col('annual_cost', 'currency'),
      col('winners'),
      col('eligible_bids', 'integer'),
      col('cost_floor_per_hour', 'currency'),
      col('risk_score', 'score'),
      ...riskKeys.map((k) => col(`risk_${k}`, 'decimal')),
    ],
    rows: result.lots.map((l) => [
      l.lotId,
      l.careType,
      l.zoneId,
      l.structure,
      l.areaIds.join(';'),
      r4(l.demandHoursPerWeek),
      r4(l.unmetHoursPerWeek),
      nullable(awardedCost(l), r2),
      l.winners.map((w) => `${w.providerId} (${w.role})`).join('; '),
      l.eligibleBids,
      r2(l.costFloorPerHour),
      r2(l.riskScore),
      ...riskKeys.map((k) => r4(l.risk[k] ?? 0)),
    ]),
  };
}

export function providersTable(result: Result): SheetTable {
  const keys = [...new Set(result.providers.flatMap((p) => Object.keys(p.viability)))];
  return {
    name: 'providers',
    columns: [
      col('provider_id'),
      col('name'),
      col('hours_per_week', 'hours'),
      col('capacity_hours_per_week', 'hours'),
      col('min_viable_hours_per_week', 'hours'),
      col('share_of_total_hours', 'percent'),
      col('annual_revenue', 'currency'),
      col('lots'),
      col('viability_score', 'score'),
      ...keys.map((k) => col(`viability_${k}`, 'decimal')),
    ],
    rows: result.providers.map((p) => [
      p.providerId,
      p.name,
      r4(p.hoursPerWeek),
      p.capacityHoursPerWeek,
      p.minViableHoursPerWeek,
      r4(p.shareOfTotalHours),
      r2(p.annualRevenue),
      p.lots.join(';'),
      r2(p.viabilityScore),
      ...keys.map((k) => r4(p.viability[k] ?? 0)),
    ]),
  };
}

const tableCsv = (table: SheetTable): string =>
  toCsv(
    table.columns.map((c) => c.header),
    table.rows,
  );

export const allocationsCsv = (result: Result): string => tableCsv(allocationsTable(result));
export const lotsCsv = (result: Result): string => tableCsv(lotsTable(result));
export const providersCsv = (result: Result): string => tableCsv(providersTable(result));
