/**
 * An id typed otherwise than where it is defined: in other capitals ("n1" for "N1",
 * "p-alder" for "P-ALDER"), without the leading zeros a spreadsheet drops from a
 * column it takes for numbers ("123" for "00123"), or with one slip of the keyboard
 * ("P-ALDR" for "P-ALDER"). Ids are exact (DESIGN.md section 3), so the reference is
 * unknown, and its message names the id it most likely meant.
 * The lookup maps are made on the first unknown reference only.
 */
import { asNumber, zerosDropped } from '../diagnostics/dropped-zeros.js';

export type MeantId = (typed: string) => string | null;

/** What one slip of many rows is keyed by: every id that lost its zeros is the one mistake of its column. */
export const slipKey = (typed: string, meant: string | null) =>
  meant !== null && zerosDropped(typed, meant) ? '\u0000zeros' : typed;

/**
 * Ids shorter than this are not guessed from a slip: one character of "A9" is half of it,
 * and A1 to A8 are each one slip from it.
 */
const shortestSlipGuessed = 4;
/**
 * Distinct unknown ids of one table guessed from a slip: each guess reads every id, and past
 * this many unknown ids the table most likely names ids of another file, which no slip explains.
 */
const slipsGuessed = 200;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Whether `typed` is `id` with one slip: a character missing, extra or changed, or two
 * neighbours swapped. A digit changed for another digit, or two digits swapped, is not one:
 * codes that differ so (ward codes E05011230, E05011330 and E05011320, zones Z-NORTH1 and
 * Z-NORTH2) are each other's neighbours, and the code typed is more likely another real one.
 */
export function isOneSlip(typed: string, id: string): boolean {
  const d = typed.length - id.length;
  if (d < -1 || d > 1 || typed === id) return false;
  let i = 0;
  while (i < typed.length && typed[i] === id[i]) i++;
  const rest = (a: number, b: number) => typed.slice(a) === id.slice(b);
  if (d === 1) return rest(i + 1, i);
  if (d === -1) return rest(i, i + 1);
  // Digits changed or swapped among themselves give another code, not a slip.
  if (isDigit(typed[i]) && isDigit(id[i])) return false;
  return rest(i + 1, i + 1) || (typed[i] === id[i + 1] && typed[i + 1] === id[i] && rest(i + 2, i + 2));
}

/** The one id (in any capitals) a slip away from `typed`, or null when none is or several are. */
function slipMeant(typed: string, byLower: ReadonlyMap<string, string>): string | null {
  const lower = typed.toLowerCase();
  if (lower.length < shortestSlipGuessed) return null;
  let meant: string | null = null;
  for (const [key, id] of byLower)
    if (key.length >= shortestSlipGuessed && isOneSlip(lower, key)) {
      if (meant !== null) return null;
      meant = id;
    }
  return meant;
}

export function meantId(ids: Iterable<string>): MeantId {
  let byLower: Map<string, string> | null = null;
  let byNumber: Map<string, string> | null = null;
  const slips = new Map<string, string | null>();
  const slipOf = (typed: string, known: ReadonlyMap<string, string>) => {
    const seen = slips.get(typed);
    if (seen !== undefined || slips.size >= slipsGuessed) return seen ?? null;
    const meant = slipMeant(typed, known);
    slips.set(typed, meant);
    return meant;
  };
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
      byLower.get(typed.toLowerCase()) ??
      (typed === asNumber(typed) ? byNumber.get(typed) : undefined) ??
      slipOf(typed, byLower);
    return meant === undefined || meant === null || meant === typed ? null : meant;
  };
}

/** Whether `meant` is `typed` in other capitals only. */
export const inOtherCapitals = (typed: string, meant: string) =>
  typed !== meant && typed.toLowerCase() === meant.toLowerCase();
