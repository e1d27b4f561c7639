/**
 * Put a decoded award, its scores and explanations together as a Result
 * (result.json), or a tender with no award and its diagnosis as an
 * InfeasibleResult. Computes nothing but totals: the pipeline's earlier steps did the work.
 */
import type { Diagnosis } from './model/explanation.js';
import {
  sortAllocations,
  type InfeasibleResult,
  type LotResult,
  type ProviderResult,
  type Result,
  type ResultHeader,
  type RunInfo,
} from './model/result.js';
import type { Allocation, Lot, Scenario } from './model/types.js';
import { eligibleBids } from './lots/eligibility.js';
import { eligibleOffers } from './lots/offers.js';
import type { AwardScores } from './scoring/award-scores.js';
import { countyConcentration } from './scoring/concentration.js';
import type { LotExplanation } from './explain/types.js';
import { byId } from './model/order.js';
import { roleRank } from './structures/index.js';

export interface ResultParts {
  readonly scenario: Scenario;
  readonly lots: readonly Lot[];
  readonly allocations: readonly Allocation[];
  readonly unmet: ReadonlyMap<string, number>;
  readonly warnings: readonly string[];
  readonly status: Result['status'];
  readonly gap: number;
  readonly objectiveValue: number;
  readonly run: RunInfo;
  /** Viability, risk and flags of the award (the pipeline's scoring step). */
  readonly scores: AwardScores;
  /** Why each lot went as it did (src/explain), by lot id. */
  readonly explanations?: ReadonlyMap<string, LotExplanation>;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The start of every result.json, with an award or without. */
const resultHeader = (scenario: Scenario): ResultHeader => ({
  schemaVersion: 1,
  scenario: scenario.name,
  zoning: scenario.zoning,
  period: scenario.period,
  currency: scenario.currency,
  weeksPerYear: scenario.weeksPerYear,
});

/** The scenario's providers in id order, as result.json lists them. */
const providersById = (scenario: Scenario) => [...scenario.providers].sort(byId);

export function assembleResult(parts: ResultParts): Result {
  const { scenario, lots, scores } = parts;
  // A lot's winners in the order of its allocations: the role with the largest share first (sole,
  // lead, prime), named back-ups last (mend17b: until then by role name, back-ups before the winner).
  const allocations = sortAllocations(parts.allocations, roleRank);
  const totalDemand = lots.reduce((t, l) => t + l.demand, 0);
  const lotResults: LotResult[] = lots.map((lot) => {
    const mine = allocations.filter((a) => a.lotId === lot.id);
    const s = scores.lots.get(lot.id);
    const explanation = parts.explanations?.get(lot.id);
    return {
      lotId: lot.id,
      careType: lot.careType,
      zoneId: lot.zoneId,
      areaIds: lot.areaIds,
      structure: lot.structure,
      rejectedBidIds: lot.rejectedBidIds,
      demandHoursPerWeek: lot.demand,
      demandLowHoursPerWeek: lot.demandLow,
      demandHighHoursPerWeek: lot.demandHigh,
      laterDemand: lot.laterDemand.map((d) => ({ period: d.period, hoursPerWeek: round(d.hours, 6) })),
      allocatedHoursPerWeek: mine.reduce((t, a) => t + a.hoursPerWeek, 0),
      unmetHoursPerWeek: parts.unmet.get(lot.id) ?? 0,
      annualCost: round(mine.reduce((t, a) => t + a.annualCost, 0)),
      winners: mine.map((a) => ({
        providerId: a.providerId,
        bidId: a.bidId,
        role: a.role,
        hoursPerWeek: a.hoursPerWeek,
      })),
      eligibleBids: eligibleBids(lot, scenario.bids, scenario.award).length,
      eligibleOffers: eligibleOffers(lot, scenario.bids, scenario.award).length,
      costFloorPerHour: s?.costFloorPerHour ?? 0,
      riskScore: s?.riskScore ?? 0,
      risk: s?.risk ?? {},
      ...(s === undefined ? {} : { riskDetail: s.riskDetail }),
      ...(s?.costFloor === undefined ? {} : { costFloor: s.costFloor }),
      ...(s?.zoneViability === undefined ? {} : { zoneViability: s.zoneViability }),
      ...(explanation === undefined ? {} : { explanation }),
    };
  });
  const providerResults: ProviderResult[] = providersById(scenario).map((p) => {
    const mine = allocations.filter((a) => a.providerId === p.id && a.role !== 'backup');
    const hours = mine.reduce((t, a) => t + a.hoursPerWeek, 0);
    const s = scores.providers.get(p.id);
    return {
      providerId: p.id,
      name: p.name,
      hoursPerWeek: round(hours, 6),
      capacityHoursPerWeek: p.maxHours,
      minViableHoursPerWeek: p.minViableHours,
      shareOfTotalHours: totalDemand > 0 ? hours / totalDemand : 0,
      annualRevenue: round(mine.reduce((t, a) => t + a.annualCost, 0)),
      lots: [...new Set(mine.map((a) => a.lotId))].sort(),
      viabilityScore: s?.viabilityScore ?? 0,
      viability: s?.viability ?? {},
      ...(s === undefined ? {} : { viabilityDetail: s.viabilityDetail }),
      ...(s?.awards === undefined ? {} : { awards: s.awards }),
    };
  });
  const served = allocations.reduce((t, a) => t + a.hoursPerWeek, 0);
  const annualCost = round(allocations.reduce((t, a) => t + a.annualCost, 0));
  const shares = providerResults.map((p) => p.shareOfTotalHours);
  const unmet = [...parts.unmet.values()].reduce((t, h) => t + h, 0);
  const spotAnnualCost = round(unmet * scenario.award.spotPricePerHour * scenario.weeksPerYear);
  return {
    ...resultHeader(scenario),
    status: parts.status,
    // Proven optimal is a gap of 0 (docs/outputs.md), not HiGHS's rounding (2.4e-16) or its
    // tolerance, which batch.csv showed as 2.35867E-16 beside "optimal".
    gap: parts.status === 'optimal' ? 0 : Number.isFinite(parts.gap) ? parts.gap : null,
    objective: { kind: scenario.award.objective, value: parts.objectiveValue },
    totals: {
      annualCost,
      spotAnnualCost,
      allInAnnualCost: round(annualCost + spotAnnualCost),
      hoursPerWeek: round(served, 6),
      demandHoursPerWeek: round(totalDemand, 6),
      unmetHoursPerWeek: round(unmet, 6),
      costPerHour: served > 0 ? round(annualCost / (served * scenario.weeksPerYear)) : 0,
      providersAwarded: providerResults.filter((p) => p.hoursPerWeek > 0).length,
      largestShare: Math.max(0, ...shares),
      hhi: countyConcentration(new Map(providerResults.map((p) => [p.providerId, p.hoursPerWeek]))).hhi,
      riskScore: scores.riskScore,
      viabilityScore: scores.viabilityScore,
    },
    allocations,
    lots: lotResults,
    providers: providerResults,
    flags: scores.flags,
    warnings: parts.warnings,
    run: parts.run,
    risk: scores.detail,
  };
}

/** result.json when no award meets the hard rules: every lot tendered, every provider with nothing won. */
export function assembleInfeasible(
  scenario: Scenario,
  lots: readonly Lot[],
  warnings: readonly string[],
  run: RunInfo,
  diagnosis: Diagnosis,
): InfeasibleResult {
  return {
    ...resultHeader(scenario),
    status: 'infeasible',
    objective: { kind: scenario.award.objective },
    diagnosis,
    allocations: [],
    lots: lots.map((lot) => ({
      lotId: lot.id,
      careType: lot.careType,
      zoneId: lot.zoneId,
      areaIds: lot.areaIds,
      structure: lot.structure,
      demandHoursPerWeek: lot.demand,
      eligibleBids: eligibleBids(lot, scenario.bids, scenario.award).length,
      rejectedBidIds: lot.rejectedBidIds,
    })),
    providers: providersById(scenario).map((p) => ({
      providerId: p.id,
      name: p.name,
      hoursPerWeek: 0,
      capacityHoursPerWeek: p.maxHours,
      minViableHoursPerWeek: p.minViableHours,
      shareOfTotalHours: 0,
      annualRevenue: 0,
      lots: [],
    })),
    warnings,
    run,
  };
}
