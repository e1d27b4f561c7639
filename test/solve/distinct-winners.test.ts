/**
 * Rule 7 (award.minDistinctProviders) counts a provider only when it is awarded
 * hours: a framework place held with none is not work won, the same as a
 * back-up place (docs/scenario-files.md).
 */
import { describe, expect, test } from 'vitest';
import { leastHoursOfAWinner } from '../../src/model/types.js';
import { tenderLots } from '../../src/lots/tender-lots.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { buildFullProgram } from '../../src/solve/build-program.js';
import { jslpBackend } from '../../src/solve/backend-jslp.js';
import { verifyAward } from '../../src/verify/verify.js';
import { awardOrDiagnosis, solved } from '../helpers/run.js';
import {
  area,
  bid,
  demand,
  lotEntry,
  makeScenario,
  provider,
  threeBidders,
} from '../helpers/scenario-builder.js';

const hoursByProvider = (allocations: readonly { providerId: string; hoursPerWeek: number }[]) => {
  const hours = new Map<string, number>();
  for (const a of allocations) hours.set(a.providerId, (hours.get(a.providerId) ?? 0) + a.hoursPerWeek);
  return hours;
};

describe('a provider counts towards award.minDistinctProviders only with hours', () => {
  test.each([
    ['highs', highsBackend],
    ['jslp', jslpBackend],
  ] as const)(
    '%s: three framework members must each hold hours, and the award is verified',
    async (_, backend) => {
      const s = threeBidders(3);
      const result = await solved(s, backend);
      const hours = hoursByProvider(result.allocations);
      expect([...hours.keys()].sort()).toEqual(['P1', 'P2', 'P3']);
      for (const [providerId, h] of hours)
        expect(h, providerId).toBeGreaterThanOrEqual(leastHoursOfAWinner - 1e-6);
      expect(result.totals.unmetHoursPerWeek).toBe(0);
      expect(verifyAward(s, { ...result, annualCost: result.totals.annualCost })).toEqual([]);
    },
  );

  test('without the rule the cheapest member takes every hour', async () => {
    const result = await solved(threeBidders(0));
    expect([...hoursByProvider(result.allocations)].filter(([, h]) => h > 0)).toEqual([['P1', 200]]);
  });

  test('zero-hour back-ups do not count either: no award meets the rule', async () => {
    const outcome = await awardOrDiagnosis(threeBidders(2, true));
    expect(outcome.status).toBe('infeasible');
  });
});

describe("a provider's wins row", () => {
  test('weighs a yes-or-no role at most the hours a winner needs, a framework share by its hours', () => {
    // Lead roles of 80 hours and framework shares in one tender: the relaxation must not count
    // a provider whole for a hundredth of a role (a weight of 80 would), nor cap a share's hours.
    const s = makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z1', A2: 'Z2' },
      demand: [demand('A1', 100), demand('A2', 100), demand('A1', 30, { careType: 'complex' })],
      providers: [provider('P1'), provider('P2')],
      bids: [
        bid('B1', 'P1', ['A1', 'A2'], { price: 25 }),
        bid('B2', 'P2', ['A1', 'A2'], { price: 26 }),
        bid('C1', 'P1', ['A1'], { price: 30, careType: 'complex' }),
        bid('C2', 'P2', ['A1'], { price: 31, careType: 'complex' }),
      ],
      lotPlan: {
        standard: lotEntry({ structure: 'lead-secondary', leadShare: 0.8 }),
        complex: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2, minShare: 0 }),
      },
      award: { minDistinctProviders: 2 },
    });
    const program = buildFullProgram(s, tenderLots(s).lots);
    const weights = program.rows
      .filter((r) => r.name.startsWith('wins['))
      .flatMap((r) => r.terms.slice(1).map(([v, c]) => ({ variable: program.variables[v], weight: -c })));
    const binary = weights.filter((w) => w.variable?.integer === true && w.variable.upper <= 1);
    const shares = weights.filter((w) => w.variable?.integer === false);
    expect(binary.length).toBeGreaterThan(0);
    expect(shares.length).toBeGreaterThan(0);
    for (const w of binary) expect(w.weight, w.variable?.name).toBe(leastHoursOfAWinner);
    // A share weighs its hours, uncapped: a provider holding a whole share counts.
    for (const w of shares)
      expect(w.weight * (w.variable?.upper ?? 0), w.variable?.name).toBeGreaterThanOrEqual(
        leastHoursOfAWinner,
      );
  });
});
