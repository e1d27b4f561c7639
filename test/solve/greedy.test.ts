import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario, instanceSizes } from '../../src/bench/generate.js';
import { decode } from '../../src/solve/decode.js';
import { greedyStart } from '../../src/solve/greedy.js';
import { isFeasiblePlan } from '../../src/solve/plan-state.js';
import { planObjective } from '../../src/solve/program.js';
import { bruteForce } from '../helpers/brute-force.js';
import { builtProgram, planViolations } from '../helpers/plan-check.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { close } from '../helpers/run.js';
import { threeBidders } from '../helpers/scenario-builder.js';

describe('greedyStart', () => {
  it('meets every row and passes the verifier whenever it returns a plan, and never beats the optimum', () => {
    let plans = 0;
    let compared = 0;
    fc.assert(
      fc.property(randomScenario(), (scenario) => {
        const { lots, program } = builtProgram(scenario);
        const values = greedyStart(program);
        if (values === null) return;
        plans++;
        expect(isFeasiblePlan(program, values)).toBe(true);
        expect(planViolations(scenario, lots, program, values)).toEqual([]);
        const best = bruteForce(scenario);
        if (best === null || best.status !== 'optimal') return;
        compared++;
        const mine = planObjective(program, values);
        const better = program.sense === 'min' ? mine < best.objective : mine > best.objective;
        expect(better && !close(mine, best.objective)).toBe(false);
      }),
      { seed: 42, numRuns: 150 },
    );
    // Most random scenarios get a plan (those that fail need more distinct winners than the greedy finds).
    expect(plans).toBeGreaterThan(90);
    expect(compared).toBeGreaterThan(50);
  });

  it('brings framework members in with the hours a winner needs when the rule wants more winners', () => {
    // A county framework of three, three bidders, three must win: the cheapest member first
    // takes every hour, and the other two must each be given at least an hour.
    const scenario = threeBidders(3);
    const { lots, program } = builtProgram(scenario);
    const values = greedyStart(program);
    expect(values).not.toBeNull();
    expect(planViolations(scenario, lots, program, values ?? [])).toEqual([]);
    const hours = new Map<string, number>();
    for (const a of decode(program, values ?? [], lots, scenario.bids, scenario.weeksPerYear).allocations)
      hours.set(a.providerId, (hours.get(a.providerId) ?? 0) + a.hoursPerWeek);
    for (const p of ['P1', 'P2', 'P3']) expect(hours.get(p) ?? 0, p).toBeGreaterThanOrEqual(1 - 1e-9);
  });

  it('gives a verified plan on generated S and M instances, and leaves the program unchanged', () => {
    for (const size of [instanceSizes.S, instanceSizes.M]) {
      const scenario = generateScenario(size, 3);
      const { lots, program } = builtProgram(scenario);
      const before = JSON.stringify(program);
      const values = greedyStart(program);
      expect(values).not.toBeNull();
      expect(planViolations(scenario, lots, program, values ?? [])).toEqual([]);
      expect(JSON.stringify(program)).toBe(before);
    }
  });
});

describe('isFeasiblePlan', () => {
  it('rejects plans that break a row, a bound or integrality', () => {
    const { program } = builtProgram(generateScenario(instanceSizes.S, 1));
    const values = greedyStart(program) ?? [];
    expect(isFeasiblePlan(program, values)).toBe(true);
    expect(
      isFeasiblePlan(
        program,
        values.map(() => 0),
      ),
    ).toBe(false);
    const unmet = program.variables.findIndex((v) => v.meaning.kind === 'unmet');
    expect(
      isFeasiblePlan(
        program,
        values.map((x, j) => (j === unmet ? 0.5 : x)),
      ),
    ).toBe(false);
    expect(isFeasiblePlan(program, values.slice(1))).toBe(false);
  });
});
