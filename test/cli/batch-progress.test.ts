import { describe, expect, test } from 'vitest';
import { etaText } from '../../src/cli/commands/batch.js';

describe("the batch progress bar's time left", () => {
  test('is not shown until five rows of this run have landed (it showed "eta NFs", then a guess from the first row)', () => {
    expect(etaText(0, 504, 0, 0.3)).toBe('');
    expect(etaText(1, 504, 0, 1.1)).toBe('');
    // 12 rows kept by --resume are not this run's pace.
    expect(etaText(12, 504, 12, 1.5)).toBe('');
  });
  test("is the rows left at this run's pace, and gone at the end", () => {
    expect(etaText(100, 504, 0, 1)).toBe(' | eta 5s');
    expect(etaText(112, 504, 12, 2)).toBe(' | eta 8s');
    expect(etaText(504, 504, 0, 3.3)).toBe('');
  });
});
