import { describe, expect, test } from 'vitest';
import { answersVariant, jsonlLine, readJournal } from '../../src/compare/batch-output.js';
import type { Variant } from '../../src/compare/batch-file.js';
import type { BatchRow } from '../../src/compare/run-variant.js';

const row = (
  id: string,
  index: number,
  status: BatchRow['status'],
  error: string | null = null,
): BatchRow => ({
  index,
  id,
  base: 'tiny',
  overrides: {},
  status,
  error,
  diagnosis: null,
  metrics: null,
  sampling: null,
  solveSeconds: 0,
});

describe('readJournal (--resume)', () => {
  test('keeps finished rows; drops failed rows and rows of a stopped worker, so --resume runs them again', () => {
    const text = [
      row('a', 0, 'optimal'),
      row('b', 1, 'failed', 'bad override'),
      row('c', 2, 'failed', 'the worker stopped: out of memory'),
      row('d', 3, 'feasible'),
    ]
      .map(jsonlLine)
      .join('');
    const kept = readJournal(
      text,
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 2],
        ['d', 3],
      ]),
    );
    expect(kept.map((r) => r.id)).toEqual(['a', 'd']);
  });
});

describe('answersVariant (--resume)', () => {
  const variant: Variant = { id: 'a', index: 0, base: 'tiny', overrides: {}, samples: null, seed: 1 };
  const sampled = {
    samples: 100,
    seed: 4,
    probUnmet: 0,
    meanUnmetHoursPerWeek: 0,
    p95UnmetHoursPerWeek: 0,
    probOverCapacity: 0,
    probBelowMinViable: 0,
    providers: [],
  };

  test('a row answers its variant while base, overrides and sampling are as defined', () => {
    expect(answersVariant(row('a', 0, 'optimal'), variant)).toBe(true);
    expect(answersVariant({ ...row('a', 0, 'optimal'), base: 'other' }, variant)).toBe(false);
    expect(answersVariant(row('a', 0, 'optimal'), { ...variant, overrides: { demandMultiplier: 1.1 } })).toBe(
      false,
    );
    expect(answersVariant(row('a', 0, 'optimal'), { ...variant, samples: 100 })).toBe(false);
    const withSampling = { ...row('a', 0, 'optimal'), sampling: sampled };
    expect(answersVariant(withSampling, { ...variant, samples: 100, seed: 4 })).toBe(true);
    expect(answersVariant(withSampling, { ...variant, samples: 100, seed: 5 })).toBe(false);
  });

  test('overrides in another key order are the same definition; an infeasible row answers whatever sampling was asked', () => {
    const both = { ...row('a', 0, 'optimal'), overrides: { zoning: 'two', demandMultiplier: 1.1 } };
    expect(answersVariant(both, { ...variant, overrides: { demandMultiplier: 1.1, zoning: 'two' } })).toBe(
      true,
    );
    expect(answersVariant(row('a', 0, 'infeasible'), { ...variant, samples: 100 })).toBe(true);
  });
});
