/**
 * Copies of a table sheet: Excel names a duplicated sheet "bids (2)", older Excel
 * "Copy of bids". zonal reads only "bids", so an officer who edits the copy would
 * get an award on the bids they meant to replace; such a copy is told, not ignored.
 */
import { looseName } from '../diagnostics/did-you-mean.js';

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names among `sheets`, other than `name` itself, that are a copy of the sheet `name`:
 * "bids (2)", "Bids 2", "Copy of bids", "bids copy", or "Bids_", a name zonal would read as "bids".
 */
export function copiesOfSheet(name: string, sheets: readonly string[]): string[] {
  const copy = new RegExp(
    `^(?:copyof${literal(looseName(name))}(?:\\(\\d+\\))?|${literal(looseName(name))}(?:\\(\\d+\\)|\\d+|copy)?)$`,
  );
  return sheets.filter((sheet) => sheet !== name && copy.test(looseName(sheet)));
}
