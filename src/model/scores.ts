/**
 * Score shapes that result.json carries (DESIGN.md section 6); the scoring
 * stage (src/scoring/) computes them.
 */
import type { ScoreComponent } from './result.js';
import type { AwardRole, Rurality } from './types.js';

export interface CostFloor {
  /** £ per contact hour, all parts, rounded to pennies. */
  readonly perHour: number;
  /** £ per contact hour that legal pay alone needs: wage for contact and travel time, on-costs and mileage. */
  readonly wageFloorPerHour: number;
  /** Demand share of each rurality class. */
  readonly mix: Readonly<Record<Rurality, number>>;
  readonly spreadKm: number;
  readonly travelMinutesPerContactHour: number;
  readonly milesPerContactHour: number;
  /** £ per contact hour, each part of the floor. */
  readonly parts: {
    readonly contactPay: number;
    readonly travelPay: number;
    readonly onCosts: number;
    readonly mileage: number;
    readonly overhead: number;
    readonly surplus: number;
  };
}

export interface ZoneViability {
  /** Best viability any eligible bid would have holding the lot's largest role alone. */
  readonly score: number;
  readonly bidId: string | null;
  readonly providerId: string | null;
  readonly reason: string;
  readonly detail: Readonly<Record<string, ScoreComponent>>;
}

export interface AwardViability {
  readonly lotId: string;
  readonly bidId: string;
  readonly role: AwardRole;
  readonly hoursPerWeek: number;
  readonly pricePerHour: number;
  readonly costFloorPerHour: number;
  readonly viabilityScore: number;
  readonly viability: Readonly<Record<string, ScoreComponent>>;
}
