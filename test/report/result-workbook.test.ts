/**
 * result.xlsx's summary sheet carries the figures the printed summary and report.html
 * give: the all-in cost, and with a contract term its totals. It had the annual cost
 * alone, so a workbook of an award that leaves hours unmet, or of a five-year contract,
 * did not show what the council would really spend.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { paymentSchema } from '../../src/model/contract-settings.js';
import type { Scenario } from '../../src/model/types.js';
import { resultWorkbookContent } from '../../src/report/xlsx/result-workbook.js';
import { solved } from '../helpers/run.js';

async function scenario(dir: string): Promise<Scenario> {
  const read = await readScenario(dir);
  if (read.scenario === null) throw new Error(`${dir} did not load`);
  return read.scenario;
}

const lines = (s: ReturnType<typeof resultWorkbookContent>) =>
  new Map(s.summary.map((l) => [l.label, l.value]));

describe('result.xlsx summary', () => {
  it('gives the all-in cost after the annual cost', async () => {
    // Tiny with reablement's bids cut below its demand: hours unmet, bought on spot contracts.
    const tiny = await scenario('scenarios/tiny');
    const short: Scenario = {
      ...tiny,
      bids: tiny.bids.map((b) => (b.careType === 'reablement' ? { ...b, maxHours: 10 } : b)),
    };
    const result = await solved(short);
    expect(result.totals.unmetHoursPerWeek).toBeGreaterThan(0);
    const summary = resultWorkbookContent(result).summary;
    const labels = summary.map((l) => l.label);
    expect(labels.slice(labels.indexOf('Annual cost'), labels.indexOf('Annual cost') + 2)).toEqual([
      'Annual cost',
      'All-in a year (unmet hours bought on spot contracts)',
    ]);
    expect(
      lines(resultWorkbookContent(result)).get('All-in a year (unmet hours bought on spot contracts)'),
    ).toBe(result.totals.allInAnnualCost);
  });

  it('says when a time limit stopped the search, and how far from the best the award may be', async () => {
    const result = await solved(await scenario('scenarios/tiny'));
    const label = 'Time limit reached: within this of the best possible';
    expect(lines(resultWorkbookContent(result)).has(label)).toBe(false);
    const stopped = lines(resultWorkbookContent({ ...result, status: 'feasible', gap: 0.086 }));
    expect(stopped.get('Status')).toBe('feasible');
    expect(stopped.get(label)).toBe(0.086);
    const unbounded = lines(resultWorkbookContent({ ...result, status: 'feasible', gap: null }));
    expect(unbounded.get(label)).toBe('unknown: allow more time (--time-limit)');
  });

  it('gives the contract totals, nominal and discounted, with the extension years', async () => {
    const result = await solved(await scenario('scenarios/hertfordshire'));
    const contract = result.contract;
    if (contract === undefined) throw new Error('hertfordshire has a contract');
    const got = lines(resultWorkbookContent(result));
    expect(got.get('Contract 2027-2031, nominal')).toBe(contract.nominalTotal);
    expect(got.get('Contract 2027-2031, discounted at 3.5% a year')).toBe(contract.discountedTotal);
    expect(got.get('With extensions to 2033, nominal')).toBe(contract.withExtensions?.nominalTotal);
    expect(got.get('With extensions to 2033, discounted')).toBe(contract.withExtensions?.discountedTotal);
  });

  it('says the contract totals leave out the unmet hours, when the award leaves some', async () => {
    const county = await scenario('scenarios/hertfordshire');
    const capped = { ...county, award: { ...county.award, maxShareOfTotalHours: 0.1 } };
    const result = await solved(capped);
    expect(result.totals.unmetHoursPerWeek).toBeGreaterThan(0);
    const got = lines(resultWorkbookContent(result));
    expect(got.get('Not in the contract totals: hours a week unmet (paid to no winner)')).toBe(
      result.totals.unmetHoursPerWeek,
    );
    const full = lines(resultWorkbookContent(await solved(county)));
    expect(full.has('Not in the contract totals: hours a week unmet (paid to no winner)')).toBe(false);
  });

  it("gives the transition's moved hours and one-off cost of change, as the printout and report.html do", async () => {
    const result = await solved(await scenario('scenarios/hertfordshire'));
    const transition = result.transition;
    if (transition === undefined) throw new Error('hertfordshire has current.csv');
    const got = lines(resultWorkbookContent(result));
    expect(got.get("Hours a week that change provider (of today's caseload)")).toBe(
      transition.movedHoursPerWeek,
    );
    expect(got.get('One-off cost of change (mobilisation and double running)')).toBe(transition.oneOffCost);
  });
});

describe('result.xlsx payment models', () => {
  // Tiny, compared hourly and core-reward, its reablement lot to be paid capitated (payment.lots).
  const paid = async (lots: Record<string, string>) => {
    const tiny = await scenario('scenarios/tiny');
    const payment = paymentSchema().parse({ compare: ['hourly', 'core-reward'], lots });
    return solved({ ...tiny, payment });
  };

  it('gives the bill as paid on the summary, the figure the printout and report.html give', async () => {
    const result = await paid({ reablement: 'capitated' });
    const chosen = result.payment?.chosen;
    if (chosen === undefined) throw new Error('the result has payment models');
    const got = lines(resultWorkbookContent(result));
    expect(got.get('As paid (reablement capitated, the rest hourly), expected a year')).toBe(
      chosen.cost.central,
    );
  });

  it("has a payment sheet with report.html's rows: each model compared, then as paid, with who carries the demand risk", async () => {
    const result = await paid({ reablement: 'capitated' });
    const p = result.payment;
    if (p === undefined) throw new Error('the result has payment models');
    const sheet = resultWorkbookContent(result).tables.find((t) => t.name === 'payment');
    expect(sheet?.columns.map((c) => c.header)).toEqual([
      'paid',
      'expected_a_year',
      'low',
      'high',
      'winners_margin_over_floor',
      'margin_low',
      'margin_high',
      'demand_risk_carried_by',
    ]);
    const asPaid = p.chosen;
    expect(sheet?.rows.map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      ['hourly', p.totals.hourly?.cost.central, 'council'],
      ['core-reward', p.totals['core-reward']?.cost.central, 'council'],
      [
        'as paid (reablement capitated, the rest hourly)',
        asPaid.cost.central,
        'council and provider, by lot',
      ],
    ]);
    expect(sheet?.rows.at(-1)?.slice(1, 7)).toEqual([
      asPaid.cost.central,
      asPaid.cost.low,
      asPaid.cost.high,
      asPaid.providerMargin.central,
      asPaid.providerMargin.low,
      asPaid.providerMargin.high,
    ]);
  });

  it('has no as-paid line when payment.lots chooses no model, and no payment sheet without payment settings', async () => {
    const compared = resultWorkbookContent(await paid({}));
    expect(compared.summary.some((l) => l.label.startsWith('As paid'))).toBe(false);
    expect(compared.tables.find((t) => t.name === 'payment')?.rows.map((r) => r[0])).toEqual([
      'hourly',
      'core-reward',
    ]);
    const none = resultWorkbookContent(await solved(await scenario('scenarios/tiny')));
    expect(none.tables.map((t) => t.name)).not.toContain('payment');
  });
});
