/**
 * docs/contract.md quotes the bundled county's contract, transition and
 * payment figures: solve scenarios/hertfordshire (with each transition setting
 * of the page's table) and check every quoted total is still what the engine
 * gives, so the page cannot drift from the code.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { wageRise } from '../../src/contract/indexation.js';
import { transitionSchema } from '../../src/model/contract-settings.js';
import { solved } from '../helpers/run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pounds = (x: number) =>
  `${x < 0 ? '-' : ''}£${Math.abs(x).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('docs/contract.md quotes the bundled county', () => {
  test('contract years and totals, and payment model totals', async () => {
    const { scenario } = await readScenario(`${root}scenarios/hertfordshire`);
    if (scenario === null) throw new Error('the bundled scenario does not read');
    const result = await solved(scenario);
    const doc = await readFile(`${root}docs/contract.md`, 'utf8');
    const contract = result.contract;
    const payment = result.payment;
    if (contract === undefined || payment === undefined) throw new Error('no contract or payment section');
    const quoted = [
      ...contract.years.map((y) => pounds(y.annualCost)),
      pounds(contract.nominalTotal),
      pounds(contract.discountedTotal),
      pounds(contract.withExtensions?.nominalTotal ?? 0),
      pounds(contract.withExtensions?.discountedTotal ?? 0),
      ...Object.values(payment.totals).flatMap((t) => [
        pounds(t.cost.low),
        pounds(t.cost.central),
        pounds(t.cost.high),
        pounds(t.providerMargin.central),
      ]),
    ];
    expect(quoted.filter((q) => !doc.includes(q))).toEqual([]);
  });

  test('the wage rise held after the published table is quoted as priced, to three decimals', async () => {
    // A reader checking the term by hand with the rounded 4.1% misses the county's figures by
    // £19,306.70 nominal: the engine holds 12.71 / 12.21 - 1 = 4.095%.
    const doc = await readFile(`${root}docs/contract.md`, 'utf8');
    const held = doc.split('\n').find((line) => line.startsWith('| 2027 on |'));
    expect(held).toContain(`${(wageRise(2030, {}) * 100).toFixed(3)}%`);
  });

  test('the transition table: moved hours, share, one-off cost and annual cost of each setting', async () => {
    const { scenario } = await readScenario(`${root}scenarios/hertfordshire`);
    if (scenario === null) throw new Error('the bundled scenario does not read');
    const doc = await readFile(`${root}docs/contract.md`, 'utf8');
    const settings: [string, Record<string, unknown>][] = [
      ['`{}` (defaults, reported only)', {}],
      ['`{"maxMovedShare": 0.3}`', { maxMovedShare: 0.3 }],
      ['`{"priceChange": true}`', { priceChange: true }],
    ];
    const rows = await Promise.all(
      settings.map(async ([label, setting]) => {
        const result = await solved({ ...scenario, transition: transitionSchema().parse(setting) });
        const t = result.transition;
        if (t === undefined) throw new Error('no transition section');
        const moved = t.movedHoursPerWeek.toLocaleString('en-GB', { maximumFractionDigits: 2 });
        const share = `${(t.movedShare * 100).toFixed(1)}%`;
        return `| ${label} | ${moved} | ${share} | ${pounds(t.oneOffCost)} | ${pounds(result.totals.annualCost)} |`;
      }),
    );
    expect(rows.filter((r) => !doc.includes(r))).toEqual([]);
  });
});
