/**
 * A program built from a scenario, and a plan of it checked as an award by the
 * independent verifier: for tests of what works out plans without a solver's
 * own answer (the greedy start, the neighbourhood search).
 */
import type { Lot, Scenario } from '../../src/model/types.js';
import { programFor } from '../../src/pipeline.js';
import { decode } from '../../src/solve/decode.js';
import { planObjective, type Program } from '../../src/solve/program.js';
import { verifyAward } from '../../src/verify/verify.js';

/** The scenario's lots and program, as a run would build them. */
export function builtProgram(scenario: Scenario): { lots: readonly Lot[]; program: Program } {
  const b = programFor(scenario, {});
  if (typeof b === 'string') throw new Error(b);
  return b;
}

/** What the verifier finds wrong with the plan as an award (none: []). */
export function planViolations(
  scenario: Scenario,
  lots: readonly Lot[],
  program: Program,
  values: readonly number[],
): string[] {
  const plan = decode(program, values, lots, scenario.bids, scenario.weeksPerYear);
  const annualCost = plan.allocations.reduce((t, a) => t + a.annualCost, 0);
  return verifyAward(scenario, {
    zoning: scenario.zoning,
    lots: lots.map((l) => ({
      lotId: l.id,
      areaIds: l.areaIds,
      structure: l.structure,
      demandHoursPerWeek: l.demand,
      unmetHoursPerWeek: plan.unmet.get(l.id) ?? 0,
    })),
    allocations: plan.allocations,
    objective: { kind: scenario.award.objective, value: planObjective(program, values) },
    annualCost,
  });
}
