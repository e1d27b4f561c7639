/**
 * Messages write counts and hours as every figure is written, grouped by thousands and
 * without a sum's binary residue: a 50 MB demand.csv once read "period "2039" has 97,281
 * rows, the design period 2027 has 105000", and a county without a reablement lot
 * "demand.csv has 2895.2999999999993 hours of it".
 */
import { expect, test } from 'vitest';
import { lotMissingForDemand, periodShort } from '../../src/diagnostics/messages.js';

test('a short period: both row counts grouped by thousands', () => {
  expect(periodShort('2039', 97_281, '2027', 105_000)).toMatch(
    /^period "2039" has 97,281 rows, the design period 2027 has 105,000: /,
  );
  expect(periodShort('2O27', 1, '2027', 3)).toMatch(
    /^period "2O27" has 1 row, the design period 2027 has 3: /,
  );
});

test('a care type without a lot: its hours as hours a week, rounded and grouped', () => {
  const demand = { name: 'demand.csv', in: 'demand.csv', kind: 'file' } as const;
  expect(lotMissingForDemand('reablement', 2895.2999999999993, demand)).toMatch(
    /^lots has no entry for "reablement" but demand\.csv has 2,895 h\/week of it: /,
  );
});
