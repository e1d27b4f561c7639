/**
 * Every order zonal sorts by, in one place. Ids and keys go by their
 * characters' codes (not the locale's), so that every machine sorts them
 * alike: "B10" before "B2", "Z" before "a", "É" after "z". Orders of the
 * domain (allocations, bid ranks, issues) are built from these where they are
 * used; periods have their own, time order (lots/period-order.ts).
 */

/**
 * Ids and keys by their UTF-16 code units, as `<` and a plain `sort()` compare them (the same
 * as code points outside the rare characters beyond U+FFFF): "B10" before "B2", "Z" before "a".
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Lots, bids, providers and areas by id, as byText. */
export const byId = (a: { readonly id: string }, b: { readonly id: string }): number => byText(a.id, b.id);

/** A map's entries (or any [key, value] pairs) by key, as byText. */
export const byKey = (a: readonly [string, unknown], b: readonly [string, unknown]): number =>
  byText(a[0], b[0]);

/** [key, amount] pairs, the largest amount first, equal amounts by key: who holds most. */
export const largestFirst = (a: readonly [string, number], b: readonly [string, number]): number =>
  b[1] - a[1] || byText(a[0], b[0]);

/** Numbers, smallest first. */
export const ascending = (a: number, b: number): number => a - b;

/**
 * Text as the machine's locale reads it: case and accents fold ("a" before
 * "B", "é" beside "e") and punctuation comes first ("~" before "1"). Not the
 * same on every machine, so not for ids in general: only the two outputs that
 * have always been written in this order use it (the --baseline-out CSV and
 * the report's lead-provider legend), kept so that their files do not change.
 */
export const byLocaleText = (a: string, b: string): number => a.localeCompare(b);

/**
 * Make byLocaleText's first comparison in this thread now: it loads ICU's collation data, 9-13 ms
 * of CPU in a new worker thread. The report thread does it while it waits for the award, so that
 * drawing the legend after the award does not (docs/performance.md, session 25).
 */
export const loadLocaleCollation = (): void => {
  byLocaleText('a', 'b');
};

/**
 * The report's lead-provider legend: providers as byLocaleText, then null ("No award") last,
 * where a reader looks for it (until 2026-12-02 it came first, sorted as "~").
 */
export const byLocaleTextNullLast = (a: string | null, b: string | null): number =>
  a === null || b === null ? Number(a === null) - Number(b === null) : byLocaleText(a, b);
