/** A relaxed award, built for its re-solve: the scenario with one rule relaxed, its lots and its program. */
import { tenderLots } from '../lots/tender-lots.js';
import { sameTenderInputs } from '../lots/tender-lots-memo.js';
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

/**
 * The award's `scenario` with rule `r` relaxed, its lots and its program. `lots` are the award's own,
 * made from `scenario`: a relaxation that leaves every input of the lots as it was (a share cap, the
 * minimum of providers: rules of the program, not of the lots) keeps them, any other makes its own.
 */
export function relaxedAward(scenario: Scenario, lots: readonly Lot[], r: Relaxation): RelaxedAward {
  const relaxed = r.relax(scenario);
  const relaxedLots = sameTenderInputs(scenario, relaxed) ? lots : tenderLots(relaxed).lots;
  return { scenario: relaxed, lots: relaxedLots, program: buildProgram(relaxed, relaxedLots) };
}
