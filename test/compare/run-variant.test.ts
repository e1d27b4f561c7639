/**
 * A batch variant runs the pipeline with summaryOnly: it must leave out only
 * what a row never shows (lot explanations, the contract's years, the cost
 * of change) and give the same award, scores and payment figures as a full run.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { awardMetrics } from '../../src/compare/metrics.js';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import { runScenario } from '../../src/pipeline.js';
import { highsBackend } from '../../src/solve/backend-highs.js';

const county = path.resolve('scenarios/hertfordshire');

async function countyResult(summaryOnly: boolean): Promise<Result> {
  const { scenario, inputHash } = await readScenario(county);
  if (scenario === null) throw new Error('the bundled county does not read');
  const outcome = await runScenario(scenario, {
    backend: highsBackend,
    timeLimit: 60,
    inputHash,
    version: 'test',
    summaryOnly,
  });
  if (outcome.kind !== 'ok') throw new Error(`the county did not solve: ${outcome.kind}`);
  return outcome.result;
}

describe('runScenario with summaryOnly (batch rows)', () => {
  test('the same award, scores and payment models as a full run, without explanations, contract years or transition', async () => {
    const full = await countyResult(false);
    const summary = await countyResult(true);
    // The county asks for every section, so leaving them out is visible.
    expect(full.contract).toBeDefined();
    expect(full.transition).toBeDefined();
    expect(full.lots.some((l) => l.explanation !== undefined)).toBe(true);
    expect(summary.contract).toBeUndefined();
    expect(summary.transition).toBeUndefined();
    expect(summary.lots.every((l) => l.explanation === undefined)).toBe(true);

    const { contract: _c, transition: _t, run: _r1, ...fullRest } = full;
    const { run: _r2, ...summaryRest } = summary;
    expect({ ...summaryRest, lots: summary.lots }).toEqual({
      ...fullRest,
      lots: full.lots.map(({ explanation: _e, ...lot }) => lot),
    });
    expect(awardMetrics(summary)).toEqual(awardMetrics(full));
  });
});
