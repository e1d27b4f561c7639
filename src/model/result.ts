/**
 * What a solve produces: the shape of result.json (DESIGN.md section 5, a
 * contract: fields may be added, never renamed).
 */
import type { Allocation, AwardRole, CareType, LotStructure, Objective, SolveStatus } from './types.js';
import type { Diagnosis, LotExplanation, RuleCostReport } from './explanation.js';
import type { AwardViability, CostFloor, ZoneViability } from './scores.js';
import type { ContractResult, PaymentResult, TransitionResult } from './contract-result.js';
import { byText } from './order.js';

export interface ScoreComponent {
  readonly value: number;
  readonly weight: number;
  readonly reason: string;
}

export interface LotResult {
  readonly lotId: string;
  readonly careType: CareType;
  readonly zoneId: string;
  readonly areaIds: readonly string[];
  readonly structure: LotStructure;
  readonly demandHoursPerWeek: number;
  readonly demandLowHoursPerWeek: number;
  readonly demandHighHoursPerWeek: number;
  /** The same lot's demand in each period after the design period (demand.csv), for growth risk. */
  readonly laterDemand: readonly { readonly period: string; readonly hoursPerWeek: number }[];
  readonly allocatedHoursPerWeek: number;
  readonly unmetHoursPerWeek: number;
  readonly annualCost: number;
  readonly winners: readonly {
    readonly providerId: string;
    readonly bidId: string;
    readonly role: AwardRole;
    readonly hoursPerWeek: number;
  }[];
  readonly eligibleBids: number;
  /** Offers that may win a role of the lot: one eligible bid per care type it carries (the bid itself, unless care types are merged). 0: no bidder priced this lot as tendered. */
  readonly eligibleOffers: number;
  /** Bids rejected for this lot: below the legal-pay floor. */
  readonly rejectedBidIds: readonly string[];
  readonly costFloorPerHour: number;
  readonly riskScore: number;
  readonly risk: Readonly<Record<string, number>>;
  readonly riskDetail?: Readonly<Record<string, ScoreComponent>>;
  /** How the floor was made, part by part (docs/scoring.md). */
  readonly costFloor?: CostFloor;
  /** Can any eligible bid sustain this lot at its price? */
  readonly zoneViability?: ZoneViability;
  readonly explanation?: LotExplanation;
}

export interface ProviderResult {
  readonly providerId: string;
  readonly name: string;
  readonly hoursPerWeek: number;
  readonly capacityHoursPerWeek: number;
  readonly minViableHoursPerWeek: number;
  readonly shareOfTotalHours: number;
  readonly annualRevenue: number;
  readonly lots: readonly string[];
  readonly viabilityScore: number;
  readonly viability: Readonly<Record<string, number>>;
  readonly viabilityDetail?: Readonly<Record<string, ScoreComponent>>;
  /** Viability of each award the provider holds. */
  readonly awards?: readonly AwardViability[];
}

export interface Flag {
  readonly kind: 'below-floor' | 'below-wage-floor';
  readonly bidId: string;
  readonly providerId: string;
  readonly lotId: string;
  readonly pricePerHour: number;
  readonly floorPerHour: number;
  readonly action: string;
  readonly reason?: string;
}

export interface RunInfo {
  readonly solver: string;
  /** The solver and its version, e.g. "highs 1.15.3". */
  readonly solverVersion: string;
  readonly timeLimitSeconds: number;
  /** A timing: the only field of result.json (with ruleCosts.baselineSolveSeconds) that differs between two runs of the same input. */
  readonly solveSeconds: number;
  /** Hash of the scenario files and every option that changes the answer (zoning, objective, time limit, solver and version, zonal version, rule costs). */
  readonly inputHash: string;
  /** Hash of the scenario files alone. */
  readonly filesHash: string;
  readonly version: string;
  readonly variables: number;
  readonly constraints: number;
}

/** What every result.json starts with, whether or not an award was possible. */
export interface ResultHeader {
  readonly schemaVersion: 1;
  readonly scenario: string;
  readonly zoning: string;
  readonly period: string;
  readonly currency: string;
  readonly weeksPerYear: number;
}

export interface Result extends ResultHeader {
  /** An award is optimal or, when a time limit stopped the search, feasible; no award is an InfeasibleResult. */
  readonly status: Exclude<SolveStatus, 'infeasible'>;
  /** Relative gap to the best bound; null when the search stopped before the solver had a bound (a very short time limit). */
  readonly gap: number | null;
  readonly objective: { readonly kind: Objective; readonly value: number };
  readonly totals: {
    /** Money paid to the award's winners a year (the unmet-hours penalty is never money). */
    readonly annualCost: number;
    /** Unmet hours bought on spot contracts at award.spotPricePerHour, a year. */
    readonly spotAnnualCost: number;
    /** annualCost + spotAnnualCost: what the council would really spend to buy every hour. */
    readonly allInAnnualCost: number;
    readonly hoursPerWeek: number;
    readonly demandHoursPerWeek: number;
    readonly unmetHoursPerWeek: number;
    readonly costPerHour: number;
    readonly providersAwarded: number;
    readonly largestShare: number;
    readonly hhi: number;
    readonly riskScore: number;
    readonly viabilityScore: number;
  };
  readonly allocations: readonly Allocation[];
  readonly lots: readonly LotResult[];
  readonly providers: readonly ProviderResult[];
  readonly flags: readonly Flag[];
  readonly warnings: readonly string[];
  readonly run: RunInfo;
  /** Scores and explanations added by the scoring stage (issue 3). */
  readonly risk?: unknown;
  readonly ruleCosts?: RuleCostReport;
  /** Cost of each contract year, nominal and discounted (docs/contract.md); only with a contract term. */
  readonly contract?: ContractResult;
  /** Today's hours (current.csv) that change provider and the one-off cost (docs/contract.md); only with current.csv. */
  readonly transition?: TransitionResult;
  /** The award under each payment model compared, per lot and in total (docs/contract.md); only with `payment`. */
  readonly payment?: PaymentResult;
}

/** A lot of a tender with no possible award: what it asks for and how many bids may win it. */
export type TenderedLot = Pick<
  LotResult,
  | 'lotId'
  | 'careType'
  | 'zoneId'
  | 'areaIds'
  | 'structure'
  | 'demandHoursPerWeek'
  | 'eligibleBids'
  | 'rejectedBidIds'
>;

/** A provider when no award is possible: no hours, no lots, and no scores (there is no award to score). */
type UnawardedProvider = Pick<
  ProviderResult,
  | 'providerId'
  | 'name'
  | 'hoursPerWeek'
  | 'capacityHoursPerWeek'
  | 'minViableHoursPerWeek'
  | 'shareOfTotalHours'
  | 'annualRevenue'
  | 'lots'
>;

/**
 * result.json when no award meets the hard rules (exit code 3): the lots and
 * the diagnosis; no totals and no scores (DESIGN.md section 9). `allocations`
 * (always empty) and `providers` (every provider, with nothing won) are there
 * so a reader can rely on the keys DESIGN.md section 5 promises in every result.json.
 */
export interface InfeasibleResult extends ResultHeader {
  readonly status: 'infeasible';
  readonly objective: { readonly kind: Objective };
  readonly diagnosis: Diagnosis;
  readonly allocations: readonly [];
  readonly lots: readonly TenderedLot[];
  readonly providers: readonly UnawardedProvider[];
  readonly warnings: readonly string[];
  readonly run: RunInfo;
}

/**
 * A time-limited plan's gap when it bounds anything: HiGHS gives 100% (or more) while its
 * bound on the best possible is still 0, and "within 100.0% of the best possible" tells a
 * reader nothing, so such a gap is told as no bound yet, as a missing one (null) is.
 */
export const boundedGap = (gap: number | null): number | null => (gap !== null && gap < 1 ? gap : null);

/**
 * The order scoring reads allocations in, so that the order of input rows never changes a score:
 * by lot, role, bid. `roleRank`, given: the roles of a lot in that order first, then by role name;
 * result.json, allocations.csv and result.xlsx give structures/index.ts's, so a lot's winner comes
 * before its named back-ups, as in its winners (until mend17d by role name: "backup" before "sole").
 */
export const sortAllocations = (
  allocations: readonly Allocation[],
  roleRank: (role: AwardRole) => number = () => 0,
): Allocation[] =>
  [...allocations].sort(
    (a, b) =>
      byText(a.lotId, b.lotId) ||
      roleRank(a.role) - roleRank(b.role) ||
      byText(a.role, b.role) ||
      byText(a.bidId, b.bidId),
  );
