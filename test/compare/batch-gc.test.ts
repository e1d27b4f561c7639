import { describe, expect, test } from 'vitest';
import { scavengeFlag } from '../../src/compare/batch-gc.js';

describe('a batch worker scavenges in parallel only with a core to spare', () => {
  test.each([
    [1, 2, '--parallel-scavenge'],
    [2, 2, '--no-parallel-scavenge'],
    [3, 2, '--no-parallel-scavenge'],
    [3, 8, '--parallel-scavenge'],
    [8, 8, '--no-parallel-scavenge'],
  ])('%i workers on %i cores: %s', (workers, cores, flag) => {
    expect(scavengeFlag(workers, cores)).toBe(flag);
  });
});
