import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLots } from '../../src/lots/build-lots.js';
import type { Scenario } from '../../src/model/types.js';
import { explainAward } from '../../src/explain/explain-lot.js';
import { relaxations, relaxedAwardsMeanwhile, ruleCosts } from '../../src/explain/rule-costs.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { buildProgram } from '../../src/solve/build-program.js';
import type { SolverBackend } from '../../src/solve/program.js';
import {
  area,
  bid,
  demand,
  lotEntry,
  makeScenario,
  provider,
  twoAreaZones,
} from '../helpers/scenario-builder.js';
import { solved, watchedHighs } from '../helpers/run.js';
import { runScenario, type RunOptions } from '../../src/pipeline.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { readScenario } from '../../src/io/read-scenario.js';

/** Two sole zones of 100 h; P1 is cheapest in both but the share cap (60%) lets it take one. */
const cappedParts = () => ({
  areas: [area('A1'), area('A2')],
  zones: { A1: 'Z1', A2: 'Z2' },
  demand: [demand('A1', 100), demand('A2', 100)],
  providers: [provider('P1'), provider('P2')],
  bids: [
    bid('B1', 'P1', ['A1', 'A2'], { price: 20 }),
    bid('B2', 'P2', ['A1'], { price: 25 }),
    bid('B3', 'P2', ['A2'], { price: 30 }),
  ],
  lotPlan: { standard: lotEntry({ structure: 'sole' }) },
});

/** One area, zone Z1, 100 h of standard demand, and three providers. */
const oneArea = () => ({
  areas: [area('A1')],
  zones: { A1: 'Z1' },
  demand: [demand('A1', 100)],
  providers: [provider('P1'), provider('P2'), provider('P3')],
});

function capped(): Scenario {
  return makeScenario({ ...cappedParts(), award: { maxShareOfTotalHours: 0.6 } });
}

/** The whole pipeline with the rule costs, as `zonal solve` runs it. */
const runWithRuleCosts = (s: Scenario, backend: SolverBackend, more: Partial<RunOptions> = {}) =>
  runScenario(s, { backend, timeLimit: 30, inputHash: 't', version: 't', ruleCosts: true, ...more });

const lotsOf = (s: Scenario) => buildLots(s, s.zonings.get(s.zoning) ?? new Map());

describe('explainAward', () => {
  it('names the winner, the runner-up, the cost gap and the share cap that stopped the cheaper bid', async () => {
    const s = capped();
    const result = await solved(s);
    const explained = explainAward(s, lotsOf(s), result.allocations);
    const z1 = explained.get('standard:Z1');
    expect(z1?.roles[0]?.winner?.providerId).toBe('P2');
    expect(z1?.roles[0]?.runnerUp?.bidId).toBe('B1');
    expect(z1?.roles[0]?.annualCostGap).toBeCloseTo((20 - 25) * 100 * 52, 6);
    expect(z1?.roles[0]?.betterBidsStopped).toEqual([
      { bidId: 'B1', providerId: 'P1', rules: ['share-cap'], reason: 'would pass the share cap' },
    ]);
    expect(z1?.bindingRules).toEqual(['share-cap']);
    expect(explained.get('standard:Z2')?.summary).toMatch(/best bids won/);
    expect(result.lots.find((l) => l.lotId === 'standard:Z1')?.explanation?.bindingRules).toEqual([
      'share-cap',
    ]);
  });
});

describe('explainAward on a bid its own capacity already stops', () => {
  it('names the capacity, not a cap that relaxing changes nothing (explore20)', async () => {
    // P1 (capacity 100) is cheapest in both zones and wins one: its capacity keeps it out of the other,
    // so relaxing the share cap or the lots cap changes nothing, as the rule costs print. The "why"
    // said "better bids stopped by: capacity, lots-cap, share-cap" all the same.
    const s = makeScenario({
      ...cappedParts(),
      providers: [provider('P1', { maxHours: 100 }), provider('P2')],
      award: { maxShareOfTotalHours: 0.6, maxLotsPerProvider: 1 },
    });
    const outcome = await runWithRuleCosts(s, highsBackend);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const costs = outcome.result.ruleCosts?.rules ?? [];
    for (const rule of ['share-cap', 'lots-cap'])
      expect(costs.find((c) => c.rule === rule)?.note).toBe(
        'relaxing it: changes nothing: the rule does not bind',
      );
    const stopped = outcome.result.lots
      .flatMap((l) => l.explanation?.roles ?? [])
      .flatMap((r) => r.betterBidsStopped);
    expect(stopped).toEqual([
      { bidId: 'B1', providerId: 'P1', rules: ['capacity'], reason: 'not enough capacity left' },
    ]);
    const z1 = outcome.result.lots.find((l) => l.lotId === 'standard:Z1');
    expect(z1?.explanation?.summary).toMatch(/better bids stopped by: capacity$/);
  });

  it("names two caps that stop a bid together as together, and each cap's cost says what relaxing both does (mend16a)", async () => {
    // P1 is cheapest in both zones and wins Z2; the share cap (60%) and the lots cap (1) each keep it out
    // of Z1, so relaxing either alone changes nothing. The "why" read "better bids stopped by: lots-cap,
    // share-cap" while both rule costs said "changes nothing: the rule does not bind".
    const s = makeScenario({ ...cappedParts(), award: { maxShareOfTotalHours: 0.6, maxLotsPerProvider: 1 } });
    const outcome = await runWithRuleCosts(s, highsBackend);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const z1 = outcome.result.lots.find((l) => l.lotId === 'standard:Z1');
    expect(z1?.explanation?.roles[0]?.betterBidsStopped.map((b) => b.rules)).toEqual([
      ['share-cap', 'lots-cap'],
    ]);
    expect(z1?.explanation?.summary).toMatch(/better bids stopped by: lots-cap and share-cap together$/);
    const note = (rule: string) => outcome.result.ruleCosts?.rules.find((c) => c.rule === rule)?.note;
    // P1 would take Z1 at £20 instead of P2's £25: (25 − 20) × 100 h × 52 weeks.
    expect(note('share-cap')).toBe(
      'relaxing it alone changes nothing, as lots-cap stops the same bids (standard:Z1); relaxing both: spend falls by £26,000 a year; unmet hours unchanged',
    );
    expect(note('lots-cap')).toBe(
      'relaxing it alone changes nothing, as share-cap stops the same bids (standard:Z1); relaxing both: spend falls by £26,000 a year; unmet hours unchanged',
    );
  });

  it('says a cap relaxed with another changes no more than the other alone, and names a cap once in the why (review16)', async () => {
    // tiny with a 60% share cap and one lot a provider: lots-cap binds alone; share-cap stops a bid
    // only beside it. Its cost read "relaxing both: spend rises by £1,011,192", lots-cap's own
    // effect, as if share-cap mattered with it; the why read "lots-cap, lots-cap and share-cap together".
    const { scenario } = await readScenario('scenarios/tiny');
    if (scenario === null) throw new Error('tiny reads');
    const s: Scenario = {
      ...scenario,
      award: { ...scenario.award, maxShareOfTotalHours: 0.6, maxLotsPerProvider: 1, minDistinctProviders: 0 },
    };
    const outcome = await runWithRuleCosts(s, highsBackend);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const note = (rule: string) => outcome.result.ruleCosts?.rules.find((c) => c.rule === rule)?.note;
    expect(note('lots-cap')).toMatch(/^relaxing it: spend rises by £1,011,192 a year/);
    expect(note('share-cap')).toBe(
      'relaxing it alone changes nothing, as lots-cap stops the same bids (standard:Z-SOUTH); relaxing both changes no more than relaxing lots-cap alone: the rule does not bind',
    );
    const south = outcome.result.lots.find((l) => l.lotId === 'standard:Z-SOUTH');
    expect(south?.explanation?.summary).toMatch(
      /better bids stopped by: lots-cap \(some with share-cap too\), one-provider-per-lot, package$/,
    );
  });
});

describe('explainAward on a bid whose provider holds the other role of the lot', () => {
  it('names one provider per lot, not a share cap that relaxing changes nothing (explore20)', async () => {
    // P1 is cheapest for both roles and leads: it may not also be the secondary, so relaxing the share cap
    // changes nothing, as the rule costs print. On Hertfordshire three zones read
    // "stopped by: one-provider-per-lot, share-cap" all the same.
    const s = makeScenario({
      ...oneArea(),
      bids: [
        bid('B1', 'P1', ['A1'], { price: 20 }),
        bid('B2', 'P2', ['A1'], { price: 25 }),
        bid('B3', 'P3', ['A1'], { price: 30 }),
      ],
      lotPlan: { standard: lotEntry({ structure: 'lead-secondary' }) },
      award: { maxShareOfTotalHours: 0.85 },
    });
    const outcome = await runWithRuleCosts(s, highsBackend);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(outcome.result.ruleCosts?.rules.find((c) => c.rule === 'share-cap')?.note).toBe(
      'relaxing it: changes nothing: the rule does not bind',
    );
    const lot = outcome.result.lots.find((l) => l.lotId === 'standard:Z1');
    expect(lot?.explanation?.roles.flatMap((r) => r.betterBidsStopped.map((b) => b.rules))).toEqual([
      ['one-provider-per-lot'],
    ]);
    expect(lot?.explanation?.summary).toMatch(/better bids stopped by: one-provider-per-lot$/);
  });
});

describe('explainAward on a winner whose own cheaper bid is part of a package', () => {
  it('names the package that kept the cheaper bid of the same provider out (explore20)', async () => {
    // P1 wins Z1 with its £22 bid; its £20 bid for Z1 comes only with Z2 at £20, where P2 asks £10.
    // Relaxing packages saves (22 - 20) × 100 h × 52 weeks; on Hertfordshire, Three Rivers' lead
    // (P-ACORN £25.10, its package bid £24.60) read "stopped by: one-provider-per-lot", no package.
    const s = makeScenario({
      ...cappedParts(),
      providers: [provider('P1'), provider('P2'), provider('P3')],
      bids: [
        bid('B1', 'P1', ['A1'], { price: 20, packageId: 'PK' }),
        bid('B2', 'P1', ['A2'], { price: 20, packageId: 'PK' }),
        bid('B3', 'P1', ['A1'], { price: 22 }),
        bid('B4', 'P2', ['A2'], { price: 10 }),
        bid('B5', 'P3', ['A1'], { price: 30 }),
      ],
    });
    const outcome = await runWithRuleCosts(s, highsBackend);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(outcome.result.ruleCosts?.rules.find((c) => c.rule === 'packages')?.annualCostChange).toBe(
      -(22 - 20) * 100 * 52,
    );
    const z1 = outcome.result.lots.find((l) => l.lotId === 'standard:Z1')?.explanation;
    expect(z1?.roles[0]?.winner?.bidId).toBe('B3');
    expect(z1?.roles[0]?.betterBidsStopped).toEqual([
      { bidId: 'B1', providerId: 'P1', rules: ['package'], reason: 'its package is all-or-nothing' },
    ]);
    expect(z1?.summary).toMatch(/better bids stopped by: package$/);
  });
});

describe('explainAward on a MEAT award', () => {
  it('gives the MEAT scores that decided it, not the prices alone (explore20)', async () => {
    // P2 asks £2 more than P1 and wins on quality: the line read "sole P2 £22.00, runner-up P1 £20.00
    // (-£10k a year). best bids won", which gives a councillor no reason the dearer bid won.
    const s = makeScenario({
      ...cappedParts(),
      ...oneArea(),
      bids: [
        bid('B1', 'P1', ['A1'], { price: 20, quality: 50 }),
        bid('B2', 'P2', ['A1'], { price: 22, quality: 90 }),
      ],
      award: { objective: 'meat', qualityWeight: 0.7, priceWeight: 0.3 },
    });
    const result = await solved(s);
    const summary = explainAward(s, lotsOf(s), result.allocations).get('standard:Z1')?.summary;
    // 0.7 × 90/100 + 0.3 × 20/22 = 0.9027; 0.7 × 50/100 + 0.3 × 20/20 = 0.65.
    expect(summary).toBe(
      'sole P2 £22.00 (MEAT 90.27), runner-up P1 £20.00 (MEAT 65.00, -£10k a year). best bids won',
    );
  });
});

describe('explainAward on a lot whose bids cost more than its unmet hours', () => {
  it('names the unmet-hours penalty, not capacity used elsewhere by a provider that holds nothing (explore20)', async () => {
    // P1 asks £40 an hour and holds nothing; unmet hours are counted at £30: the solver leaves them unmet.
    // The lot read "sole: unfilled. better bids stopped by: elsewhere".
    const s = makeScenario({
      ...cappedParts(),
      ...oneArea(),
      bids: [bid('B1', 'P1', ['A1'], { price: 40 })],
      award: { unmetPenaltyPerHour: 30 },
    });
    const result = await solved(s);
    expect(result.allocations).toEqual([]);
    const z1 = explainAward(s, lotsOf(s), result.allocations).get('standard:Z1');
    expect(z1?.roles[0]?.betterBidsStopped.map((b) => b.rules)).toEqual([['unmet-penalty']]);
    expect(z1?.summary).toBe('sole: unfilled. better bids stopped by: unmet-penalty');
  });

  it("names capacity, not the penalty, where the provider's hours would not take the role whatever the penalty (review14b)", async () => {
    // P1 asks £40 for Z2, above the £30 penalty, but Z2's 100 hours are more than its 60: no penalty would buy Z2 from it.
    const s = makeScenario({
      ...cappedParts(),
      providers: [provider('P1', { maxHours: 60 })],
      bids: [bid('B1', 'P1', ['A1'], { price: 20 }), bid('B2', 'P1', ['A2'], { price: 40 })],
      award: { unmetPenaltyPerHour: 30, minDistinctProviders: 0 },
    });
    const result = await solved(s);
    const z2 = explainAward(s, lotsOf(s), result.allocations).get('standard:Z2');
    expect(z2?.roles[0]?.winner).toBeNull();
    expect(z2?.roles[0]?.betterBidsStopped.map((b) => b.rules)).toEqual([['capacity']]);
  });

  it('names the rule, not the penalty, where a rule made the award buy dearer than the penalty (explore20)', async () => {
    // At least 2 providers: P2 must win Z2 at £40, above the £30 penalty; P1's £35 bid lost to that rule.
    const s = makeScenario({
      ...cappedParts(),
      bids: [
        bid('B1', 'P1', ['A1'], { price: 20 }),
        bid('B2', 'P1', ['A2'], { price: 35 }),
        bid('B3', 'P2', ['A2'], { price: 40 }),
      ],
      award: { unmetPenaltyPerHour: 30, minDistinctProviders: 2 },
    });
    const result = await solved(s);
    const z2 = explainAward(s, lotsOf(s), result.allocations).get('standard:Z2');
    expect(z2?.roles[0]?.winner?.bidId).toBe('B3');
    expect(z2?.roles[0]?.betterBidsStopped.map((b) => b.rules)).toEqual([['min-providers']]);
  });
});

describe('explainAward on a lot no bid may hold', () => {
  it('says no bid may hold its roles, not that the best bids won (explore16)', async () => {
    // A county lot 60/40 whose bids each cover one zone: no bid may hold a role, every hour is unmet,
    // and the lot's "why" said "lead: unfilled; secondary: unfilled. best bids won".
    const s = makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z1', A2: 'Z2' },
      demand: [demand('A1', 100), demand('A2', 100)],
      providers: [provider('P1'), provider('P2')],
      bids: [bid('B1', 'P1', ['A1'], { price: 20 }), bid('B2', 'P2', ['A2'], { price: 25 })],
      lotPlan: { standard: lotEntry({ geography: 'county', structure: 'lead-secondary', leadShare: 0.6 }) },
    });
    const result = await solved(s);
    expect(result.allocations).toEqual([]);
    const summary = explainAward(s, lotsOf(s), result.allocations).get('standard:county')?.summary;
    expect(summary).toBe('lead: unfilled, no bid may hold it; secondary: unfilled, no bid may hold it.');
  });
});

describe('explainAward on a lot whose every bid was rejected below legal pay', () => {
  it('names the rejected bids, so the lot does not read as if nobody bid', async () => {
    // A made-up county's reablement lot had two bids at £11.50 and £12.00, both rejected below
    // legal pay; its "why" read "sole: unfilled, no bid may hold it." and nothing more.
    const s = twoAreaZones(
      ['P1', 'P2'],
      [
        bid('B1', 'P1', ['A1'], { price: 11.5 }),
        bid('B2', 'P2', ['A1'], { price: 12 }),
        bid('B3', 'P2', ['A2'], { price: 40 }),
      ],
      { award: { rejectBelowLegalPay: true } },
    );
    const result = await solved(s);
    const z1 = result.lots.find((l) => l.lotId === 'standard:Z1');
    expect(z1?.rejectedBidIds).toEqual(['B1', 'B2']);
    expect(z1?.explanation?.summary).toBe(
      'sole: unfilled, no bid may hold it. Rejected below legal pay: B1, B2 (see the warnings).',
    );
    // A lot some bid won says nothing of it.
    expect(result.lots.find((l) => l.lotId === 'standard:Z2')?.explanation?.summary).toBe(
      'sole P2 £40.00, no runner-up. best bids won',
    );
  });

  it('after the rule that stopped another bid, starts a new sentence', async () => {
    // The made-up county's Z-E printed "better bids stopped by: capacity Rejected below legal pay: B1".
    const s = twoAreaZones(
      ['P1', 'P2'],
      [
        bid('B1', 'P1', ['A1'], { price: 11.5 }),
        bid('B2', 'P2', ['A1'], { price: 30, maxHours: 50 }),
        bid('B3', 'P2', ['A2'], { price: 40 }),
      ],
      { award: { rejectBelowLegalPay: true } },
    );
    const z1 = (await solved(s)).lots.find((l) => l.lotId === 'standard:Z1');
    expect(z1?.explanation?.summary).toBe(
      'sole: unfilled. better bids stopped by: capacity. Rejected below legal pay: B1 (see the warnings).',
    );
  });

  it('names four of many, and says how many more', async () => {
    const low = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6'].map((id, i) =>
      bid(id, i % 2 ? 'P1' : 'P2', ['A1'], { price: 11 + i / 10 }),
    );
    const s = twoAreaZones(['P1', 'P2'], [...low, bid('B9', 'P2', ['A2'], { price: 40 })], {
      award: { rejectBelowLegalPay: true },
    });
    const result = await solved(s);
    expect(result.lots.find((l) => l.lotId === 'standard:Z1')?.explanation?.summary).toBe(
      'sole: unfilled, no bid may hold it. Rejected below legal pay: B1, B2, B3, B4 and 2 more (see the warnings).',
    );
  });
});

describe('explainAward on a framework', () => {
  it('names the member with the most hours, not the first place, which may carry none', () => {
    // Wyndale's county framework for complex care: P-MOSS's place held 0 hours and P-OAK's 300,
    // and the lot's "why" said "member P-MOSS £31.50".
    const s = makeScenario({
      areas: [area('A1')],
      zones: { A1: 'Z1' },
      demand: [demand('A1', 400)],
      providers: [provider('P1'), provider('P2'), provider('P3')],
      bids: [
        bid('B1', 'P1', ['A1'], { price: 20 }),
        bid('B2', 'P2', ['A1'], { price: 25 }),
        bid('B3', 'P3', ['A1'], { price: 30 }),
      ],
      lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 3 }) },
    });
    const place = (bidId: string, providerId: string, hoursPerWeek: number, pricePerHour: number) => ({
      lotId: 'standard:county',
      bidId,
      providerId,
      role: 'member' as const,
      hoursPerWeek,
      pricePerHour,
      annualCost: hoursPerWeek * pricePerHour * 52,
    });
    const allocations = [place('B3', 'P3', 0, 30), place('B1', 'P1', 300, 20), place('B2', 'P2', 100, 25)];
    const explained = explainAward(s, lotsOf(s), allocations).get('standard:county');
    expect(explained?.roles[0]?.winner).toMatchObject({
      providerId: 'P1',
      pricePerHour: 20,
      hoursPerWeek: 300,
    });
    expect(explained?.summary).toMatch(/^member P1 £20\.00/);
  });
});

describe('explainAward on a framework that leaves hours unbought', () => {
  /** One zone of 1,000 h; P1 can serve 600, P2 300: each member must take `minShare`, at most `maxProviders` members. */
  const framework = (settings: { maxProviders: number; minShare?: number }) =>
    makeScenario({
      areas: [area('A1')],
      zones: { A1: 'Z1' },
      demand: [demand('A1', 1000)],
      providers: [provider('P1'), provider('P2')],
      bids: [
        bid('B1', 'P1', ['A1'], { price: 20, maxHours: 600 }),
        bid('B2', 'P2', ['A1'], { price: 25, maxHours: 300 }),
      ],
      lotPlan: { standard: lotEntry({ structure: 'framework', ...settings }) },
    });

  it("names the framework's minShare, which kept the small bidder out, not 'best bids won'", async () => {
    // 40% of 1,000 h is 400 h, more than P2's 300: P2 may not join, and 400 h go unbought.
    const s = framework({ maxProviders: 3, minShare: 0.4 });
    const result = await solved(s);
    expect(result.totals.unmetHoursPerWeek).toBeCloseTo(400, 6);
    const explained = explainAward(s, lotsOf(s), result.allocations).get('standard:Z1');
    expect(explained?.roles[0]?.betterBidsStopped).toEqual([
      {
        bidId: 'B2',
        providerId: 'P2',
        rules: ['min-share'],
        reason: 'could serve less than the share each framework member must take (its minShare)',
      },
    ]);
    expect(explained?.bindingRules).toEqual(['min-share']);
    expect(explained?.summary).toBe(
      'member P1 £20.00, runner-up P2 £25.00 (+£156k a year). 400 h/week unbought; bids that could serve them stopped by: min-share',
    );
  });

  it("names the framework's maxProviders when every place is taken", async () => {
    const s = framework({ maxProviders: 1 });
    const result = await solved(s);
    expect(result.totals.unmetHoursPerWeek).toBeCloseTo(400, 6);
    const explained = explainAward(s, lotsOf(s), result.allocations).get('standard:Z1');
    expect(explained?.bindingRules).toEqual(['max-providers']);
    expect(explained?.summary).toMatch(
      /400 h\/week unbought; bids that could serve them stopped by: max-providers$/,
    );
  });

  it('names the share cap beside minShare when together they keep every bidder out of an unfilled framework', async () => {
    // A county framework whose members must take 40% of it, under a 30% share cap: every hour went unbought,
    // and the "why" said "elsewhere" of every bid (its capacity serves other lots better).
    const s = twoAreaZones(
      ['P1', 'P2'],
      [bid('B1', 'P1', ['A1', 'A2'], { price: 20 }), bid('B2', 'P2', ['A1', 'A2'], { price: 25 })],
      {
        demand: [demand('A1', 500), demand('A2', 500)],
        lotPlan: {
          standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2, minShare: 0.4 }),
        },
        award: { maxShareOfTotalHours: 0.3 },
      },
    );
    const result = await solved(s);
    expect(result.allocations).toEqual([]);
    const explained = explainAward(s, lotsOf(s), result.allocations).get('standard:county');
    expect(explained?.roles[0]?.betterBidsStopped.map((b) => [b.bidId, b.rules])).toEqual([
      ['B1', ['min-share', 'share-cap']],
      ['B2', ['min-share', 'share-cap']],
    ]);
    expect(explained?.summary).toBe(
      'member: unfilled. 1,000 h/week unbought; bids that could serve them stopped by: min-share, share-cap',
    );
  });

  it('says the best bids won and the hours their capacity leaves unbought when every bidder is a member', async () => {
    const s = framework({ maxProviders: 3, minShare: 0.25 });
    const result = await solved(s);
    expect(result.totals.unmetHoursPerWeek).toBeCloseTo(100, 6);
    const explained = explainAward(s, lotsOf(s), result.allocations).get('standard:Z1');
    // Both members are in, capacity is the only limit: no rule kept a bidder out.
    expect(explained?.roles[0]?.betterBidsStopped).toEqual([]);
    expect(explained?.summary).toMatch(
      /best bids won; 100 h\/week unbought: no other eligible bid could serve them$/,
    );
  });
});

describe('ruleCosts', () => {
  const baselineOf = (result: {
    objective: { value: number };
    totals: { annualCost: number; unmetHoursPerWeek: number };
  }) => ({
    objective: result.objective.value,
    annualCost: result.totals.annualCost,
    unmetHours: result.totals.unmetHoursPerWeek,
    variables: 10,
    solveSeconds: 0.1,
  });

  // Until 2026-12-02 both read "the relaxed award could not be solved (infeasible)", as if zonal had failed.
  it('says what a relaxed award with no plan means, and what went wrong where the solver failed', async () => {
    const s = capped();
    const result = await solved(s);
    const answering = (outcome: Awaited<ReturnType<SolverBackend['solve']>>): SolverBackend => ({
      ...highsBackend,
      solve: () => Promise.resolve(outcome),
    });
    const share = async (backend: SolverBackend) =>
      (await ruleCosts(s, lotsOf(s), backend, baselineOf(result))).rules.find((r) => r.rule === 'share-cap');
    expect(await share(answering({ status: 'infeasible', seconds: 0 }))).toMatchObject({
      status: 'skipped',
      note: 'with it relaxed no award meets the other rules, so there is no award to compare with',
    });
    expect(await share(answering({ status: 'error', message: 'out of memory', seconds: 0 }))).toMatchObject({
      status: 'skipped',
      note: 'the award with it relaxed could not be solved: out of memory',
    });
  });

  it('re-solves with the share cap relaxed and reports what the cap costs in money', async () => {
    const s = capped();
    const result = await solved(s);
    const report = await ruleCosts(s, lotsOf(s), highsBackend, baselineOf(result));
    const share = report.rules.find((r) => r.rule === 'share-cap');
    // Capped: P2 takes Z1 at £25 (cheaper than Z2 at £30). Relaxed: P1 takes both at £20.
    expect(share?.status).toBe('computed');
    expect(share?.annualCostChange).toBeCloseTo(-100 * 5 * 52, 2);
    expect(share?.unmetHoursChange).toBe(0);
    expect(share?.note).toBe('relaxing it: spend falls by £26,000 a year; unmet hours unchanged');
    expect(report.rules.find((r) => r.rule === 'lots-cap')?.status).toBe('not-active');
    expect(result.ruleCosts).toBeUndefined(); // runs ask for rule costs explicitly (zonal solve does)
    const withCosts = await runScenario(s, {
      backend: highsBackend,
      timeLimit: 30,
      inputHash: 't',
      version: 't',
      ruleCosts: true,
    });
    expect(
      withCosts.kind === 'ok' &&
        withCosts.result.ruleCosts?.rules.find((r) => r.rule === 'share-cap')?.status,
    ).toBe('computed');
  });

  it('hands the verified award over before the rule costs: the final result is that award with ruleCosts added, in its place', async () => {
    const s = capped();
    const seen: unknown[] = [];
    const backend = watchedHighs(() => seen.push(`solve ${seen.length}`));
    const outcome = await runWithRuleCosts(s, backend, { onVerified: (award) => seen.push(award) });
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    // The award's solve, then the hand-over, then the share cap's re-solve.
    expect(seen.map((x) => (typeof x === 'string' ? 'solve' : 'award'))).toEqual(['solve', 'award', 'solve']);
    const award = seen[1] as typeof outcome.result;
    expect(award.ruleCosts).toBeUndefined();
    const { ruleCosts: costs, ...rest } = outcome.result;
    expect(costs?.rules.find((r) => r.rule === 'share-cap')?.status).toBe('computed');
    expect(rest).toEqual(award);
    const keys = Object.keys(outcome.result);
    expect(keys.slice(keys.indexOf('risk'), keys.indexOf('risk') + 2)).toEqual(['risk', 'ruleCosts']);
  });

  it('says what relaxing a rule does to the MEAT score when the award is on MEAT, not "changes nothing" (explore20)', async () => {
    // Both providers ask £20; P1 (quality 90) may take one zone of two under the 60% cap, P2 (quality 60)
    // the other. Relaxed, P1 takes both: the same spend and a better award, which read "the rule does not bind".
    const s = makeScenario({
      ...cappedParts(),
      providers: [provider('P1'), provider('P2')],
      bids: [
        bid('B1', 'P1', ['A1', 'A2'], { price: 20, quality: 90 }),
        bid('B2', 'P2', ['A1', 'A2'], { price: 20, quality: 60 }),
      ],
      award: { objective: 'meat', qualityWeight: 0.7, priceWeight: 0.3, maxShareOfTotalHours: 0.6 },
    });
    const outcome = await runWithRuleCosts(s, highsBackend);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const share = outcome.result.ruleCosts?.rules.find((r) => r.rule === 'share-cap');
    // 100 of the 200 hours move from quality 60 to 90: 0.7 × 30 points × 100 / 200 = 10.5 points an hour.
    expect(share?.annualCostChange).toBe(0);
    expect(share?.note).toBe(
      'relaxing it: spend unchanged; unmet hours unchanged; MEAT score rises by 10.50 points an hour (hours-weighted)',
    );
  });

  it('never counts the unmet-hours penalty as money: a rule that leaves care unbought shows more spend and fewer unmet hours when relaxed', async () => {
    // One provider only: under lead-secondary the 20% secondary place cannot be filled.
    const s = makeScenario({
      areas: [area('A1')],
      zones: { A1: 'Z1' },
      demand: [demand('A1', 100)],
      providers: [provider('P1')],
      bids: [bid('B1', 'P1', ['A1'], { price: 20 })],
      lotPlan: { standard: lotEntry({ structure: 'lead-secondary', leadShare: 0.8 }) },
    });
    const result = await solved(s);
    expect(result.totals.unmetHoursPerWeek).toBeCloseTo(20, 6);
    const rule = (await ruleCosts(s, lotsOf(s), highsBackend, baselineOf(result))).rules.find(
      (r) => r.rule === 'lead-secondary',
    );
    expect(rule?.annualCostChange).toBeCloseTo(20 * 20 * 52, 2);
    expect(rule?.unmetHoursChange).toBeCloseTo(-20, 6);
    expect(rule?.note).toBe('relaxing it: spend rises by £20,800 a year; 20 h/week fewer unmet');
  });

  it('decides from the input alone whether to re-solve: a model over the size limit is skipped, whatever the clock says', async () => {
    const s = capped();
    let solves = 0;
    const counting = watchedHighs(() => solves++);
    const report = await ruleCosts(
      s,
      lotsOf(s),
      counting,
      { objective: 1, annualCost: 1, unmetHours: 0, variables: 10, solveSeconds: 3 },
      { maxVariables: 2 },
    );
    expect(solves).toBe(0);
    expect(report.rules.find((r) => r.rule === 'share-cap')).toMatchObject({
      status: 'skipped',
      objectiveChange: null,
      annualCostChange: null,
    });
    expect(report.rules.find((r) => r.rule === 'share-cap')?.note).toMatch(
      /has 10 variables \(over 2\): too large/,
    );
    // A slow baseline no longer changes anything: the same input is costed.
    const slow = await ruleCosts(s, lotsOf(s), counting, {
      ...baselineOf(await solved(s)),
      solveSeconds: 30,
    });
    expect(slow.rules.find((r) => r.rule === 'share-cap')?.status).toBe('computed');
  });

  it('gives the same rule costs on a slow (busy) machine as on a fast one', async () => {
    const s = makeScenario({
      ...cappedParts(),
      award: { maxShareOfTotalHours: 0.6, minDistinctProviders: 2 },
    });
    const base = baselineOf(await solved(s));
    const slow: SolverBackend = {
      name: 'slow',
      solve: async (p, o) => {
        await new Promise((r) => setTimeout(r, 200));
        return highsBackend.solve(p, o);
      },
    };
    const strip = (r: Awaited<ReturnType<typeof ruleCosts>>) => r.rules;
    expect(strip(await ruleCosts(s, lotsOf(s), slow, { ...base, solveSeconds: 45 }))).toEqual(
      strip(await ruleCosts(s, lotsOf(s), highsBackend, base)),
    );
  });

  it('costs a rule whose relaxed program is the award program without a re-solve, and as a re-solve would', async () => {
    // Every provider has quality 70: a threshold of 50 excludes no bid, so relaxing it changes no variable or row.
    const s = makeScenario({ ...cappedParts(), award: { maxShareOfTotalHours: 0.6, minQuality: 50 } });
    const lots = lotsOf(s);
    const program = buildProgram(s, lots);
    const base = baselineOf(await solved(s));
    const seen: number[] = [];
    const counting = watchedHighs((p) => seen.push(p.variables.length));
    const resolved = await ruleCosts(s, lots, counting, base);
    const solvesWithout = seen.length;
    const shortcut = await ruleCosts(s, lots, counting, { ...base, program });
    expect(solvesWithout).toBe(2); // share cap and quality threshold, each re-solved
    expect(seen.length - solvesWithout).toBe(1); // only the share cap: the quality threshold needed no solve
    expect(shortcut.rules).toEqual(resolved.rules);
    expect(shortcut.rules.find((r) => r.rule === 'quality-threshold')).toMatchObject({
      status: 'computed',
      objectiveChange: 0,
      note: 'relaxing it: changes nothing: the rule does not bind',
    });
  });

  it('bounds every re-solve by a node limit, not by seconds', async () => {
    const s = capped();
    const seen: (number | undefined)[] = [];
    const recording = watchedHighs((_, o) => seen.push(o.nodeLimit));
    await ruleCosts(s, lotsOf(s), recording, baselineOf(await solved(s)), { nodeLimit: 123 });
    expect(seen).toEqual([123]);
  });

  it('builds the relaxed awards while the solver is busy, until it is done, and not for a model too large to re-solve', async () => {
    const s = makeScenario({ ...cappedParts(), award: { maxShareOfTotalHours: 0.6, minQuality: 50 } });
    const lots = lotsOf(s);
    const all = await relaxedAwardsMeanwhile(s, lots, 10, () => false);
    expect([...all.keys()]).toEqual(['share-cap', 'quality-threshold']);
    expect(all.get('share-cap')?.program.rows).toEqual(
      buildProgram({ ...s, award: { ...s.award, maxShareOfTotalHours: 1 } }, lots).rows,
    );
    let turns = 0;
    expect([...(await relaxedAwardsMeanwhile(s, lots, 10, () => ++turns > 1)).keys()]).toEqual(['share-cap']);
    expect((await relaxedAwardsMeanwhile(s, lots, 10, () => true)).size).toBe(0);
    expect((await relaxedAwardsMeanwhile(s, lots, 2001, () => false)).size).toBe(0);
  });

  it('gives the same rule costs on random tenders whether the relaxed awards were built during the solve or after it', async () => {
    // A solver that takes its time: every relaxed award is built while the award's solve waits.
    const slow: SolverBackend = {
      name: 'highs',
      solve: async (p, o) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return highsBackend.solve(p, o);
      },
    };
    const costsWith = async (s: Scenario, backend: SolverBackend) => {
      const outcome = await runWithRuleCosts(s, backend);
      const costs = outcome.kind === 'ok' ? outcome.result.ruleCosts : undefined;
      return costs === undefined ? outcome.kind : { baseline: costs.baselineObjective, rules: costs.rules };
    };
    await solved(capped()); // HiGHS loaded, so with it the award solves first and nothing is built meanwhile
    let computed = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario(), async (s) => {
        const after = await costsWith(s, highsBackend);
        const during = await costsWith(s, slow);
        expect(during).toEqual(after);
        if (typeof after === 'object') computed += after.rules.filter((r) => r.status === 'computed').length;
      }),
      { numRuns: 25, seed: 16 },
    );
    expect(computed).toBeGreaterThan(10);
  });

  it('knows which rules are active', () => {
    const s = capped();
    const active = relaxations(s, lotsOf(s))
      .filter((r) => r.active)
      .map((r) => r.rule);
    expect(active).toEqual(['share-cap']);
  });
});

describe('the runner-up among equal offers', () => {
  it('is the first by bid id by code point, whatever order bids.csv gives them', async () => {
    const s = makeScenario({
      ...oneArea(),
      bids: [
        bid('b3', 'P3', ['A1'], { price: 21 }),
        bid('B2', 'P2', ['A1'], { price: 21 }),
        bid('B1', 'P1', ['A1'], { price: 20 }),
      ],
      lotPlan: { standard: lotEntry({ structure: 'sole' }) },
    });
    const explained = explainAward(s, lotsOf(s), (await solved(s)).allocations);
    // The locale's order would give b3.
    expect(explained.get('standard:Z1')?.roles[0]?.runnerUp?.bidId).toBe('B2');
  });
});
