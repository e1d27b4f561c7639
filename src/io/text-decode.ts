/**
 * Bytes of a table file → text, knowing what spreadsheets really save. Excel's
 * "CSV (Comma delimited)" is Windows-1252, not UTF-8; "Unicode Text" is
 * UTF-16; and people hand over the workbook itself. Pure.
 */
import { isUtf8 } from 'node:buffer';
import * as msg from '../diagnostics/messages.js';

/** Text without the UTF-8 byte order mark Notepad, Excel and Windows PowerShell put first. */
export const withoutByteOrderMark = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

/**
 * Bytes → text in `encoding`, whole. Through the streaming decoder: Node 20's one-call
 * `decode` reads windows-1252 as Latin-1, so ’ – € “ ” (0x80-0x9F) became control characters.
 */
function decodeWhole(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252'): string {
  const decoder = new TextDecoder(encoding);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

export type Decoded =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: 'utf-8' | 'windows-1252' }
  | { readonly kind: 'workbook'; readonly format: 'xlsx' | 'xls' }
  | { readonly kind: 'unsupported'; readonly encoding: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Byte values Windows-1252 leaves undefined: text holding them is not Windows-1252. */
const undefinedIn1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function looksUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 200);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  return sample.length >= 4 && zeros >= sample.length / 4;
}

export type TableEncoding =
  | {
      readonly kind: 'text';
      readonly encoding:
        | 'utf-8'
        | 'windows-1252' /** Line of the first byte outside ASCII (where a wrong encoding shows). */;
      readonly firstNonAsciiLine: number;
    }
  | Exclude<Decoded, { kind: 'text' }>;

/**
 * What a table file is, learnt from its bytes chunk by chunk, so a large CSV
 * file is never held whole: UTF-8 when every byte sequence is valid UTF-8,
 * else Windows-1252 unless it holds a byte Windows-1252 leaves undefined.
 * The first chunk must hold the file's start (magic numbers, UTF-16 zeros).
 */
/** How many bytes at the end of `b` start a UTF-8 sequence that the next chunk must finish. */
function unfinishedTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const x = b[b.length - k] ?? 0;
    if ((x & 0xc0) === 0x80) continue;
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

export function encodingSniffer(): { push(chunk: Uint8Array): void; finish(): TableEncoding } {
  /** The start of a UTF-8 sequence cut by the chunk boundary. */
  let carry: Uint8Array = new Uint8Array();
  let head: Uint8Array | null = null;
  let validUtf8 = true;
  let undefined1252 = false;
  let lines = 1;
  let nonAscii: number | null = null;
  return {
    push(chunk) {
      head ??= chunk.subarray(0, 200);
      if (validUtf8) {
        // isUtf8 checks without building a string (TextDecoder took seconds on a 50 MB file).
        const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
        const tail = unfinishedTail(bytes);
        validUtf8 = isUtf8(bytes.subarray(0, bytes.length - tail));
        carry = bytes.slice(bytes.length - tail);
      }
      // Native scans (a byte-by-byte loop in JavaScript took seconds on a 50 MB file).
      if (nonAscii === null) {
        const at = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          .toString('latin1')
          .search(/[\x80-\xff]/);
        const end = at < 0 ? chunk.length : at;
        for (let i = chunk.indexOf(0x0a); i >= 0 && i < end; i = chunk.indexOf(0x0a, i + 1)) lines++;
        if (at >= 0) nonAscii = lines;
      }
      if (nonAscii !== null && !undefined1252)
        undefined1252 = [...undefinedIn1252].some((b) => chunk.includes(b));
    },
    finish() {
      const start = head ?? new Uint8Array();
      if (startsWith(start, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'workbook', format: 'xlsx' };
      if (startsWith(start, [0xd0, 0xcf, 0x11, 0xe0])) return { kind: 'workbook', format: 'xls' };
      if (startsWith(start, [0xff, 0xfe]) || startsWith(start, [0xfe, 0xff]) || looksUtf16(start))
        return { kind: 'unsupported', encoding: 'UTF-16 ("Unicode Text")' };
      if (carry.length > 0) validUtf8 = false;
      if (validUtf8) return { kind: 'text', encoding: 'utf-8', firstNonAsciiLine: nonAscii ?? 1 };
      if (undefined1252) return { kind: 'unsupported', encoding: 'neither UTF-8 nor Windows-1252' };
      return { kind: 'text', encoding: 'windows-1252', firstNonAsciiLine: nonAscii ?? 1 };
    },
  };
}

/** A whole table file's bytes → text (small files and tests; CSV files are streamed with encodingSniffer). */
export function decodeTableBytes(bytes: Uint8Array): Decoded {
  const sniffer = encodingSniffer();
  sniffer.push(bytes);
  const found = sniffer.finish();
  if (found.kind !== 'text') return found;
  return { kind: 'text', text: decodeWhole(bytes, found.encoding), encoding: found.encoding };
}

/** The one message for a table file that could not be used as text, or null when it could. */
export function undecodableMessage(decoded: Decoded): string | null {
  if (decoded.kind === 'workbook') {
    return decoded.format === 'xls' ? msg.tableIsOldWorkbook() : msg.tableIsWorkbook();
  }
  if (decoded.kind === 'unsupported') return msg.tableEncodingUnsupported(decoded.encoding);
  return null;
}

/**
 * A JSON file's bytes (scenario.json, a batch file) as text without a byte order mark: UTF-8,
 * or Windows-1252 (what an older Notepad saves as "ANSI") with the first line holding a
 * character beyond ASCII, to be warned of there, so a £ or an accent is kept rather than
 * turned into "�". Saved as UTF-16 (as Windows PowerShell's `>` does): why it cannot be read.
 */
export function jsonText(
  bytes: Uint8Array,
): { readonly text: string; readonly windows1252Line: number | null } | { readonly problem: string } {
  const utf8 = () => withoutByteOrderMark(Buffer.from(bytes).toString('utf8'));
  if (isUtf8(bytes)) return { text: utf8(), windows1252Line: null };
  const sniffer = encodingSniffer();
  sniffer.push(bytes);
  const found = sniffer.finish();
  if (found.kind === 'unsupported') return { problem: msg.jsonNotUtf8(found.encoding) };
  if (found.kind === 'text' && found.encoding === 'windows-1252')
    return { text: decodeWhole(bytes, 'windows-1252'), windows1252Line: found.firstNonAsciiLine };
  return { text: utf8(), windows1252Line: null }; // a workbook's bytes, say: not JSON, which the parser says
}
