/**
 * The LP export round-trips: HiGHS reading `toLpText(program)` as text finds
 * the same optimal objective as the zonal pipeline on the program itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario, instanceSizes } from '../../src/bench/generate.js';
import type { Scenario } from '../../src/model/types.js';
import { programFor } from '../../src/pipeline.js';
import { toLpText } from '../../src/solve/lp-format.js';
import { loadHighs } from '../helpers/highs-runtime.js';
import { randomScenario } from '../helpers/random-scenario.js';
import { awardOrDiagnosis, close } from '../helpers/run.js';

const highs = await loadHighs();

async function roundTrip(scenario: Scenario): Promise<void> {
  const built = programFor(scenario, {});
  if (typeof built === 'string') throw new Error(built);
  const fromText = highs.solve(toLpText(built.program), {
    mip_rel_gap: 1e-6,
    time_limit: 30,
    output_flag: false,
  });
  const result = await awardOrDiagnosis(scenario);
  if (result.status === 'infeasible') {
    expect(fromText.Status).toBe('Infeasible');
    return;
  }
  expect(result.status).toBe('optimal');
  expect(fromText.Status).toBe('Optimal');
  expect(close(fromText.ObjectiveValue, result.objective.value, 1e-5)).toBe(true);
}

describe('LP export round trip', () => {
  it('gives the same optimum on random scenarios (both objectives, framework lots)', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario(), async (scenario) => {
        await roundTrip(scenario);
        checked++;
      }),
      { seed: 42, numRuns: 40 },
    );
    expect(checked).toBe(40);
  });

  it('gives the same optimum on a generated S instance', async () => {
    await roundTrip(generateScenario(instanceSizes.S, 2));
  });
});
