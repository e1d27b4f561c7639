/**
 * The spine end to end, in memory: program builder, decode, back-ups and
 * runScenario on the running example (test/helpers/scenario-builder.ts).
 * (Program/decode tests live here because test/solve/ belongs to the backends.)
 */
import { describe, expect, test } from 'vitest';
import { generateScenario, instanceSizes } from '../src/bench/generate.js';
import { buildLots } from '../src/lots/build-lots.js';
import { runScenario, withSettings } from '../src/pipeline.js';
import { highsBackend } from '../src/solve/backend-highs.js';
import type { SolverBackend, SolverOutcome } from '../src/solve/program.js';
import { firstNonFinite } from '../src/report/finite.js';
import { formatSummary } from '../src/report/summary.js';
import { titleBlock } from '../src/report/html/headline.js';
import type { Allocation, AwardRole, Bid, DemandRow, Scenario } from '../src/model/types.js';
import { sortAllocations } from '../src/model/result.js';
import { chooseBackups } from '../src/solve/backups.js';
import { backupRoom } from '../src/scoring/take-over-room.js';
import { buildProgram } from '../src/solve/build-program.js';
import { decode } from '../src/solve/decode.js';
import {
  area,
  bid,
  demand,
  lotEntry,
  makeScenario,
  provider,
  twoAreaZones,
  twoZoneScenario,
} from './helpers/scenario-builder.js';
import { awardOrDiagnosis, run, solved, watchedHighs } from './helpers/run.js';

/** A generated county solved by `backend`, as the CLI would (60 s). */
const solvedBy = (backend: SolverBackend) =>
  runScenario(generateScenario(instanceSizes.S, 1), { backend, timeLimit: 60, inputHash: 't', version: 't' });

/** HiGHS whose optimal answer is changed as `change` says: what a time limit, or rounding, makes of it. */
const highsAnswering = (
  change: (outcome: Extract<SolverOutcome, { status: 'optimal' | 'feasible' }>) => SolverOutcome,
): SolverBackend => ({
  name: 'highs',
  async solve(program, options) {
    const outcome = await highsBackend.solve(program, options);
    return outcome.status === 'optimal' ? change(outcome) : outcome;
  },
});

const lotsOf = (s: Scenario) => buildLots(s, s.zonings.get(s.zoning) ?? new Map());
const base = twoZoneScenario();

describe('buildProgram', () => {
  const program = buildProgram(base, lotsOf(base));
  const names = program.variables.map((v) => v.name);

  test('one assign variable per eligible bid and role, one unmet per role, and the rows of each rule', () => {
    expect(names.filter((n) => n.startsWith('a[') && n.includes('standard:Z1'))).toEqual([
      'a[B1,standard:Z1,lead]',
      'a[B2,standard:Z1,lead]',
      'a[B1,standard:Z1,secondary]',
      'a[B2,standard:Z1,secondary]',
      'a[B3,standard:Z1,secondary]',
    ]);
    expect(names.filter((n) => n.startsWith('u['))).toEqual([
      'u[reablement:county,sole]',
      'u[standard:Z1,lead]',
      'u[standard:Z1,secondary]',
      'u[standard:Z2,lead]',
      'u[standard:Z2,secondary]',
    ]);
    const rows = program.rows.map((r) => r.name);
    expect(rows.filter((r) => r.startsWith('fill['))).toHaveLength(5);
    expect(rows).toContain('one[standard:Z1,P1]');
    expect(rows).toEqual(expect.arrayContaining(['package[PK,B5]', 'package[PK,B6]']));
    expect(program.sense).toBe('min');
  });

  test('costs are weeks × hours × price, unmet at the penalty', () => {
    const cost = (name: string) => program.variables.find((v) => v.name === name)?.cost;
    expect(cost('a[B1,standard:Z1,lead]')).toBeCloseTo(52 * 80 * 20, 9);
    expect(cost('u[standard:Z2,secondary]')).toBeCloseTo(52 * 10 * 1000, 6);
  });

  test('the program does not depend on the order of bids and providers', () => {
    const shuffled = { ...base, bids: [...base.bids].reverse(), providers: [...base.providers].reverse() };
    expect(buildProgram(shuffled, lotsOf(shuffled))).toEqual(program);
  });

  test('meat maximises h × score with the lowest eligible price', () => {
    const meat = { ...base, award: { ...base.award, objective: 'meat' as const } };
    const p = buildProgram(meat, lotsOf(meat));
    expect(p.sense).toBe('max');
    const v = p.variables.find((x) => x.name === 'a[B4,standard:Z2,lead]');
    expect(v?.cost).toBeCloseTo(40 * (0.6 * 0.7 + (0.4 * 19) / 24), 9);
  });
});

describe('decode', () => {
  test('reads chosen roles into allocations and unfilled roles into unmet hours', () => {
    const lots = lotsOf(base);
    const program = buildProgram(base, lots);
    const chosen = new Set([
      'a[B1,standard:Z1,lead]',
      'u[standard:Z1,secondary]',
      'a[B4,standard:Z2,lead]',
      'a[B2,standard:Z2,secondary]',
      'a[B7,reablement:county,sole]',
    ]);
    const plan = decode(
      program,
      program.variables.map((v) => (chosen.has(v.name) ? 1 : 0)),
      lots,
      base.bids,
      52,
    );
    expect(plan.allocations.map((a) => [a.lotId, a.bidId, a.role, a.hoursPerWeek, a.annualCost])).toEqual([
      ['reablement:county', 'B7', 'sole', 15, 15 * 27 * 52],
      ['standard:Z1', 'B1', 'lead', 80, 80 * 20 * 52],
      ['standard:Z2', 'B4', 'lead', 40, 40 * 24 * 52],
      ['standard:Z2', 'B2', 'secondary', 10, 10 * 22 * 52],
    ]);
    expect(plan.unmet.get('standard:Z1')).toBeCloseTo(20, 9);
    expect(plan.unmet.get('standard:Z2')).toBe(0);
  });
});

describe('the order of allocations', () => {
  test('by lot, then role, then bid, whatever order they came in: result.json lists them so, and scoring reads them so', () => {
    const allocation = (lotId: string, role: AwardRole, bidId: string): Allocation => ({
      lotId,
      role,
      bidId,
      providerId: 'P1',
      hoursPerWeek: 1,
      pricePerHour: 20,
      annualCost: 1040,
    });
    const ordered = [
      allocation('reablement:county', 'sole', 'B9'),
      allocation('standard:Z1', 'backup', 'B3'),
      allocation('standard:Z1', 'lead', 'B10'),
      allocation('standard:Z1', 'lead', 'B2'),
      allocation('standard:Z1', 'secondary', 'B1'),
      allocation('standard:Z2', 'sole', 'B1'),
    ];
    const key = (a: Allocation) => `${a.lotId} ${a.role} ${a.bidId}`;
    const mixed = [3, 0, 5, 2, 1, 4].map((i) => ordered[i] as Allocation);
    for (const given of [[...ordered].reverse(), mixed])
      expect(sortAllocations(given).map(key)).toEqual(ordered.map(key));
  });
});

describe('the order of providers', () => {
  test('result.json lists every provider by id (code point: capitals first), whatever order providers.csv gives them', async () => {
    const s = { ...base, providers: [provider('p0'), ...base.providers].reverse() };
    const r = await solved(s);
    // The locale's order would put 'p0' first.
    expect(r.providers.map((p) => p.providerId)).toEqual(['P1', 'P2', 'P3', 'p0']);
  });
});

describe('back-ups', () => {
  /** One county lot with back-ups, won by B2 (P2); `more` bids added. */
  const countyWithBackups = (more: readonly Bid[] = []) => {
    const s = twoZoneScenario({
      lotPlan: { standard: lotEntry({ geography: 'county', backup: true }) },
      demand: [demand('A1', 10), demand('A3', 10)],
    });
    return { ...s, bids: [...s.bids, ...more] };
  };
  /** The back-ups chosen for the award of `s`, in the order they are named. */
  const backupsOf = async (s: Scenario) => {
    const won = (await solved(s)).allocations.filter((a) => a.role !== 'backup');
    return chooseBackups(s, lotsOf(s), won, backupRoom(s, won, lotsOf(s)));
  };

  test('a sole lot with backup: true names up to two other providers, cheapest first, with no hours', async () => {
    const s = countyWithBackups();
    const result = await solved(s);
    const backups = result.allocations.filter((a) => a.role === 'backup');
    expect(result.allocations.filter((a) => a.role === 'sole').map((a) => a.bidId)).toEqual(['B2']);
    expect(backups).toEqual([]); // nobody else covers the whole county
    const named = await backupsOf(
      countyWithBackups([
        bid('B8', 'P1', ['A1', 'A2', 'A3'], { price: 30 }),
        bid('B9', 'P3', ['A1', 'A2', 'A3'], { price: 29 }),
        bid('B10', 'P1', ['A1', 'A2', 'A3'], { price: 28 }),
      ]),
    );
    expect(named.map((a) => [a.bidId, a.providerId, a.hoursPerWeek])).toEqual([
      ['B10', 'P1', 0],
      ['B9', 'P3', 0],
    ]);
  });

  test('back-ups that could take over all the lead holds come before cheaper ones that could take over little (review16)', async () => {
    // P2 holds the county's 20 h. P4's bid is cheapest but serves at most 2 h: named first, it
    // pushed out P1, who could take over all 20, and the lot's risk rose with the cheaper choice.
    const s = countyWithBackups([
      bid('B8', 'P4', ['A1', 'A2', 'A3'], { price: 26, maxHours: 2 }),
      bid('B9', 'P3', ['A1', 'A2', 'A3'], { price: 29 }),
      bid('B10', 'P1', ['A1', 'A2', 'A3'], { price: 30 }),
    ]);
    const withP4 = { ...s, providers: [...s.providers, provider('P4', { maxHours: 200 })] };
    expect((await backupsOf(withP4)).map((a) => [a.bidId, a.providerId])).toEqual([
      ['B9', 'P3'],
      ['B10', 'P1'],
    ]);
  });

  test("a provider that could take over none of the winner's hours is not named a back-up", async () => {
    // Its spare is there but its bids have no room left (as take-over-room.ts counts it): named, it
    // would stand in the award as cover it cannot give.
    const s = countyWithBackups([
      bid('B9', 'P3', ['A1', 'A2', 'A3'], { price: 29 }),
      bid('B10', 'P1', ['A1', 'A2', 'A3'], { price: 30 }),
    ]);
    const won = (await solved(s)).allocations.filter((a) => a.role !== 'backup');
    const named = chooseBackups(s, lotsOf(s), won, (_lot, providerId) => (providerId === 'P3' ? 0 : 20));
    expect(named.map((a) => a.providerId)).toEqual(['P1']);
  });

  test('back-ups at equal prices are named in bid id order by code point', async () => {
    const named = await backupsOf(
      countyWithBackups([
        bid('b9', 'P3', ['A1', 'A2', 'A3'], { price: 28 }),
        bid('B10', 'P1', ['A1', 'A2', 'A3'], { price: 28 }),
      ]),
    );
    // The locale's order would put b9 first.
    expect(named.map((a) => a.bidId)).toEqual(['B10', 'b9']);
  });

  test('a sole lot nobody holds names no back-ups, which would back up no one (explore16)', async () => {
    // Two sole zones of 100 h with back-ups and a share cap of 40% (80 h): no provider may hold
    // either lot, so all 200 h are unmet; the award named P1 and P2 back-ups of both, and their
    // cover lowered the lots' supply risk from 1 to 0.5625.
    const s = twoAreaZones(
      ['P1', 'P2'],
      [bid('B1', 'P1', ['A1', 'A2'], { price: 25 }), bid('B2', 'P2', ['A1', 'A2'], { price: 26 })],
      {
        lotPlan: { standard: lotEntry({ structure: 'sole', backup: true }) },
        award: { maxShareOfTotalHours: 0.4 },
      },
    );
    const result = await solved(s);
    expect(result.totals.unmetHoursPerWeek).toBe(200);
    expect(result.allocations).toEqual([]);
    expect(result.lots.map((l) => l.risk.supply)).toEqual([1, 1]);
  });
  test('a package bid is never a back-up: its price holds only if its whole package wins (explore16)', async () => {
    // P1 wins both sole zones. P2's only bids are a package over both zones, which does not
    // win, so its £25.50 is no price P2 would stand by for Z1 alone; P3's £27 stand-alone bid is.
    const s = twoAreaZones(
      ['P1', 'P2', 'P3'],
      [
        bid('B1', 'P1', ['A1'], { price: 25 }),
        bid('B2', 'P1', ['A2'], { price: 25 }),
        bid('PK1', 'P2', ['A1'], { price: 25.5, packageId: 'PK' }),
        bid('PK2', 'P2', ['A2'], { price: 25.5, packageId: 'PK' }),
        bid('B3', 'P3', ['A1'], { price: 27 }),
      ],
      { lotPlan: { standard: lotEntry({ structure: 'sole', backup: true }) } },
    );
    const result = await solved(s);
    expect(result.allocations.filter((a) => a.role === 'sole').map((a) => a.bidId)).toEqual(['B1', 'B2']);
    expect(result.allocations.filter((a) => a.role === 'backup').map((a) => [a.lotId, a.bidId])).toEqual([
      ['standard:Z1', 'B3'],
    ]);
  });
});

describe('runScenario', () => {
  test('the running example: hand-computed optimum, totals and warnings', async () => {
    const r = await solved(base);
    expect(r.status).toBe('optimal');
    expect(r.totals.annualCost).toBeCloseTo(3390 * 52, 6);
    expect(r.objective.value).toBeCloseTo(3390 * 52, 4);
    expect(r.totals.hoursPerWeek).toBe(165);
    expect(r.totals.unmetHoursPerWeek).toBe(0);
  });

  test('a lot with demand and no eligible bid is a warning and becomes unmet demand', async () => {
    const s = { ...base, bids: base.bids.filter((b) => b.careType !== 'reablement' && b.packageId === null) };
    const r = await solved(s);
    expect(r.warnings).toEqual([
      'lot reablement:county has 15 h/week of demand and no eligible bid: its demand will be unmet',
    ]);
    expect(r.lots.find((l) => l.lotId === 'reablement:county')?.unmetHoursPerWeek).toBe(15);
  });

  /** Zone Z2 (area A3) with no standard care in 2027, and `later` rows besides. */
  const emptyZ2 = (later: readonly DemandRow[] = []) =>
    twoZoneScenario({
      demand: [
        demand('A1', 60),
        demand('A2', 40),
        ...later,
        demand('A1', 10, { careType: 'reablement' }),
        demand('A3', 5, { careType: 'reablement' }),
      ],
    });

  test('a zone with no demand in the period is a warning naming it, not silently left without a lot', async () => {
    const r = await solved(emptyZ2());
    expect(r.lots.map((l) => l.lotId)).not.toContain('standard:Z2');
    expect(r.warnings).toContain(
      'zone Z2 (area A3) has no demand in period 2027: no lot is tendered there; check demand.csv if that is not meant',
    );
    // With demand in every zone, there is no such warning.
    expect((await solved(base)).warnings).toEqual([]);
  });

  test('a zone with no demand in the period but some later says the later hours (as every output writes hours) are in no contract and no risk', async () => {
    const s = emptyZ2([
      demand('A1', 70, { period: '2028' }),
      demand('A3', 30, { period: '2028' }),
      demand('A3', 2100, { period: '2029' }),
    ]);
    expect((await solved(s)).warnings).toContain(
      'zone Z2 (area A3) has no demand in period 2027: no lot is tendered there, so its 2,100 h/week in 2029 are in no contract of this award and in no risk score; check demand.csv if that is not meant',
    );
  });

  test('more distinct winners asked for than providers with an eligible bid: a warning before the infeasible award', async () => {
    const bidders = new Set(base.bids.map((b) => b.providerId)).size;
    const asked = { ...base, award: { ...base.award, minDistinctProviders: bidders + 1 } };
    const warning = `award.minDistinctProviders is ${bidders + 1}, but only ${bidders} providers have an eligible bid for any lot: no award can meet it; lower it to ${bidders}, or see which bids were rejected`;
    const outcome = await run(asked);
    expect(outcome.kind).toBe('infeasible');
    if (outcome.kind === 'infeasible') expect(outcome.result.warnings).toContain(warning);
    // As many as there are bidders: no warning (whether the award can meet it is the solver's answer).
    const enough = { ...base, award: { ...base.award, minDistinctProviders: bidders } };
    const met = await run(enough);
    expect(met.kind === 'ok' || met.kind === 'infeasible').toBe(true);
    if (met.kind === 'ok' || met.kind === 'infeasible')
      expect(met.result.warnings.join('\n')).not.toMatch(/minDistinctProviders/);
  });

  test('no eligible bid at all: the warning does not offer "lower it to 0", which buys no care (review14)', async () => {
    // Every bid is for complex care, which has no demand here: no bid may win a lot.
    const none = {
      ...base,
      award: { ...base.award, minDistinctProviders: 2 },
      bids: base.bids.map((b) => ({ ...b, careType: 'complex' as const })),
    };
    const outcome = await run(none);
    const warnings = outcome.kind === 'ok' || outcome.kind === 'infeasible' ? outcome.result.warnings : [];
    expect(warnings).toContain(
      'award.minDistinctProviders is 2, but no provider has an eligible bid for any lot: no award can buy any care, whatever this setting; the warnings on the lots and bids say why none is eligible',
    );
    expect(warnings.join('\n')).not.toMatch(/lower it to 0/);
  });

  test('more distinct winners asked for than the lots have places: infeasible at once, without the solver, saying why', async () => {
    // Three bidders, but a county framework of 2 places and one sole county lot: at most 3 can win.
    const s = twoZoneScenario({
      lotPlan: {
        standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }),
        reablement: lotEntry({ geography: 'county' }),
      },
    });
    const asked = { ...s, award: { ...s.award, minDistinctProviders: 4 } };
    let solves = 0;
    const counting = watchedHighs(() => solves++);
    const outcome = await run(asked, counting);
    expect(outcome.kind).toBe('infeasible');
    if (outcome.kind !== 'infeasible') return;
    expect(solves).toBe(0);
    expect(outcome.result.diagnosis.relaxations).toEqual([
      [
        {
          rule: 'min-providers',
          setting: 'award.minDistinctProviders',
          allowsAwardAt: null,
          text: 'at least 4 distinct providers: at most 3 can win, because the 2 lots have 3 places in all (reablement:county 1, standard:county a framework of 2); lower award.minDistinctProviders to 3 or less, or give the lots more places',
        },
      ],
    ]);
  });

  test('an unknown zoning is bad settings, not a crash; an impossible rule is infeasible', async () => {
    expect(await run(base, undefined, 'nope')).toEqual({
      kind: 'bad-settings',
      message: '--zoning nope: the scenario has no such zoning; choose from z',
    });
    // A slip of the keyboard names the zoning meant, as scenario.json's "zoning" does.
    const two = {
      ...base,
      zonings: new Map([...base.zonings, ['districts', base.zonings.get('z') ?? new Map()]]),
    };
    expect(await run(two, undefined, 'distrcts')).toEqual({
      kind: 'bad-settings',
      message:
        '--zoning distrcts: the scenario has no such zoning (did you mean "districts"?); choose from z, districts',
    });
    const r = await awardOrDiagnosis({ ...base, award: { ...base.award, minDistinctProviders: 4 } });
    expect(r.status).toBe('infeasible');
  });

  test('an award and a tender with no award start result.json alike: the scenario, zoning, period, currency and weeks a year', async () => {
    const named = { ...base, name: 'Header check', currency: 'EUR', weeksPerYear: 50 };
    const header = {
      schemaVersion: 1,
      scenario: 'Header check',
      zoning: 'z',
      period: '2027',
      currency: 'EUR',
      weeksPerYear: 50,
    };
    const start = (r: object) => Object.entries(r).slice(0, 6);
    // Solved; infeasible by the solver; infeasible without a solve (more winners asked for than places).
    const award = await awardOrDiagnosis(named);
    const solverSays = await awardOrDiagnosis({
      ...named,
      award: { ...named.award, minDistinctProviders: 4 },
    });
    const framework = lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 });
    const short = await awardOrDiagnosis({
      ...named,
      lotPlan: { ...named.lotPlan, standard: framework, reablement: lotEntry({ geography: 'county' }) },
      award: { ...named.award, minDistinctProviders: 4 },
    });
    expect([award.status, solverSays.status, short.status]).toEqual(['optimal', 'infeasible', 'infeasible']);
    for (const r of [award, solverSays, short]) expect(start(r)).toEqual(Object.entries(header));
  });

  test('the input scenario is not changed', async () => {
    const copy = structuredClone(base);
    await solved(base);
    expect(base).toEqual(copy);
  });

  // Regression: a framework place with zero hours can be a package role, so decode must
  // report it, or the verifier rejects the award. (Since 2026-12-01 such a place no longer
  // counts as a win for minDistinctProviders: test/solve/distinct-winners.test.ts.)
  test('a zero-hour framework place that holds a package role survives decoding', async () => {
    const s = makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z1', A2: 'Z1' },
      demand: [demand('A1', 10), demand('A2', 1, { careType: 'reablement' })],
      providers: [provider('P1', { maxHours: 50 }), provider('P2', { maxHours: 50 })],
      bids: [
        bid('B1', 'P1', ['A1', 'A2'], { careType: 'reablement', price: 15 }),
        bid('B2', 'P2', ['A1', 'A2'], { careType: 'reablement', price: 16, packageId: 'PK' }),
        bid('B3', 'P2', ['A1', 'A2'], { price: 10, packageId: 'PK' }),
        bid('B4', 'P1', ['A1', 'A2'], { price: 30 }),
      ],
      lotPlan: {
        standard: lotEntry({ geography: 'county' }),
        reablement: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }),
      },
    });
    const result = await solved(s);
    expect(result.allocations.map((a) => [a.bidId, a.hoursPerWeek])).toEqual([
      ['B1', 1],
      ['B2', 0],
      ['B3', 10],
    ]);
  });
});

describe('bids below legal pay', () => {
  const legalPay = (reject: boolean) =>
    makeScenario({
      areas: [area('A1')],
      zones: { A1: 'Z1' },
      demand: [demand('A1', 100)],
      providers: [provider('P1'), provider('P2')],
      bids: [bid('CHEAP', 'P1', ['A1'], { price: 10 }), bid('FAIR', 'P2', ['A1'], { price: 30 })],
      lotPlan: { standard: lotEntry() },
      award: { rejectBelowLegalPay: reject },
    });

  test('are rejected for the lot: they cannot win it, and the run says why', async () => {
    const result = await solved(legalPay(true));
    expect(result.allocations.map((a) => a.bidId)).toEqual(['FAIR']);
    expect(result.lots[0]?.rejectedBidIds).toEqual(['CHEAP']);
    expect(result.warnings.some((w) => w.startsWith('bid CHEAP rejected for lot standard:Z1'))).toBe(true);
  });

  test('compete, flagged, when the scenario turns the rule off', async () => {
    const result = await solved(legalPay(false));
    expect(result.allocations.map((a) => a.bidId)).toEqual(['CHEAP']);
    expect(result.flags.find((f) => f.bidId === 'CHEAP')?.kind).toBe('below-wage-floor');
  });
});

describe('a time limit', () => {
  test('ends with status feasible: the best verified plan found, its gap reported', async () => {
    // A generated large tender takes HiGHS seconds to prove; 0.2 s cannot.
    const outcome = await runScenario(generateScenario(instanceSizes.L, 1), {
      backend: highsBackend,
      timeLimit: 0.2,
      inputHash: 't',
      version: 't',
    });
    expect(outcome.kind).toBe('ok'); // 'ok' means the plan passed the independent verifier
    if (outcome.kind !== 'ok') return;
    expect(outcome.result.status).toBe('feasible');
    expect(outcome.result.totals.unmetHoursPerWeek).toBeGreaterThanOrEqual(0);
    expect(outcome.result.allocations.length).toBeGreaterThan(0);
    expect(outcome.result.gap === null || outcome.result.gap > 0).toBe(true);
  });

  test('that stops the search before any bound: the plan is written, its gap null ("unknown"), never a crash', async () => {
    // What HiGHS answers when `--time-limit 0.001` stops it with the greedy start and no bound: a plan, gap NaN.
    const noBound = highsAnswering((outcome) => ({ ...outcome, status: 'feasible', gap: NaN }));
    const outcome = await solvedBy(noBound);
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    expect(outcome.result.status).toBe('feasible');
    expect(outcome.result.gap).toBeNull();
    expect(firstNonFinite(outcome.result)).toBeNull(); // the guard before writing lets it through
    expect(formatSummary(outcome.result)).toContain('time limit hit before the solver could bound');
  });

  test('that stops the search before the award is proven best: no rule is costed, as the change would include how far the award is from the best', async () => {
    // The county on its "twelve" zoning at --time-limit 0.001 printed "min-providers: relaxing it: spend falls by
    // £465,612 a year" (and share-cap £468,013): proven best, min-providers does not bind and share-cap costs £2,401.
    let solves = 0;
    const stopped: SolverBackend = {
      name: 'highs',
      async solve(program, options) {
        const outcome = await highsBackend.solve(program, options);
        solves++;
        return solves === 1 && outcome.status === 'optimal'
          ? { ...outcome, status: 'feasible', gap: 0.3 }
          : outcome;
      },
    };
    const scenario = generateScenario(instanceSizes.S, 1);
    const outcome = await runScenario(scenario, {
      backend: stopped,
      timeLimit: 60,
      inputHash: 't',
      version: 't',
      ruleCosts: true,
    });
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(outcome.result.status).toBe('feasible');
    const rules = outcome.result.ruleCosts?.rules ?? [];
    const inForce = rules.filter((c) => c.status !== 'not-active');
    expect(inForce.length).toBeGreaterThan(0);
    for (const c of inForce) {
      expect(c.status).toBe('skipped');
      expect(c.annualCostChange).toBeNull();
      expect(c.note).toBe(
        'the award stopped at the time limit before it was proven the best, so what relaxing a rule changes cannot be told from how far the award is from the best; allow more time (--time-limit)',
      );
    }
    expect(solves).toBe(1); // no re-solve whose figures could not be used
  });

  test('with a gap of 100% (a bound still at 0): told as no bound yet, not "within 100.0% of the best possible"', async () => {
    const zeroBound = highsAnswering((outcome) => ({ ...outcome, status: 'feasible', gap: 1 }));
    const outcome = await solvedBy(zeroBound);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(outcome.result.gap).toBe(1); // result.json keeps the solver's figure
    const summary = formatSummary(outcome.result);
    expect(summary).toContain('time limit hit before the solver could bound');
    expect(summary).not.toContain('within 100.0%');
    // report.html's title says the same.
    const title = String(titleBlock(outcome.result, 'award'));
    expect(title).toContain('within an unknown margin of the best possible');
    expect(title).not.toContain('100.0%');
  });

  test('proven optimal with a rounding-noise gap (HiGHS gave 2.36e-16): the gap is 0, as documented, not a figure a spreadsheet filter on gap > 0 picks out (explore11)', async () => {
    const noisy = highsAnswering((outcome) => ({ ...outcome, gap: 2.35866524004e-16 }));
    const outcome = await solvedBy(noisy);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(outcome.result.status).toBe('optimal');
    expect(outcome.result.gap).toBe(0);
  });
});

describe('withSettings', () => {
  test('--objective meat is refused when transition.priceChange asks for the cost of change in pounds', () => {
    const priced: Scenario = {
      ...base,
      transition: { mobilisationCostPerHour: 100, doubleRunningWeeks: 4, priceChange: true },
    };
    expect(withSettings(priced, { objective: 'meat' })).toBe(
      '--objective meat: transition.priceChange is true in scenario.json, and the cost of change is money, which the "meat" objective (a score) cannot add: use --objective cost or whole-life, or set transition.priceChange to false',
    );
    expect(withSettings(priced, { objective: 'cost' })).toMatchObject({ award: { objective: 'cost' } });
    expect(withSettings(base, { objective: 'meat' })).toMatchObject({ award: { objective: 'meat' } });
  });
});
