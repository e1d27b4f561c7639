/**
 * What each award rule costs: re-solve the award with one rule relaxed at a
 * time and compare real annual spend and unmet hours, each on its own (the
 * unmet-hours penalty steers the solver; it is never money). Whether a rule is
 * costed, and how far each re-solve searches, depend only on the input: a
 * model too large to re-solve is skipped by its size, and each re-solve stops
 * at a node limit, never at a number of seconds, so a busy machine and an idle
 * one report the same rule costs.
 */
import { tenderLots } from '../lots/tender-lots.js';
import type { Lot, LotPlan, Scenario } from '../model/types.js';
import { soleEntry, splitsRoles } from '../structures/index.js';
import { buildProgram } from '../solve/build-program.js';
import { decode } from '../solve/decode.js';
import { isFeasiblePlan } from '../solve/plan-state.js';
import { sameProgram } from '../solve/same-program.js';
import type { Program, SolverBackend } from '../solve/program.js';
import type { RuleCost, RuleCostReport } from './types.js';
import { budgetText, isBudgeted, withoutBudget } from '../contract/budget.js';
import { movedCapText, withoutMovedCap } from '../contract/transition-cap.js';
import { counted } from '../model/counted.js';

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

/** The baseline plan in the relaxed program's variables, when it keeps every relaxed row. */
function startFrom(program: Program, baseline: Baseline): number[] | undefined {
  if (baseline.plan === undefined) return undefined;
  const plan = baseline.plan;
  const values = program.variables.map((v) => plan.get(v.name) ?? 0);
  return isFeasiblePlan(program, values) ? values : undefined;
}

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

interface Relaxation {
  readonly rule: RuleCost['rule'];
  readonly description: string;
  readonly active: boolean;
  readonly relax: (s: Scenario) => Scenario;
}

/** The plan with one sole provider in every lot whose structure splits its hours between several roles. */
function soleInsteadOfSplitRoles(plan: LotPlan): LotPlan {
  return Object.fromEntries(
    Object.entries(plan).map(([careType, entry]) => [
      careType,
      entry.kind === 'lot' && splitsRoles(entry) ? soleEntry(entry.geography) : entry,
    ]),
  ) as LotPlan;
}

/** The roles of lots split between several providers, e.g. "lead and secondary" or "prime and secondary". */
function splitRoleNames(lots: readonly Lot[]): string {
  const names = [
    ...new Set(lots.filter((l) => l.roles.length > 1).flatMap((l) => l.roles.map((r) => r.role))),
  ];
  return names.length > 0 ? names.join(' and ') : 'lead and secondary';
}

export function relaxations(scenario: Scenario, lots: readonly Lot[]): Relaxation[] {
  const award = scenario.award;
  return [
    {
      rule: 'share-cap',
      description: `no provider above ${Math.round(100 * award.maxShareOfTotalHours)}% of county hours`,
      active: award.maxShareOfTotalHours < 1,
      relax: (s) => ({ ...s, award: { ...s.award, maxShareOfTotalHours: 1 } }),
    },
    {
      rule: 'lots-cap',
      description:
        award.maxLotsPerProvider === null
          ? 'no cap on lots per provider'
          : `at most ${counted(award.maxLotsPerProvider, 'lot')} per provider`,
      active: award.maxLotsPerProvider !== null,
      relax: (s) => ({ ...s, award: { ...s.award, maxLotsPerProvider: null } }),
    },
    {
      rule: 'min-providers',
      description: `at least ${counted(award.minDistinctProviders, 'distinct provider')}`,
      active: award.minDistinctProviders > 0,
      relax: (s) => ({ ...s, award: { ...s.award, minDistinctProviders: 0 } }),
    },
    {
      rule: 'quality-threshold',
      description: `quality at least ${award.minQuality}`,
      active: award.minQuality > 0,
      relax: (s) => ({ ...s, award: { ...s.award, minQuality: 0 } }),
    },
    {
      rule: 'packages',
      description:
        'package bids all-or-nothing (relaxed: each package bid stands alone at its package price)',
      active: scenario.bids.some((b) => b.packageId !== null),
      relax: (s) => ({ ...s, bids: s.bids.map((b) => ({ ...b, packageId: null })) }),
    },
    {
      rule: 'budget',
      description: budgetText(award.maxAnnualBudget),
      active: isBudgeted(award),
      relax: withoutBudget,
    },
    {
      rule: 'transition-cap',
      description: movedCapText(scenario),
      active: scenario.transition?.maxMovedShare !== undefined,
      relax: withoutMovedCap,
    },
    {
      rule: 'lead-secondary',
      description: `${splitRoleNames(lots)} provider per lot (compared with one sole provider per lot)`,
      active: lots.some((l) => l.roles.length > 1),
      relax: (s) => ({ ...s, lotPlan: soleInsteadOfSplitRoles(s.lotPlan) }),
    },
  ];
}

const notComputed = (r: Relaxation, status: 'skipped' | 'not-active', note: string): RuleCost => ({
  rule: r.rule,
  description: r.description,
  status,
  relaxedObjective: null,
  objectiveChange: null,
  annualCostChange: null,
  unmetHoursChange: null,
  note,
});

const pounds = (x: number) => `£${Math.abs(Math.round(x)).toLocaleString('en-GB')} a year`;
const weeklyHours = (x: number) =>
  `${Math.abs(x).toLocaleString('en-GB', { maximumFractionDigits: 1 })} h/week`;

/**
 * What relaxing a rule does, in money and in hours: "spend falls by £27,225 a year; unmet hours unchanged",
 * and on the MEAT objective what it does to the award's score, which can move while spend does not.
 */
function relaxationEffect(spendChange: number, unmetChange: number, meatChange: number): string {
  const meat =
    Math.abs(meatChange) < 0.005
      ? ''
      : `; MEAT score ${meatChange > 0 ? 'rises' : 'falls'} by ${Math.abs(meatChange).toFixed(2)} points an hour (hours-weighted)`;
  return `${spendAndUnmet(spendChange, unmetChange, meat === '')}${meat}`;
}

function spendAndUnmet(spendChange: number, unmetChange: number, alone: boolean): string {
  const spend =
    Math.round(spendChange) === 0
      ? 'spend unchanged'
      : spendChange < 0
        ? `spend falls by ${pounds(spendChange)}`
        : `spend rises by ${pounds(spendChange)}`;
  const unmet =
    Math.abs(unmetChange) < 0.05
      ? 'unmet hours unchanged'
      : unmetChange < 0
        ? `${weeklyHours(unmetChange)} fewer unmet`
        : `${weeklyHours(unmetChange)} more unmet`;
  if (alone && spend === 'spend unchanged' && unmet === 'unmet hours unchanged')
    return 'changes nothing: the rule does not bind';
  return `${spend}; ${unmet}`;
}

/** A relaxed award as its re-solve needs it: the scenario with the rule relaxed, its lots and its program. */
interface RelaxedAward {
  readonly scenario: Scenario;
  readonly lots: readonly Lot[];
  readonly program: Program;
}

function relaxedAward(scenario: Scenario, r: Relaxation): RelaxedAward {
  const relaxed = r.relax(scenario);
  const { lots } = tenderLots(relaxed);
  return { scenario: relaxed, lots, program: buildProgram(relaxed, lots) };
}

async function costOf(
  scenario: Scenario,
  r: Relaxation,
  built: RelaxedAward,
  backend: SolverBackend,
  baseline: Baseline,
  options: Required<RuleCostOptions>,
): Promise<RuleCost> {
  const { scenario: relaxed, lots, program } = built;
  // Relaxing changed nothing the solver sees (e.g. no bid was below the quality threshold): the award stands.
  if (baseline.program !== undefined && sameProgram(program, baseline.program))
    return costed(r, baseline.objective, 0, 0, 0, '');
  const start = startFrom(program, baseline);
  const outcome = await backend.solve(program, {
    timeLimit: options.timeLimit,
    relativeGap: 1e-6,
    nodeLimit: options.nodeLimit,
    ...(start === undefined ? {} : { start }),
  });
  if (outcome.status === 'error' || outcome.status === 'infeasible')
    return notComputed(r, 'skipped', `the relaxed award could not be solved (${outcome.status})`);
  const plan = decode(program, outcome.values, lots, relaxed.bids, relaxed.weeksPerYear);
  const spend = plan.allocations.reduce((t, a) => t + a.annualCost, 0) - baseline.annualCost;
  const unmet = [...plan.unmet.values()].reduce((t, h) => t + h, 0) - baseline.unmetHours;
  const sign = scenario.award.objective === 'meat' ? -1 : 1;
  const stopped =
    outcome.status === 'feasible'
      ? ` (search stopped at ${options.nodeLimit.toLocaleString('en-GB')} nodes, within ${(100 * outcome.gap).toFixed(2)}% of the best possible)`
      : '';
  const objectiveChange = sign * (baseline.objective - outcome.objective);
  return costed(
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
    note: `relaxing it: ${relaxationEffect(spend, unmet, meatChange)}${stopped}`,
  };
}

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
      built.set(r.rule, relaxedAward(scenario, r));
    }
  } catch {
    // ruleCosts builds what is missing again, and fails where it always did: after the award is verified
  }
  return built;
}

/**
 * The cost of each award rule, one relaxed at a time. `built`: relaxed awards
 * already built (relaxedAwardsMeanwhile), each the same as one built here.
 */
export async function ruleCosts(
  scenario: Scenario,
  lots: readonly Lot[],
  backend: SolverBackend,
  baseline: Baseline,
  given: RuleCostOptions = {},
  built: ReadonlyMap<RuleCost['rule'], RelaxedAward> = new Map(),
): Promise<RuleCostReport> {
  const options = { ...defaultRuleCostOptions, ...given };
  const size = baseline.variables;
  const tooLarge = !affordable(size, options);
  const rules: RuleCost[] = [];
  for (const r of relaxations(scenario, lots)) {
    if (!r.active) rules.push(notComputed(r, 'not-active', 'the rule is not in force in this scenario'));
    else if (tooLarge)
      rules.push(
        notComputed(
          r,
          'skipped',
          `the award model has ${size.toLocaleString('en-GB')} variables (over ${options.maxVariables.toLocaleString('en-GB')}): too large to re-solve once per rule`,
        ),
      );
    else
      rules.push(
        await costOf(scenario, r, built.get(r.rule) ?? relaxedAward(scenario, r), backend, baseline, options),
      );
  }
  return { baselineObjective: baseline.objective, baselineSolveSeconds: baseline.solveSeconds, rules };
}
