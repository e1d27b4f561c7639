/**
 * Batch workers reuse the answer of a model they have solved before
 * (solve/solve-memo.ts). A row must not depend on it: variants of the county
 * that share models, run through the memo, give exactly the rows (apart
 * from the solve's wall time) that a solve of every model gives.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseBatchFile, type Variant } from '../../src/compare/batch-file.js';
import { runVariant, type BatchRow } from '../../src/compare/run-variant.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import type { SolverBackend } from '../../src/solve/program.js';
import { memoisedBackend } from '../../src/solve/solve-memo.js';

function variants(): Variant[] {
  const parsed = parseBatchFile(
    JSON.stringify({
      base: 'hertfordshire',
      variants: [
        // Impossible at 105% demand with sole lots: the diagnosis re-solves, through the memo too.
        {
          overrides: {
            zoning: 'quadrants',
            option: 'sole-backup',
            demandMultiplier: 1.05,
            award: { maxShareOfTotalHours: 0.2 },
          },
        },
        {
          overrides: {
            zoning: 'quadrants',
            option: 'sole-backup',
            demandMultiplier: 1.05,
            award: { maxShareOfTotalHours: 1 },
          },
        },
      ],
      grid: {
        zoning: ['districts'],
        option: ['lead-80-20'],
        demandMultiplier: [1, 1.1],
        'award.maxShareOfTotalHours': [0.2, 0.25, 0.3, 0.4, 0.5, 1],
      },
    }),
  );
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.variants;
}

/** HiGHS, counting the models it is given. */
function countedHighs(): { backend: SolverBackend; solves: () => number } {
  let solves = 0;
  return {
    backend: {
      name: highsBackend.name,
      solve(program, options) {
        solves++;
        return highsBackend.solve(program, options);
      },
    },
    solves: () => solves,
  };
}

async function rows(backend: SolverBackend): Promise<BatchRow[]> {
  const { scenario, inputHash } = await readScenario(path.resolve('scenarios/hertfordshire'));
  if (scenario === null) throw new Error('the bundled county does not read');
  const out: BatchRow[] = [];
  for (const variant of variants())
    out.push(await runVariant(scenario, variant, { backend, timeLimit: 60, inputHash, version: 'test' }));
  return out;
}

describe('batch variants through the solve memo', () => {
  test('give the same rows as solving every model, with fewer solves', async () => {
    const plain = countedHighs();
    const memo = countedHighs();
    const solved = await rows(plain.backend);
    const remembered = await rows(memoisedBackend(memo.backend));
    expect(remembered.map((r) => ({ ...r, solveSeconds: 0 }))).toEqual(
      solved.map((r) => ({ ...r, solveSeconds: 0 })),
    );
    // The set covers both paths: awards, and impossible variants with their diagnosis.
    expect(solved.filter((r) => r.status === 'infeasible')).toHaveLength(2);
    expect(solved.filter((r) => r.status === 'optimal').length).toBeGreaterThan(10);
    // Non-binding share caps build one model: the memo must actually have answered some.
    expect(memo.solves()).toBeLessThan(plain.solves());
    expect(remembered.some((r) => r.solveSeconds === 0 && r.status === 'optimal')).toBe(true);
  });
});
