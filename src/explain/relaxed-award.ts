/** A relaxed award, built for its re-solve: the scenario with one rule relaxed, its lots and its program. */
import { tenderLots } from '../lots/tender-lots.js';
import type { Lot, Scenario } from '../model/types.js';
import { buildProgram } from '../solve/build-program.js';
import type { Program } from '../solve/program.js';
import type { Relaxation } from './relaxations.js';

/** A relaxed award as its re-solve needs it: the scenario with the rule relaxed, its lots and its program. */
export interface RelaxedAward {
  readonly scenario: Scenario;
  readonly lots: readonly Lot[];
  readonly program: Program;
}

export function relaxedAward(scenario: Scenario, r: Relaxation): RelaxedAward {
  const relaxed = r.relax(scenario);
  const { lots } = tenderLots(relaxed);
  return { scenario: relaxed, lots, program: buildProgram(relaxed, lots) };
}
