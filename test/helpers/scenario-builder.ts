/**
 * Builders for a Scenario in memory, so a test can enter mid-pipeline without
 * files. Every builder takes overrides; defaults are small and valid.
 */
import { defaultAward } from '../../src/model/scenario-schema.js';
import { lotEntrySchema } from '../../src/structures/entry-schema.js';
import { defaultScoringSettings } from '../../src/scoring/settings.js';
import type {
  Area,
  AwardRules,
  Bid,
  CareType,
  DemandRow,
  LotPlan,
  LotStructure,
  StructureSettings,
  LotPlanEntry,
  Provider,
  Scenario,
  Zoning,
} from '../../src/model/types.js';

export function area(id: string, over: Partial<Area> = {}): Area {
  return {
    id,
    name: `Area ${id}`,
    lat: 52,
    lon: -1,
    population: 10_000,
    population65: 2_000,
    rurality: 'urban',
    areaKm2: null,
    ...over,
  };
}

export function provider(id: string, over: Partial<Provider> = {}): Provider {
  return {
    id,
    name: `Provider ${id}`,
    maxHours: 10_000,
    minViableHours: 0,
    quality: 70,
    baseAreaId: null,
    ...over,
  };
}

export function bid(
  id: string,
  providerId: string,
  areaIds: readonly string[],
  over: Partial<Bid> = {},
): Bid {
  return {
    id,
    providerId,
    careType: 'standard',
    areaIds: [...areaIds].sort(),
    price: 25,
    maxHours: 10_000,
    role: 'any',
    packageId: null,
    quality: 70,
    ...over,
  };
}

export function demand(areaId: string, hours: number, over: Partial<DemandRow> = {}): DemandRow {
  return { areaId, careType: 'standard', period: '2027', hours, low: hours, high: hours, ...over };
}

/** Any structure's settings, flat, as a test names them. */
type LotEntryFields = { readonly geography: 'zone' | 'county'; readonly structure: LotStructure } & Partial<
  UnionToIntersection<StructureSettings[LotStructure]>
>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/**
 * A lot entry as scenario.json would give it (a sole zone lot unless told),
 * checked by the real schema; a structure that needs a share or a count gets
 * one (leadShare 0.8, maxProviders 1) unless the test names it.
 */
export function lotEntry(over: Partial<LotEntryFields> = {}): LotPlanEntry {
  const wanted = { geography: 'zone', structure: 'sole', leadShare: 0.8, maxProviders: 1, ...over };
  return lotEntrySchema().parse(wanted);
}

/** Award rules for tests of the award model itself: legal-pay rejection off unless asked for. */
export function rules(over: Partial<AwardRules> = {}): AwardRules {
  return { ...defaultAward, rejectBelowLegalPay: false, ...over };
}

export interface ScenarioParts {
  readonly areas: readonly Area[];
  /** areaId → zoneId of the active zoning `z`. */
  readonly zones: Readonly<Record<string, string>>;
  readonly demand: readonly DemandRow[];
  readonly providers: readonly Provider[];
  readonly bids: readonly Bid[];
  readonly lotPlan?: LotPlan;
  readonly award?: Partial<AwardRules>;
  /** Further zonings besides `z`. */
  readonly otherZonings?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export function makeScenario(parts: ScenarioParts): Scenario {
  const zonings = new Map<string, Zoning>([['z', new Map(Object.entries(parts.zones))]]);
  for (const [name, zones] of Object.entries(parts.otherZonings ?? {}))
    zonings.set(name, new Map(Object.entries(zones)));
  return {
    name: 'test scenario',
    currency: 'GBP',
    weeksPerYear: 52,
    period: '2027',
    areas: parts.areas,
    zonings,
    zoning: 'z',
    lotPlan: parts.lotPlan ?? { standard: lotEntry() },
    award: rules(parts.award),
    demand: parts.demand,
    providers: parts.providers,
    bids: parts.bids,
    current: [],
    ...defaultScoringSettings,
    boundaries: null,
  };
}

/** Two zones of one area each (Z1 = A1, Z2 = A2), 100 h/week of standard care in each, sole lots, and the given providers and bids. */
export function twoAreaZones(
  providerIds: readonly string[],
  bids: readonly Bid[],
  over: Partial<ScenarioParts> = {},
): Scenario {
  return makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z2' },
    demand: [demand('A1', 100), demand('A2', 100)],
    providers: providerIds.map((id) => provider(id)),
    bids,
    ...over,
  });
}

/**
 * Two zones (Z1 = A1, A2; Z2 = A3), standard lead-secondary 80/20, three
 * providers with a package: the running example of the unit tests.
 */
export function twoZoneScenario(over: Partial<ScenarioParts> = {}): Scenario {
  const careType: CareType = 'standard';
  return makeScenario({
    areas: [area('A1'), area('A2'), area('A3', { rurality: 'rural' })],
    zones: { A1: 'Z1', A2: 'Z1', A3: 'Z2' },
    demand: [
      demand('A1', 60),
      demand('A2', 40),
      demand('A3', 50),
      demand('A1', 10, { careType: 'reablement' }),
      demand('A3', 5, { careType: 'reablement' }),
    ],
    providers: [
      provider('P1', { maxHours: 200 }),
      provider('P2', { maxHours: 200 }),
      provider('P3', { maxHours: 100 }),
    ],
    bids: [
      bid('B1', 'P1', ['A1', 'A2'], { price: 20, careType }),
      bid('B2', 'P2', ['A1', 'A2', 'A3'], { price: 22 }),
      bid('B3', 'P3', ['A1', 'A2'], { price: 21, role: 'secondary' }),
      bid('B4', 'P1', ['A3'], { price: 24 }),
      bid('B5', 'P3', ['A3'], { price: 19, packageId: 'PK' }),
      bid('B6', 'P3', ['A1', 'A2', 'A3'], { price: 26, careType: 'reablement', packageId: 'PK' }),
      bid('B7', 'P2', ['A1', 'A2', 'A3'], { price: 27, careType: 'reablement' }),
    ],
    lotPlan: {
      standard: lotEntry({ structure: 'lead-secondary', leadShare: 0.8 }),
      reablement: lotEntry({ geography: 'county' }),
    },
    ...over,
  });
}

/**
 * One zone Z1 = A1, A2 with standard 100 h/week (60 + 40) and complex 20 h/week
 * (all in A2), complex merged into standard; three providers P1-P3 and the given bids.
 */
export function mergedZoneScenario(
  bids: readonly Bid[],
  structure: 'sole' | 'lead-secondary' | 'framework' = 'sole',
): Scenario {
  return makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z1' },
    demand: [demand('A1', 60), demand('A2', 40), demand('A2', 20, { careType: 'complex' })],
    providers: [provider('P1'), provider('P2'), provider('P3')],
    bids,
    lotPlan: {
      standard:
        structure === 'framework'
          ? lotEntry({ structure: 'framework', maxProviders: 3 })
          : lotEntry({ structure, leadShare: structure === 'sole' ? 1 : 0.8 }),
      complex: { kind: 'merge', into: 'standard' },
    },
  });
}

/** Three bidders for a county framework of up to three (or a sole lot with back-ups), and a rule that `minDistinctProviders` must win. */
export function threeBidders(minDistinctProviders: number, backup = false) {
  return makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z2' },
    demand: [demand('A1', 100), demand('A2', 100)],
    providers: [provider('P1'), provider('P2'), provider('P3')],
    bids: [
      bid('B1', 'P1', ['A1', 'A2'], { price: 25 }),
      bid('B2', 'P2', ['A1', 'A2'], { price: 26 }),
      bid('B3', 'P3', ['A1', 'A2'], { price: 27 }),
    ],
    lotPlan: {
      standard: backup
        ? lotEntry({ geography: 'county', structure: 'sole', backup: true })
        : lotEntry({ geography: 'county', structure: 'framework', maxProviders: 3, minShare: 0 }),
    },
    award: { minDistinctProviders },
  });
}
