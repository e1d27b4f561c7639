/**
 * The bound by provider blocks (src/solve/block-bound.ts) is a bound: on random
 * tenders (every lot structure, frameworks, merged lots, packages, share and lots
 * caps, distinct winners, both objectives) it never passes HiGHS's optimum and is
 * never weaker than the LP relaxation; exact pricing (block-search.ts) finds the
 * same least reduced cost as HiGHS on the block's own MIP; and on the bench's M
 * it gives the figure the session-15 prototype gave.
 */
import fc from 'fast-check';
import type { Highs } from 'highs';
import { describe, expect, it } from 'vitest';
import { generateScenario, instanceSizes } from '../../src/bench/generate.js';
import { tenderLots } from '../../src/lots/tender-lots.js';
import type { Scenario } from '../../src/model/types.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { blockBound } from '../../src/solve/block-bound.js';
import { blockPricer } from '../../src/solve/block-price.js';
import { blockShape } from '../../src/solve/block-shape.js';
import { searchPacking } from '../../src/solve/block-search.js';
import { buildProgram } from '../../src/solve/build-program.js';
import type { Program } from '../../src/solve/program.js';
import { providerBlocks } from '../../src/solve/provider-blocks.js';
import { loadHighs } from '../helpers/highs-runtime.js';
import { randomScenario } from '../helpers/random-scenario.js';

const highs = loadHighs();

const programOf = (scenario: Scenario): Program => buildProgram(scenario, tenderLots(scenario).lots);
const relaxed = (p: Program): Program => ({
  ...p,
  variables: p.variables.map((v) => ({ ...v, integer: false })),
});
const optimum = async (p: Program) => highsBackend.solve(p, { timeLimit: 30, relativeGap: 1e-9 });
/** Tolerance in the objective's units: HiGHS's own feasibility and gap tolerances. */
const slack = (x: number) => 1e-6 * Math.max(1, Math.abs(x));

describe('blockBound', () => {
  it('lies between the LP relaxation and the optimum on random tenders', async () => {
    const h = await highs;
    const seen = { bounds: 0, aboveRelaxation: 0, meat: 0, infeasible: 0 };
    await fc.assert(
      fc.asyncProperty(randomScenario(), async (scenario) => {
        const program = programOf(scenario);
        const result = blockBound(h, program, { timeLimit: 30 });
        const [best, lp] = [await optimum(program), await optimum(relaxed(program))];
        if (result.status === 'infeasible') {
          expect(best.status).toBe('infeasible');
          return void seen.infeasible++;
        }
        if (best.status !== 'optimal' || lp.status !== 'optimal') return;
        seen.bounds++;
        // in the minimised sense: relaxation ≤ bound ≤ optimum
        const s = program.sense === 'min' ? 1 : -1;
        if (s < 0) seen.meat++;
        expect(s * result.bound, `bound ${result.bound}, optimum ${best.objective}`).toBeLessThanOrEqual(
          s * best.objective + slack(best.objective),
        );
        expect(s * result.bound, `bound ${result.bound}, relaxation ${lp.objective}`).toBeGreaterThanOrEqual(
          s * lp.objective - slack(lp.objective),
        );
        if (s * result.bound > s * lp.objective + slack(lp.objective)) seen.aboveRelaxation++;
      }),
      { seed: 15, numRuns: 120 },
    );
    // seed 15: how many runs really tested the law, and how many bounds were stronger than the LP's
    expect(seen.bounds).toBeGreaterThan(60);
    expect(seen.meat).toBeGreaterThan(10);
    // small tenders mostly have integral relaxations at the provider split; M and L show the strength
    expect(seen.aboveRelaxation).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it("gives the prototype's figure on the bench's M (seed 1), which is M's optimum", async () => {
    const h = await highs;
    const program = programOf(generateScenario(instanceSizes.M, 1));
    const result = blockBound(h, program, { timeLimit: 60 });
    const best = await optimum(program);
    expect(result.status).toBe('bound');
    if (result.status !== 'bound' || best.status !== 'optimal') throw new Error('no bound or no optimum');
    // /tmp/xl15/cg2.mjs M1.json --lpstart --pricer custom --box 0.01: "best bound 76352851.53"
    expect(Math.abs(result.bound - 76_352_851.53)).toBeLessThan(1);
    expect(result.bound).toBeLessThanOrEqual(best.objective + slack(best.objective));
    // and stronger than the LP relaxation (76,266,972)
    const lp = await optimum(relaxed(program));
    if (lp.status !== 'optimal') throw new Error('no relaxation');
    expect(result.bound).toBeGreaterThan(lp.objective + 50_000);
  }, 60_000);
});

/** Prices every block of the exact search's shape at reduced costs from `random`, exactly and by HiGHS; what was priced. */
function compareBlocks(
  h: Highs,
  program: Program,
  random: () => number,
  seen: { priced: number; negative: number; indicatorOn: number },
) {
  for (const block of providerBlocks(program).blocks) {
    const shape = blockShape(program, block);
    if (shape === null || block.variables.length === 0) continue;
    // reduced costs: each variable's cost against a random price for what it covers
    const rc = Float64Array.from(
      block.variables,
      (v) => (Math.abs(program.variables[v]?.cost ?? 0) + 1) * (random() * 2 - 1.2),
    );
    const a = searchPacking(shape, rc, 2_000_000);
    if (a === null) continue; // HiGHS prices it in the solve
    const byHighs = blockPricer(h, program, block, { nodes: 0 });
    const b = byHighs.price(rc);
    byHighs.dispose();
    if (b === 'infeasible') throw new Error('a block allows the empty packing');
    seen.priced++;
    if (a.value < 0) seen.negative++;
    if (a.chosen.some((k) => shape.indicators.has(k))) seen.indicatorOn++;
    expect(Math.abs(a.value - b.value), `exact ${a.value}, HiGHS ${b.value}`).toBeLessThanOrEqual(
      slack(b.value),
    );
  }
}

const lcg = (seed: number) => {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
};

describe('exact pricing of a block', () => {
  it("finds HiGHS's least reduced cost on the blocks of the bench's M (seed 1)", async () => {
    const h = await highs;
    const program = programOf(generateScenario(instanceSizes.M, 1));
    const seen = { priced: 0, negative: 0, indicatorOn: 0 };
    const random = lcg(17);
    for (let draw = 0; draw < 4; draw++) compareBlocks(h, program, random, seen);
    // M's 25 providers whose blocks have the search's shape, four draws each
    expect(seen.priced).toBe(100);
    expect(seen.negative).toBeGreaterThan(50);
  }, 60_000);

  it("finds HiGHS's least reduced cost on the blocks of random tenders", async () => {
    const h = await highs;
    const seen = { priced: 0, negative: 0, indicatorOn: 0 };
    await fc.assert(
      fc.asyncProperty(randomScenario(), fc.integer({ min: 1, max: 2 ** 30 }), async (scenario, seed) => {
        compareBlocks(h, programOf(scenario), lcg(seed), seen);
      }),
      { seed: 16, numRuns: 200 },
    );
    expect(seen.priced).toBeGreaterThan(150);
    expect(seen.negative).toBeGreaterThan(40);
    // seed 16: 8 blocks whose cheapest packing wins enough hours to count the provider as a winner
    expect(seen.indicatorOn).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
