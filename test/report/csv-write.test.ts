import { parseString, writeToString } from 'fast-csv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, escapeCell, toCsv, type Cell } from '../../src/report/csv-write.js';

// Text full of what CSV must quote, and what a spreadsheet would run as a formula.
const text = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '1',
    ' ',
    ',',
    '"',
    '\n',
    '\r',
    '=',
    '+',
    '-',
    '@',
    '\t',
    '£',
    'é',
    '|',
    ';',
  ),
  maxLength: 12,
});
const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const row = fc.array(cell, { minLength: 2, maxLength: 6 });

/** What fast-csv's reader makes of a CSV text: its rows of fields. */
function readBack(csv: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(csv, { headers: false })
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

/** A row's cells as read back: fast-csv's reader reads a first field of spaces alone as empty. */
const asRead = (r: readonly Cell[]): string[] =>
  r.map((c, i) => String(escapeCell(c)).replace(i === 0 ? /^ +$/ : /^$/, ''));

describe('CSV lines', () => {
  it('read back by fast-csv as the cells written (formula cells with their quote mark)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), async (rows) => {
        const csv = toCsv(['first', 'second'], rows);
        expect(await readBack(csv)).toEqual([['first', 'second'], ...rows.map(asRead)]);
      }),
      { numRuns: 300 },
    );
  });

  it("are fast-csv's own lines, but for a field holding '|', which fast-csv also quoted", async () => {
    const noBar = (r: Cell[]) => r.every((c) => typeof c !== 'string' || !c.includes('|'));
    await fc.assert(
      fc.asyncProperty(row.filter(noBar), async (r) => {
        const fast = await writeToString([r.map(escapeCell)], {
          headers: false,
          includeEndRowDelimiter: true,
        });
        expect(csvLine(r)).toBe(fast);
      }),
      { numRuns: 300 },
    );
  });

  it('quote only what needs it, and double quote marks', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', 3.5, null, true, '=SUM(A1)'])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",3.5,,true,\'=SUM(A1)\n',
    );
  });
});
