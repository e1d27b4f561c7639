/**
 * Text and cell references in SpreadsheetML, written as exceljs writes them:
 * the five XML entities escaped, and control characters XML cannot hold
 * (all below U+0020 but tab, line feed and carriage return, and U+007F) left out.
 */

const special = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const entities: Readonly<Record<string, string>> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

export const xmlText = (text: string): string => text.replace(special, (c) => entities[c] ?? '');

/** Column 1 → A, 27 → AA. */
function letters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Each column's name, spelt once: every cell of a sheet asks for one. */
const columnNames: string[] = [];

/** A spreadsheet column's name (1-based): 1 → A, 27 → AA, as cell references and messages (`bids!E7`) write it. */
export const columnName = (column: number): string => (columnNames[column] ??= letters(column));

export const cellRef = (row: number, column: number): string => `${columnName(column)}${row}`;

/** Strings numbered in the order first met (styles, fonts, shared strings), starting after `first`. */
export function interning(first: readonly string[] = []): { index: (text: string) => number; all: string[] } {
  const all = [...first];
  const seen = new Map(all.map((text, i) => [text, i]));
  return {
    all,
    index(text) {
      let i = seen.get(text);
      if (i === undefined) {
        i = all.length;
        seen.set(text, i);
        all.push(text);
      }
      return i;
    },
  };
}
