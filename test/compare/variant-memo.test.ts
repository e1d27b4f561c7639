/**
 * Batch workers reuse the answer of a model they have solved before
 * (solve/solve-memo.ts), and a neighbour's scenario parts and lots
 * (compare/overrides-memo.ts, lots/tender-lots-memo.ts). A row must not
 * depend on it: variants of the county that share models, run through a
 * worker's memory (compare/variant-memory.ts), give exactly the rows (apart
 * from the solve's wall time) that a solve of every variant from scratch gives.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseBatchFile, type Variant } from '../../src/compare/batch-file.js';
import { runVariant, type BatchRow, type VariantRunOptions } from '../../src/compare/run-variant.js';
import { variantMemory } from '../../src/compare/variant-memory.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import type { SolverBackend } from '../../src/solve/program.js';

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
        // Neighbours that differ in award rules the lots do read: the quality bar and legal pay.
        ...[60, 70, 70, 80].map((minQuality, i) => ({
          overrides: {
            zoning: 'districts',
            option: 'lead-80-20',
            priceChanges: { standard: 0.99 },
            award: { minQuality, rejectBelowLegalPay: i !== 2 },
          },
        })),
        // A mistake outside the award rules, worded as applyOverrides words it.
        { overrides: { zoning: 'nowhere', award: { maxShareOfTotalHours: 0.3 } } },
        { overrides: { zoning: 'nowhere', award: { maxShareOfTotalHours: 0.4 } } },
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

async function rows(
  memory: Omit<VariantRunOptions, 'timeLimit' | 'inputHash' | 'version'>,
): Promise<BatchRow[]> {
  const { scenario, inputHash } = await readScenario(path.resolve('scenarios/hertfordshire'));
  if (scenario === null) throw new Error('the bundled county does not read');
  const out: BatchRow[] = [];
  for (const variant of variants())
    out.push(await runVariant(scenario, variant, { ...memory, timeLimit: 60, inputHash, version: 'test' }));
  return out;
}

describe('batch variants through the solve memo', () => {
  test('give the same rows as solving every model, with fewer solves', async () => {
    const plain = countedHighs();
    const memo = countedHighs();
    const solved = await rows({ backend: plain.backend });
    const remembered = await rows(variantMemory(memo.backend));
    expect(remembered.map((r) => ({ ...r, solveSeconds: 0 }))).toEqual(
      solved.map((r) => ({ ...r, solveSeconds: 0 })),
    );
    // The set covers both paths: awards, and impossible variants with their diagnosis
    // (the two at 105% demand with sole lots, and the quality bar of 80).
    expect(solved.filter((r) => r.status === 'infeasible')).toHaveLength(3);
    // The quality bar and legal pay change the lots: neighbours that differ only there differ in their rows.
    const [q60, q70, q70pay, q80] = solved.slice(2, 6);
    expect(new Set([q60, q70, q70pay, q80].map((r) => JSON.stringify(r?.metrics)))).toHaveProperty('size', 4);
    expect(solved.filter((r) => r.error?.includes('zoning "nowhere"'))).toHaveLength(2);
    expect(solved.filter((r) => r.status === 'optimal').length).toBeGreaterThan(10);
    // Non-binding share caps build one model: the memo must actually have answered some.
    expect(memo.solves()).toBeLessThan(plain.solves());
    expect(remembered.some((r) => r.solveSeconds === 0 && r.status === 'optimal')).toBe(true);
  });
});
