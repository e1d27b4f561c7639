/**
 * result.xlsx's summary sheet carries the figures the printed summary and report.html
 * give: the all-in cost, and with a contract term its totals. It had the annual cost
 * alone, so a workbook of an award that leaves hours unmet, or of a five-year contract,
 * did not show what the council would really spend.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
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
