/**
 * What each award rule costs: re-solve the award with one rule relaxed at a
 * time and compare real annual spend and unmet hours, each on its own (the
 * unmet-hours penalty steers the solver; it is never money). Whether a rule is
 * costed, and how far each re-solve searches, depend only on the input: a
 * model too large to re-solve is skipped by its size, and each re-solve stops
 * at a node limit, never at a number of seconds, so a busy machine and an idle
 * one report the same rule costs.
 *
 * The rules and how each is relaxed: relaxations.ts; a relaxed award built:
 * relaxed-award.ts; its re-solve set beside the award: relaxation-cost.ts.
 */
import { ruleNotInForce } from '../diagnostics/messages.js';
import type { Lot, Scenario } from '../model/types.js';
import type { SolverBackend } from '../solve/program.js';
import type { RuleCost, RuleCostReport } from './types.js';
import { costOf, effectOf, notComputed, type Baseline } from './relaxation-cost.js';
import { withCapsTogether, type CapsTogether } from './caps-together.js';
import { relaxedAward, type RelaxedAward } from './relaxed-award.js';
import { relaxations, type Relaxation } from './relaxations.js';
import { groupedNumber } from '../model/grouped-number.js';

export { relaxations };
export type { Baseline };

export interface RuleCostOptions {
  /**
   * Skip every re-solve when the award's program has more variables than this.
   * Counted after the pre-solve reduction (solve/reduce.ts), which leaves about a
   * third of a large tender's variables: the bench's L, 6,815 before and 2,336 after,
   * stays skipped (its five re-solves took 45 s of CPU against 8 s for the award).
   * @defaultValue 2000
   */
  readonly maxVariables?: number;
  /** Branch-and-bound nodes each re-solve may explore. @defaultValue 5000 */
  readonly nodeLimit?: number;
  /** A safety net only (seconds); the node limit ends re-solves first on any county-sized model. @defaultValue 60 */
  readonly timeLimit?: number;
}

const defaultRuleCostOptions: Required<RuleCostOptions> = {
  maxVariables: 2000,
  nodeLimit: 5000,
  timeLimit: 60,
};

/** Whether the award's program is small enough to re-solve once per rule. */
const affordable = (variables: number, options: Required<RuleCostOptions>) =>
  variables <= options.maxVariables;

const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The relaxed awards of the active rules, built one per turn of the event loop
 * until `done()` (the award's own solve has finished) or all are built. Building
 * them takes no solver: `zonal solve` starts the award's solve and builds these
 * while HiGHS is still compiling, and `ruleCosts` builds whatever is missing. A
 * solver ready at once runs first: the first turn waits for it.
 */
export async function relaxedAwardsMeanwhile(
  scenario: Scenario,
  lots: readonly Lot[],
  variables: number,
  done: () => boolean,
): Promise<Map<RuleCost['rule'], RelaxedAward>> {
  const built = new Map<RuleCost['rule'], RelaxedAward>();
  if (!affordable(variables, defaultRuleCostOptions)) return built;
  try {
    for (const r of relaxations(scenario, lots)) {
      if (!r.active) continue;
      await nextTask();
      if (done()) break;
      built.set(r.rule, relaxedAward(scenario, lots, r));
    }
  } catch {
    // ruleCosts builds what is missing again, and fails where it always did: after the award is verified
  }
  return built;
}

/**
 * The cost of each award rule, one relaxed at a time. `built`: relaxed awards
 * already built (relaxedAwardsMeanwhile), each the same as one built here.
 * `together`: caps that stop the same better bids together (caps-together.ts),
 * each of which, changing nothing alone, says what relaxing them together does.
 */
export async function ruleCosts(
  scenario: Scenario,
  lots: readonly Lot[],
  backend: SolverBackend,
  baseline: Baseline,
  given: RuleCostOptions = {},
  built: ReadonlyMap<RuleCost['rule'], RelaxedAward> = new Map(),
  together: readonly CapsTogether[] = [],
): Promise<RuleCostReport> {
  const options = { ...defaultRuleCostOptions, ...given };
  const size = baseline.variables;
  const tooLarge = !affordable(size, options);
  const rules: RuleCost[] = [];
  for (const r of relaxations(scenario, lots)) {
    if (!r.active) rules.push(notComputed(r, 'not-active', ruleNotInForce()));
    else if (tooLarge)
      rules.push(
        notComputed(
          r,
          'skipped',
          `the award model has ${groupedNumber(size, 3)} variables (over ${groupedNumber(options.maxVariables, 3)}): too large to re-solve once per rule`,
        ),
      );
    else
      rules.push(
        await costOf(
          scenario,
          r,
          built.get(r.rule) ?? relaxedAward(scenario, lots, r),
          backend,
          baseline,
          options,
        ),
      );
  }
  const resolve = async (r: Relaxation) =>
    effectOf(await costOf(scenario, r, relaxedAward(scenario, lots, r), backend, baseline, options));
  return {
    baselineObjective: baseline.objective,
    baselineSolveSeconds: baseline.solveSeconds,
    rules: await withCapsTogether(rules, together, relaxations(scenario, lots), resolve),
  };
}
