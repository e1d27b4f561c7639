/**
 * Law (a): on small random scenarios the engine's optimum equals an
 * independent brute-force enumeration (test/helpers/brute-force.ts), for both
 * objectives, with HiGHS and with javascript-lp-solver, for every structure
 * whose roles are held whole (sole, lead-secondary, prime-secondaries, one run
 * with prime-secondaries lots only). Framework lots need an LP, so these scenarios have none (the other laws cover frameworks). The
 * scenarios include merged lots (won with one bid per care type, each at its
 * own price) and bids whose price holds only for some lot structures; the
 * counts below say how many runs really exercised each.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { jslpBackend } from '../../src/solve/backend-jslp.js';
import type { SolverBackend } from '../../src/solve/program.js';
import { bruteForce, bruteForceSize } from '../helpers/brute-force.js';
import { randomScenario, type RandomOptions } from '../helpers/random-scenario.js';
import { close, run } from '../helpers/run.js';

/** Enumerations larger than this are skipped (and counted) to keep the suite fast. */
const maxEnumeration = 60_000;

async function agreesWithBruteForce(
  backend: SolverBackend,
  numRuns: number,
  seed: number,
  options: RandomOptions = {},
) {
  const seen = {
    run: 0,
    withLots: 0,
    infeasible: 0,
    skipped: 0,
    meat: 0,
    withUnmet: 0,
    mergedOffersWon: 0,
    restrictedBids: 0,
    restrictedBidsWon: 0,
    /** prime-secondaries lots whose prime and at least one secondary were awarded */
    primeLotsSplit: 0,
  };
  await fc.assert(
    fc.asyncProperty(randomScenario({ framework: false, ...options }), async (scenario) => {
      const size = bruteForceSize(scenario);
      if (size === null) throw new Error('generator made a framework lot');
      if (size > maxEnumeration) {
        seen.skipped++;
        return;
      }
      const brute = bruteForce(scenario);
      const outcome = await run(scenario, backend);
      expect(['ok', 'infeasible'], JSON.stringify(outcome)).toContain(outcome.kind);
      if ((outcome.kind !== 'ok' && outcome.kind !== 'infeasible') || brute === null) return;
      seen.run++;
      if (outcome.result.lots.length > 0) seen.withLots++;
      if (scenario.award.objective === 'meat') seen.meat++;
      const restricted = new Set(
        scenario.bids.filter((b) => (b.structures ?? []).length > 0).map((b) => b.id),
      );
      if (restricted.size > 0) seen.restrictedBids++;
      const allocations = outcome.kind === 'ok' ? outcome.result.allocations : [];
      const won = allocations.flatMap((a) => (a.parts ?? [a]).map((p) => p.bidId));
      if (won.some((id) => restricted.has(id))) seen.restrictedBidsWon++;
      if (allocations.some((a) => (a.parts?.length ?? 0) > 1)) seen.mergedOffersWon++;
      const roles = (lotId: string) =>
        new Set(allocations.filter((a) => a.lotId === lotId).map((a) => a.role));
      const split = (lotId: string) => roles(lotId).has('prime') && roles(lotId).has('secondary');
      if (outcome.kind === 'ok' && outcome.result.lots.some((l) => split(l.lotId))) seen.primeLotsSplit++;
      if (brute.status === 'infeasible') {
        seen.infeasible++;
        expect(outcome.kind).toBe('infeasible');
        return;
      }
      if (outcome.kind !== 'ok')
        throw new Error(`engine says infeasible, brute force found ${brute.objective}`);
      expect(outcome.result.status).toBe('optimal');
      if (outcome.result.totals.unmetHoursPerWeek > 0) seen.withUnmet++;
      expect(
        close(outcome.result.objective.value, brute.objective),
        `engine ${outcome.result.objective.value} vs brute force ${brute.objective}`,
      ).toBe(true);
    }),
    { seed, numRuns },
  );
  return seen;
}

describe('the optimum equals brute force', () => {
  test('HiGHS, 120 random scenarios', async () => {
    const seen = await agreesWithBruteForce(highsBackend, 120, 42);
    console.info('brute force vs highs', seen);
    expect(seen.run).toBeGreaterThanOrEqual(100);
    expect(seen.withLots).toBeGreaterThanOrEqual(95);
    expect(seen.meat).toBeGreaterThanOrEqual(30);
    expect(seen.run - seen.infeasible).toBeGreaterThanOrEqual(70);
    expect(seen.mergedOffersWon).toBeGreaterThanOrEqual(10);
    expect(seen.restrictedBidsWon).toBeGreaterThanOrEqual(20);
  });

  test('HiGHS, 200 random scenarios whose standard lots are prime-secondaries', async () => {
    const seen = await agreesWithBruteForce(highsBackend, 200, 12, { standard: ['prime-secondaries'] });
    console.info('brute force vs highs, prime-secondaries', seen);
    expect(seen.run).toBeGreaterThanOrEqual(190);
    expect(seen.run - seen.infeasible).toBeGreaterThanOrEqual(100);
    expect(seen.primeLotsSplit).toBeGreaterThanOrEqual(15);
    expect(seen.meat).toBeGreaterThanOrEqual(40);
  });

  test('javascript-lp-solver, 60 random scenarios', async () => {
    const seen = await agreesWithBruteForce(jslpBackend, 60, 7);
    console.info('brute force vs jslp', seen);
    expect(seen.run).toBeGreaterThanOrEqual(50);
    expect(seen.withLots).toBeGreaterThanOrEqual(45);
  });
});
