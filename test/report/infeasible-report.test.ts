import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { renderInfeasibleReport } from '../../src/report/html/infeasible-report.js';
import { awardOrDiagnosis } from '../helpers/run.js';

describe('report.html when no award is possible', () => {
  it('shows "no award possible" in the warning colours, not the green of a proven best award', async () => {
    const read = await readScenario('scenarios/tiny');
    if (read.scenario === null) throw new Error('scenarios/tiny did not load');
    const scenario = read.scenario;
    const impossible = { ...scenario, award: { ...scenario.award, minDistinctProviders: 40 } };
    const result = await awardOrDiagnosis(impossible);
    if (result.status !== 'infeasible') throw new Error(`expected no award, got ${result.status}`);
    const { document } = parseHTML(renderInfeasibleReport(result));
    const status = document.querySelector('header .status');
    expect(status?.textContent).toBe('no award possible');
    expect(status?.classList.contains('infeasible')).toBe(true);
  });
});
