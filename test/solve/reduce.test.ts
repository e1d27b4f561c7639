/**
 * The pre-solve reductions (src/solve/reduce.ts) keep the optimum: on random
 * scenarios (every lot structure, frameworks, merged lots, packages, both
 * objectives) HiGHS finds the same optimum, or the same infeasibility, with and
 * without them; and on hand-made tenders they remove exactly the variables
 * their rules allow, and keep those a binding limit or a package still needs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario, instanceSizes } from '../../src/bench/generate.js';
import { tenderLots } from '../../src/lots/tender-lots.js';
import type { Bid, Scenario } from '../../src/model/types.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { buildFullProgram } from '../../src/solve/build-program.js';
import type { Program, SolverOutcome } from '../../src/solve/program.js';
import { reduceProgram } from '../../src/solve/reduce.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { close } from '../helpers/run.js';
import { area, bid, demand, lotEntry, makeScenario, provider } from '../helpers/scenario-builder.js';

const fullProgram = (scenario: Scenario): Program => buildFullProgram(scenario, tenderLots(scenario).lots);

const solve = (program: Program): Promise<SolverOutcome> =>
  highsBackend.solve(program, { timeLimit: 30, relativeGap: 1e-9 });

const names = (program: Program): Set<string> => new Set(program.variables.map((v) => v.name));

/** Same optimum (or both infeasible) for the full and the reduced program; true when variables were removed. */
async function sameOptimum(full: Program): Promise<boolean> {
  const reduced = reduceProgram(full);
  const [a, b] = [await solve(full), await solve(reduced)];
  expect(b.status).toBe(a.status);
  if (a.status === 'optimal' && b.status === 'optimal')
    expect(close(b.objective, a.objective, 1e-7), `${b.objective} vs ${a.objective}`).toBe(true);
  return reduced.variables.length < full.variables.length;
}

describe('reduceProgram keeps the optimum', () => {
  it('on random scenarios: every lot structure, frameworks, merged lots, packages, both objectives', async () => {
    let runs = 0;
    let reduced = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario(), async (scenario) => {
        runs++;
        if (await sameOptimum(fullProgram(scenario))) reduced++;
      }),
      { seed: 7, numRuns: 150 },
    );
    expect(runs).toBe(150);
    // The law is only tested where something was removed: 55 of these 150 (seed 7) give the rules something to remove.
    expect(reduced).toBeGreaterThan(40);
  });

  it('on the bench tenders S and M (generated, seed 1)', async () => {
    for (const size of [instanceSizes.S, instanceSizes.M]) {
      const full = fullProgram(generateScenario(size, 1));
      expect(await sameOptimum(full)).toBe(true);
    }
  });
});

/** One zone of 100 hours (lead 80, secondary 20) and a second of 50 (lead 40, secondary 10); P1 has two bids. */
function tender(b1: Partial<Bid>, b2: Partial<Bid>): Scenario {
  return makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z2' },
    demand: [demand('A1', 100), demand('A2', 50)],
    providers: [provider('P1', { maxHours: 1000 }), provider('P2'), provider('P3')],
    bids: [
      bid('B1', 'P1', ['A1', 'A2'], { price: 20, ...b1 }),
      bid('B2', 'P1', ['A1'], { price: 21, ...b2 }),
      bid('B3', 'P2', ['A1', 'A2'], { price: 22 }),
      bid('B4', 'P3', ['A1', 'A2'], { price: 23 }),
    ],
    lotPlan: { standard: lotEntry({ structure: 'lead-secondary', leadShare: 0.8 }) },
  });
}

describe('reduceProgram removes what no optimal award needs, and nothing else', () => {
  it("removes a provider's dearer bid when its cheaper bid can carry everything it could win", () => {
    const full = fullProgram(tender({}, {}));
    const kept = names(reduceProgram(full));
    expect(names(full)).toContain('a[B2,standard:Z1,lead]');
    expect(kept).not.toContain('a[B2,standard:Z1,lead]');
    expect(kept).not.toContain('a[B2,standard:Z1,secondary]');
    expect(kept).toContain('a[B1,standard:Z1,lead]');
  });

  it("keeps the dearer bid when the cheaper one's hour limit can bind (80 + 40 hours of leads against 100)", () => {
    const kept = names(reduceProgram(fullProgram(tender({ maxHours: 100 }, {}))));
    expect(kept).toContain('a[B2,standard:Z1,lead]');
  });

  it("removes it when the provider's own limit keeps the cheaper bid within its limit, and keeps it when not", () => {
    const withProviderLimit = (hours: number): Scenario => {
      const scenario = tender({ maxHours: 100 }, {});
      const providers = scenario.providers.map((p) => (p.id === 'P1' ? { ...p, maxHours: hours } : p));
      return { ...scenario, providers };
    };
    expect(names(reduceProgram(fullProgram(withProviderLimit(100))))).not.toContain('a[B2,standard:Z1,lead]');
    expect(names(reduceProgram(fullProgram(withProviderLimit(110))))).toContain('a[B2,standard:Z1,lead]');
  });

  it('keeps bids in packages, on either side', () => {
    expect(names(reduceProgram(fullProgram(tender({ packageId: 'K' }, {}))))).toContain(
      'a[B2,standard:Z1,lead]',
    );
    expect(names(reduceProgram(fullProgram(tender({}, { packageId: 'K' }))))).toContain(
      'a[B2,standard:Z1,lead]',
    );
  });

  it('removes a role larger than the bid can serve, and keeps every unmet variable', () => {
    const full = fullProgram(tender({}, { maxHours: 50 }));
    const kept = names(reduceProgram(full));
    expect(kept).not.toContain('a[B2,standard:Z1,lead]');
    for (const v of full.variables) if (v.meaning.kind === 'unmet') expect(kept).toContain(v.name);
  });

  it('leaves its input unchanged', () => {
    const full = fullProgram(tender({}, {}));
    const before = JSON.stringify(full);
    reduceProgram(full);
    expect(JSON.stringify(full)).toBe(before);
  });
});
