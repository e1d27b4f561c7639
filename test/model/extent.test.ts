import { describe, expect, it } from 'vitest';
import { boundsOf, rangeOf } from '../../src/model/extent.js';

// More values than a call takes arguments: Math.min(...values) overflows the stack from about 120,000.
const many = 1_000_000;

describe('the range of many numbers and the bounds of many points', () => {
  it('are found by a loop, for more values than Math.min(...values) can take', () => {
    const values = Array.from({ length: many }, (_, i) => (i * 7919) % many);
    expect(rangeOf(values)).toEqual({ min: 0, max: many - 1 });
    const points = values.map((v, i): [number, number] => [v, -1 - i]);
    expect(boundsOf(points)).toEqual({ x: { min: 0, max: many - 1 }, y: { min: -many, max: -1 } });
  });

  it('are empty (min Infinity, max -Infinity) with no values', () => {
    expect(rangeOf([])).toEqual({ min: Infinity, max: -Infinity });
    expect(boundsOf([])).toEqual({
      x: { min: Infinity, max: -Infinity },
      y: { min: Infinity, max: -Infinity },
    });
  });
});
