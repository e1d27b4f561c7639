import { describe, expect, test } from 'vitest';
import { cellRef, columnName } from '../../src/report/xlsx/xlsx-xml.js';

describe('columnName', () => {
  test('names a column as a spreadsheet does, past Z too', () => {
    expect([1, 5, 26, 27, 52, 702, 703].map(columnName)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
    expect(cellRef(7, 5)).toBe('E7');
  });
});
