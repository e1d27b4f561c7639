/**
 * The scoring stage on the bundled Hertfordshire scenario: a golden file of
 * every score, and the law that permuting input rows changes no score.
 */
import { readFile, writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { runScenario } from '../../src/pipeline.js';
import { buildLots } from '../../src/lots/build-lots.js';
import { scoreAward } from '../../src/scoring/score-award.js';
import { highsBackend } from '../../src/solve/backend-highs.js';

const goldenFile = new URL('./golden/hertfordshire-scores.json', import.meta.url);
let scenario: Scenario;
let result: Result;

/** Every score of a result, rounded to stable precision. */
function scoresOf(r: Pick<Result, 'lots' | 'providers' | 'flags' | 'totals'>) {
  return {
    totals: { riskScore: r.totals.riskScore, viabilityScore: r.totals.viabilityScore },
    lots: r.lots.map((l) => ({
      lotId: l.lotId,
      costFloorPerHour: l.costFloorPerHour,
      riskScore: l.riskScore,
      risk: l.risk,
      zoneViability: l.zoneViability?.score ?? null,
    })),
    providers: r.providers.map((p) => ({
      providerId: p.providerId,
      viabilityScore: p.viabilityScore,
      viability: p.viability,
    })),
    flags: r.flags.map((f) => `${f.lotId} ${f.bidId} ${f.kind} ${f.pricePerHour} < ${f.floorPerHour}`),
  };
}

beforeAll(async () => {
  const read = await readScenario(new URL('../../scenarios/hertfordshire', import.meta.url).pathname);
  if (read.scenario === null) throw new Error('hertfordshire did not load');
  scenario = read.scenario;
  const outcome = await runScenario(scenario, {
    backend: highsBackend,
    timeLimit: 30,
    inputHash: 't',
    version: 't',
    ruleCosts: false,
  });
  if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
  result = outcome.result;
});

describe('Hertfordshire scores', () => {
  it('match the golden file (regenerate with UPDATE_GOLDEN=1 after a deliberate model change)', async () => {
    const actual = scoresOf(result);
    if (process.env['UPDATE_GOLDEN'] === '1')
      await writeFile(goldenFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(await readFile(goldenFile, 'utf8')));
  });

  it("reject SwiftCare's £20.80 Broxbourne bid as below legal pay and give every lot a reasoned risk", () => {
    expect(result.lots.find((l) => l.lotId === 'standard:Z-BRX')?.rejectedBidIds).toContain('B-SWI-S-BRX');
    expect(result.allocations.some((a) => a.bidId === 'B-SWI-S-BRX' && a.lotId === 'standard:Z-BRX')).toBe(
      false,
    );
    expect(result.warnings.some((w) => w.includes('B-SWI-S-BRX') && w.includes('legal wages'))).toBe(true);
    for (const lot of result.lots) {
      expect(lot.riskScore).toBeGreaterThan(0);
      for (const c of Object.values(lot.riskDetail ?? {})) expect(c.reason.length).toBeGreaterThan(10);
    }
  });

  it('law: permuting input rows changes no score', () => {
    const lots = buildLots(scenario, scenario.zonings.get(scenario.zoning) ?? new Map());
    const base = scoreAward({ scenario, lots, allocations: result.allocations, unmet: new Map() });
    const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    let ran = 0;
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        ran++;
        const shuffle = <T>(xs: readonly T[]) =>
          fc.sample(fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length }), {
            seed,
            numRuns: 1,
          })[0] ?? [...xs];
        const permuted: Scenario = {
          ...scenario,
          areas: shuffle(scenario.areas),
          providers: shuffle(scenario.providers),
          bids: shuffle(scenario.bids),
          demand: shuffle([...scenario.demand]),
          current: shuffle(scenario.current),
        };
        const again = scoreAward({
          scenario: permuted,
          lots: shuffle(lots),
          allocations: shuffle(result.allocations),
          unmet: new Map(),
        });
        return json(again) === json(base);
      }),
      { seed: 42, numRuns: 10 },
    );
    expect(ran).toBe(10);
  });
});
