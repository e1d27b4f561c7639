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

describe('variantName', () => {
  test('says which lot a lot setting is for, what merges into what, and which prices change (explore21)', () => {
    // Until 2026-12-02: "lead 80%, complex lead-secondary, lead 70%", "merge standard" and
    // "complex 1.05": a grid over two care types' lead shares gave rows named alike.
    const name = (overrides: Record<string, unknown>) => variantName({ id: 'v-0123456789ab', overrides });
    expect(
      name({
        lots: { standard: { leadShare: 0.8 }, complex: { structure: 'lead-secondary', leadShare: 0.7 } },
      }),
    ).toBe('lead 80%, complex lead-secondary, complex lead 70%');
    expect(name({ lots: { reablement: { merge: 'standard' } } })).toBe('reablement merged into standard');
    expect(name({ priceChanges: { 'P-ACORN': 1.1, complex: 1.05 } })).toBe(
      'P-ACORN prices × 1.1, complex prices × 1.05',
    );
    expect(name({ zoning: 'two', lots: { standard: { leadShare: 0.7 } } })).toBe('two, lead 70%');
  });
});
