/**
 * Risk (0-100, higher is worse): how likely an award fails the people who
 * need care. Per lot, components in [0, 1]:
 *   supply, n1, surge, growth, cherryPicking   who covers the hours (risk-cover.ts)
 *   price          hours-weighted shortfall of winners' prices below the floor
 *   stretch        winners' utilisation above comfortableUtilisation
 *   concentration  largest winner's county share and the county HHI
 *   transition     share of today's hours that change provider
 * These describe the hours the award buys. Hours it does not buy are the
 * worst risk there is, so they count in full:
 *   risk = unmet share + (1 − unmet share) × weighted risk of the bought hours
 * A lot nobody holds scores 100, and no award scores below 100 × its
 * demand-weighted unmet share. The whole award: each component weighted by
 * the hours bought in each lot (concentration at county level), then the
 * same blend with the county's unmet share.
 */
import { rangeOf } from '../model/extent.js';
import type { ScoreComponent } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { hasPlaces, structureRisks } from '../structures/index.js';
import { lotChange } from '../contract/transition.js';
import { transitionByArea } from '../diagnostics/messages.js';
import { holdersOf, utilisationOf, type AwardFacts } from './award-facts.js';
import { clamp01, component, fmtHours, fmtPercent, weigh, type Components } from './components.js';
import { price as priceText } from '../model/money.js';
import { concentrationReason, concentrationValue, type CountyConcentration } from './concentration.js';
import type { CostFloor } from './cost-floor.js';
import {
  backupSpares,
  cherryPickingRisk,
  frameworkSupply,
  growthRisk,
  n1Risk,
  supplyRisk,
  surgeRisk,
} from './risk-cover.js';
import type { ScoringWeights } from './settings.js';
import { byText, largestFirst } from '../model/order.js';
import { counted } from '../model/counted.js';

export interface LotRiskInput {
  readonly scenario: Scenario;
  readonly lot: Lot;
  readonly allocations: readonly Allocation[];
  readonly facts: AwardFacts;
  readonly county: CountyConcentration;
  readonly floor: CostFloor | undefined;
  /** The floor each winner's price is held against (a framework member's own areas'); the lot's when absent. */
  readonly floorOf?: (a: Allocation) => CostFloor | undefined;
  readonly unmet: number;
}

/** Hours-weighted shortfall of each winner's price below its floor (`floorOf`, else the lot's), 1 at marginBand below. */
function priceRisk(
  winners: readonly Allocation[],
  floor: CostFloor | undefined,
  band: number,
  currency: string,
  floorOf: (a: Allocation) => CostFloor | undefined = () => floor,
): ScoreComponent {
  const money = (x: number) => priceText(x, currency);
  const hours = winners.reduce((t, a) => t + a.hoursPerWeek, 0);
  if (floor === undefined || hours <= 0) return component(0, 'no priced winner to compare with a floor');
  const short = (a: Allocation) => {
    const own = floorOf(a)?.perHour ?? floor.perHour;
    return clamp01((own - a.pricePerHour) / (own * band));
  };
  const shortfall = winners.reduce((t, a) => t + a.hoursPerWeek * short(a), 0) / hours;
  const price = winners.reduce((t, a) => t + a.hoursPerWeek * a.pricePerHour, 0) / hours;
  const gap = 1 - price / floor.perHour;
  const where = gap > 0 ? `${fmtPercent(gap)} below` : `${fmtPercent(-gap)} above`;
  return component(
    shortfall,
    `winners' price ${money(price)}/h (hours-weighted) is ${where} the floor ${money(floor.perHour)}/h${ownFloorsText(winners, floor, floorOf, money)}`,
  );
}

/**
 * When some winners are held against floors of their own (framework members, the floors of the
 * areas they serve), the range of them: the value counts each against its own, and the lot's
 * floor the reason quotes is only their mix (review14).
 */
function ownFloorsText(
  winners: readonly Allocation[],
  floor: CostFloor,
  floorOf: (a: Allocation) => CostFloor | undefined,
  money: (x: number) => string,
): string {
  const own = winners.map((a) => floorOf(a)?.perHour ?? floor.perHour);
  const lotFloor = money(floor.perHour);
  if (own.every((f) => money(f) === lotFloor)) return '';
  const { min, max } = rangeOf(own);
  const [low, high] = [min, max].map(money);
  return `; each member is held against the floor of the areas it serves (${low === high ? low : `${low}-${high}`}/h)`;
}

function stretchRisk(facts: AwardFacts, lotId: string, comfortable: number): ScoreComponent {
  const holders = holdersOf(facts, lotId);
  const hours = holders.reduce((t, [, h]) => t + h, 0);
  if (hours <= 0) return component(0, 'no winner to stretch');
  const mean = (f: (p: string) => number) => holders.reduce((t, [p, h]) => t + h * f(p), 0) / hours;
  const use = mean((p) => utilisationOf(facts, p));
  const value = mean((p) => clamp01((utilisationOf(facts, p) - comfortable) / (1 - comfortable)));
  return component(
    value,
    `winners use ${fmtPercent(use)} of their capacity (hours-weighted; stretch starts at ${fmtPercent(comfortable)})`,
  );
}

function concentrationRisk(
  facts: AwardFacts,
  lotId: string,
  county: CountyConcentration,
  limit: number,
): ScoreComponent {
  const largest = holdersOf(facts, lotId)
    .map(([p]) => [p, county.shares.get(p) ?? 0] as const)
    .sort(largestFirst)[0];
  const [providerId, share] = largest ?? [null, 0];
  return component(
    concentrationValue(share, county.hhi, limit),
    concentrationReason(providerId, share, county.hhi),
  );
}

/**
 * Transition: share of today's hours whose provider does not keep at least as many hours, in a
 * framework area by area (contract/transition.ts, `lotChange`, result.json's count too).
 */
export function transitionRisk(
  scenario: Scenario,
  lot: Lot,
  allocations: readonly Allocation[],
): ScoreComponent {
  const change = lotChange(scenario, lot, allocations);
  if (change === null || change.today <= 0) return component(0, 'no current caseload given for this lot');
  const { today, kept } = change;
  const moved = (today - kept) / today;
  return component(
    moved,
    `${fmtHours(today - kept)} of today's ${fmtHours(today)} change provider (${fmtPercent(moved)})${hasPlaces(lot) ? transitionByArea() : ''}`,
  );
}

/**
 * Weigh the risk of the bought hours (`weigh`) and blend it with the unmet share: the
 * bought-hours components keep their weights scaled by (1 − unmet share) and
 * an `unmet` component (value 1 when any hour is unmet) carries weight equal
 * to the unmet share, so the weights still sum to one and the score is
 * 100 × (u + (1 − u) × r).
 */
function withUnmet(
  bought: Readonly<Record<string, ScoreComponent>>,
  weights: Readonly<Record<string, number>>,
  unmetShare: number,
  reason: string,
): Components {
  const u = clamp01(unmetShare);
  const blended = weigh(bought, weights, 1 - u);
  blended['unmet'] = { value: u > 0 ? 1 : 0, weight: Math.round(u * 10000) / 10000, reason };
  return blended;
}

const unmetReason = (unmet: number, demand: number) =>
  unmet > 0
    ? `${fmtHours(unmet)} of ${fmtHours(demand)} unmet (${fmtPercent(demand > 0 ? unmet / demand : 0)}): care nobody is contracted to give counts as certain failure`
    : 'every hour is bought';

export function lotRisk(input: LotRiskInput, s: ScoringWeights): Components {
  const { scenario, lot, facts } = input;
  const winners = input.allocations.filter(
    (a) => a.lotId === lot.id && a.role !== 'backup' && a.hoursPerWeek > 0,
  );
  const parts: Record<string, ScoreComponent> = {
    supply: supplyRisk(
      holdersOf(facts, lot.id),
      backupSpares(facts, lot),
      s.backupRelief,
      frameworkSupply(facts, lot, scenario, input.allocations, s.backupRelief),
    ),
    n1: n1Risk(facts, lot, scenario, input.allocations),
    price: priceRisk(winners, input.floor, s.marginBand, scenario.currency, input.floorOf),
    stretch: stretchRisk(facts, lot.id, s.comfortableUtilisation),
    concentration: concentrationRisk(facts, lot.id, input.county, s.concentrationShareLimit),
    transition: transitionRisk(scenario, lot, input.allocations),
    surge: surgeRisk(facts, lot, { scenario, allocations: input.allocations }),
    growth: growthRisk(facts, lot, { scenario, allocations: input.allocations }),
  };
  if (structureRisks(lot).includes('cherryPicking'))
    parts['cherryPicking'] = cherryPickingRisk(scenario, lot, input.allocations);
  const unmetShare = lot.demand > 0 ? input.unmet / lot.demand : 0;
  return withUnmet(parts, s.riskWeights, unmetShare, unmetReason(input.unmet, lot.demand));
}

export interface ScoredLot {
  readonly lot: Lot;
  readonly risk: Components;
  readonly unmet: number;
}

/** Whole-award risk: bought-hours components weighted by the hours bought in each lot; concentration at county level; then the unmet blend. */
export function awardRisk(
  lots: readonly ScoredLot[],
  county: CountyConcentration,
  s: ScoringWeights,
): Components {
  const keys = [...new Set(lots.flatMap(({ risk }) => Object.keys(risk)))]
    .filter((k) => k !== 'unmet')
    .sort();
  const bought = ({ lot, unmet }: ScoredLot) => Math.max(0, lot.demand - unmet);
  const parts: Record<string, ScoreComponent> = {};
  for (const key of keys) {
    const having = lots.filter(({ risk }) => risk[key] !== undefined);
    const hours = having.reduce((t, l) => t + bought(l), 0);
    const value =
      hours > 0 ? having.reduce((t, l) => t + bought(l) * (l.risk[key]?.value ?? 0), 0) / hours : 0;
    // The highest, of equals the first by id.
    const valueIn = (l: ScoredLot) => l.risk[key]?.value ?? 0;
    const worst = having.reduce<ScoredLot | undefined>(
      (w, l) =>
        w === undefined ||
        valueIn(l) > valueIn(w) ||
        (valueIn(l) === valueIn(w) && byText(l.lot.id, w.lot.id) < 0)
          ? l
          : w,
      undefined,
    );
    const worstText =
      worst === undefined ? '' : `; highest ${worst.lot.id} ${(worst.risk[key]?.value ?? 0).toFixed(2)}`;
    parts[key] = component(
      value,
      `weighted by hours bought over ${counted(having.length, 'lot')}${worstText}`,
    );
  }
  parts['concentration'] = component(
    concentrationValue(county.largestShare, county.hhi, s.concentrationShareLimit),
    concentrationReason(county.largestProvider, county.largestShare, county.hhi),
  );
  const demand = lots.reduce((t, { lot }) => t + lot.demand, 0);
  const unmet = lots.reduce((t, l) => t + l.unmet, 0);
  return withUnmet(parts, s.riskWeights, demand > 0 ? unmet / demand : 0, unmetReason(unmet, demand));
}
