/**
 * Law: with today's caseload (current.csv), a cap on moved hours and the cost
 * of change priced, the engine's optimum equals the brute-force oracle
 * (test/helpers/brute-force.ts), and every award passes the verifier (the
 * pipeline returns `bug` otherwise). The counts say how many runs bound the cap
 * or moved an incumbent because of the price of change.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { transitionSchema } from '../../src/model/contract-settings.js';
import type { CurrentRow, Scenario } from '../../src/model/types.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { bruteForce, bruteForceWithin } from '../helpers/brute-force.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { close, run } from '../helpers/run.js';

const maxEnumeration = 60_000;

/** A random scenario with today's caseload on some of its areas and random transition settings. */
const withTransition = randomScenario({ framework: false }).chain((scenario) =>
  fc
    .record({
      rows: fc.array(
        // Today's provider of an area is mostly one that bids for it, as in a real retender.
        fc.record({
          bid: fc.nat(scenario.bids.length - 1),
          area: fc.nat(9),
          hours: fc.integer({ min: 5, max: 40 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      cap: fc.option(fc.integer({ min: 5, max: 10 }), { nil: undefined, freq: 3 }),
      priceChange: fc.boolean(),
      mobilisation: fc.integer({ min: 0, max: 400 }),
      weeks: fc.integer({ min: 0, max: 8 }),
    })
    .map(({ rows, cap, priceChange, mobilisation, weeks }): Scenario => {
      const current: CurrentRow[] = rows.flatMap((r) => {
        const b = scenario.bids[r.bid];
        const areaId = b?.areaIds[r.area % Math.max(1, b.areaIds.length)];
        return b === undefined || areaId === undefined
          ? []
          : [{ areaId, careType: b.careType, providerId: b.providerId, hours: r.hours }];
      });
      const transition = transitionSchema().parse({
        mobilisationCostPerHour: mobilisation,
        doubleRunningWeeks: weeks,
        priceChange: priceChange && scenario.award.objective === 'cost',
        ...(cap === undefined ? {} : { maxMovedShare: cap / 10 }),
      });
      return { ...scenario, current, transition };
    }),
);

describe('transition rules equal brute force', () => {
  test('HiGHS, 150 random scenarios with a caseload today', async () => {
    const seen = { run: 0, skipped: 0, infeasible: 0, infeasibleByCap: 0, capped: 0, priced: 0, capBinds: 0 };
    await fc.assert(
      fc.asyncProperty(withTransition, async (scenario) => {
        const brute = bruteForceWithin(scenario, maxEnumeration);
        if (brute === null) {
          seen.skipped++;
          return;
        }
        const outcome = await run(scenario, highsBackend);
        expect(['ok', 'infeasible'], JSON.stringify(outcome)).toContain(outcome.kind);
        seen.run++;
        if (scenario.transition?.maxMovedShare !== undefined) seen.capped++;
        if (scenario.transition?.priceChange === true) seen.priced++;
        if (brute.status === 'infeasible') {
          seen.infeasible++;
          const { maxMovedShare: _cap, ...uncapped } = scenario.transition ?? transitionSchema().parse({});
          if (bruteForce({ ...scenario, transition: uncapped })?.status === 'optimal') seen.infeasibleByCap++;
          expect(outcome.kind).toBe('infeasible');
          return;
        }
        if (outcome.kind !== 'ok') throw new Error(`engine: ${outcome.kind}, brute force ${brute.objective}`);
        const t = outcome.result.transition;
        const cap = scenario.transition?.maxMovedShare;
        if (cap !== undefined && t !== undefined && t.movedShare > cap - 0.05) seen.capBinds++;
        expect(
          close(outcome.result.objective.value, brute.objective),
          `engine ${outcome.result.objective.value} vs brute force ${brute.objective}`,
        ).toBe(true);
      }),
      { seed: 15, numRuns: 150 },
    );
    console.info('transition vs brute force', seen);
    // Seed 15 (2026-11-30): 150 run, 55 with an award, 14 with the cap nearly or fully used,
    // 36 with no award only because of the cap, 37 with change priced.
    expect(seen.run).toBeGreaterThanOrEqual(140);
    expect(seen.run - seen.infeasible).toBeGreaterThanOrEqual(40);
    expect(seen.capBinds).toBeGreaterThanOrEqual(8);
    expect(seen.infeasibleByCap).toBeGreaterThanOrEqual(20);
    expect(seen.priced).toBeGreaterThanOrEqual(25);
  });
});
