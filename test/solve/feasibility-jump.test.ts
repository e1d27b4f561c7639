/**
 * HiGHS runs without its feasibility jump on award programs below 1,000 variables, where it
 * cost a third of HiGHS's time for the same award, and with it on maps of zones, where the
 * exact design took a quarter longer without it (solve/backend-highs.ts `feasibilityJumpBelow`).
 * What tells the two apart is the `decides` the zone design hands every solve. Its root
 * reduced-cost heuristic goes with it (`firstPlanSearchesOff`).
 */
import { describe, expect, it } from 'vitest';
import { generatedMap } from '../../src/bench/zone-maps.js';
import { highsOptionsFor, skipsFeasibilityJump } from '../../src/solve/backend-highs.js';
import type { Program, SolveOptions, Variable } from '../../src/solve/program.js';
import { exactMap } from '../../src/zones/exact.js';
import { watchedHighs } from '../helpers/run.js';

/** A program of `variables` variables: only its size matters here. */
const program = (variables: number): Program => ({
  sense: 'min',
  variables: new Array<Variable>(variables),
  rows: [],
});
const options: SolveOptions = { timeLimit: 10, relativeGap: 1e-6 };

describe('the feasibility jump', () => {
  it('is skipped on award programs below 1,000 variables and kept from there', () => {
    expect(skipsFeasibilityJump(program(166), options)).toBe(true);
    expect(skipsFeasibilityJump(program(999), { ...options, decides: 'award' })).toBe(true);
    expect(skipsFeasibilityJump(program(1_000), options)).toBe(false);
  });

  it('goes with the root reduced-cost heuristic in the options HiGHS is given, and both stay on where it is kept', () => {
    const off = { mip_heuristic_run_feasibility_jump: false, mip_heuristic_run_root_reduced_cost: false };
    expect(highsOptionsFor(program(166), options)).toMatchObject(off);
    const kept = highsOptionsFor(program(1_000), options);
    expect(kept).not.toHaveProperty('mip_heuristic_run_feasibility_jump');
    expect(kept).not.toHaveProperty('mip_heuristic_run_root_reduced_cost');
  });

  it('is kept on maps of zones of any size', () => {
    expect(skipsFeasibilityJump(program(166), { ...options, decides: 'zones' })).toBe(false);
  });

  it('is kept by the exact zone design, which says so on every solve', async () => {
    const seen: (string | undefined)[] = [];
    const outcome = await exactMap(generatedMap(8, 1, null), {
      backend: watchedHighs((_, o) => seen.push(o.decides)),
      timeLimit: 30,
      start: null,
    });
    expect(outcome.status).toBe('optimal');
    expect(seen.length).toBe(2); // the most zones, then the most compact map with that many
    expect(seen.every((d) => d === 'zones')).toBe(true);
  });
});
