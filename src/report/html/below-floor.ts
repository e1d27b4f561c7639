/**
 * How many winning prices sit below their lot's cost floor: the report says it
 * wherever a list of flagged prices is empty, so that "none flagged" is not read
 * as "none below the floor" (on a market priced below its floors, the usual case).
 */
import type { Result } from '../../model/result.js';

export interface WinnersBelowFloor {
  /** Winning prices (back-ups are not paid). */
  readonly winners: number;
  readonly below: number;
  /** Whether the scoring stage worked out the floors (an older result has none). */
  readonly floors: boolean;
}

export function winnersBelowFloor(result: Result): WinnersBelowFloor {
  const floors = new Map(result.lots.map((l) => [l.lotId, l.costFloorPerHour]));
  const winners = result.allocations.filter((a) => a.role !== 'backup');
  return {
    winners: winners.length,
    below: winners.filter((a) => a.pricePerHour < (floors.get(a.lotId) ?? 0)).length,
    floors: result.lots.some((l) => l.costFloorPerHour > 0),
  };
}
