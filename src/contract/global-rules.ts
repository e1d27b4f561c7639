/**
 * Award rules over the whole tender rather than one lot or bid: the budget
 * and the transition rules. Each adds its rows (and variables) to the
 * program the per-lot builder made; the builder calls this once.
 */
import type { Lot, Scenario } from '../model/types.js';
import type { Program } from '../solve/program.js';
import { withBudget } from './budget.js';
import { withTransition } from './transition.js';

export function withGlobalRules(scenario: Scenario, lots: readonly Lot[], program: Program): Program {
  return withTransition(scenario, lots, withBudget(scenario, program));
}
