/**
 * The scores the scoring stage adds to an award (DESIGN.md section 6).
 */
import type { Flag, ScoreComponent } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import type { AwardViability, CostFloor, ZoneViability } from '../model/scores.js';

export type { AwardViability, ZoneViability } from '../model/scores.js';
import type { ScoringSettings } from './settings.js';

export interface LotScores {
  readonly costFloorPerHour: number;
  readonly riskScore: number;
  readonly risk: Readonly<Record<string, number>>;
  readonly riskDetail: Readonly<Record<string, ScoreComponent>>;
  readonly costFloor?: CostFloor;
  readonly zoneViability?: ZoneViability;
}

export interface ProviderScores {
  readonly viabilityScore: number;
  readonly viability: Readonly<Record<string, number>>;
  readonly viabilityDetail: Readonly<Record<string, ScoreComponent>>;
  readonly awards?: readonly AwardViability[];
}

export interface AwardScores {
  readonly lots: ReadonlyMap<string, LotScores>;
  readonly providers: ReadonlyMap<string, ProviderScores>;
  readonly flags: readonly Flag[];
  /** Whole-award risk, 0-100, higher is worse. */
  readonly riskScore: number;
  /** Hours-weighted viability of the winners, 0-100, higher is better. */
  readonly viabilityScore: number;
  /** Extra whole-award detail (concentration, HHI, …) for result.json. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AwardToScore {
  readonly scenario: Scenario;
  readonly lots: readonly Lot[];
  readonly allocations: readonly Allocation[];
  readonly unmet: ReadonlyMap<string, number>;
  /** Completed settings; parsed from the scenario when absent. */
  readonly settings?: ScoringSettings;
}
