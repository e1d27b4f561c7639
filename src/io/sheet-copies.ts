/**
 * Copies of a table sheet: Excel names a duplicated sheet "bids (2)", older Excel
 * "Copy of bids". zonal reads only "bids", so an officer who edits the copy would
 * get an award on the bids they meant to replace; such a copy is told, not ignored.
 */
import { looseName } from '../diagnostics/did-you-mean.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names among `sheets` that are a copy of the sheet `name` ("bids (2)", "Copy of bids", "bids copy"). */
export function copiesOfSheet(name: string, sheets: readonly string[]): string[] {
  const copy = new RegExp(
    `^(?:copyof${escape(looseName(name))}(?:\\(\\d+\\))?|${escape(looseName(name))}(?:\\(\\d+\\)|copy))$`,
  );
  return sheets.filter((sheet) => copy.test(looseName(sheet)));
}
