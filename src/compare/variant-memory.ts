/**
 * What a batch worker remembers between the variants it runs. A variant that
 * builds the same model as one before it reuses its answer
 * (solve/solve-memo.ts); one that differs from the variant before only in
 * award rules the lots do not read reuses that scenario's parts and its lots
 * (compare/overrides-memo.ts, lots/tender-lots-memo.ts). None of it changes
 * a row (test/compare/variant-memo.test.ts).
 */
import { rememberingTenderLots } from '../lots/tender-lots-memo.js';
import type { SolverBackend } from '../solve/program.js';
import { memoisedBackend } from '../solve/solve-memo.js';
import { rememberingOverrides } from './overrides-memo.js';
import type { VariantRunOptions } from './run-variant.js';

export function variantMemory(
  backend: SolverBackend,
): Pick<VariantRunOptions, 'backend' | 'applyOverrides' | 'tenderLots'> {
  return {
    backend: memoisedBackend(backend),
    applyOverrides: rememberingOverrides(),
    tenderLots: rememberingTenderLots(),
  };
}
