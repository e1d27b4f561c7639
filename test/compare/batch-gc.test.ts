import { describe, expect, test } from 'vitest';
import { scavengeFlag } from '../../src/compare/batch-gc.js';

describe('a thread scavenges in parallel only with a core to spare', () => {
  test.each([
    [1, 2, '--parallel-scavenge'],
    [2, 2, '--no-parallel-scavenge'],
    [3, 2, '--no-parallel-scavenge'],
    [3, 8, '--parallel-scavenge'],
    [8, 8, '--no-parallel-scavenge'],
  ])('%i threads on %i cores: %s', (threads, cores, flag) => {
    expect(scavengeFlag(threads, cores)).toBe(flag);
  });
});
