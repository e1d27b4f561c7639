import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/io/csv-read.js';

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
    expect(await parseCsv('')).toEqual({ header: [], records: [] });
  });
});
