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
