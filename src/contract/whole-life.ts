/**
 * Whole-life cost of an award over the contract term (docs/contract.md).
 *
 * Year k (k = 0 for the first) of lot l costs what its winners are paid for
 * the design year (their annual costs), times the lot's demand that year over
 * its design demand, times the year's price factor (indexation); it is
 * discounted by (1 + discountRate)^-k. Per lot and in total, for the base
 * term and, when the scenario names extensions, for the term with them.
 */
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { lotFloors, type CostFloor } from '../scoring/cost-floor.js';
import { scoringSettings } from '../scoring/settings.js';
import { floorFactors, priceFactors } from './indexation.js';
import type { ContractSettings } from '../model/contract-settings.js';
import { contractYears, demandRatios, discountFactor, type ContractYear } from './term.js';
import type { ContractFloorFlag, ContractResult, ContractTotals } from '../model/contract-result.js';
import { byId } from '../model/order.js';
import { price as priceText } from '../model/money.js';

/** What the term does to one lot, year by year. */
interface LotTerm {
  readonly ratios: readonly number[];
  readonly prices: readonly number[];
  readonly floors: readonly number[];
  readonly floor: CostFloor | undefined;
}

const pennies = (x: number) => Math.round(x * 100) / 100;

/** The term's years and, per lot, its demand ratios, price factors and floor factors. */
function lotTerms(
  scenario: Scenario,
  contract: ContractSettings,
  lots: readonly Lot[],
): { years: ContractYear[]; terms: Map<string, LotTerm> } {
  const years = contractYears(contract, scenario.period);
  const floors = lotFloors(scenario, lots, scoringSettings(scenario).costModel);
  const terms = new Map<string, LotTerm>();
  for (const lot of lots) {
    const floor = floors.get(lot.id);
    terms.set(lot.id, {
      ratios: demandRatios(lot, scenario.period, years),
      prices: priceFactors(contract, years, floor),
      floors: floorFactors(contract, years, floor),
      floor,
    });
  }
  return { years, terms };
}

/**
 * Per lot, the multiples of a design year's spend and unmet hours that give
 * their discounted cost over the base term: the whole-life objective's weights.
 */
export function wholeLifeWeights(
  scenario: Scenario,
  lots: readonly Lot[],
): Map<string, { readonly serve: number; readonly unmet: number }> {
  const contract = scenario.contract;
  if (contract === undefined) return new Map();
  const { years, terms } = lotTerms(scenario, contract, lots);
  const base = years.filter((y) => y.base);
  const weights = new Map<string, { serve: number; unmet: number }>();
  for (const [lotId, t] of terms) {
    const d = (k: number) => discountFactor(contract.discountRate, k) * (t.ratios[k] ?? 1);
    weights.set(lotId, {
      serve: base.reduce((s, y) => s + d(y.index) * (t.prices[y.index] ?? 1), 0),
      unmet: base.reduce((s, y) => s + d(y.index), 0),
    });
  }
  return weights;
}

function totals(
  years: readonly ContractYear[],
  rate: number,
  cost: (y: ContractYear) => number,
  hours: (y: ContractYear) => number,
): ContractTotals {
  const rows = years.map((y) => ({
    period: y.period,
    annualCost: pennies(cost(y)),
    discountFactor: discountFactor(rate, y.index),
    hoursPerWeek: Math.round(hours(y) * 1e6) / 1e6,
  }));
  return {
    years: rows,
    nominalTotal: pennies(years.reduce((t, y) => t + cost(y), 0)),
    discountedTotal: pennies(years.reduce((t, y) => t + cost(y) * discountFactor(rate, y.index), 0)),
  };
}

function floorFlags(
  years: readonly ContractYear[],
  terms: ReadonlyMap<string, LotTerm>,
  served: readonly Allocation[],
  currency: string,
): ContractFloorFlag[] {
  const flags: ContractFloorFlag[] = [];
  for (const a of served) {
    const t = terms.get(a.lotId);
    const start = t?.floor?.perHour;
    if (t === undefined || start === undefined || a.pricePerHour < start) continue;
    const below = years.find(
      (y) => a.pricePerHour * (t.prices[y.index] ?? 1) < start * (t.floors[y.index] ?? 1),
    );
    if (below === undefined) continue;
    const price = pennies(a.pricePerHour * (t.prices[below.index] ?? 1));
    const floor = pennies(start * (t.floors[below.index] ?? 1));
    flags.push({
      period: below.period,
      lotId: a.lotId,
      bidId: a.bidId,
      providerId: a.providerId,
      pricePerHour: price,
      floorPerHour: floor,
      reason: `in ${below.period} the price rises to ${priceText(price, currency)} but the cost floor, following the wage, reaches ${priceText(floor, currency)}: index the price to the wage, or plan a fee review before ${below.period}`,
    });
  }
  return flags;
}

/** result.json `contract`, or nothing when the scenario sets no contract term. */
export function contractSection(
  scenario: Scenario,
  lots: readonly Lot[],
  allocations: readonly Allocation[],
): { contract: ContractResult } | Record<string, never> {
  const contract = scenario.contract;
  if (contract === undefined) return {};
  const { years, terms } = lotTerms(scenario, contract, lots);
  const served = allocations.filter((a) => a.role !== 'backup');
  const weekly = (a: Allocation, y: ContractYear) =>
    a.hoursPerWeek * (terms.get(a.lotId)?.ratios[y.index] ?? 1);
  // From the winner's annual cost as allocations.csv gives it (hours x price x weeks, rounded once to the
  // penny), so a lot's first year is its annual cost to the penny (until 2026-12-01 it was recomputed
  // unrounded and a lot with two winners could differ by 1p).
  const spend = (a: Allocation, y: ContractYear) =>
    a.annualCost * (terms.get(a.lotId)?.ratios[y.index] ?? 1) * (terms.get(a.lotId)?.prices[y.index] ?? 1);
  const of = (picked: readonly Allocation[], span: readonly ContractYear[]) =>
    totals(
      span,
      contract.discountRate,
      (y) => picked.reduce((t, a) => t + spend(a, y), 0),
      (y) => picked.reduce((t, a) => t + weekly(a, y), 0),
    );
  const base = years.filter((y) => y.base);
  return {
    contract: {
      startPeriod: base[0]?.period ?? scenario.period,
      discountRate: contract.discountRate,
      indexation: contract.indexation,
      ...of(served, base),
      lots: [...lots].sort(byId).map((lot) => ({
        lotId: lot.id,
        ...of(
          served.filter((a) => a.lotId === lot.id),
          base,
        ),
      })),
      ...(years.length > base.length ? { withExtensions: of(served, years) } : {}),
      floorFlags: floorFlags(years, terms, served, scenario.currency),
    },
  };
}
