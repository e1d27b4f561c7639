/**
 * "Did you mean …?" for misspelt column names and settings keys: the known
 * name closest to what was typed, when one is close enough to be a good guess.
 */
import { distance } from 'fastest-levenshtein';

/** Lower case, no spaces, underscores or hyphens: "Area ID", "area_id" and "areaId" are one name. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Two neighbouring letters typed the wrong way round ("optoin" for "option"): one slip, where Levenshtein counts two. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [i, j] = differ;
  return differ.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Whether two names differ only by two neighbouring characters the wrong way round ("1A" and "A 1"), spaces, case and _ - aside. */
export function isSwapped(a: string, b: string): boolean {
  return isSwap(looseName(a), looseName(b));
}

/** The candidate closest to `typed`, or null when none is close (few edits, or one name inside the other). */
export function closestName(typed: string, candidates: readonly string[]): string | null {
  const t = looseName(typed);
  if (t === '') return null;
  let best: { name: string; score: number } | null = null;
  for (const name of candidates) {
    const c = looseName(name);
    const edits = isSwap(t, c) ? 1 : distance(t, c);
    const contained = Math.min(t.length, c.length) >= 4 && (c.includes(t) || t.includes(c));
    const close = edits <= Math.max(1, Math.floor(Math.max(t.length, c.length) / 4));
    if (!close && !contained) continue;
    if (best === null || edits < best.score) best = { name, score: edits };
  }
  return best?.name ?? null;
}

export function didYouMean(typed: string, candidates: readonly string[]): string {
  const guess = closestName(typed, candidates);
  return guess === null ? '' : ` (did you mean "${guess}"?)`;
}
