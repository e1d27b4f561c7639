/**
 * The neighbourhood search (src/solve/neighbourhood-search.ts) only ever hands back a
 * plan that keeps every row and passes the independent verifier, never a worse one
 * than it was given and the same one on every run, from the greedy start on random
 * tenders of every lot structure and rule; and from the greedy start on the bench's S
 * and M, 0.005-0.46% dearer than the optimum, the optimum itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario, instanceSizes } from '../../src/bench/generate.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { greedyStart } from '../../src/solve/greedy.js';
import { searchNeighbourhoods } from '../../src/solve/neighbourhood-search.js';
import { isFeasiblePlan } from '../../src/solve/plan-state.js';
import { planObjective, type Program } from '../../src/solve/program.js';
import { loadHighs } from '../helpers/highs-runtime.js';
import { builtProgram, planViolations } from '../helpers/plan-check.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { close } from '../helpers/run.js';

const highs = await loadHighs();

/** Seconds enough that a small tender's search ends by running out of rounds, not time. */
const generous = (seconds: number) => ({ until: performance.now() + seconds * 1000, settled: () => false });

/** How much better `b` is than `a` in the program's sense (negative: worse). */
const gain = (program: Program, a: readonly number[], b: readonly number[]) =>
  (program.sense === 'min' ? 1 : -1) * (planObjective(program, a) - planObjective(program, b));

describe('searchNeighbourhoods', () => {
  it('hands back a verified plan, never worse than its start and the same on every run', () => {
    const seen = { searched: 0, improved: 0, meat: 0 };
    fc.assert(
      fc.property(randomScenario(), (scenario) => {
        const { lots, program } = builtProgram(scenario);
        const start = greedyStart(program);
        if (start === null) return; // counted below: most random tenders have a greedy plan
        seen.searched++;
        const found = searchNeighbourhoods(highs, program, start, generous(20));
        expect(isFeasiblePlan(program, found)).toBe(true);
        expect(planViolations(scenario, lots, program, found)).toEqual([]);
        const better = gain(program, start, found);
        expect(better).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, Math.abs(planObjective(program, start))));
        expect(searchNeighbourhoods(highs, program, start, generous(20))).toEqual(found);
        if (better > 1e-6) seen.improved++;
        if (program.sense === 'max') seen.meat++;
      }),
      { seed: 21, numRuns: 80 },
    );
    expect(seen.searched).toBeGreaterThan(40);
    // The greedy start is already the optimum of most tenders this small (brute force: greedy.test.ts).
    expect(seen.improved).toBeGreaterThan(1);
    expect(seen.meat).toBeGreaterThan(5);
  }, 120_000);

  it("reaches HiGHS's optimum from the greedy start on the bench's S and M", async () => {
    const tenders = [1, 2, 3, 4, 5].map((seed) => generateScenario(instanceSizes.S, seed));
    tenders.push(...[1, 2, 3].map((seed) => generateScenario(instanceSizes.M, seed)));
    for (const scenario of tenders) {
      const { lots, program } = builtProgram(scenario);
      const start = greedyStart(program);
      if (start === null) throw new Error('no greedy plan');
      const found = searchNeighbourhoods(highs, program, start, generous(30));
      expect(planViolations(scenario, lots, program, found)).toEqual([]);
      const optimum = await highsBackend.solve(program, { timeLimit: 60, relativeGap: 1e-6 });
      if (optimum.status !== 'optimal') throw new Error(optimum.status);
      const [greedy, searched] = [planObjective(program, start), planObjective(program, found)];
      expect(close(greedy, optimum.objective)).toBe(false); // a start with room to improve
      expect(close(searched, optimum.objective), `${searched} against ${optimum.objective}`).toBe(true);
    }
  }, 120_000);

  it('stops at once when its start is good enough or its time is up', () => {
    const { program } = builtProgram(generateScenario(instanceSizes.M, 1));
    const start = greedyStart(program) ?? [];
    const asGiven = searchNeighbourhoods(highs, program, start, {
      until: performance.now() + 30_000,
      settled: () => true,
    });
    expect(asGiven).toEqual(start);
    const late = searchNeighbourhoods(highs, program, start, {
      until: performance.now() - 1,
      settled: () => false,
    });
    expect(late).toEqual(start);
  });
});
