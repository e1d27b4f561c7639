import { describe, expect, test } from 'vitest';
import { decodeTableBytes, undecodableMessage } from '../../src/io/text-decode.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeTableBytes: what spreadsheets really save', () => {
  test('UTF-8 (with £ and accents) is read as UTF-8', () => {
    const d = decodeTableBytes(new TextEncoder().encode('name,price\nCafé Care,£26.40\n'));
    expect(d).toEqual({ kind: 'text', text: 'name,price\nCafé Care,£26.40\n', encoding: 'utf-8' });
  });

  test('Excel\'s "CSV (Comma delimited)" (Windows-1252: £ is 0xA3, é is 0xE9) keeps £ and accents', () => {
    const d = decodeTableBytes(bytes(0x43, 0x61, 0x66, 0xe9, 0x2c, 0xa3, 0x32, 0x36)); // Café,£26
    expect(d).toEqual({ kind: 'text', text: 'Café,£26', encoding: 'windows-1252' });
  });

  test('UTF-16 ("Unicode Text") is named, with how to save as CSV UTF-8', () => {
    const d = decodeTableBytes(bytes(0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00));
    expect(d.kind).toBe('unsupported');
    expect(undecodableMessage(d)).toMatch(/UTF-16.*CSV UTF-8/);
  });

  test('bytes that are neither UTF-8 nor Windows-1252 are an error, not mojibake', () => {
    const d = decodeTableBytes(bytes(0x61, 0x81, 0x62));
    expect(undecodableMessage(d)).toMatch(/neither UTF-8 nor Windows-1252/);
  });

  test('a workbook given where a CSV file is expected is recognised as one', () => {
    expect(undecodableMessage(decodeTableBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0, 0)))).toMatch(/is an Excel workbook \(\.xlsx\), not a CSV file/);
    expect(undecodableMessage(decodeTableBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0, 0)))).toMatch(/old Excel workbook \(\.xls\)/);
  });
});
