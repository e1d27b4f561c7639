/**
 * One batch variant: base scenario + overrides → a solved, verified award
 * summarised as one row. Any failure becomes the row's `error`, never a
 * thrown error, so one bad variant cannot stop a batch.
 */
import { describeFailure, runScenario, type RunOptions } from '../pipeline.js';
import type { Scenario, SolveStatus } from '../model/types.js';
import type { Variant } from './batch-file.js';
import { sampleAward, type SamplingSummary } from './demand-samples.js';
import { awardMetrics, type AwardMetrics } from './metrics.js';
import { applyOverrides } from './overrides.js';
import type { Overrides } from './overrides-schema.js';

export interface BatchRow {
  readonly index: number;
  readonly id: string;
  readonly base: string;
  readonly overrides: Overrides;
  readonly status: SolveStatus | 'failed';
  readonly error: string | null;
  /** When no award meets the hard rules (status infeasible): which rules to relax, and how far. */
  readonly diagnosis: string | null;
  readonly metrics: AwardMetrics | null;
  readonly sampling: SamplingSummary | null;
  /** Wall time of the solve (the only field that changes between runs); 0 when the worker already knew the model's answer (solve/solve-memo.ts). */
  readonly solveSeconds: number;
  /** The input hash of the base the row was solved from, stamped by the batch: --resume runs a row again when its base has changed since. */
  readonly baseInput?: string;
  /** The currency the row's money is in: its base's (a batch may mix bases in pounds and euros), stamped by the batch (batch-run.ts `inBaseCurrency`). Absent in a row written by a zonal before mend17b. */
  readonly currency?: string;
}

export type VariantRunOptions = Omit<RunOptions, 'zoning' | 'objective'> & {
  /** Applies a variant's overrides; a batch worker's remembers (compare/overrides-memo.ts). @defaultValue applyOverrides */
  readonly applyOverrides?: (base: Scenario, overrides: Overrides) => Scenario | string;
};

export function failedRow(variant: Variant, error: string): BatchRow {
  return {
    index: variant.index,
    id: variant.id,
    base: variant.base,
    overrides: variant.overrides,
    status: 'failed',
    error,
    diagnosis: null,
    metrics: null,
    sampling: null,
    solveSeconds: 0,
  };
}

export async function runVariant(
  base: Scenario,
  variant: Variant,
  options: VariantRunOptions,
): Promise<BatchRow> {
  const { applyOverrides: apply = applyOverrides, ...run } = options;
  const scenario = apply(base, variant.overrides);
  if (typeof scenario === 'string') return failedRow(variant, scenario);
  // Rule costs re-solve once per award rule: worth it for one award, not for hundreds of variants.
  // A row shows none of the lot explanations or contract years: the variant skips them (summaryOnly).
  const outcome = await runScenario(scenario, { ruleCosts: false, summaryOnly: true, ...run });
  if (outcome.kind === 'infeasible')
    return {
      ...failedRow(variant, ''),
      status: 'infeasible',
      error: null,
      diagnosis: outcome.result.diagnosis.summary,
      solveSeconds: outcome.result.run.solveSeconds,
    };
  if (outcome.kind !== 'ok') return failedRow(variant, describeFailure(outcome));
  const { result, lots } = outcome;
  const sampling =
    variant.samples === null
      ? null
      : sampleAward(scenario, lots, result, { samples: variant.samples, seed: variant.seed });
  return {
    ...failedRow(variant, ''),
    status: result.status,
    error: null,
    metrics: awardMetrics(result),
    sampling,
    solveSeconds: result.run.solveSeconds,
  };
}
