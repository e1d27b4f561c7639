/**
 * Grid values wrong on their own (a lead share of 1.5, or 80 meant as 0.8), and shared
 * overrides and listed variants wrong on their own, each told once at its line in the batch file before any
 * variant runs, not as the same failed row in every variant that holds it. Asked once the bases
 * are read, of what is left of the file without the mistakes told before (batch-checks.ts).
 *
 * A value is wrong on its own when every variant that holds it fails, one of them with the
 * message the value by itself on the base fails with. So a value that runs beside any
 * combination of the other keys' values (a lead share beside the option that makes the lot
 * lead-secondary; a framework beside maxProviders and a reablement lot that is no framework) is
 * never blamed, whatever the order. The second test keeps a value whose every variant holds
 * another key's mistake (zoning "two" beside a lead share of 1.5 given alone) from being blamed
 * for it. A value that fails only beside some others (a framework given its maxProviders by
 * another key) stays its variants' row error.
 *
 * A few variants per value, which between them hold every value of every other key, are tried
 * first: a value that runs is mostly found to at once. Only a value that fails in all of them
 * has its other variants tried (until 2026-12-02 it was blamed then, and a value that ran only
 * beside one pair of two other keys' values was refused). Applying overrides to a base takes
 * 0.03-0.07 ms (the bundled grid's 504 variants in 16-36 ms), and each variant is tried once for
 * all the values it holds, at most `variantsChecked` in all: past that, a value is not blamed.
 */
import type { BatchProblem, ParsedBatch } from './batch-file.js';
import { atPath } from './batch-variants.js';
import { applyOverrides } from './overrides.js';
import { overridesSchema, type Overrides } from './overrides-schema.js';
import type { Scenario } from '../model/types.js';
import { closestName } from '../diagnostics/did-you-mean.js';

/** How many variants are tried for the shared overrides. */
const variantsTried = 3;

/** Most grid variants applied to the base in one check (about 2-4 s at the most). */
const variantsChecked = 50_000;

/**
 * The positions among the grid's combinations (in `gridCombinations`' order: the last key
 * varies fastest) of a few that hold value `value` of key `key` and between them hold every
 * value of every other key: the j-th holds each other key's value j (wrapping round). A value
 * that fails in all of them fails beside every other value, whatever order they are listed in.
 */
function combinationsWith(sizes: readonly number[], key: number, value: number): number[] {
  const strides = sizes.map((_, k) => sizes.slice(k + 1).reduce((product, n) => product * n, 1));
  const widest = Math.max(1, ...sizes.filter((_, k) => k !== key));
  const out = new Set<number>();
  for (let j = 0; j < widest; j++)
    out.add(sizes.reduce((at, n, k) => at + (k === key ? value : j % n) * (strides[k] ?? 1), 0));
  return [...out];
}

/** Every combination that holds value `value` of key `key`: those of `combinationsWith` first. */
function* combinationsHolding(sizes: readonly number[], key: number, value: number): Generator<number> {
  const first = combinationsWith(sizes, key, value);
  yield* first;
  const tried = new Set(first);
  const stride = sizes.slice(key + 1).reduce((product, n) => product * n, 1);
  const total = sizes.reduce((product, n) => product * n, 1);
  const size = sizes[key] ?? 1;
  for (let at = 0; at < total; at++) if (Math.floor(at / stride) % size === value && !tried.has(at)) yield at;
}

/** Why overrides cannot run on a base, or null when they can. */
function failure(base: Scenario, overrides: Overrides): string | null {
  const scenario = applyOverrides(base, overrides);
  return typeof scenario === 'string' ? scenario : null;
}

/**
 * The shared overrides (the batch file's top-level "overrides") when they are wrong on their
 * own: the first few variants all fail with one message, and the shared overrides alone on
 * the base fail with it too. One message at "overrides", not a failed row per variant.
 */
function sharedProblem(
  batch: Pick<ParsedBatch, 'source' | 'variants'>,
  bases: ReadonlyMap<string, Scenario>,
): BatchProblem | null {
  const { file, line, shared } = batch.source;
  const base = bases.get(file.base);
  if (Object.keys(shared).length === 0 || base === undefined) return null;
  const messages = new Set(
    batch.variants.slice(0, variantsTried).map((v) => {
      const own = bases.get(v.base);
      return own === undefined ? null : failure(own, v.overrides);
    }),
  );
  const [message] = messages;
  if (messages.size !== 1 || message === undefined || message === null) return null;
  const alone = overridesSchema.safeParse(shared);
  if (!alone.success || failure(base, alone.data) !== message) return null;
  return { line: line(['overrides']), message: `"overrides": ${message}` };
}

/**
 * Listed variants whose own overrides are wrong on their own: the variant fails on its base, and
 * its own overrides alone (without the shared ones) fail there with the same message. One
 * message at the variant's overrides, as for a grid value (until mend17b it ran, and failed as a
 * row); a variant wrong only beside the shared overrides keeps its row's error.
 */
function listedProblems(
  batch: Pick<ParsedBatch, 'source' | 'variants'>,
  bases: ReadonlyMap<string, Scenario>,
): BatchProblem[] {
  const { file, line, at, written } = batch.source;
  return (file.variants ?? []).flatMap((listed, i) => {
    const variant = batch.variants[i];
    const base = variant === undefined ? undefined : bases.get(variant.base);
    if (variant === undefined || base === undefined) return [];
    const where = at(['variants', i]);
    const message = failure(base, variant.overrides);
    // A variant with a mistake told already (a misspelt key, taken out of what is checked here)
    // may fail for lack of it: its echo, not a mistake of its own (review17b).
    if (message === null || echoesTold(message, written.told, where)) return [];
    const own = overridesSchema.safeParse(listed.overrides ?? {});
    if (!own.success || failure(base, own.data) !== message) return [];
    const number = Number(where[1] ?? i) + 1;
    return [{ line: line(['variants', i, 'overrides']), message: `variant ${number}: ${message}` }];
  });
}

/**
 * Whether `message` is about a key told already under `under` (a path as written): it names a
 * setting close to that key's last part ("leadShare is missing" after "leadShar", or after
 * "lotz.standard.leadShare"), so the failure is the told mistake's echo.
 */
function echoesTold(
  message: string,
  told: readonly (readonly PropertyKey[])[],
  under: readonly PropertyKey[],
): boolean {
  const words = message.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  return told.some((place) => {
    if (!under.every((key, k) => place[k] === key)) return false;
    const last =
      String(place.at(-1) ?? '')
        .split('.')
        .at(-1) ?? '';
    return last !== '' && closestName(last, words) !== null;
  });
}

export function gridValueProblems(
  batch: Pick<ParsedBatch, 'source' | 'variants'>,
  bases: ReadonlyMap<string, Scenario>,
): BatchProblem[] {
  // A shared mistake fails every variant: told once, and not blamed on the grid's values. With
  // a mistake in the shared overrides told already (taken out of what is checked here), every
  // variant may fail for lack of it: its echo, not told again (review17b); another mistake is
  // (review17c). Grid values are judged on the base alone, so they cannot echo it.
  const { at, written } = batch.source;
  const found = sharedProblem(batch, bases);
  const shared = found !== null && echoesTold(found.message, written.told, at(['overrides'])) ? null : found;
  if (shared !== null) return [shared];
  return [...listedProblems(batch, bases), ...gridProblems(batch, bases)];
}

/** Grid values wrong on their own (see the top of this file). */
function gridProblems(
  batch: Pick<ParsedBatch, 'source' | 'variants'>,
  bases: ReadonlyMap<string, Scenario>,
): BatchProblem[] {
  const { file, line } = batch.source;
  const base = bases.get(file.base);
  if (file.grid === undefined || base === undefined) return [];
  // The grid's variants come after the listed ones, in combination order (parseBatchFile).
  const listed = file.variants?.length ?? 0;
  const failures = new Map<number, string | null>();
  const failureOf = (combination: number): string | null => {
    const known = failures.get(combination);
    if (known !== undefined) return known;
    // Past the budget a variant counts as one that runs: a value is blamed only when proven.
    if (failures.size >= variantsChecked) return null;
    const variant = batch.variants[listed + combination];
    const found = variant === undefined ? null : failure(base, variant.overrides);
    failures.set(combination, found);
    return found;
  };
  const keys = Object.entries(file.grid);
  const sizes = keys.map(([, values]) => values.length);
  /**
   * Why value `i` of key `k` is wrong on its own, or null: every variant holding it fails, one of them
   * with the message the value alone gives (others may fail for another reason too: a lead
   * share of 1.5 beside a "sole" option).
   */
  const problem = (key: string, k: number, value: unknown, i: number): string | null => {
    const messages: string[] = [];
    for (const combination of combinationsHolding(sizes, k, i)) {
      const message = failureOf(combination);
      if (message === null) return null;
      messages.push(message);
    }
    if (messages.length === 0) return null;
    const alone = overridesSchema.safeParse(atPath(key, value));
    const message = alone.success ? failure(base, alone.data) : null;
    return message !== null && messages.includes(message) ? message : null;
  };
  return keys.flatMap(([key, values], k) => {
    const found = values.map((value, i) => problem(key, k, value, i));
    // Every value wrong with one message, whatever the value (a setting the lot does not take): the key's mistake, told once.
    const [first] = found;
    if (values.length > 1 && first !== undefined && first !== null && found.every((m) => m === first))
      return [{ line: line(['grid', key]), message: `grid "${key}": ${first}` }];
    return found.flatMap((message, i) =>
      message === null
        ? []
        : [
            {
              line: line(['grid', key, i]),
              message: `grid "${key}" value ${JSON.stringify(values[i])}: ${message}`,
            },
          ],
    );
  });
}
