/**
 * Whether a JSON text holds more object members than the value JSON.parse made of it:
 * true only when some {…} gives a key twice, which JSON.parse settles by keeping the last
 * without a word. A count, not a parse, so a good settings file costs one pass over its
 * characters and no parser is loaded (json-problem.ts then says which key, and where). Pure.
 */

/** The members written in a JSON text: its colons outside strings. */
function membersWritten(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) count++;
  }
  return count;
}

/** The members of a parsed JSON value's objects, all the way down. */
function membersKept(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + membersKept(v), 0);
  if (typeof value !== 'object' || value === null) return 0;
  const values = Object.values(value);
  return values.reduce<number>((n, v) => n + membersKept(v), values.length);
}

/** True when `parsed` (JSON.parse of `text`) lost a member to a key given twice. */
export const losesDuplicateKey = (text: string, parsed: unknown): boolean =>
  membersWritten(text) !== membersKept(parsed);
