/**
 * A distinct-winners rule the lot plan alone rules out. Each lot has a fixed number of
 * places (a sole lot 1, lead-secondary 2, a framework its maxProviders; a back-up place
 * carries no hours, so it does not count), and `award.minDistinctProviders` asks for more
 * winners than all the places together. No award is possible, and that is known before any
 * solve: on a large county framework the solver could not prove it within its time limit,
 * and `zonal solve` stopped with "the solver failed: HiGHS found no plan" (exit 1).
 */
import { lotPlacesTooFew } from '../diagnostics/messages.js';
import type { Diagnosis } from '../model/explanation.js';
import type { Lot, Scenario } from '../model/types.js';

/** The providers one lot can award hours to. */
const placesOf = (lot: Lot) => (lot.roles.length === 0 ? lot.maxProviders : lot.roles.length);

/** Why no award is possible when the lots have too few places for the winners asked for; null when they have enough. */
export function placeShortage(scenario: Scenario, lots: readonly Lot[]): Diagnosis | null {
  const wanted = scenario.award.minDistinctProviders;
  const places = lots.map((lot) => ({
    lotId: lot.id,
    places: placesOf(lot),
    framework: lot.roles.length === 0,
  }));
  const total = places.reduce((t, p) => t + p.places, 0);
  if (total >= wanted) return null;
  const text = lotPlacesTooFew(wanted, total, places);
  return {
    summary: `No award meets every rule. Relax: ${text}`,
    relaxations: [
      [{ rule: 'min-providers', setting: 'award.minDistinctProviders', allowsAwardAt: null, text }],
    ],
  };
}
