/**
 * A count with its noun, agreeing: "1 provider", "2 providers", "0 providers".
 * Every output that puts a count before a noun goes through here, so that none
 * reads "at least 1 providers" (until 2026-12-02 the report's settings did).
 */

import { groupedNumber } from './grouped-number.js';

/** The noun as `n` wants it: singular for exactly 1, else `plural` (the noun and s unless told). */
export const nounFor = (n: number, noun: string, plural = `${noun}s`): string => (n === 1 ? noun : plural);

/** `n` and its noun: `counted(1, 'provider')` is "1 provider", `counted(200003, 'provider')` "200,003 providers"; `shown` is how `n` is written. */
export const counted = (n: number, noun: string, plural = `${noun}s`, shown = groupedNumber(n, 3)): string =>
  `${shown} ${nounFor(n, noun, plural)}`;
