import { describe, expect, test } from 'vitest';
import { jsonlLine, readJournal } from '../../src/compare/batch-output.js';
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
