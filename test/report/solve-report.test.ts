import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { outputFiles, solveFileNames } from '../../src/report/output-files.js';
import { renderedFiles } from '../../src/report/rendered-files.js';
import { headlineTiles } from '../../src/report/html/headline.js';
import { renderSolveReport } from '../../src/report/html/solve-report.js';
import { contractLines } from '../../src/contract/summary-lines.js';
import { solved } from '../helpers/run.js';
import { runScenario } from '../../src/pipeline.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { ruleCostLines } from '../../src/explain/summary-text.js';
import { formatSummary } from '../../src/report/summary.js';
import { bid, demand, lotEntry, twoAreaZones } from '../helpers/scenario-builder.js';
import { paymentSchema } from '../../src/model/contract-settings.js';

const hostile = `Care <b>&</b> "Co" 'Ltd' </td><script>alert(1)</script>`;

/** The tiny scenario with one provider renamed to a name full of HTML specials. */
async function tiny(): Promise<Scenario> {
  const read = await readScenario('scenarios/tiny');
  if (read.scenario === null) throw new Error('scenarios/tiny did not load');
  return {
    ...read.scenario,
    providers: read.scenario.providers.map((p, i) => (i === 0 ? { ...p, name: hostile } : p)),
  };
}

/** A result as it was before scoring existed: no risk, viability, floors, flags or explanations. */
function unscored(result: Result): Result {
  return {
    ...result,
    lots: result.lots.map(({ riskDetail: _r, explanation: _e, ...l }) => ({
      ...l,
      risk: {},
      riskScore: 0,
      costFloorPerHour: 0,
    })),
    providers: result.providers.map(({ viabilityDetail: _v, ...p }) => ({
      ...p,
      viability: {},
      viabilityScore: 0,
    })),
    flags: [],
  };
}

describe('report.html for a solve', () => {
  let scenario: Scenario;
  let result: Result;
  let page: string;
  beforeAll(async () => {
    scenario = await tiny();
    result = await solved(scenario);
    page = renderSolveReport(result, scenario);
  });

  it('is one self-contained page: no script, no external reference', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(page).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(page).toContain("default-src 'none'");
  });

  it('shows a provider name with <, & and quotes as text', () => {
    expect(page).not.toContain(hostile);
    const { document } = parseHTML(page);
    const cells = [...document.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toContain(hostile);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('draws one shape per area on both maps and one border per zone', () => {
    const { document } = parseHTML(page);
    const maps = [...document.querySelectorAll('figure.map')];
    expect(maps).toHaveLength(2);
    const zones = new Set(scenario.zonings.get(result.zoning)?.values()).size;
    for (const map of maps) {
      expect(map.querySelectorAll('g.area path')).toHaveLength(scenario.areas.length);
      expect(map.querySelectorAll('g.zone-border path')).toHaveLength(zones);
    }
  });

  it('has the four charts, each followed by its table, and the inputs and run details', () => {
    const { document } = parseHTML(page);
    expect([...document.querySelectorAll('figure.chart')].map((f) => f.id)).toEqual([
      'cost',
      'risk',
      'viability',
      'price',
    ]);
    expect(document.querySelectorAll('figure.chart svg.zonal-plot').length).toBeGreaterThanOrEqual(4);
    for (const figure of document.querySelectorAll('figure.chart'))
      expect(figure.nextElementSibling?.tagName.toLowerCase()).toBe('table');
    const text = document.body.textContent ?? '';
    for (const needle of [result.run.inputHash, result.run.solver, `version`, 'Input hash', result.zoning])
      expect(text).toContain(needle);
  });

  it('says what is not computed instead of drawing empty charts', () => {
    const bare = renderSolveReport(unscored(result), scenario);
    expect(bare).toContain('Risk has not been computed');
    expect(bare).toContain('Cost floors have not been computed');
    expect(bare).toContain('Viability scores have not been computed');
    expect(bare).toContain('explanations not computed');
  });

  it('is the same for the same input, and is written by outputFiles', async () => {
    expect(renderSolveReport(result, scenario)).toBe(page);
    const files = await outputFiles(result, renderedFiles(result, scenario));
    expect(files.get('report.html')).toBe(page);
  });

  it("makes the result's own files before it waits for the report thread's", async () => {
    const rendered = await renderedFiles(result, scenario);
    let hand: (files: typeof rendered) => void = () => undefined;
    const later = new Promise<typeof rendered>((resolve) => (hand = resolve));
    let read = 0;
    const watched = new Proxy(result, {
      get: (target, key, receiver) => {
        read++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const files = outputFiles(watched, later);
    const readBeforeRendered = read;
    hand(rendered);
    expect(readBeforeRendered).toBeGreaterThan(0);
    // Every file a solve writes, in solveFileNames' order; demand-samples.json only with --samples.
    expect([...(await files).keys()]).toEqual(solveFileNames.filter((f) => f !== 'demand-samples.json'));
  });

  it('marks a score tile by the figure it shows: risk "50 / 100" is marked, viability "50 / 100" is not', () => {
    const nearFifty: Result = {
      ...result,
      totals: { ...result.totals, riskScore: 49.6, viabilityScore: 49.6 },
    };
    const { document } = parseHTML(`<div>${headlineTiles(nearFifty).text}</div>`);
    const tile = (label: string) =>
      [...document.querySelectorAll('.headline div')].find((d) => d.textContent?.includes(label));
    expect(tile('risk (higher is worse)')?.querySelector('b')?.textContent).toBe('50 / 100');
    expect(tile('risk (higher is worse)')?.classList.contains('warn')).toBe(true);
    expect(tile('provider viability')?.querySelector('b')?.textContent).toBe('50 / 100');
    expect(tile('provider viability')?.classList.contains('warn')).toBe(false);
  });

  it('does not change the result or the scenario', () => {
    const before = JSON.stringify(result);
    renderSolveReport(result, scenario);
    expect(JSON.stringify(result)).toBe(before);
  });
});

describe('the whole contract in report.html', () => {
  it('shows the contract years, their totals and the payment models on the bundled county, and nothing without them', async () => {
    const read = await readScenario('scenarios/hertfordshire');
    if (read.scenario === null) throw new Error('scenarios/hertfordshire did not load');
    const result = await solved(read.scenario);
    const { contract, payment } = result;
    if (contract === undefined || payment === undefined)
      throw new Error('the county asks for a contract and payment models');
    const { document } = parseHTML(renderSolveReport(result, read.scenario));
    const section = document.querySelector('#contract');
    const text = section?.textContent ?? '';
    const pounds = (x: number) => `£${Math.round(x).toLocaleString('en-GB')}`;
    for (const y of contract.years) expect(text).toContain(y.period);
    expect(text).toContain(pounds(contract.nominalTotal));
    expect(text).toContain(pounds(contract.discountedTotal));
    const rows = [...(section?.querySelectorAll('table') ?? [])].at(-1)?.querySelectorAll('tbody tr') ?? [];
    const cells = [...rows].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells.map((c) => c[0])).toEqual([...payment.compare]);
    // Capitated pay moves the demand risk to the provider; by the hour it stays with the council.
    expect(cells.map((c) => [c[0], c[1], c.at(-1)])).toEqual(
      payment.compare.map((model) => [
        model,
        pounds(payment.totals[model]?.cost.central ?? Number.NaN),
        model === 'capitated' ? 'provider' : 'council',
      ]),
    );

    // Every winning price of the county is below its floor from the first year: the later-year
    // table is empty for that reason, and says so, not as if the prices cleared their floors (explore9).
    const floors = new Map(result.lots.map((l) => [l.lotId, l.costFloorPerHour]));
    const winners = result.allocations.filter((a) => a.role !== 'backup');
    expect(winners.every((a) => a.pricePerHour < (floors.get(a.lotId) ?? 0))).toBe(true);
    expect(contract.floorFlags).toEqual([]);
    expect(text).toContain(
      `none can fall below it later: all ${winners.length} winning prices are below their cost floor from the first year (see Winning bids).`,
    );

    expect(text).not.toContain('not in them');
    const capped = await solved({
      ...read.scenario,
      award: { ...read.scenario.award, maxShareOfTotalHours: 0.1 },
    });
    const unmet = capped.totals.unmetHoursPerWeek;
    expect(unmet).toBeGreaterThan(0);
    const cappedText = parseHTML(renderSolveReport(capped, read.scenario)).document.querySelector(
      '#contract',
    )?.textContent;
    expect(cappedText).toContain(
      `the ${unmet.toLocaleString('en-GB', { maximumFractionDigits: 1 })} hours a week left unmet are not in them`,
    );

    // A tender in euros: the later-floor table's headers name no pound (explore15).
    const flag = {
      period: '2029',
      lotId: 'standard:Z-EH',
      bidId: 'B-X',
      providerId: 'P-LEA',
      pricePerHour: 30,
      floorPerHour: 31,
      reason: 'wage',
    };
    const euros: typeof result = {
      ...result,
      currency: 'EUR',
      contract: { ...contract, floorFlags: [flag] },
    };
    const flagged = [
      ...parseHTML(renderSolveReport(euros, read.scenario)).document.querySelectorAll('#contract th'),
    ].map((th) => th.textContent ?? '');
    expect(flagged).toContain('floor per hour');
    expect(flagged.filter((h) => h.includes('£'))).toEqual([]);

    const plain = await solved(await tiny());
    expect(plain.contract).toBeUndefined();
    expect(parseHTML(renderSolveReport(plain, await tiny())).document.querySelector('#contract')).toBeNull();
  });
});

describe('the award as it will be paid in report.html', () => {
  it('follows the models compared with the award under payment.lots, from result.json payment.chosen', async () => {
    const read = await readScenario('scenarios/hertfordshire');
    if (read.scenario === null || read.scenario.payment === undefined)
      throw new Error('scenarios/hertfordshire did not load with its payment models');
    const scenario = {
      ...read.scenario,
      payment: { ...read.scenario.payment, lots: { reablement: 'capitated' as const } },
    };
    const result = await solved(scenario);
    const payment = result.payment;
    if (payment === undefined) throw new Error('the county compares payment models');
    expect(payment.chosen.cost.central).not.toBe(payment.totals.hourly?.cost.central);
    const section = parseHTML(renderSolveReport(result, scenario)).document.querySelector('#contract');
    const rows = [...(section?.querySelectorAll('table') ?? [])].at(-1)?.querySelectorAll('tbody tr') ?? [];
    const last = [...([...rows].at(-1)?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    const pounds = (x: number) => `${x < 0 ? '-' : ''}£${Math.abs(Math.round(x)).toLocaleString('en-GB')}`;
    const { cost, providerMargin } = payment.chosen;
    expect(last).toEqual([
      'as paid (reablement capitated, the rest hourly)',
      pounds(cost.central),
      pounds(cost.low),
      pounds(cost.high),
      pounds(providerMargin.central),
      `${pounds(providerMargin.low)} to ${pounds(providerMargin.high)}`,
      'council and provider, by lot',
    ]);
    // The printed summary names the award as paid in the same words.
    expect(contractLines(result).some((l) => l.startsWith(`  ${last[0]}: `))).toBe(true);
  });
});

describe('the payment models of report.html, when a lot has no award', () => {
  it('leaves the unawarded lot out of who carries the demand risk, and says its hours are not in the figures', async () => {
    // Reablement is to be paid capitated but nobody bid for it: no provider carries its demand risk.
    const county = twoAreaZones(['P1'], [bid('B1', 'P1', ['A1', 'A2'], { price: 30 })], {
      demand: [demand('A1', 100), demand('A2', 100), demand('A1', 20, { careType: 'reablement' })],
      lotPlan: { standard: lotEntry(), reablement: lotEntry({ geography: 'county' }) },
    });
    const scenario: Scenario = {
      ...county,
      payment: paymentSchema().parse({ compare: ['hourly', 'capitated'], lots: { reablement: 'capitated' } }),
    };
    const result = await solved(scenario);
    expect(result.lots.find((l) => l.careType === 'reablement')?.allocatedHoursPerWeek).toBe(0);
    const section = parseHTML(renderSolveReport(result, scenario)).document.querySelector('#contract');
    const rows = [...(section?.querySelectorAll('table tbody tr') ?? [])].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['hourly', 'council'],
      ['capitated', 'provider'],
      ['as paid (reablement capitated, the rest hourly)', 'council'],
    ]);
    expect(section?.textContent).toContain(
      'These figures are what the winners are paid: the 20 hours a week left unmet are not in them.',
    );
  });
});

describe('the abnormally low tenders of report.html, when none is flagged', () => {
  /** Z1 bid by P1 and P2 a few pence apart at `z1Prices`, Z2 by P1 alone at £40. */
  const priced = (z1Prices: readonly [number, number]) =>
    twoAreaZones(
      ['P1', 'P2'],
      [
        bid('B1', 'P1', ['A1'], { price: z1Prices[0] }),
        bid('B2', 'P2', ['A1'], { price: z1Prices[1] }),
        bid('B3', 'P1', ['A2'], { price: 40 }),
      ],
    );
  const emptyText = async (scenario: Scenario) => {
    const result = await solved(scenario);
    expect(result.flags).toEqual([]);
    const floors = result.lots.map((l) => l.costFloorPerHour);
    expect(floors.every((f) => f > 26 && f < 40)).toBe(true);
    const { document } = parseHTML(renderSolveReport(result, scenario));
    const said = [...document.querySelectorAll('#award p.empty')].find((p) =>
      p.textContent?.startsWith('Abnormally low tenders'),
    );
    return said?.textContent ?? '';
  };

  it('does not say no winning price is below its floor when one is, only close to the other bids', async () => {
    expect(await emptyText(priced([25, 25.5]))).toBe(
      "Abnormally low tenders (rows in red: below the legal wage floor): none: 1 of the 2 winning prices is below its zone's cost floor, but not flagged: a flag needs a price below the floor by more than the scoring tolerance and well below the other providers' bids for its lot (see Winning bids for every margin).",
    );
  });

  it('says no winning price is below its floor when none is', async () => {
    expect(await emptyText(priced([38, 39]))).toBe(
      "Abnormally low tenders (rows in red: below the legal wage floor): none: no winning price is below its zone's cost floor.",
    );
  });
});

describe('the objective value of report.html, when hours are unmet', () => {
  it('says the figure counts the unmet hours at their penalty, not money paid', async () => {
    // Z2 has no bid: its 100 h/week are unmet, and the objective is the cost plus 100 x 52 x £1,000.
    const scenario = twoAreaZones(['P1'], [bid('B1', 'P1', ['A1'], { price: 30 })], {
      award: { unmetPenaltyPerHour: 1000 },
    });
    const result = await solved(scenario);
    expect(result.totals.unmetHoursPerWeek).toBe(100);
    const run = (r: Result) => {
      const { document } = parseHTML(renderSolveReport(r, scenario));
      const terms = [...document.querySelectorAll('dl.settings dt')];
      return terms.find((dt) => dt.textContent === 'Objective value')?.nextElementSibling?.textContent;
    };
    expect(run(result)).toBe(
      "5,356,000 (the solver's figure, not money paid: it counts each unmet hour at award.unmetPenaltyPerHour, \u00a31,000.00/hour)",
    );
    const met: Result = { ...result, totals: { ...result.totals, unmetHoursPerWeek: 0 } };
    expect(run(met)).toBe('5,356,000');
  });

  it('says on a MEAT award that the figure is hours times their MEAT score, not money, less a penalty for the unmet hours', async () => {
    const scenario = twoAreaZones(['P1'], [bid('B1', 'P1', ['A1'], { price: 30 })], {
      award: { objective: 'meat' },
    });
    const result = await solved(scenario);
    expect(result.totals.unmetHoursPerWeek).toBe(100);
    const objectiveOf = (r: Result) => {
      const { document } = parseHTML(renderSolveReport(r, scenario));
      const terms = [...document.querySelectorAll('dl.settings dt')];
      return terms.find((dt) => dt.textContent === 'Objective value')?.nextElementSibling?.textContent ?? '';
    };
    const figure = result.objective.value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
    expect(result.objective.value).toBeLessThan(0);
    expect(objectiveOf(result)).toBe(
      `${figure} (the solver's figure, not money: each hour a week bought times its MEAT score, 0 to 1, less a penalty for each unmet hour, so it can be below 0)`,
    );
    const met: Result = { ...result, totals: { ...result.totals, unmetHoursPerWeek: 0 } };
    expect(objectiveOf(met)).toBe(
      `${figure} (the solver's figure, not money: each hour a week bought times its MEAT score, 0 to 1)`,
    );
  });
});

describe('the rule costs of report.html', () => {
  it('shows each rule in force with what relaxing it does, as zonal solve prints it, MEAT change and rules that do not bind included', async () => {
    const read = await readScenario('scenarios/hertfordshire');
    if (read.scenario === null) throw new Error('scenarios/hertfordshire did not load');
    const scenario = { ...read.scenario, award: { ...read.scenario.award, objective: 'meat' as const } };
    const outcome = await runScenario(scenario, {
      backend: highsBackend,
      timeLimit: 30,
      inputHash: 'test',
      version: 'test',
      ruleCosts: true,
    });
    if (outcome.kind !== 'ok') throw new Error('the county on MEAT has an award');
    const printed = ruleCostLines(outcome.result);
    expect(printed.some((l) => l.includes('MEAT score'))).toBe(true);
    expect(printed.some((l) => l.endsWith('the rule does not bind'))).toBe(true);
    const { document } = parseHTML(renderSolveReport(outcome.result, scenario));
    const section = document.querySelector('#rule-costs');
    expect(section?.querySelector('h2')?.textContent).toBe(
      'What each award rule costs (re-solved with the rule relaxed)',
    );
    const rows = [...(section?.querySelectorAll('tbody tr') ?? [])].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows.map(([rule, what, effect]) => `  ${rule} (${what}): ${effect}`)).toEqual(printed);
    // zonal solve renders report.html before the rule costs are known; the file written has them all the same.
    const { ruleCosts: _costs, ...beforeCosts } = outcome.result;
    const files = await outputFiles(outcome.result, renderedFiles(beforeCosts, scenario));
    expect(files.get('report.html')).toBe(renderSolveReport(outcome.result, scenario));
  });

  it('has no rule costs section when none was computed (a comparison does not re-solve)', async () => {
    const scenario = await tiny();
    const result = await solved(scenario);
    expect(result.ruleCosts).toBeUndefined();
    expect(renderSolveReport(result, scenario)).not.toContain('id="rule-costs"');
  });
});

describe('the largest share and the HHI, when hours are unmet', () => {
  it('say what each is a share of, in the printout and on the report tile: demand, and the hours bought', async () => {
    // Z2 has no bid: P1 holds all the hours bought, half of the demand.
    const scenario = twoAreaZones(['P1'], [bid('B1', 'P1', ['A1'], { price: 30 })]);
    const result = await solved(scenario);
    expect([result.totals.largestShare, result.totals.hhi]).toEqual([0.5, 10_000]);
    expect(formatSummary(result)).toContain(
      '1 provider; largest share 50.0% of demand; HHI 10,000 over the hours bought.',
    );
    const { document } = parseHTML(renderSolveReport(result, scenario));
    const tiles = [...document.querySelectorAll('.headline div')].map((d) => d.textContent);
    expect(tiles).toContain('50.0%largest provider share of demand (HHI 10,000 over the hours bought)');
    // With every hour bought the two bases are one: nothing to say.
    const met: Result = { ...result, totals: { ...result.totals, unmetHoursPerWeek: 0 } };
    expect(formatSummary(met)).toContain('1 provider; largest share 50.0%; HHI 10,000.');
  });
});
