import Papa from 'papaparse';
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

describe('CSV lines', () => {
  it('read back as the cells written (formula cells with their quote mark), one line per row', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const csv = toCsv(['first', 'second'], rows);
        const read = Papa.parse<string[]>(csv, { header: false, delimiter: ',', skipEmptyLines: false });
        expect(read.errors).toEqual([]);
        expect(read.data.slice(0, -1)).toEqual([
          ['first', 'second'],
          ...rows.map((r) => r.map((c) => String(escapeCell(c)))),
        ]);
        expect(read.data.at(-1)).toEqual(['']); // the text ends with a line break
      }),
      { numRuns: 500 },
    );
  });

  it('quote only what needs it, and double quote marks', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', 3.5, null, true, '=SUM(A1)', ' pad'])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",3.5,,true,\'=SUM(A1)," pad"\n',
    );
  });
});
