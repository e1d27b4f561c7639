/**
 * The demand fast path (model/demand-fast-path.ts) must read exactly what
 * demandInputSchema reads: the same rows accepted, with the same values, and
 * every row it declines left to zod (which then gives the message).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { trickyCells } from '../helpers/tricky-cells.js';
import { demandRowReader } from '../../src/model/demand-fast-path.js';
import { demandInputSchema } from '../../src/model/row-schemas.js';

const cell = fc.oneof(
  trickyCells,
  fc.string({ maxLength: 8 }),
  fc.double({ min: -10, max: 2e6 }).map(String),
);
/** Mostly right values of a column, so that many rows are accepted, and now and then anything. */
const column = (right: fc.Arbitrary<string>) =>
  fc.oneof({ arbitrary: right, weight: 5 }, { arbitrary: cell, weight: 1 });
const hours = fc.oneof(
  fc.double({ min: 0, max: 1e6, noNaN: true }).map(String),
  fc.constantFrom('12', '1,200', '£3.5'),
);

describe('demandRowReader', () => {
  test('accepts exactly the rows demandInputSchema accepts, with the same values', () => {
    const read = demandRowReader();
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.record({
          area_id: column(fc.constantFrom('A1', 'E01000001', 'x.y-z_9')),
          care_type: column(fc.constantFrom('standard', 'Complex', 'REABLEMENT')),
          period: column(fc.constantFrom('2027', '2027-q4', 'Year 1')),
          hours_per_week: column(hours),
          hours_low: fc.option(column(hours), { nil: undefined }),
          hours_high: fc.option(column(fc.oneof(hours, fc.constant(''))), { nil: undefined }),
        }),
        (raw) => {
          const cells = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<
            string,
            string
          >;
          const fast = read(cells);
          const zod = demandInputSchema().safeParse(cells);
          expect(fast).toEqual(zod.success ? zod.data : null);
          if (fast !== null) accepted++;
          runs++;
        },
      ),
      { seed: 42, numRuns: 3000 },
    );
    expect(runs).toBe(3000);
    expect(accepted).toBeGreaterThan(500);
  });

  test('a plain row is read, with low and high taken from the central estimate when empty', () => {
    const read = demandRowReader();
    expect(
      read({
        area_id: 'E01000001',
        care_type: 'Standard',
        period: '2027',
        hours_per_week: '1,200.5',
        hours_low: '',
      }),
    ).toEqual({
      areaId: 'E01000001',
      careType: 'standard',
      period: '2027',
      hours: 1200.5,
      low: 1200.5,
      high: 1200.5,
    });
  });
});
