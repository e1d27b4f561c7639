import { describe, expect, it } from 'vitest';
import { contractLines } from '../../src/contract/summary-lines.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { solved } from '../helpers/run.js';

describe('the whole contract in the printed summary', () => {
  it('says the term totals leave out the unmet hours, when the award leaves some', async () => {
    const { scenario } = await readScenario('scenarios/hertfordshire');
    if (scenario === null) throw new Error('the county reads');
    const capped = await solved({ ...scenario, award: { ...scenario.award, maxShareOfTotalHours: 0.1 } });
    expect(capped.totals.unmetHoursPerWeek).toBeGreaterThan(0);
    const lines = contractLines(capped);
    const term = lines.findIndex((l) => l.startsWith('  term '));
    expect(lines[term + 1]).toBe(
      `  not in these totals: the ${capped.totals.unmetHoursPerWeek.toLocaleString('en-GB', { maximumFractionDigits: 1 })} h/week unmet (paid to no winner)`,
    );
    const full = await solved(scenario);
    expect(full.totals.unmetHoursPerWeek).toBe(0);
    expect(contractLines(full).some((l) => l.includes('not in these totals'))).toBe(false);
  });
});

describe('the transition line of the printed summary', () => {
  it('writes the hours that change provider as report.html does, to one decimal place', async () => {
    const { scenario } = await readScenario('scenarios/hertfordshire');
    if (scenario === null) throw new Error('the county reads');
    const result = await solved(scenario);
    if (result.transition === undefined) throw new Error('the county has current care');
    // A current.csv of 900.333 h/week printed "1,400.333 of today's 2,900.333" where the report had 1,400.3.
    const odd = {
      ...result,
      transition: { ...result.transition, movedHoursPerWeek: 1400.333, currentHoursPerWeek: 2900.333 },
    };
    expect(contractLines(odd).find((l) => l.startsWith('  transition: '))).toMatch(
      /^ {2}transition: 1,400\.3 of today's 2,900\.3 h\/week change provider/,
    );
  });

  it('writes a small one-off cost as it is, not as £0.00m (review16)', async () => {
    const { scenario } = await readScenario('scenarios/hertfordshire');
    if (scenario === null) throw new Error('the county reads');
    const result = await solved(scenario);
    if (result.transition === undefined) throw new Error('the county has current care');
    const small = { ...result, transition: { ...result.transition, oneOffCost: 4571 } };
    expect(contractLines(small).find((l) => l.startsWith('  transition: '))).toMatch(/one-off cost £4,571$/);
    expect(contractLines(result).find((l) => l.startsWith('  transition: '))).toMatch(
      /one-off cost £3\.03m$/,
    );
  });
});
