/**
 * The compact demand store gives back exactly the rows it was given, in
 * order, with their lines: every reader of scenario.demand sees the same rows
 * as when they were objects in an array.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demandTableBuilder, demandWhere, reviveDemand } from '../../src/model/demand-table.js';
import { careTypes, type DemandRow } from '../../src/model/types.js';

const rowArb: fc.Arbitrary<DemandRow> = fc.record({
  areaId: fc.constantFrom('E01000001', 'E01000002', 'N1', 'a-b.c_d'),
  careType: fc.constantFrom(...careTypes),
  period: fc.constantFrom('2027', '2028', '2027-q4', 'year 1'),
  hours: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
  low: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
  high: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
});

function tableOf(rows: readonly DemandRow[], firstLine = 2) {
  const builder = demandTableBuilder();
  rows.forEach((row, i) => {
    builder.push(row, firstLine + i);
  });
  return builder.finish();
}

describe('DemandTable', () => {
  it('comes back whole from a structured clone (the report thread gets the scenario that way)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const table = tableOf(rows);
        const cloned = reviveDemand(structuredClone(table));
        expect([...cloned]).toEqual([...table]);
        expect(reviveDemand(structuredClone(rows))).toEqual(rows);
      }),
    );
  });

  it('gives back every row, value for value (0 and -0 too), in order, with its line', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 200 }), (rows) => {
        const table = tableOf(rows, 5);
        expect(table.length).toBe(rows.length);
        expect([...table]).toEqual(rows);
        rows.forEach((row, i) => {
          expect(Object.is(table.row(i).hours, row.hours)).toBe(true);
          expect(table.line(i)).toBe(5 + i);
        });
      }),
      { seed: 10, numRuns: 200 },
    );
  });

  it('keeps rows past one chunk (65,536 rows) in order', () => {
    const rows = Array.from(
      { length: 150_000 },
      (_, i): DemandRow => ({
        areaId: `A${i % 7000}`,
        careType: careTypes[i % 3] ?? 'standard',
        period: String(2027 + (i % 5)),
        hours: i / 10,
        low: i / 20,
        high: i / 5,
      }),
    );
    const table = tableOf(rows);
    expect(table.length).toBe(150_000);
    for (const i of [0, 65_535, 65_536, 131_071, 131_072, 149_999]) {
      expect(table.row(i)).toEqual(rows[i]);
      expect(table.line(i)).toBe(i + 2);
    }
    let n = 0;
    for (const row of table) expect(row.hours).toBe((rows[n++] as DemandRow).hours);
    expect(n).toBe(150_000);
  });

  it('keeps every row, with its line, at and around each size a chunk grows to', () => {
    const row = (i: number): DemandRow => ({
      areaId: `A${i % 50}`,
      careType: careTypes[i % 3] ?? 'standard',
      period: '2027',
      hours: i,
      low: i / 2,
      high: 2 * i,
    });
    for (const length of [1023, 1024, 1025, 2048, 2049, 65_535, 65_536, 65_537]) {
      const table = tableOf(Array.from({ length }, (_, i) => row(i)));
      expect(table.length).toBe(length);
      for (let i = 0; i < length; i++) {
        const got = table.row(i);
        if (got.hours !== i || got.high !== 2 * i || got.areaId !== `A${i % 50}` || table.line(i) !== i + 2)
          expect({ length, i, got, line: table.line(i) }).toEqual({ length, i, got: row(i), line: i + 2 });
      }
      expect([...table].length).toBe(length);
    }
  });

  it('without(): the other rows, in order, with their own lines', () => {
    const rows = fc.sample(rowArb, { numRuns: 10, seed: 3 });
    const table = tableOf(rows).without(new Set([0, 4, 9]));
    expect([...table]).toEqual(rows.filter((_, i) => ![0, 4, 9].includes(i)));
    expect(Array.from({ length: table.length }, (_, i) => table.line(i))).toEqual([3, 4, 5, 7, 8, 9, 10]);
  });

  it('an empty table has no rows', () => {
    const table = tableOf([]);
    expect(table.length).toBe(0);
    expect([...table]).toEqual([]);
  });

  it('demandWhere picks the same rows from a table as from an array', () => {
    const rows = fc.sample(rowArb, { numRuns: 300, seed: 4 });
    const keep = (d: DemandRow) => d.period === '2027' && d.careType !== 'complex';
    const picked = demandWhere(tableOf(rows), keep);
    expect(picked).toEqual(rows.filter(keep));
    expect(picked.length).toBeGreaterThan(0);
    expect(demandWhere(rows, keep)).toEqual(picked);
  });
});
