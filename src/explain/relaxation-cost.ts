/**
 * One rule's cost: re-solve its relaxed award, started from the award's own plan
 * where that plan still fits, and set spend, unmet hours and (on MEAT) the score
 * beside the award's.
 */
import { relaxedAwardFailed, relaxedAwardInfeasible } from '../diagnostics/messages.js';
import type { Lot, Scenario } from '../model/types.js';
import { decode } from '../solve/decode.js';
import { isFeasiblePlan } from '../solve/plan-state.js';
import { sameProgram } from '../solve/same-program.js';
import type { Program, SolverBackend } from '../solve/program.js';
import type { RuleCost } from './types.js';
import type { Relaxation } from './relaxations.js';
import type { RelaxedAward } from './relaxed-award.js';
import { relaxationEffect } from './relaxation-effect.js';
import { groupedNumber } from '../model/grouped-number.js';

export interface Baseline {
  readonly objective: number;
  readonly annualCost: number;
  readonly solveSeconds: number;
  /** Unmet hours per week of the award. */
  readonly unmetHours: number;
  /** Variables of the award's program: the size that decides whether re-solving once per rule is affordable. */
  readonly variables: number;
  /** The award's plan by variable name: relaxing a rule keeps it feasible, so it starts each re-solve. */
  readonly plan?: ReadonlyMap<string, number>;
  /** The award's program: a rule whose relaxed program is this same program does not bind, without a re-solve. */
  readonly program?: Program;
}

/** How far one re-solve searches: RuleCostOptions' limits, completed with their defaults. */
export interface ResolveLimits {
  readonly nodeLimit: number;
  readonly timeLimit: number;
}

/** The baseline plan in the relaxed program's variables, when it keeps every relaxed row. */
function startFrom(program: Program, baseline: Baseline): number[] | undefined {
  if (baseline.plan === undefined) return undefined;
  const plan = baseline.plan;
  const values = program.variables.map((v) => plan.get(v.name) ?? 0);
  return isFeasiblePlan(program, values) ? values : undefined;
}

/** How a computed rule cost's note begins; what follows is what relaxing the rule does. */
const relaxingIt = 'relaxing it: ';

/** What relaxing the rule does, from its cost's note (a rule not re-solved: the note, which says why). */
export const effectOf = (c: RuleCost): string =>
  c.status === 'computed' && c.note.startsWith(relaxingIt) ? c.note.slice(relaxingIt.length) : c.note;

export const notComputed = (r: Relaxation, status: 'skipped' | 'not-active', note: string): RuleCost => ({
  rule: r.rule,
  description: r.description,
  status,
  relaxedObjective: null,
  objectiveChange: null,
  annualCostChange: null,
  unmetHoursChange: null,
  note,
});

export async function costOf(
  scenario: Scenario,
  r: Relaxation,
  built: RelaxedAward,
  backend: SolverBackend,
  baseline: Baseline,
  options: ResolveLimits,
): Promise<RuleCost> {
  const { scenario: relaxed, lots, program } = built;
  // Relaxing changed nothing the solver sees (e.g. no bid was below the quality threshold): the award stands.
  if (baseline.program !== undefined && sameProgram(program, baseline.program))
    return costed(scenario, r, baseline.objective, 0, 0, 0, '');
  const start = startFrom(program, baseline);
  const outcome = await backend.solve(program, {
    timeLimit: options.timeLimit,
    relativeGap: 1e-6,
    nodeLimit: options.nodeLimit,
    ...(start === undefined ? {} : { start }),
  });
  if (outcome.status === 'infeasible') return notComputed(r, 'skipped', relaxedAwardInfeasible());
  if (outcome.status === 'error') return notComputed(r, 'skipped', relaxedAwardFailed(outcome.message));
  const plan = decode(program, outcome.values, lots, relaxed.bids, relaxed.weeksPerYear);
  const spend = plan.allocations.reduce((t, a) => t + a.annualCost, 0) - baseline.annualCost;
  const unmet = [...plan.unmet.values()].reduce((t, h) => t + h, 0) - baseline.unmetHours;
  const sign = scenario.award.objective === 'meat' ? -1 : 1;
  const stopped =
    outcome.status === 'feasible'
      ? ` (search stopped at ${groupedNumber(options.nodeLimit, 3)} nodes, within ${(100 * outcome.gap).toFixed(2)}% of the best possible)`
      : '';
  const objectiveChange = sign * (baseline.objective - outcome.objective);
  return costed(
    scenario,
    r,
    outcome.objective,
    objectiveChange,
    spend,
    unmet,
    stopped,
    meatPoints(scenario, lots, baseline, objectiveChange, unmet),
  );
}

/**
 * The MEAT objective's change as points an hour bought (×100, as the "why" gives a MEAT score), when
 * the award is on MEAT and the unmet hours, whose penalty it also counts, stay as they are; else 0.
 */
function meatPoints(
  scenario: Scenario,
  lots: readonly Lot[],
  baseline: Baseline,
  objectiveChange: number,
  unmetChange: number,
): number {
  const bought = lots.reduce((t, l) => t + l.demand, 0) - baseline.unmetHours;
  if (scenario.award.objective !== 'meat' || Math.abs(unmetChange) >= 0.05 || bought <= 0) return 0;
  return (100 * objectiveChange) / bought;
}

/** A computed rule cost: the relaxed objective, and what relaxing changes (rounded as result.json shows it). */
function costed(
  scenario: Scenario,
  r: Relaxation,
  relaxedObjective: number,
  objectiveChange: number,
  spend: number,
  unmet: number,
  stopped: string,
  meatChange = 0,
): RuleCost {
  return {
    rule: r.rule,
    description: r.description,
    status: 'computed',
    relaxedObjective,
    objectiveChange: Math.round(objectiveChange * 100) / 100,
    annualCostChange: Math.round(spend * 100) / 100,
    unmetHoursChange: Math.round(unmet * 1000) / 1000,
    note: `${relaxingIt}${relaxationEffect(spend, unmet, meatChange, scenario.currency)}${stopped}`,
  };
}
