import { describe, expect, test } from 'vitest';
import { decodeTableBytes, encodingSniffer, undecodableMessage } from '../../src/io/text-decode.js';

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

  test("Windows-1252's own characters (’ – € “”, 0x80-0x9F) are read as such, not as control characters (explore11)", () => {
    // Node 20's TextDecoder reads these bytes as Latin-1 controls unless it streams.
    const d = decodeTableBytes(bytes(0x4f, 0x92, 0x96, 0x80, 0x93, 0x94)); // O’–€“”
    expect(d).toEqual({ kind: 'text', text: 'O’–€“”', encoding: 'windows-1252' });
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
    expect(undecodableMessage(decodeTableBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0, 0)))).toMatch(
      /is an Excel workbook \(\.xlsx\), not a CSV file/,
    );
    expect(undecodableMessage(decodeTableBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0, 0)))).toMatch(
      /old Excel workbook \(\.xls\)/,
    );
  });
});

describe('encodingSniffer: the encoding of a file read in chunks', () => {
  const sniff = (...chunks: Uint8Array[]) => {
    const s = encodingSniffer();
    for (const c of chunks) s.push(c);
    return s.finish();
  };

  test('a £ (0xC2 0xA3 in UTF-8) split across two chunks is still UTF-8', () => {
    expect(sniff(bytes(0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xc2), bytes(0xa3, 0x32, 0x0a))).toEqual({
      kind: 'text',
      encoding: 'utf-8',
      firstNonAsciiLine: 2,
    });
  });

  test('a Windows-1252 £ in a late chunk makes the whole file Windows-1252, and names its line', () => {
    expect(sniff(new TextEncoder().encode('a,b\n1,2\n'), bytes(0x33, 0x2c, 0xa3, 0x34, 0x0a))).toEqual({
      kind: 'text',
      encoding: 'windows-1252',
      firstNonAsciiLine: 3,
    });
  });

  test('a € (three bytes in UTF-8) split after its first byte is still UTF-8', () => {
    expect(sniff(bytes(0x61, 0x0a, 0xe2), bytes(0x82, 0xac, 0x0a))).toEqual({
      kind: 'text',
      encoding: 'utf-8',
      firstNonAsciiLine: 2,
    });
  });

  test('a UTF-8 sequence cut off at the end of the file is not UTF-8', () => {
    expect(sniff(bytes(0x61, 0x0a), bytes(0x62, 0xc2))).toMatchObject({
      kind: 'text',
      encoding: 'windows-1252',
    });
  });
});
