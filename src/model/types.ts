/**
 * The domain model: what a scenario is once it has been read and validated.
 * Everything here is plain readonly data; no I/O, no behaviour.
 */
import type { Place } from '../diagnostics/issues.js';
import type { ContractSettings, PaymentSettings, TransitionSettings } from './contract-settings.js';
import type { CostModel, ScoringWeights } from './scoring-settings.js';

export const careTypes = ['standard', 'complex', 'reablement'] as const;
export type CareType = (typeof careTypes)[number];

export const ruralities = ['urban', 'town', 'rural'] as const;
export type Rurality = (typeof ruralities)[number];

export type BidRole = 'any' | 'lead' | 'secondary';
/** A place in a lot that a bid fills: a role with a share of the hours, or a framework `member`. */
export type RoleName = 'sole' | 'lead' | 'secondary' | 'prime' | 'member';
/** The role a bid fills in a lot. `backup` holds no guaranteed hours. */
export type AwardRole = RoleName | 'backup';

export interface Area {
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  readonly population65: number;
  readonly rurality: Rurality;
  readonly areaKm2: number | null;
}

export interface DemandRow {
  readonly areaId: string;
  readonly careType: CareType;
  readonly period: string;
  readonly hours: number;
  readonly low: number;
  readonly high: number;
}

/**
 * A scenario's demand rows as every reader sees them: in file order, and how
 * many. A file's rows are stored compactly (model/demand-table.ts); an array
 * of rows is a Demand too (scenarios built in code).
 */
export interface Demand extends Iterable<DemandRow> {
  readonly length: number;
}

export interface Provider {
  readonly id: string;
  readonly name: string;
  readonly maxHours: number;
  readonly minViableHours: number;
  readonly quality: number;
  readonly baseAreaId: string | null;
}

export interface Bid {
  readonly id: string;
  readonly providerId: string;
  readonly careType: CareType;
  /** Area ids the bid covers, sorted. */
  readonly areaIds: readonly string[];
  readonly price: number;
  readonly maxHours: number;
  readonly role: BidRole;
  readonly packageId: string | null;
  /** The bid's own quality score, or its provider's. */
  readonly quality: number;
  /** Lot structures the price holds for; absent or empty: any structure. */
  readonly structures?: readonly LotStructure[];
}

export interface CurrentRow {
  readonly areaId: string;
  readonly careType: CareType;
  readonly providerId: string;
  readonly hours: number;
}

/**
 * The settings each lot structure adds to a lot entry (beyond geography and
 * structure), defaults filled. One line per structure: src/structures/ reads,
 * checks and uses them (docs/structures.md).
 */
export interface StructureSettings {
  readonly sole: { readonly backup: boolean };
  readonly 'lead-secondary': { readonly leadShare: number };
  readonly framework: { readonly maxProviders: number; readonly minShare: number };
  readonly 'prime-secondaries': { readonly primeShare: number; readonly secondaries: number };
}
export type LotStructure = keyof StructureSettings;

/** Every structure once, in the order messages list them (the compiler demands each). */
const structureNames: { readonly [K in LotStructure]: K } = {
  sole: 'sole',
  'lead-secondary': 'lead-secondary',
  framework: 'framework',
  'prime-secondaries': 'prime-secondaries',
};
export const lotStructures: readonly LotStructure[] = Object.values(structureNames);

/** A lot entry of one structure: where its lots are, and the structure's settings. */
export type LotEntryOf<K extends LotStructure> = {
  readonly kind: 'lot';
  readonly geography: 'zone' | 'county';
  readonly structure: K;
} & StructureSettings[K];

export type LotEntry = { [K in LotStructure]: LotEntryOf<K> }[LotStructure];

export type LotPlanEntry = LotEntry | { readonly kind: 'merge'; readonly into: 'standard' };

export type LotPlan = Readonly<Partial<Record<CareType, LotPlanEntry>>>;

/** How an award is chosen; `whole-life`: discounted cost over the contract term (docs/contract.md). */
export const objectives = ['cost', 'meat', 'whole-life'] as const;
export type Objective = (typeof objectives)[number];

/**
 * The fewest hours a week a provider must be awarded to count as a winner for
 * `award.minDistinctProviders`: a framework or back-up place with no hours is
 * not work won (docs/scenario-files.md). One hour, not "more than zero", so that
 * a solver's rounding (a place with 0.0001 hours) cannot meet the rule.
 */
export const leastHoursOfAWinner = 1;

export interface AwardRules {
  readonly objective: Objective;
  readonly qualityWeight: number;
  readonly priceWeight: number;
  readonly minQuality: number;
  readonly maxShareOfTotalHours: number;
  readonly maxLotsPerProvider: number | null;
  readonly minDistinctProviders: number;
  readonly unmetPenaltyPerHour: number;
  /** Reject bids priced below the lot's legal-pay floor (they may not win it). */
  readonly rejectBelowLegalPay: boolean;
  /**
   * £ per hour at which the council would buy hours the award leaves unmet
   * (spot contracts): prices the all-in cost of an award, never the solver's
   * objective. @defaultValue 32.14 (Homecare Association Minimum Price 2025/26)
   */
  readonly spotPricePerHour: number;
  /** Most the award may cost in the design year (£); null or absent: no cap (docs/contract.md). */
  readonly maxAnnualBudget?: number | null;
}

/** areaId → zoneId */
export type Zoning = ReadonlyMap<string, string>;

export interface Scenario {
  readonly name: string;
  readonly currency: string;
  readonly weeksPerYear: number;
  readonly period: string;
  readonly areas: readonly Area[];
  readonly zonings: ReadonlyMap<string, Zoning>;
  readonly zoning: string;
  readonly lotPlan: LotPlan;
  readonly award: AwardRules;
  readonly demand: Demand;
  readonly providers: readonly Provider[];
  readonly bids: readonly Bid[];
  readonly current: readonly CurrentRow[];
  /** costModel and scoring settings, parsed and completed with defaults when the scenario was read. */
  readonly costModel: CostModel;
  readonly scoring: ScoringWeights;
  /** The contract term, discounting and indexation (docs/contract.md); absent: one design year only. */
  readonly contract?: ContractSettings;
  /** The cost of change and the cap on moved hours (docs/contract.md, "Transition"); absent: defaults, no cap, not priced. */
  readonly transition?: TransitionSettings;
  /** Payment models to compare and how each care type's lots are paid (docs/contract.md); absent: by the hour. */
  readonly payment?: PaymentSettings;
  /** GeoJSON FeatureCollection, when the scenario gives one. */
  readonly boundaries: unknown;
  /** Where rows were read from, so later warnings carry `file:line` too; absent for scenarios built in code. */
  readonly places?: ScenarioPlaces;
}

/**
 * Where a scenario's values were read (`bids.csv:7`, `tender.xlsx: bids!E7`): bids by id, lot plan
 * entries by care type, award rules by key (those the settings give).
 */
interface ScenarioPlaces {
  readonly bids: ReadonlyMap<string, Place>;
  readonly lots: ReadonlyMap<string, Place>;
  readonly award: ReadonlyMap<string, Place>;
  /** The settings and the areas and demand tables as a person names them: `scenario.json`, `the demand sheet of tender.xlsx`. */
  readonly names: { readonly settings: string; readonly areas: string; readonly demand: string };
}

export interface LotRole {
  readonly role: Exclude<RoleName, 'member'>;
  /** Names this role among the lot's roles (several roles may share a name, e.g. two secondaries). */
  readonly slot: string;
  readonly share: number;
}

export interface Lot {
  readonly id: string;
  readonly careType: CareType;
  /** Zone id, or `county`. */
  readonly zoneId: string;
  readonly areaIds: readonly string[];
  readonly structure: LotStructure;
  /** Roles of a lot whose roles are each held by one offer; empty for a lot of framework places. */
  readonly roles: readonly LotRole[];
  readonly maxProviders: number;
  readonly minShare: number;
  readonly backup: boolean;
  /** Design demand, hours per week. */
  readonly demand: number;
  readonly demandLow: number;
  readonly demandHigh: number;
  /**
   * Demand of the same areas and care types in each period after the design
   * period (hours per week), in period order; feeds the growth risk.
   */
  readonly laterDemand: readonly { readonly period: string; readonly hours: number }[];
  /** Design demand per area (areas with no demand are absent). */
  readonly demandByArea: ReadonlyMap<string, number>;
  /**
   * Design demand per care type the lot carries (its own, and any merged into it)
   * and area; only care types and areas with demand are present, the lot's own
   * care type first. A bid offer needs one bid for each of these care types.
   */
  readonly careDemand: ReadonlyMap<CareType, ReadonlyMap<string, number>>;
  /** Bids rejected for this lot because they cannot pay legal wages here (not eligible). */
  readonly rejectedBidIds: readonly string[];
}

export interface Allocation {
  readonly lotId: string;
  readonly bidId: string;
  readonly providerId: string;
  readonly role: AwardRole;
  readonly hoursPerWeek: number;
  readonly pricePerHour: number;
  readonly annualCost: number;
  /** Framework lots: hours per area served. */
  readonly areaHours?: Readonly<Record<string, number>>;
  /**
   * A lot carrying merged care types is won with one bid per care type: each
   * part is served and paid at its own bid's price. `bidId` is the first part's
   * bid and `pricePerHour` the hours-weighted price. Absent for a one-bid award.
   */
  readonly parts?: readonly AllocationPart[];
}

export interface AllocationPart {
  readonly bidId: string;
  readonly careType: CareType;
  readonly hoursPerWeek: number;
  readonly pricePerHour: number;
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible';
