/**
 * Every backend, the same laws: on small random scenarios the pipeline with
 * HiGHS, javascript-lp-solver and (when installed) native CBC returns an
 * award that passes the independent verifier (the pipeline returns 'bug'
 * otherwise) with the brute-force optimum's objective. The scenarios include
 * merged lots (sole, lead-secondary and framework) won with one bid per care
 * type, and bids priced only for some lot structures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { cbcBackend, isCbcAvailable } from '../../src/solve/backend-cbc.js';
import { jslpBackend } from '../../src/solve/backend-jslp.js';
import type { SolverBackend } from '../../src/solve/program.js';
import { bruteForce } from '../helpers/brute-force.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { close, run } from '../helpers/run.js';

const cbcInstalled = isCbcAvailable();
/** Random scenarios with reablement merged into standard, for every backend. */
const mergedRuns = 80;

const backends: readonly {
  readonly name: string;
  readonly backend: () => SolverBackend;
  readonly runs: number;
  readonly available: boolean;
}[] = [
  { name: 'highs', backend: () => highsBackend, runs: 60, available: true },
  { name: 'jslp', backend: () => jslpBackend, runs: 60, available: true },
  { name: 'cbc', backend: () => cbcBackend(), runs: 30, available: cbcInstalled },
];

describe.each(backends)('backend $name', ({ backend, runs, available }) => {
  it.skipIf(!available)('finds the brute-force optimum, verified', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario({ framework: false }), async (scenario) => {
        const best = bruteForce(scenario);
        if (best === null) throw new Error('brute force refused a scenario without framework lots');
        const outcome = await run(scenario, backend());
        checked++;
        if (best.status === 'infeasible') {
          expect(outcome.kind).toBe('infeasible');
        } else {
          if (outcome.kind !== 'ok') throw new Error(`expected an award, got ${JSON.stringify(outcome)}`);
          expect(outcome.result.status).toBe('optimal');
          expect(close(outcome.result.objective.value, best.objective, 1e-5)).toBe(true);
        }
      }),
      { seed: 42, numRuns: runs },
    );
    expect(checked).toBe(runs);
  });

  it.skipIf(!available)('agrees with HiGHS on scenarios with framework lots, verified', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario({ framework: true }), async (scenario) => {
        const [mine, reference] = [await run(scenario, backend()), await run(scenario, highsBackend)];
        expect(['ok', 'infeasible']).toContain(reference.kind);
        expect(mine.kind).toBe(reference.kind);
        checked++;
        if (mine.kind === 'ok' && reference.kind === 'ok') {
          expect(mine.result.status).toBe(reference.result.status);
          expect(close(mine.result.objective.value, reference.result.objective.value, 1e-5)).toBe(true);
        }
      }),
      { seed: 7, numRuns: Math.round(runs / 2) },
    );
    expect(checked).toBe(Math.round(runs / 2));
  });

  it.skipIf(!available)(
    'on merged lots of every structure: brute force where it applies, else HiGHS; verified',
    async () => {
      const won = { sole: 0, 'lead-secondary': 0, framework: 0, 'prime-secondaries': 0 };
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(randomScenario({ merge: true }), async (scenario) => {
          const mine = await run(scenario, backend());
          expect(['ok', 'infeasible']).toContain(mine.kind);
          if (mine.kind !== 'ok' && mine.kind !== 'infeasible') return;
          checked++;
          const best = bruteForce(scenario);
          const reference = best === null ? await run(scenario, highsBackend) : null;
          const status =
            best?.status ??
            (reference?.kind === 'ok'
              ? reference.result.status
              : reference?.kind === 'infeasible'
                ? 'infeasible'
                : 'missing');
          expect(mine.result.status).toBe(status);
          if (mine.kind !== 'ok') return;
          const objective =
            best === null
              ? reference?.kind === 'ok'
                ? reference.result.objective.value
                : NaN
              : best.status === 'optimal'
                ? best.objective
                : NaN;
          if (status !== 'infeasible') expect(close(mine.result.objective.value, objective, 1e-5)).toBe(true);
          for (const lot of mine.result.lots)
            if (mine.result.allocations.some((a) => a.lotId === lot.lotId && (a.parts?.length ?? 0) > 1))
              won[lot.structure]++;
        }),
        { seed: 5, numRuns: mergedRuns },
      );
      console.info('merged lots won with offers, by structure', won);
      expect(checked).toBe(mergedRuns);
      // Offers of a standard and a reablement bid really won lots of each structure.
      for (const structure of ['sole', 'lead-secondary', 'framework', 'prime-secondaries'] as const)
        expect(won[structure], structure).toBeGreaterThanOrEqual(2);
    },
  );
});
