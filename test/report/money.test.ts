/**
 * Money in the printed summaries: a sum of £1,000-£9,999 is whole pounds with a
 * thousands separator, as zonal prints money elsewhere (explore12: zonal compare said
 * "sole@designed-2 costs £1196.00 a year less", beside "£137k" and "£10.62m").
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/report/summary.js';

describe('money', () => {
  it('keeps pence on prices an hour and small sums', () => {
    expect(money(26.26)).toBe('£26.26');
    expect(money(999.5)).toBe('£999.50');
  });
  it('writes £1,000-£9,999 as whole pounds with a separator', () => {
    expect(money(1196)).toBe('£1,196');
    expect(money(9999.4)).toBe('£9,999');
    expect(money(-4888.2)).toBe('-£4,888');
    expect(money(1196, 'EUR')).toBe('EUR 1,196');
  });
  it('rounds larger sums to thousands and millions', () => {
    expect(money(137_000)).toBe('£137k');
    expect(money(10_621_104)).toBe('£10.62m');
  });
});
