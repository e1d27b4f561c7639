/**
 * An id typed otherwise than where it is defined: in other capitals ("n1" for "N1",
 * "p-alder" for "P-ALDER"), or without the leading zeros a spreadsheet drops from a
 * column it takes for numbers ("123" for "00123"). Ids are exact (DESIGN.md section 3),
 * so the reference is unknown, and its message names the id it most likely meant.
 * The lookup maps are made on the first unknown reference only.
 */
import { asNumber, zerosDropped } from '../diagnostics/dropped-zeros.js';

export type MeantId = (typed: string) => string | null;

/** What one slip of many rows is keyed by: every id that lost its zeros is the one mistake of its column. */
export const slipKey = (typed: string, meant: string | null) =>
  meant !== null && zerosDropped(typed, meant) ? '\u0000zeros' : typed;

export function meantId(ids: Iterable<string>): MeantId {
  let byLower: Map<string, string> | null = null;
  let byNumber: Map<string, string> | null = null;
  return (typed) => {
    if (byLower === null || byNumber === null) {
      byLower = new Map();
      byNumber = new Map();
      for (const id of ids) {
        if (!byLower.has(id.toLowerCase())) byLower.set(id.toLowerCase(), id);
        const number = asNumber(id);
        if (number !== null && number !== id && !byNumber.has(number)) byNumber.set(number, id);
      }
    }
    const meant =
      byLower.get(typed.toLowerCase()) ?? (typed === asNumber(typed) ? byNumber.get(typed) : undefined);
    return meant === undefined || meant === typed ? null : meant;
  };
}
