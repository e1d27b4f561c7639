/**
 * The rule costs of an award the time limit stopped before it was proven the best. A rule's
 * cost is what relaxing it changes against the award; against an award that may be far
 * from the best, that change is mostly the award's own distance from the best, not the
 * rule's cost: the county on its "twelve" zoning, stopped at once, said min-providers costs
 * £465,612 a year, where proven best it does not bind (until 2026-12-02). So no rule is
 * costed, and each rule in force says why.
 */
import type { Lot, Scenario } from '../model/types.js';
import type { RuleCost, RuleCostReport } from './types.js';
import { relaxations } from './rule-costs.js';

const unprovenNote =
  'the award stopped at the time limit before it was proven the best, so what relaxing a rule changes cannot be told from how far the award is from the best; allow more time (--time-limit)';

export function unprovenRuleCosts(
  scenario: Scenario,
  lots: readonly Lot[],
  baseline: { readonly objective: number; readonly solveSeconds: number },
): RuleCostReport {
  const rules = relaxations(scenario, lots).map(
    (r): RuleCost => ({
      rule: r.rule,
      description: r.description,
      status: r.active ? 'skipped' : 'not-active',
      relaxedObjective: null,
      objectiveChange: null,
      annualCostChange: null,
      unmetHoursChange: null,
      note: r.active ? unprovenNote : 'the rule is not in force in this scenario',
    }),
  );
  return { baselineObjective: baseline.objective, baselineSolveSeconds: baseline.solveSeconds, rules };
}
