/**
 * The scoring stage (DESIGN.md section 6): cost floors, viability, risk and
 * abnormally-low-tender flags for a decoded award. Pure; never changes the
 * allocations.
 *
 *   1. floors per lot from the cost model
 *   2. facts shared by scores: hours, spare capacity, county concentration
 *   3. viability of each award and each provider; zone viability per lot
 *   4. risk of each lot and of the whole award
 *   5. flags on awarded bids below a floor
 */
import { sortAllocations } from '../model/result.js';
import { byId, byText } from '../model/order.js';
import type { Allocation } from '../model/types.js';
import { awardFacts, type AwardFacts } from './award-facts.js';
import type { AwardScores, AwardToScore, AwardViability, LotScores, ProviderScores } from './award-scores.js';
import { scoreOf, valuesOf } from './components.js';
import { countyConcentration, hhiBand } from './concentration.js';
import { floorOfAreas, lotFloors, zoneFloors, type CostFloor } from './cost-floor.js';
import { awardFlags } from './flags.js';
import { awardRisk, lotRisk, type ScoredLot } from './risk.js';
import { lowTenderThresholds, scoringSettings, type ScoringSettings } from './settings.js';
import { providerViability, type AwardTerms } from './viability.js';
import { awardViability } from './viability.js';
import { zoneViability } from './zone-viability.js';
import { pushTo } from '../model/map-lists.js';

/** The floor an allocation's price is held against. */
type FloorOf = (a: Allocation) => CostFloor | undefined;

/**
 * A framework member's floor is that of the areas it serves, mixed by its hours there; any
 * other allocation's is its lot's. Until 2026-12-02 every member was held against the county
 * mix: a member serving only rural areas at £26 had the margin of one serving towns.
 */
function allocationFloors(
  input: AwardToScore,
  zones: ReadonlyMap<string, CostFloor>,
  floors: ReadonlyMap<string, CostFloor>,
): FloorOf {
  return (a) =>
    (a.areaHours === undefined ? null : floorOfAreas(input.scenario, Object.entries(a.areaHours), zones)) ??
    floors.get(a.lotId);
}

function awardTerms(
  input: AwardToScore,
  facts: AwardFacts,
  floorOf: FloorOf,
): Map<string, { terms: AwardTerms; allocation: Allocation }[]> {
  const lots = new Map(input.lots.map((l) => [l.id, l]));
  const byProvider = new Map<string, { terms: AwardTerms; allocation: Allocation }[]>();
  for (const a of input.allocations) {
    const lot = lots.get(a.lotId);
    const floor = floorOf(a);
    const provider = facts.providers.get(a.providerId);
    if (
      a.role === 'backup' ||
      a.hoursPerWeek <= 0 ||
      lot === undefined ||
      floor === undefined ||
      provider === undefined
    )
      continue;
    const terms = {
      provider,
      lot,
      hours: a.hoursPerWeek,
      price: a.pricePerHour,
      floor,
      providerHours: facts.hoursByProvider.get(a.providerId) ?? 0,
    };
    pushTo(byProvider, a.providerId, { terms, allocation: a });
  }
  return byProvider;
}

function providerScores(
  input: AwardToScore,
  settings: ScoringSettings,
  facts: AwardFacts,
  floorOf: FloorOf,
): Map<string, ProviderScores> {
  const terms = awardTerms(input, facts, floorOf);
  const scores = new Map<string, ProviderScores>();
  for (const provider of [...input.scenario.providers].sort(byId)) {
    const mine = terms.get(provider.id) ?? [];
    const detail = providerViability(
      provider,
      mine.map((m) => m.terms),
      settings.scoring,
      input.scenario.currency,
    );
    const awards: AwardViability[] = mine.map(({ terms: t, allocation: a }) => {
      const viability = awardViability(t, settings.scoring, input.scenario.currency);
      return {
        lotId: a.lotId,
        bidId: a.bidId,
        role: a.role,
        hoursPerWeek: a.hoursPerWeek,
        pricePerHour: a.pricePerHour,
        costFloorPerHour: t.floor.perHour,
        viabilityScore: scoreOf(viability),
        viability,
      };
    });
    scores.set(provider.id, {
      viabilityScore: scoreOf(detail),
      viability: valuesOf(detail),
      viabilityDetail: detail,
      awards,
    });
  }
  return scores;
}

function lotScores(
  input: AwardToScore,
  settings: ScoringSettings,
  facts: AwardFacts,
  floors: ReadonlyMap<string, CostFloor>,
  floorOf: FloorOf,
) {
  const county = countyConcentration(facts.hoursByProvider);
  const risks: ScoredLot[] = [];
  const lots = new Map<string, LotScores>();
  for (const lot of input.lots) {
    const floor = floors.get(lot.id);
    const unmet = input.unmet.get(lot.id) ?? 0;
    const risk = lotRisk(
      { scenario: input.scenario, lot, allocations: input.allocations, facts, county, floor, floorOf, unmet },
      settings.scoring,
    );
    risks.push({ lot, risk, unmet });
    lots.set(lot.id, {
      costFloorPerHour: floor?.perHour ?? 0,
      riskScore: scoreOf(risk),
      risk: valuesOf(risk),
      riskDetail: risk,
      ...(floor === undefined
        ? {}
        : {
            costFloor: floor,
            zoneViability: zoneViability(input.scenario, facts.providers, lot, floor, settings.scoring),
          }),
    });
  }
  return { lots, county, award: awardRisk(risks, county, settings.scoring) };
}

interface HoursRow {
  readonly areaId: string;
  readonly careType: string;
  readonly hours: number;
}

/** Rows of hours by area, then care type, then `then` (a demand row's period, a current row's provider), then hours. */
const byAreaAndCare =
  <T extends HoursRow>(then: (row: T) => string) =>
  (a: T, b: T): number =>
    byText(a.areaId, b.areaId) ||
    byText(a.careType, b.careType) ||
    byText(then(a), then(b)) ||
    a.hours - b.hours;

/** Inputs in a fixed order, so the order of input rows never changes a score. */
function canonical(input: AwardToScore): AwardToScore {
  const scenario = input.scenario;
  return {
    ...input,
    scenario: {
      ...scenario,
      demand: [...scenario.demand].sort(byAreaAndCare((d) => d.period)),
      current: [...scenario.current].sort(byAreaAndCare((c) => c.providerId)),
    },
    lots: [...input.lots].sort(byId),
    allocations: sortAllocations(input.allocations),
  };
}

export function scoreAward(raw: AwardToScore): AwardScores {
  const input = canonical(raw);
  const settings = input.settings ?? scoringSettings(input.scenario);
  const zones = zoneFloors(input.scenario, settings.costModel);
  const floors = lotFloors(input.scenario, input.lots, settings.costModel, zones);
  const floorOf = allocationFloors(input, zones, floors);
  const facts = awardFacts(input.scenario, input.allocations, input.lots);
  const providers = providerScores(input, settings, facts, floorOf);
  const { lots, county, award } = lotScores(input, settings, facts, floors, floorOf);
  const served = [...facts.hoursByProvider].reduce((t, [, h]) => t + h, 0);
  const viabilityScore =
    served > 0
      ? [...facts.hoursByProvider].reduce((t, [p, h]) => t + h * (providers.get(p)?.viabilityScore ?? 0), 0) /
        served
      : 0;
  return {
    lots,
    providers,
    flags: awardFlags(
      input.scenario,
      input.lots,
      input.allocations,
      floors,
      lowTenderThresholds(settings.scoring),
    ),
    riskScore: scoreOf(award),
    viabilityScore: Math.round(viabilityScore * 10) / 10,
    detail: {
      score: scoreOf(award),
      components: award,
      county: {
        hhi: county.hhi,
        hhiBand: hhiBand(county.hhi),
        largestProvider: county.largestProvider,
        largestShare: county.largestShare,
      },
      zoneFloors: Object.fromEntries(zones),
      settings,
    },
  };
}
