/**
 * runScenario: a validated scenario → a verified, scored award. Pure apart
 * from the solver call; no files, no clock but the solver's own timer.
 *
 *   1. settle the run's settings (zoning, objective overrides; costModel and scoring were parsed when read)
 *   2. build lots from the zoning and the lot plan; reject bids below legal pay
 *   3. warn about rejected bids and lots no bid can fill
 *   4. build the solver-neutral program and solve it
 *   5. decode the plan, name back-up providers
 *   6. explain each lot (explain/)
 *   7. score the award: cost floors, viability, risk, abnormally-low flags (scoring/)
 *   8. assemble the result and verify it independently: a violation is a bug, never written
 *   9. when asked, cost each active rule by re-solving with it relaxed (explain/); the
 *      verified award is handed to `onVerified` first, so a caller can render it meanwhile
 *
 * When no award meets the hard rules (step 4 says infeasible), the run stops
 * there with a diagnosis: the smallest sets of rules to relax, and how far.
 */
import {
  tenderLots,
  tenderWarnings,
  type Rejection,
  type TenderInputs,
  type TenderedLots,
} from './lots/tender-lots.js';
import { sortAllocations, type InfeasibleResult, type Result, type RunInfo } from './model/result.js';
import type { Lot, Objective, Scenario } from './model/types.js';
import { assembleInfeasible, assembleResult } from './result-assembly.js';
import { scoreAward } from './scoring/score-award.js';
import { chooseBackups } from './solve/backups.js';
import { backupRoom } from './scoring/take-over-room.js';
import { buildProgram } from './solve/build-program.js';
import { decode } from './solve/decode.js';
import { greedyStart } from './solve/greedy.js';
import type { Program, SolverBackend } from './solve/program.js';
import { verifyAward } from './verify/verify.js';
import { runHash } from './run-hash.js';
import { explainAward } from './explain/explain-lot.js';
import { relaxedAwardsMeanwhile, ruleCosts } from './explain/rule-costs.js';
import { capsStoppingTogether } from './explain/caps-together.js';
import { unprovenRuleCosts } from './explain/unproven-rule-costs.js';
import { diagnoseInfeasible } from './explain/diagnose.js';
import { placeShortage } from './explain/place-shortage.js';
import { contractSection } from './contract/whole-life.js';
import { transitionSection } from './contract/transition.js';
import { paymentSection } from './contract/payment.js';
import { zoningFlagUnknown } from './diagnostics/messages.js';

export interface RunOptions {
  readonly zoning?: string;
  readonly objective?: Objective;
  readonly backend: SolverBackend;
  /** Seconds. */
  readonly timeLimit: number;
  readonly relativeGap?: number;
  /** Hash of the scenario's files (readScenario); the run's hash adds every option that changes the answer. */
  readonly inputHash: string;
  readonly version: string;
  /** The solver and its version, e.g. "highs 1.15.3". @defaultValue the backend's name */
  readonly solverVersion?: string;
  /** Warnings from reading the files, carried into result.json. */
  readonly inputWarnings?: readonly string[];
  /** Re-solve once per active award rule to say what it costs. @defaultValue false */
  readonly ruleCosts?: boolean;
  /**
   * Called once with the verified award before the rule costs are re-solved
   * (step 9): the final result is this one with `ruleCosts` added, which the
   * workbook does not show and the report adds last (report/output-files.ts), so
   * `zonal solve` renders them meanwhile.
   */
  readonly onVerified?: (award: Result) => void;
  /**
   * Leave out what only the full result shows: why each lot went as it did,
   * the contract's years and the cost of change (a batch row summarises the
   * award without them). The award, its scores, payment models and
   * verification are the same. @defaultValue false
   */
  readonly summaryOnly?: boolean;
  /**
   * Makes the lots as tendered; a batch worker passes one that remembers its
   * last lots (lots/tender-lots-memo.ts). @defaultValue tenderLots
   */
  readonly tenderLots?: (scenario: TenderInputs) => TenderedLots;
}

export type RunOutcome =
  | { readonly kind: 'ok'; readonly result: Result; readonly lots: readonly Lot[] }
  /** No award meets the hard rules: an answer, with the diagnosis (exit code 3). */
  | { readonly kind: 'infeasible'; readonly result: InfeasibleResult; readonly lots: readonly Lot[] }
  | { readonly kind: 'bad-settings'; readonly message: string }
  | { readonly kind: 'solver-error'; readonly message: string }
  | { readonly kind: 'bug'; readonly violations: readonly string[] };

/** Step 1: the scenario as this run sees it (`options.zoning` and `options.objective` are only ever the flags', hence the messages). */
export function withSettings(
  scenario: Scenario,
  options: Pick<RunOptions, 'zoning' | 'objective'>,
): Scenario | string {
  const zoning = options.zoning ?? scenario.zoning;
  if (!scenario.zonings.has(zoning))
    return zoningFlagUnknown('--zoning', zoning, [...scenario.zonings.keys()]);
  // As scenario.json's own "objective": "whole-life" needs a contract (model/between-settings.ts).
  if (options.objective === 'whole-life' && scenario.contract === undefined)
    return '--objective whole-life: the scenario has no "contract" to count the years of: add e.g. "contract": {"years": 3} to scenario.json, or use --objective cost';
  // As scenario.json's own "objective": "meat" with transition.priceChange (model/between-settings.ts).
  if (options.objective === 'meat' && scenario.transition?.priceChange === true)
    return '--objective meat: transition.priceChange is true in scenario.json, and the cost of change is money, which the "meat" objective (a score) cannot add: use --objective cost or whole-life, or set transition.priceChange to false';
  const award =
    options.objective === undefined ? scenario.award : { ...scenario.award, objective: options.objective };
  return { ...scenario, zoning, award };
}

/** Steps 1-4 without solving: the program a run would solve (for --export-lp). */
export function programFor(
  input: Scenario,
  options: Pick<RunOptions, 'zoning' | 'objective' | 'tenderLots'>,
): { scenario: Scenario; lots: readonly Lot[]; rejections: readonly Rejection[]; program: Program } | string {
  const scenario = withSettings(input, options);
  if (typeof scenario === 'string') return scenario;
  const { lots, rejections } = (options.tenderLots ?? tenderLots)(scenario);
  return { scenario, lots, rejections, program: buildProgram(scenario, lots) };
}

const wantsRuleCosts = (options: RunOptions) =>
  !(options.summaryOnly ?? false) && (options.ruleCosts ?? false);

export async function runScenario(input: Scenario, options: RunOptions): Promise<RunOutcome> {
  // 1-2, 4 (program): settings, lots, program
  const built = programFor(input, options);
  if (typeof built === 'string') return { kind: 'bad-settings', message: built };
  const { scenario, lots, program, rejections } = built;
  // 3. warnings
  const warnings = [...(options.inputWarnings ?? []), ...tenderWarnings(scenario, lots, rejections)];
  // More winners asked for than the lots have places: no award, known without a solve.
  const short = placeShortage(scenario, lots);
  if (short !== null)
    return {
      kind: 'infeasible',
      result: assembleInfeasible(scenario, lots, warnings, runInfo(scenario, program, options, 0), short),
      lots,
    };
  // 4. solve. A greedy award that meets every row gives the solver an incumbent from the first node
  // (worked out by the backend when it solves: an answer it remembers needs none).
  let solved = false;
  const solving = options.backend
    .solve(program, {
      timeLimit: options.timeLimit,
      relativeGap: options.relativeGap ?? 1e-6,
      start: greedyStart,
    })
    .finally(() => {
      solved = true;
    });
  solving.catch(() => undefined); // awaited below: a failure meanwhile is held until then, not unhandled
  // While the solver loads (HiGHS compiling) or works elsewhere, build what step 9 re-solves.
  const relaxed = wantsRuleCosts(options)
    ? await relaxedAwardsMeanwhile(scenario, lots, program.variables.length, () => solved)
    : undefined;
  const outcome = await solving;
  if (outcome.status === 'error') return { kind: 'solver-error', message: outcome.message };
  const run = runInfo(scenario, program, options, outcome.seconds);
  if (outcome.status === 'infeasible')
    return {
      kind: 'infeasible',
      result: assembleInfeasible(
        scenario,
        lots,
        warnings,
        run,
        await diagnoseInfeasible(scenario, lots, options.backend, { budgetSeconds: options.timeLimit }),
      ),
      lots,
    };
  // 5. decode, back-ups
  const plan = decode(program, outcome.values, lots, scenario.bids, scenario.weeksPerYear);
  // Back-ups stand behind a lot's winner: a lot nobody holds (every hour unmet) has no one to back up.
  const held = new Set(plan.allocations.map((a) => a.lotId));
  const backedUp = lots.filter((lot) => held.has(lot.id));
  const allocations = [
    ...plan.allocations,
    ...chooseBackups(scenario, backedUp, plan.allocations, backupRoom(scenario, plan.allocations, lots)),
  ];
  const baseline = {
    objective: outcome.objective,
    annualCost: plan.allocations.reduce((t, a) => t + a.annualCost, 0),
    unmetHours: [...plan.unmet.values()].reduce((t, h) => t + h, 0),
    variables: program.variables.length,
    solveSeconds: outcome.seconds,
    plan: new Map(program.variables.map((v, i) => [v.name, outcome.values[i] ?? 0])),
    program,
  };
  // 6. explain
  const summaryOnly = options.summaryOnly ?? false;
  const explanations = summaryOnly ? undefined : explainAward(scenario, lots, allocations);
  // 7. score
  const scores = scoreAward({ scenario, lots, allocations: sortAllocations(allocations), unmet: plan.unmet });
  // 8. assemble: the award, then the whole contract (its years, the cost of change, payment models)
  const assembled = assembleResult({
    scenario,
    lots,
    allocations,
    scores,
    unmet: plan.unmet,
    warnings,
    ...(explanations === undefined ? {} : { explanations }),
    status: outcome.status,
    gap: outcome.gap,
    objectiveValue: outcome.objective + (program.offset ?? 0),
    run,
  });
  const contract = {
    ...(summaryOnly ? {} : contractSection(scenario, lots, allocations)),
    ...(summaryOnly ? {} : transitionSection(scenario, lots, allocations)),
    ...paymentSection(scenario, assembled),
  };
  const result = { ...assembled, ...contract };
  // verify, independently of the solver
  const violations = verifyAward(scenario, {
    zoning: result.zoning,
    lots: result.lots,
    allocations: result.allocations,
    objective: result.objective,
    annualCost: result.totals.annualCost,
  });
  if (violations.length > 0) return { kind: 'bug', violations };
  options.onVerified?.(result);
  // 9. rule costs (result.json holds them between the award's risk and the contract)
  if (!wantsRuleCosts(options)) return { kind: 'ok', result, lots };
  // An award the time limit stopped is no baseline: a rule's cost would be mostly its distance from the best.
  const costs =
    outcome.status === 'optimal'
      ? await ruleCosts(
          scenario,
          lots,
          options.backend,
          baseline,
          {},
          relaxed,
          capsStoppingTogether(explanations),
        )
      : unprovenRuleCosts(scenario, lots, baseline);
  return { kind: 'ok', result: { ...assembled, ruleCosts: costs, ...contract }, lots };
}

/** How the award was sought (result.json `run`); `solveSeconds` 0 when no solve was needed. */
function runInfo(scenario: Scenario, program: Program, options: RunOptions, solveSeconds: number): RunInfo {
  return {
    solver: options.backend.name,
    timeLimitSeconds: options.timeLimit,
    solveSeconds,
    solverVersion: options.solverVersion ?? options.backend.name,
    inputHash: runHash(options.inputHash, {
      zoning: scenario.zoning,
      objective: scenario.award.objective,
      timeLimitSeconds: options.timeLimit,
      solver: options.backend.name,
      solverVersion: options.solverVersion ?? options.backend.name,
      version: options.version,
      ruleCosts: options.ruleCosts ?? false,
    }),
    filesHash: options.inputHash,
    version: options.version,
    variables: program.variables.length,
    constraints: program.rows.length,
  };
}

/** Why a run failed, in words: for a message, or a row of a comparison or batch. */
export function describeFailure(outcome: Exclude<RunOutcome, { kind: 'ok' }>, violationsShown = 3): string {
  switch (outcome.kind) {
    case 'infeasible':
      return outcome.result.diagnosis.summary;
    case 'bad-settings':
      return outcome.message;
    case 'solver-error':
      return `the solver failed: ${outcome.message}`;
    case 'bug':
      return `internal error: the award failed independent verification (${outcome.violations.slice(0, violationsShown).join('; ')})`;
  }
}
