/**
 * The rule costs of an award the time limit stopped before it was proven the best. A rule's
 * cost is what relaxing it changes against the award; against an award that may be far
 * from the best, that change is mostly the award's own distance from the best, not the
 * rule's cost: the county on its "twelve" zoning, stopped at once, said min-providers costs
 * £465,612 a year, where proven best it does not bind (until 2026-12-02). So no rule is
 * costed, and each rule in force says why.
 */
import { ruleCostsUnproven, ruleNotInForce } from '../diagnostics/messages.js';
import type { Lot, Scenario } from '../model/types.js';
import type { RuleCostReport } from './types.js';
import { notComputed } from './relaxation-cost.js';
import { relaxations } from './relaxations.js';

export function unprovenRuleCosts(
  scenario: Scenario,
  lots: readonly Lot[],
  baseline: { readonly objective: number; readonly solveSeconds: number },
): RuleCostReport {
  const rules = relaxations(scenario, lots).map((r) =>
    r.active
      ? notComputed(r, 'skipped', ruleCostsUnproven())
      : notComputed(r, 'not-active', ruleNotInForce()),
  );
  return { baselineObjective: baseline.objective, baselineSolveSeconds: baseline.solveSeconds, rules };
}
