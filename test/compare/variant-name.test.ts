import { describe, expect, test } from 'vitest';
import { settingLeaves, variantName } from '../../src/compare/variant-name.js';

describe('settingLeaves', () => {
  test('a share written "40%" is the number it runs with, so batch.xlsx sorts and filters it with 0.5 and 1 (explore21)', () => {
    // Until 2026-12-02 batch.xlsx's column held the text "40%" beside the numbers 50% and 100%:
    // sorted after them, and left out of a filter "greater than 35%".
    const overrides = { award: { maxShareOfTotalHours: '40%' }, lots: { standard: { leadShare: '70.5 %' } } };
    expect(settingLeaves(overrides)).toEqual([
      ['award.maxShareOfTotalHours', 0.4],
      ['lots.standard.leadShare', 0.705],
    ]);
    expect(variantName({ id: 'v-0123456789ab', overrides })).toBe('cap 40%, lead 70.5%');
    // Other text stays as written.
    expect(settingLeaves({ zoning: 'twelve', period: '2027' })).toEqual([
      ['zoning', 'twelve'],
      ['period', '2027'],
    ]);
  });
});
