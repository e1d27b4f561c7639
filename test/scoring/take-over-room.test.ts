import { describe, expect, it } from 'vitest';
import { buildLots } from '../../src/lots/build-lots.js';
import type { Allocation, Bid, Scenario } from '../../src/model/types.js';
import { awardFacts } from '../../src/scoring/award-facts.js';
import { n1Risk, supplyRisk, surgeRisk, backupSpares } from '../../src/scoring/risk-cover.js';
import { roomIn } from '../../src/scoring/take-over-room.js';
import { area, bid, demand, lotEntry, makeScenario, provider } from '../helpers/scenario-builder.js';
import { solved } from '../helpers/run.js';

/**
 * One lead-secondary lot of 1,000 h/week (A1 600, A2 400; the high forecast adds 200): P1
 * leads with 800 h under B-P1, P2 holds 200 h under B-P2 and has 10,000 h/week of capacity,
 * so 9,800 spare whatever its bids say; `p2Bids` are P2's bids.
 */
function stressed(p2Bids: readonly Bid[], role: Allocation['role'] = 'secondary') {
  const s: Scenario = makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z', A2: 'Z' },
    demand: [demand('A1', 600, { high: 700 }), demand('A2', 400, { high: 500 })],
    providers: [provider('P1', { maxHours: 800 }), provider('P2', { maxHours: 10_000 })],
    bids: [bid('B-P1', 'P1', ['A1', 'A2']), ...p2Bids],
    lotPlan: { standard: lotEntry({ structure: 'lead-secondary', leadShare: 0.8 }) },
  });
  const lots = buildLots(s, s.zonings.get('z') ?? new Map());
  const lot = lots[0];
  if (lot === undefined) throw new Error('no lot');
  const placed = (providerId: string, bidId: string, r: Allocation['role'], hours: number): Allocation => ({
    lotId: lot.id,
    bidId,
    providerId,
    role: r,
    hoursPerWeek: hours,
    pricePerHour: 25,
    annualCost: hours * 25 * 52,
  });
  const allocations = [
    placed('P1', 'B-P1', role === 'backup' ? 'sole' : 'lead', role === 'backup' ? 1000 : 800),
    placed('P2', p2Bids[0]?.id ?? '', role, role === 'backup' ? 0 : 200),
  ];
  const facts = awardFacts(s, allocations, lots);
  return { s, lot, facts, allocations, n1: n1Risk(facts, lot, s, allocations) };
}

describe("what a stand-in could take over: the least of its spare and its bids' room", () => {
  it('a stand-in with a large spare but a nearly full bid gives little cover', () => {
    // B-P2 serves at most 275 h/week and holds 200: 75 more, though P2 has 9,800 spare.
    const { n1 } = stressed([bid('B-P2', 'P2', ['A1', 'A2'], { maxHours: 275 })]);
    expect(n1.value).toBeCloseTo(1 - 75 / 800, 3);
    expect(n1.reason).toBe(
      'if P1 (800 h/week) hands back, P2 could take on 75 of them under its bid (at most 275 h/week; 9,800 h/week spare): 91% uncovered',
    );
  });

  it('a stand-in with room in its bid and spare keeps full cover', () => {
    const { n1 } = stressed([bid('B-P2', 'P2', ['A1', 'A2'], { maxHours: 1200 })]);
    expect(n1.value).toBe(0);
    expect(n1.reason).toBe(
      'if P1 (800 h/week) hands back, P2 could take on all of them under its bid (at most 1,200 h/week; 9,800 h/week spare): 0% uncovered',
    );
  });

  it('two bids for the same work count the most of them, not their sum', () => {
    // B-P2 (holding 200 of 500) and B-P2-B (400, holding none) both serve the whole lot: 400, not 700.
    const { n1, facts, lot } = stressed([
      bid('B-P2', 'P2', ['A1', 'A2'], { maxHours: 500 }),
      bid('B-P2-B', 'P2', ['A1', 'A2'], { maxHours: 400 }),
    ]);
    expect(roomIn(facts, [lot], 'P2')).toMatchObject({
      bidRoom: 400,
      caps: [400],
      partial: false,
      hours: 400,
    });
    expect(n1.value).toBeCloseTo(1 - 400 / 800, 3);
    expect(n1.reason).toBe(
      'if P1 (800 h/week) hands back, P2 could take on 400 of them under its bid (at most 400 h/week; 9,800 h/week spare): 50% uncovered',
    );
  });

  it("two bids for different areas of the lot add up, each only up to the lot's hours there", () => {
    // B-P2 serves the whole lot (100 more); B-P2-A2 only A2, whose 400 h/week are all it could take on there.
    const whole = bid('B-P2', 'P2', ['A1', 'A2'], { maxHours: 300 });
    const { n1 } = stressed([whole, bid('B-P2-A2', 'P2', ['A2'], { maxHours: 5000 })]);
    // Both serve A2, so they are alternatives: the most of them, 400 (A2's hours), not 100 + 400.
    expect(n1.value).toBeCloseTo(1 - 400 / 800, 3);
    expect(n1.reason).toBe(
      "if P1 (800 h/week) hands back, P2 could take on 400 of them under its bid (at most 5,000 h/week, for part of the lot's work; 9,800 h/week spare): 50% uncovered",
    );
    const apart = stressed([
      bid('B-P2', 'P2', ['A1'], { maxHours: 250 }),
      bid('B-P2-A2', 'P2', ['A2'], { maxHours: 100 }),
    ]);
    // Different areas: 50 more under B-P2 (250, holding 200) and 100 under B-P2-A2, 150 between them.
    expect(roomIn(apart.facts, [apart.lot], 'P2')).toMatchObject({
      bidRoom: 150,
      caps: [100, 250],
      partial: false,
    });
    expect(apart.n1.value).toBeCloseTo(1 - 150 / 800, 3);
    expect(apart.n1.reason).toBe(
      'if P1 (800 h/week) hands back, P2 could take on 150 of them under its bids (at most 100 and 250 h/week between them; 9,800 h/week spare): 81% uncovered',
    );
  });

  it('surge and growth count a winner only for what its bid has room for', () => {
    const full = stressed([bid('B-P2', 'P2', ['A1', 'A2'], { maxHours: 275 })]);
    const surge = surgeRisk(full.facts, full.lot);
    // P1 is full; P2 could take on 75 of the 200 extra hours under its bid.
    expect(surge.value).toBeCloseTo(1 - 75 / 200, 3);
    expect(surge.reason).toBe(
      'high forecast adds 200 h/week; winners could take on 75 h/week more under their bids (9,800 h/week spare for this lot): 63% not covered',
    );
    const roomy = stressed([bid('B-P2', 'P2', ['A1', 'A2'], { maxHours: 1200 })]);
    expect(surgeRisk(roomy.facts, roomy.lot).value).toBe(0);
  });

  it('a named back-up earns supply credit only for what its bid has room for', () => {
    const backedUp = (maxHours: number) => {
      const { facts, lot } = stressed([bid('B-P2', 'P2', ['A1', 'A2'], { maxHours })], 'backup');
      return supplyRisk([['P1', 1000]], backupSpares(facts, lot), 0.25);
    };
    // A back-up whose bid serves at most 250 h/week could take over a quarter of P1's 1,000.
    expect(backedUp(250).value).toBeCloseTo(1 - 0.25 * 0.25, 3);
    expect(backedUp(250).reason).toBe(
      'one provider holds all the hours; back-up P2 could take over 250 of the 1,000 h/week under its bid (at most 250 h/week; 10,000 h/week spare) if P1 failed (a back-up counts in full only if it could take over all of them)',
    );
    expect(backedUp(2000).value).toBeCloseTo(0.75, 3);
  });

  it('a framework member whose bid is full earns no supply credit, however much it has spare', async () => {
    /** P1 serves A1's 600 h; P2 serves A2's 400 h under a bid covering both areas of at most `cap` h/week, with 10,000 h/week spare. */
    const supply = async (cap: number) => {
      const s = makeScenario({
        areas: [area('A1'), area('A2')],
        zones: { A1: 'Z', A2: 'Z' },
        demand: [demand('A1', 600), demand('A2', 400)],
        providers: [provider('P1'), provider('P2', { maxHours: 10_400 })],
        bids: [bid('B-P1', 'P1', ['A1'], { price: 24 }), bid('B-P2', 'P2', ['A1', 'A2'], { maxHours: cap })],
        lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
      });
      const lot = (await solved(s)).lots[0];
      expect(lot?.winners.map((w) => `${w.providerId} ${w.hoursPerWeek}`)).toEqual(['P1 600', 'P2 400']);
      return lot?.riskDetail?.['supply'];
    };
    expect((await supply(400))?.value).toBe(1);
    expect((await supply(400))?.reason).toBe(
      '2 providers share the hours (largest 60%), but each area is served by one (area by area 1.00); no other member covering their areas has spare capacity and room in its bids',
    );
    // With room for all of P1's 600 h it counts in full in A1, as a named back-up would.
    expect((await supply(1000))?.value).toBeCloseTo((600 * 0.75 + 400) / 1000, 3);
  });
});
