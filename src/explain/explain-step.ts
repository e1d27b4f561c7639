/**
 * The pipeline's explanation step: why each lot went as it did (pure) and,
 * unless turned off, what each award rule costs (re-solves).
 */
import type { Allocation, Lot, Scenario } from '../model/types.js';
import type { SolverBackend } from '../solve/program.js';
import { explainAward } from './explain-lot.js';
import { ruleCosts, type Baseline } from './rule-costs.js';
import type { LotExplanation, RuleCostReport } from './types.js';

export interface Explained {
  readonly explanations: ReadonlyMap<string, LotExplanation>;
  readonly ruleCosts?: RuleCostReport;
}

export async function explainStep(
  scenario: Scenario,
  lots: readonly Lot[],
  allocations: readonly Allocation[],
  backend: SolverBackend,
  baseline: Baseline | null,
  withRuleCosts: boolean,
): Promise<Explained> {
  const explanations = explainAward(scenario, lots, allocations);
  if (!withRuleCosts || baseline === null) return { explanations };
  return { explanations, ruleCosts: await ruleCosts(scenario, lots, backend, baseline) };
}
