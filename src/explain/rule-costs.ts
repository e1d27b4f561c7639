/**
 * What each award rule costs: re-solve the award with one rule relaxed at a
 * time and compare the objective. Skipped (with a note) when a rule is not
 * active, or when the baseline solve was too slow to repeat for every rule.
 */
import { tenderLots } from '../lots/tender-lots.js';
import type { Lot, LotPlan, Scenario } from '../model/types.js';
import { buildProgram } from '../solve/build-program.js';
import { decode } from '../solve/decode.js';
import { isFeasiblePlan } from '../solve/plan-state.js';
import type { Program, SolverBackend } from '../solve/program.js';
import type { RuleCost, RuleCostReport } from './types.js';

export interface Baseline {
  readonly objective: number;
  readonly annualCost: number;
  readonly solveSeconds: number;
  /** The award's plan by variable name: relaxing a rule keeps it feasible, so it starts each re-solve. */
  readonly plan?: ReadonlyMap<string, number>;
}

/** The baseline plan in the relaxed program's variables, when it keeps every relaxed row. */
function startFrom(program: Program, baseline: Baseline): number[] | undefined {
  if (baseline.plan === undefined) return undefined;
  const plan = baseline.plan;
  const values = program.variables.map((v) => plan.get(v.name) ?? 0);
  return isFeasiblePlan(program, values) ? values : undefined;
}

export interface RuleCostOptions {
  /** Skip every re-solve when the baseline took longer than this (seconds). @defaultValue 2 */
  readonly maxBaselineSeconds?: number;
  /** Time limit of each re-solve (seconds). @defaultValue 10 */
  readonly timeLimit?: number;
}

interface Relaxation {
  readonly rule: RuleCost['rule'];
  readonly description: string;
  readonly active: boolean;
  readonly relax: (s: Scenario) => Scenario;
}

function soleInsteadOfLeadSecondary(plan: LotPlan): LotPlan {
  return Object.fromEntries(
    Object.entries(plan).map(([careType, entry]) => [careType, entry.kind === 'lot' && entry.structure === 'lead-secondary' ? { ...entry, structure: 'sole' as const } : entry]),
  ) as LotPlan;
}

export function relaxations(scenario: Scenario, lots: readonly Lot[]): Relaxation[] {
  const award = scenario.award;
  return [
    { rule: 'share-cap', description: `no provider above ${Math.round(100 * award.maxShareOfTotalHours)}% of county hours`, active: award.maxShareOfTotalHours < 1, relax: (s) => ({ ...s, award: { ...s.award, maxShareOfTotalHours: 1 } }) },
    { rule: 'lots-cap', description: award.maxLotsPerProvider === null ? 'no cap on lots per provider' : `at most ${award.maxLotsPerProvider} lots per provider`, active: award.maxLotsPerProvider !== null, relax: (s) => ({ ...s, award: { ...s.award, maxLotsPerProvider: null } }) },
    { rule: 'min-providers', description: `at least ${award.minDistinctProviders} distinct providers`, active: award.minDistinctProviders > 0, relax: (s) => ({ ...s, award: { ...s.award, minDistinctProviders: 0 } }) },
    { rule: 'quality-threshold', description: `quality at least ${award.minQuality}`, active: award.minQuality > 0, relax: (s) => ({ ...s, award: { ...s.award, minQuality: 0 } }) },
    { rule: 'packages', description: 'package bids all-or-nothing (relaxed: each package bid stands alone at its package price)', active: scenario.bids.some((b) => b.packageId !== null), relax: (s) => ({ ...s, bids: s.bids.map((b) => ({ ...b, packageId: null })) }) },
    { rule: 'lead-secondary', description: 'lead and secondary provider per lot (compared with one sole provider per lot)', active: lots.some((l) => l.structure === 'lead-secondary'), relax: (s) => ({ ...s, lotPlan: soleInsteadOfLeadSecondary(s.lotPlan) }) },
  ];
}

const notComputed = (r: Relaxation, status: 'skipped' | 'not-active', note: string): RuleCost => ({
  rule: r.rule, description: r.description, status, relaxedObjective: null, objectiveChange: null, annualCostChange: null, note,
});

async function costOf(scenario: Scenario, r: Relaxation, backend: SolverBackend, baseline: Baseline, timeLimit: number): Promise<RuleCost> {
  const relaxed = r.relax(scenario);
  const { lots } = tenderLots(relaxed);
  const program = buildProgram(relaxed, lots);
  const start = startFrom(program, baseline);
  const outcome = await backend.solve(program, { timeLimit, relativeGap: 1e-6, ...(start === undefined ? {} : { start }) });
  if (outcome.status === 'error' || outcome.status === 'infeasible') return notComputed(r, 'skipped', `the relaxed award could not be solved (${outcome.status})`);
  const plan = decode(program, outcome.values, lots, relaxed.bids, relaxed.weeksPerYear);
  const annualCost = plan.allocations.reduce((t, a) => t + a.annualCost, 0);
  const sign = scenario.award.objective === 'cost' ? 1 : -1;
  const change = sign * (baseline.objective - outcome.objective);
  const rounded = Math.round(change) === 0 ? 0 : Math.round(change);
  const amount = scenario.award.objective === 'cost' ? `£${Math.abs(rounded).toLocaleString('en-GB')} a year` : `${Math.abs(rounded).toLocaleString('en-GB')} score points`;
  const effect = rounded === 0 ? 'changes nothing: the rule does not bind' : rounded > 0 ? `${scenario.award.objective === 'cost' ? 'saves' : 'gains'} ${amount}: what the rule costs` : `is worse by ${amount}: the rule helps`;
  const gapNote = outcome.status === 'feasible' ? ` (time limit hit; within a gap of ${(100 * outcome.gap).toFixed(2)}%)` : '';
  return {
    rule: r.rule, description: r.description, status: 'computed',
    relaxedObjective: outcome.objective, objectiveChange: Math.round(change * 100) / 100,
    annualCostChange: Math.round((annualCost - baseline.annualCost) * 100) / 100,
    note: `relaxing it ${effect}${gapNote}`,
  };
}

/** The cost of each award rule, one relaxed at a time. */
export async function ruleCosts(scenario: Scenario, lots: readonly Lot[], backend: SolverBackend, baseline: Baseline, options: RuleCostOptions = {}): Promise<RuleCostReport> {
  const maxSeconds = options.maxBaselineSeconds ?? 2;
  const tooSlow = baseline.solveSeconds > maxSeconds;
  const rules: RuleCost[] = [];
  for (const r of relaxations(scenario, lots)) {
    if (!r.active) rules.push(notComputed(r, 'not-active', 'the rule is not in force in this scenario'));
    else if (tooSlow) rules.push(notComputed(r, 'skipped', `the award took ${baseline.solveSeconds.toFixed(1)} s to solve (over ${maxSeconds} s): too slow to re-solve once per rule`));
    else rules.push(await costOf(scenario, r, backend, baseline, options.timeLimit ?? 10));
  }
  return { baselineObjective: baseline.objective, baselineSolveSeconds: baseline.solveSeconds, rules };
}
