/**
 * Laws of risk (issue "Honest decisions"): unbought care is the worst risk.
 *  (a) a lot with no winner scores risk 100, supply 1;
 *  (b) holding the award fixed, a lot's risk never falls as its unmet hours grow;
 *  (c) county risk is never below 100 × the demand-weighted unmet share;
 *  (d) taking every winner out of a lot makes it 100 and never lowers the county's floor.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Allocation, Lot, Scenario } from '../../src/model/types.js';
import { scoreAward } from '../../src/scoring/score-award.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { run } from '../helpers/run.js';

const unmetShare = (lots: readonly Lot[], unmet: ReadonlyMap<string, number>) => {
  const demand = lots.reduce((t, l) => t + l.demand, 0);
  return demand > 0 ? lots.reduce((t, l) => t + (unmet.get(l.id) ?? 0), 0) / demand : 0;
};

/** The award's allocations, lots and unmet hours as the scoring stage sees them. */
async function awarded(scenario: Scenario) {
  const outcome = await run(scenario);
  if (outcome.kind !== 'ok') return null;
  const unmet = new Map(outcome.result.lots.map((l) => [l.lotId, l.unmetHoursPerWeek]));
  return {
    scenario: { ...scenario, zoning: outcome.result.zoning },
    lots: outcome.lots,
    allocations: outcome.result.allocations,
    unmet,
  };
}

const withPick = randomScenario().chain((s) =>
  fc.record({ s: fc.constant(s), pick: fc.nat(20), extra: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
);

describe('unbought care is the worst risk', () => {
  test('(a)-(d) on random awards', async () => {
    const seen = { awards: 0, emptyLots: 0, grown: 0, emptied: 0 };
    await fc.assert(
      fc.asyncProperty(withPick, async ({ s, pick, extra }) => {
        const award = await awarded(s);
        if (award === null || award.lots.length === 0) return;
        seen.awards++;
        const scores = scoreAward(award);
        // (a)
        for (const lot of award.lots) {
          const held = award.allocations.some(
            (a) => a.lotId === lot.id && a.role !== 'backup' && a.hoursPerWeek > 0,
          );
          if (held) continue;
          seen.emptyLots++;
          expect(scores.lots.get(lot.id)?.riskScore).toBe(100);
          expect(scores.lots.get(lot.id)?.risk['supply']).toBe(1);
        }
        // (c)
        expect(scores.riskScore).toBeGreaterThanOrEqual(100 * unmetShare(award.lots, award.unmet) - 0.05);
        // (b): more unmet hours in one lot, the award held fixed
        const lot = award.lots[pick % award.lots.length];
        if (lot === undefined) throw new Error('no lot');
        const before = scores.lots.get(lot.id)?.riskScore ?? NaN;
        const more = new Map(award.unmet);
        more.set(lot.id, Math.min(lot.demand, (award.unmet.get(lot.id) ?? 0) + extra * lot.demand));
        const grown = scoreAward({ ...award, unmet: more });
        expect(grown.lots.get(lot.id)?.riskScore).toBeGreaterThanOrEqual(before);
        expect(grown.riskScore).toBeGreaterThanOrEqual(scores.riskScore);
        seen.grown++;
        // (d): nobody holds the lot any more
        const emptied: Allocation[] = award.allocations.filter((a) => a.lotId !== lot.id);
        const allUnmet = new Map(award.unmet).set(lot.id, lot.demand);
        const after = scoreAward({ ...award, allocations: emptied, unmet: allUnmet });
        expect(after.lots.get(lot.id)?.riskScore).toBe(100);
        expect(after.riskScore).toBeGreaterThanOrEqual(100 * unmetShare(award.lots, allUnmet) - 0.05);
        seen.emptied++;
      }),
      // 150 runs: random scenarios include prime-secondaries lots (three providers each), which more often have no award.
      { seed: 9, numRuns: 150 },
    );
    console.info('risk laws', seen);
    expect(seen.awards).toBeGreaterThanOrEqual(80);
    expect(seen.grown).toBe(seen.awards);
    expect(seen.emptyLots).toBeGreaterThanOrEqual(5);
  });

  test("an award that buys nobody's care scores 100, above any award that buys care", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario(), async (s) => {
        const award = await awarded(s);
        if (award === null || award.lots.length === 0) return;
        const nothing = scoreAward({
          ...award,
          allocations: [],
          unmet: new Map(award.lots.map((l) => [l.id, l.demand])),
        });
        expect(nothing.riskScore).toBe(100);
        expect(nothing.riskScore).toBeGreaterThanOrEqual(scoreAward(award).riskScore);
        compared++;
      }),
      { seed: 5, numRuns: 60 },
    );
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});
