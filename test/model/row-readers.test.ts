/**
 * Each table's quick reader (model/row-schemas.ts, RowKind.read) must read
 * exactly what its zod schema reads: the same rows accepted, with the same
 * values. A row it declines goes to zod, which gives the message; so a reader
 * that accepted a row zod rejects would let a mistake through, and one that
 * gave another value would change the result.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { trickyCells } from '../helpers/tricky-cells.js';
import {
  areaRows,
  bidRows,
  currentRows,
  demandRows,
  providerRows,
  type RowKind,
  zoneRows,
} from '../../src/model/row-schemas.js';

const cell = fc.oneof(
  trickyCells,
  fc.string({ maxLength: 8 }),
  fc.double({ min: -200, max: 2e9 }).map(String),
);

/** A row of the table: each column mostly right (so that many rows are accepted), sometimes anything, sometimes absent. */
function rowOf(right: Record<string, fc.Arbitrary<string>>, optional: readonly string[]) {
  return fc.record(
    Object.fromEntries(
      Object.entries(right).map(([column, good]) => {
        const any = fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: cell, weight: 1 });
        return [column, optional.includes(column) ? fc.option(any, { nil: undefined, freq: 4 }) : any];
      }),
    ),
  );
}

function holdsToSchema<T>(
  rows: RowKind<T>,
  right: Record<string, fc.Arbitrary<string>>,
  optional: readonly string[] = [],
) {
  expect(Object.keys(right).sort()).toEqual([...rows.columns].sort());
  const schema = rows.schema();
  let accepted = 0;
  fc.assert(
    fc.property(rowOf(right, optional), (raw) => {
      const cells = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      const quick = rows.read(cells);
      const zod = schema.safeParse(cells);
      expect(quick).toEqual(zod.success ? zod.data : null);
      if (quick !== null) accepted++;
    }),
    { seed: 7, numRuns: 2000 },
  );
  // Most rows are right, so the comparison is not only of rejections.
  expect(accepted).toBeGreaterThan(200);
}

const id = fc.constantFrom('A1', 'E01000001', ' x.y-z_9 ', 'P-ACORN');
const careType = fc.constantFrom('standard', 'Complex', ' REABLEMENT');
const count = fc.oneof(
  fc.double({ min: 0, max: 2e6, noNaN: true }).map(String),
  fc.constantFrom('12', '1,200', '£3.5', ' 7 ', ''),
);
const score = fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.constantFrom('', ' 81 ', '100.0'));
const name = fc.constantFrom('Acorn Home Care Ltd', ' Hale, Ward & Co ', '');

describe('quick row readers accept exactly what their schemas accept, with the same values', () => {
  test('areas', () =>
    holdsToSchema(
      areaRows,
      {
        area_id: id,
        name,
        lat: fc.double({ min: -95, max: 95, noNaN: true }).map(String),
        lon: fc.double({ min: -185, max: 185, noNaN: true }).map(String),
        population: count,
        population_65_plus: count,
        rurality: fc.constantFrom('urban', 'Town', ' rural '),
        area_km2: fc.oneof(count, fc.constant('')),
      },
      ['area_km2'],
    ));

  test('zones', () => holdsToSchema(zoneRows, { area_id: id, zone_id: id }));

  test('demand', () =>
    holdsToSchema(
      demandRows,
      {
        area_id: id,
        care_type: careType,
        period: fc.constantFrom('2027', ' 2027-q4 ', 'Year 1', ''),
        hours_per_week: count,
        hours_low: count,
        hours_high: count,
      },
      ['hours_low', 'hours_high'],
    ));

  test('providers', () =>
    holdsToSchema(
      providerRows,
      {
        provider_id: id,
        name,
        max_hours_per_week: count,
        min_viable_hours_per_week: count,
        quality_score: score,
        base_area_id: fc.oneof(id, fc.constantFrom('', ' ', 'A 1')),
      },
      ['base_area_id'],
    ));

  test('bids', () =>
    holdsToSchema(
      bidRows,
      {
        bid_id: id,
        provider_id: id,
        care_type: careType,
        coverage: fc.constantFrom('*', 'Z1;Z2', ' Z-WAT ', ''),
        price_per_hour: fc.oneof(
          fc.double({ min: 0, max: 11_000, noNaN: true }).map(String),
          fc.constantFrom('0', '£24.60'),
        ),
        max_hours_per_week: count,
        role: fc.constantFrom('', 'any', 'Lead', ' secondary '),
        package_id: fc.oneof(id, fc.constantFrom('', ' ', 'P K')),
        quality_score: score,
        structures: fc.constantFrom('', 'sole;lead-secondary', ' Framework ; sole;sole', 'prime-secondaries'),
      },
      ['quality_score', 'structures'],
    ));

  test('current', () =>
    holdsToSchema(currentRows, {
      area_id: id,
      care_type: careType,
      provider_id: id,
      hours_per_week: count,
    }));
});
