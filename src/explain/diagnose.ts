/**
 * Why no award is possible: the smallest sets of tender rules whose
 * relaxation allows one, and how far each rule must move.
 *
 * Every role may be left unfilled, so capacity, caps and packages alone can
 * always be met by buying less; an award becomes impossible when a rule asks
 * for something the bids cannot give (today: at least N distinct providers).
 *
 *   1. the relaxable rules in force (minimum providers, share cap, lots cap,
 *      minimum quality, packages)
 *   2. the smallest sets of them whose relaxation allows an award (singletons
 *      first, then pairs, ...)
 *   3. for each rule of those sets, the nearest setting that allows an award
 *      (the others of its set relaxed)
 *
 * Each test is a feasibility solve (objective zero) bounded by a node limit,
 * so the diagnosis is the same on every machine. The whole diagnosis is also
 * bounded in time (`budgetSeconds`): on a national tender one test can take a
 * minute, and the subsets and steps many tests, so without a bound `zonal solve`
 * of an infeasible tender ran on for many minutes. Past the bound it says which
 * rules are in force, and that which to relax was not found in time.
 */
import { tenderLots } from '../lots/tender-lots.js';
import { eligibleBids } from '../lots/eligibility.js';
import type { Lot, Scenario } from '../model/types.js';
import { buildProgram } from '../solve/build-program.js';
import type { SolverBackend } from '../solve/program.js';
import { relaxations } from './relaxations.js';
import { budgetMove, budgetSteps, withoutBudget } from '../contract/budget.js';
import { movedCapMove, movedCapSteps, withMovedCap, withoutMovedCap } from '../contract/transition-cap.js';
import type { Diagnosis, RuleMove } from './types.js';
import {
  diagnosisOutOfTime,
  lotsCapMove,
  minProvidersMove,
  minQualityMove,
  packagesMove,
  relaxingDoesNotHelp,
  relaxToAward,
  shareCapMove,
} from '../diagnostics/messages.js';

type Rule = RuleMove['rule'];

/** The settings a rule is relaxed in, and how far. */
interface Knob {
  readonly rule: Rule;
  readonly setting: string;
  /** The scenario with the rule fully relaxed. */
  readonly off: (s: Scenario) => Scenario;
  /** Settings to try, nearest the current one first (empty: all or nothing). */
  readonly steps: (s: Scenario, lots: readonly Lot[]) => readonly number[];
  readonly at: (s: Scenario, value: number) => Scenario;
  readonly describe: (value: number | null, s: Scenario, lots: readonly Lot[]) => string;
}

/** Providers with at least one bid eligible for some lot. */
function biddingProviders(s: Scenario, lots: readonly Lot[]): Set<string> {
  return new Set(lots.flatMap((l) => eligibleBids(l, s.bids, s.award).map((b) => b.providerId)));
}

const knobs: Readonly<Record<Rule, Knob>> = {
  'min-providers': {
    rule: 'min-providers',
    setting: 'award.minDistinctProviders',
    off: (s) => ({ ...s, award: { ...s.award, minDistinctProviders: 0 } }),
    steps: (s) =>
      Array.from({ length: s.award.minDistinctProviders }, (_, i) => s.award.minDistinctProviders - 1 - i),
    at: (s, k) => ({ ...s, award: { ...s.award, minDistinctProviders: k } }),
    describe: (k, s, lots) =>
      minProvidersMove(s.award.minDistinctProviders, k, biddingProviders(s, lots).size),
  },
  'share-cap': {
    rule: 'share-cap',
    setting: 'award.maxShareOfTotalHours',
    off: (s) => ({ ...s, award: { ...s.award, maxShareOfTotalHours: 1 } }),
    steps: (s) =>
      Array.from(
        { length: 20 },
        (_, i) => s.award.maxShareOfTotalHours + ((i + 1) * (1 - s.award.maxShareOfTotalHours)) / 20,
      ),
    at: (s, x) => ({ ...s, award: { ...s.award, maxShareOfTotalHours: x } }),
    describe: (x, s) => shareCapMove(s.award.maxShareOfTotalHours, x),
  },
  'lots-cap': {
    rule: 'lots-cap',
    setting: 'award.maxLotsPerProvider',
    off: (s) => ({ ...s, award: { ...s.award, maxLotsPerProvider: null } }),
    steps: (s, lots) =>
      Array.from(
        { length: Math.max(0, lots.length - (s.award.maxLotsPerProvider ?? lots.length)) },
        (_, i) => (s.award.maxLotsPerProvider ?? 0) + i + 1,
      ),
    at: (s, n) => ({ ...s, award: { ...s.award, maxLotsPerProvider: n } }),
    describe: (n, s) => lotsCapMove(s.award.maxLotsPerProvider, n),
  },
  'quality-threshold': {
    rule: 'quality-threshold',
    setting: 'award.minQuality',
    off: (s) => ({ ...s, award: { ...s.award, minQuality: 0 } }),
    steps: (s) =>
      [...new Set(s.bids.map((b) => b.quality).filter((q) => q < s.award.minQuality))].sort((a, b) => b - a),
    at: (s, q) => ({ ...s, award: { ...s.award, minQuality: q } }),
    describe: (q, s) => minQualityMove(s.award.minQuality, q),
  },
  budget: {
    rule: 'budget',
    setting: 'award.maxAnnualBudget',
    off: withoutBudget,
    steps: budgetSteps,
    at: (s, budget) => ({ ...s, award: { ...s.award, maxAnnualBudget: budget } }),
    describe: (budget, s) => budgetMove(s.award.maxAnnualBudget, budget, s.currency),
  },
  'transition-cap': {
    rule: 'transition-cap',
    setting: 'transition.maxMovedShare',
    off: withoutMovedCap,
    steps: movedCapSteps,
    at: withMovedCap,
    describe: (share, s) => movedCapMove(s, share),
  },
  packages: {
    rule: 'packages',
    setting: 'bids.csv package_id',
    off: (s) => ({ ...s, bids: s.bids.map((b) => ({ ...b, packageId: null })) }),
    steps: () => [],
    at: (s) => s,
    describe: packagesMove,
  },
};

export interface DiagnoseOptions {
  /** Branch-and-bound nodes per feasibility test. @defaultValue 2000 */
  readonly nodeLimit?: number;
  /** A safety net for one feasibility test (seconds). @defaultValue 60 */
  readonly timeLimit?: number;
  /** Seconds the whole diagnosis may take (`zonal solve` gives its --time-limit). @defaultValue 60 */
  readonly budgetSeconds?: number;
}

type Feasible = (s: Scenario) => Promise<boolean>;

/** Thrown by a feasibility test once the diagnosis has used its time. */
class OutOfTime extends Error {}

function feasibility(backend: SolverBackend, options: DiagnoseOptions): Feasible {
  const deadline = performance.now() + (options.budgetSeconds ?? 60) * 1000;
  return async (s) => {
    const left = (deadline - performance.now()) / 1000;
    if (left <= 0) throw new OutOfTime();
    const program = buildProgram(s, tenderLots(s).lots);
    const plain = { ...program, variables: program.variables.map((v) => ({ ...v, cost: 0 })) };
    const outcome = await backend.solve(plain, {
      timeLimit: Math.min(options.timeLimit ?? 60, left),
      relativeGap: 1,
      nodeLimit: options.nodeLimit ?? 2000,
    });
    if (outcome.status === 'optimal' || outcome.status === 'feasible') return true;
    // No plan and the time gone: not a "no", an unknown.
    if (outcome.status !== 'infeasible' && performance.now() >= deadline) throw new OutOfTime();
    return false;
  };
}

function subsetsOfSize<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) =>
    subsetsOfSize(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]),
  );
}

const relaxAll = (s: Scenario, rules: readonly Rule[]) => rules.reduce((t, r) => knobs[r].off(t), s);

/** Step 3: the nearest setting of one rule that allows an award, the rest of its set relaxed. */
async function nearest(
  scenario: Scenario,
  lots: readonly Lot[],
  rule: Rule,
  others: readonly Rule[],
  feasible: Feasible,
): Promise<RuleMove> {
  const knob = knobs[rule];
  const base = relaxAll(scenario, others);
  let found: number | null = null;
  for (const value of knob.steps(scenario, lots)) {
    if (await feasible(knob.at(base, value))) {
      found = value;
      break;
    }
  }
  return { rule, setting: knob.setting, allowsAwardAt: found, text: knob.describe(found, scenario, lots) };
}

/** Steps 1-3. Call only for a scenario whose award is infeasible. */
export async function diagnoseInfeasible(
  scenario: Scenario,
  lots: readonly Lot[],
  backend: SolverBackend,
  options: DiagnoseOptions = {},
): Promise<Diagnosis> {
  const inForce = relaxations(scenario, lots)
    .filter((r) => r.active && r.rule in knobs)
    .map((r) => r.rule as Rule);
  try {
    return await smallestRelaxations(scenario, lots, inForce, feasibility(backend, options));
  } catch (e) {
    if (!(e instanceof OutOfTime)) throw e;
    return {
      summary: diagnosisOutOfTime(
        options.budgetSeconds ?? 60,
        inForce.map((rule) => knobs[rule].setting),
      ),
      relaxations: [],
    };
  }
}

/** Steps 2 and 3, with the rules in force. */
async function smallestRelaxations(
  scenario: Scenario,
  lots: readonly Lot[],
  inForce: readonly Rule[],
  feasible: Feasible,
): Promise<Diagnosis> {
  for (let size = 1; size <= inForce.length; size++) {
    const sets: Rule[][] = [];
    for (const set of subsetsOfSize(inForce, size))
      if (await feasible(relaxAll(scenario, set))) sets.push(set);
    if (sets.length === 0) continue;
    const alternatives = await Promise.all(
      sets.map((set) =>
        Promise.all(
          set.map((rule) =>
            nearest(
              scenario,
              lots,
              rule,
              set.filter((r) => r !== rule),
              feasible,
            ),
          ),
        ),
      ),
    );
    return {
      summary: relaxToAward(alternatives.map((set) => set.map((m) => m.text))),
      relaxations: alternatives,
    };
  }
  return {
    summary: relaxingDoesNotHelp(),
    relaxations: [],
  };
}
