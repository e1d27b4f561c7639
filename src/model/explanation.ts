/**
 * Award explanations and rule costs as they appear in result.json.
 */
import type { RoleName } from './types.js';

/** A rule of the award model that can stop a better bid from winning. */
export type RuleName =
  | 'capacity'
  | 'share-cap'
  | 'lots-cap'
  | 'package'
  | 'one-provider-per-lot'
  | 'min-providers'
  | 'quality-threshold'
  | 'max-providers'
  | 'min-share'
  | 'unmet-penalty'
  | 'elsewhere';

export interface RoleExplanation {
  readonly role: RoleName;
  readonly winner: {
    readonly bidId: string;
    readonly providerId: string;
    readonly pricePerHour: number;
    readonly meatScore: number;
    readonly hoursPerWeek: number;
  } | null;
  /** The best eligible bid of a provider not holding this role. */
  readonly runnerUp: {
    readonly bidId: string;
    readonly providerId: string;
    readonly pricePerHour: number;
    readonly meatScore: number;
  } | null;
  /** Annual cost of giving the role to the runner-up instead (positive: the winner is cheaper). */
  readonly annualCostGap: number | null;
  /** MEAT score of the winner minus the runner-up's (×100 points). */
  readonly scoreGap: number | null;
  /** Better bids (by the objective) that did not win, and the rules that stopped each. */
  readonly betterBidsStopped: readonly {
    readonly bidId: string;
    readonly providerId: string;
    readonly rules: readonly RuleName[];
    readonly reason: string;
  }[];
}

export interface LotExplanation {
  readonly roles: readonly RoleExplanation[];
  /** Rules that stopped a better bid in this lot (the binding rules). */
  readonly bindingRules: readonly RuleName[];
  /** One line a person can read. */
  readonly summary: string;
}

export interface RuleCost {
  readonly rule:
    | 'share-cap'
    | 'lots-cap'
    | 'min-providers'
    | 'quality-threshold'
    | 'packages'
    | 'lead-secondary'
    | 'budget'
    | 'transition-cap';
  readonly description: string;
  readonly status: 'computed' | 'skipped' | 'not-active';
  /**
   * The solver's objective with the rule relaxed, and how much better it is
   * (cost objective: it includes the unmet-hours penalty, so it is not money;
   * read annualCostChange and unmetHoursChange). null when not computed.
   */
  readonly relaxedObjective: number | null;
  readonly objectiveChange: number | null;
  /** Change in real annual spend with the rule relaxed (negative: the rule costs that much money). */
  readonly annualCostChange: number | null;
  /** Change in unmet hours per week with the rule relaxed (negative: the rule leaves that much care unbought). */
  readonly unmetHoursChange: number | null;
  readonly note: string;
}

export interface RuleCostReport {
  readonly baselineObjective: number;
  readonly baselineSolveSeconds: number;
  readonly rules: readonly RuleCost[];
}

/** One rule of a set whose relaxation allows an award, and how far it must move. */
export interface RuleMove {
  readonly rule:
    | 'min-providers'
    | 'share-cap'
    | 'lots-cap'
    | 'quality-threshold'
    | 'packages'
    | 'budget'
    | 'transition-cap';
  /** Where the rule is set, e.g. `award.minDistinctProviders`. */
  readonly setting: string;
  /** The nearest setting that allows an award (the rest of its set relaxed); null when only switching the rule off does. */
  readonly allowsAwardAt: number | null;
  /** One line a person can read, e.g. "at least 4 distinct providers: at most 3 can win, because only 3 providers have a bid that may win a lot; ...". */
  readonly text: string;
}

/** Why no award is possible (result.json `diagnosis`, status "infeasible"). */
export interface Diagnosis {
  readonly summary: string;
  /** The smallest sets of rules whose relaxation allows an award; each set is one way out. */
  readonly relaxations: readonly (readonly RuleMove[])[];
}
