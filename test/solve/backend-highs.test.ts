/**
 * What the HiGHS backend says when HiGHS stops with no plan: at its time limit, that it ran
 * out of time (a longer --time-limit may find one), not only its model status number.
 */
import { describe, expect, test } from 'vitest';
import { highsBackend } from '../../src/solve/backend-highs.js';
import type { Program } from '../../src/solve/program.js';

/** Twelve binaries that must sum to exactly 6, with costs that make the choice matter. */
function choose6of12(): Program {
  const variables = Array.from({ length: 12 }, (_, i) => ({
    name: `x${i}`,
    cost: ((i * 7) % 12) + 1,
    lower: 0,
    upper: 1,
    integer: true,
    meaning: { kind: 'unmet', lotId: `l${i}`, careType: 'standard' },
  })) as unknown as Program['variables'];
  return {
    sense: 'min',
    variables,
    rows: [{ name: 'six', lower: 6, upper: 6, terms: variables.map((_, i) => [i, 1] as [number, number]) }],
  } as unknown as Program;
}

describe('the HiGHS backend', () => {
  test('with no time to find a plan, says it ran out of time and what to do', async () => {
    const out = await highsBackend.solve(choose6of12(), { timeLimit: 0, relativeGap: 0 });
    expect(out).toMatchObject({
      status: 'error',
      message: expect.stringMatching(
        /^HiGHS found no plan within the time limit of 0 s, and did not prove that none exists \(model status 13\): give a longer --time-limit/,
      ),
    });
  });

  test('with time, the same program is solved', async () => {
    const out = await highsBackend.solve(choose6of12(), { timeLimit: 10, relativeGap: 0 });
    expect(out.status).toBe('optimal');
  });
});
