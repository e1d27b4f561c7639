import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvText, csvTextOf, parseCsv, streamCsv } from '../../src/io/csv-read.js';

describe('parseCsv', () => {
  test('strips a UTF-8 BOM and reads CRLF line ends', async () => {
    const t = await parseCsv('\ufeffarea_id,name\r\nA1,Alpha\r\nA2,Beta\r\n');
    expect(t.header).toEqual(['area_id', 'name']);
    expect(t.records.map((r) => [r.line, r.cells['area_id'], r.cells['name']])).toEqual([
      [2, 'A1', 'Alpha'],
      [3, 'A2', 'Beta'],
    ]);
  });

  test('keeps commas, doubled quotes and line breaks inside quoted fields', async () => {
    const t = await parseCsv(
      'id,name\nA1,"Northby East, Kettle Green"\nA2,"he said ""hi"""\nA3,"two\nlines"\n',
    );
    expect(t.records.map((r) => r.cells['name'])).toEqual([
      'Northby East, Kettle Green',
      'he said "hi"',
      'two\nlines',
    ]);
  });

  test('counts physical lines: records after a quoted line break and blank lines keep their real line', async () => {
    const text = ['id,note', 'A1,"first\r\nsecond\r\nthird"', '', 'A2,plain', '   ', 'A3,"x"'].join('\r\n');
    const t = await parseCsv(text);
    expect(t.records.map((r) => [r.cells['id'], r.line])).toEqual([
      ['A1', 2],
      ['A2', 6],
      ['A3', 8],
    ]);
  });

  test('reports the real width of a row longer than the header and pads short rows', async () => {
    const t = await parseCsv('a,b\n1,2,3\n4\n');
    expect(t.records[0]?.width).toBe(3);
    expect(t.records[1]?.cells).toEqual({ a: '4', b: '' });
  });

  test('trims cells and header names', async () => {
    const t = await parseCsv(' a , b \n 1 , x y \n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.records[0]?.cells).toEqual({ a: '1', b: 'x y' });
  });

  test('an unterminated quote is an error, not a silent partial table', async () => {
    await expect(parseCsv('a,b\n1,"open\n2,3\n')).rejects.toThrow(/quoted field unterminated/);
  });

  test('an empty file has no header and no records', async () => {
    expect(await parseCsv('')).toEqual({ header: [], headerLine: 1, records: [] });
  });

  test('empty lines above the header (blank, or only commas) are skipped, and the header keeps its line', async () => {
    expect(await parseCsv('\n,,\na,b\n1,2\n')).toEqual({
      header: ['a', 'b'],
      headerLine: 3,
      records: [{ line: 4, cells: { a: '1', b: '2' }, width: 2 }],
    });
  });
});

describe('a small file read whole (csvTextOf) against the stream (csvText)', () => {
  const streamed = async (bytes: Buffer, cuts: number[], encoding: 'utf-8' | 'windows-1252') => {
    const chunks = [...new Set(cuts.map((c) => c % (bytes.length + 1)))]
      .sort((a, b) => a - b)
      .concat(bytes.length)
      .reduce<{ at: number; parts: Buffer[] }>(
        (acc, end) => ({ at: end, parts: [...acc.parts, bytes.subarray(acc.at, end)] }),
        { at: 0, parts: [] },
      ).parts;
    let text = '';
    for await (const t of Readable.from(chunks).pipe(csvText(undefined, encoding))) text += t as string;
    return text;
  };
  const csvish = fc.array(fc.constantFrom('a', ',', '"', '\r', '\n', '\ufeff', '£', 'é', ' '), {
    maxLength: 40,
  });

  test('the same text and the same records, for any bytes cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvish,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom('utf-8' as const, 'windows-1252' as const),
        async (chars, cuts, encoding) => {
          const bytes = Buffer.from(chars.join(''), 'utf8');
          const whole = csvTextOf(bytes, encoding);
          expect(whole).toBe(await streamed(bytes, cuts, encoding));
          const records = async (text: Readable | string) => {
            const out: unknown[] = [];
            await streamCsv(
              text,
              (h) => out.push(h) > 0,
              (r) => out.push(r),
            ).catch((e: Error) => out.push(`error: ${e.message}`));
            return out;
          };
          expect(await records(whole)).toEqual(
            await records(Readable.from([Buffer.from(whole, 'utf8')]).pipe(csvText())),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
