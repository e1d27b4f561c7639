import { expect, test } from 'vitest';
import { flagValue } from '../../src/bench/bench-flag.js';

test('the value after a flag, or undefined when the flag or its value is missing', () => {
  const argv = ['--sizes', 'L,XL', '--repeats'];
  expect(flagValue(argv, '--sizes')).toBe('L,XL');
  expect(flagValue(argv, '--repeats')).toBeUndefined();
  expect(flagValue(argv, '--backends')).toBeUndefined();
});
