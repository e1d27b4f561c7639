/**
 * Overrides in a batch file that name what their base lacks (a zoning, a demand period, a bid
 * or provider to reprice), each told once at its own line before any variant runs: a misspelt
 * grid value (`"twelv"`) would otherwise fail every variant it is in, each row saying the same.
 * Step 2 of batch-checks.ts; split from batch-file.ts, which reads the file alone.
 */
import stableStringify from 'safe-stable-stringify';
import { isObject } from './batch-file-rest.js';
import { inFileOrder, restOf, type BatchProblem, type ParsedBatch, type Placed } from './batch-file.js';
import { atPath, mergeRaw } from './batch-variants.js';
import { baseReferenceProblems as namesLacking } from './overrides.js';
import { overridesSchema } from './overrides-schema.js';
import type { Scenario } from '../model/types.js';

/** What of the shared overrides a variant keeps: all but what its own overrides replace (objects key by key, as mergeRaw merges). */
function keptFrom(shared: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shared)) {
    const mine = own[k];
    if (!(k in own)) out[k] = v;
    else if (isObject(v) && isObject(mine)) {
      const inner = keptFrom(v, mine);
      if (Object.keys(inner).length > 0) out[k] = inner;
    }
  }
  return out;
}

/** What every one of `values` replaces: all of it (null) if one is not an object, else the keys all of them set. */
function replacedByAll(values: readonly unknown[]): unknown {
  if (!values.every(isObject)) return null;
  const keys = Object.keys(values[0] ?? {}).filter((k) => values.every((v) => k in v));
  return Object.fromEntries(keys.map((k) => [k, replacedByAll(values.map((v) => v[k]))]));
}

/** What every variant of the grid replaces: for each key, what all its values set. */
function replacedByGrid(grid: Readonly<Record<string, readonly unknown[]>>): Record<string, unknown> {
  return Object.entries(grid).reduce<Record<string, unknown>>(
    (all, [path, values]) => mergeRaw(all, atPath(path, replacedByAll(values))),
    {},
  );
}

/**
 * Overrides that name what their base lacks (a zoning, a demand period, a bid or provider
 * to reprice), each once at its line: a misspelt grid value (`"twelv"`) would otherwise fail
 * every variant it is in, each row saying the same. Asked once the bases are read, of a
 * file parseBatchFile accepted; `bases` are by the name the file gives them. Shared overrides
 * are checked as each variant keeps them (a shared zoning every variant replaces is never
 * used), against that variant's own base. A mistake that only a combination of overrides
 * makes is still its variant's row error.
 */
export function baseReferenceProblems(
  batch: Pick<ParsedBatch, 'source'>,
  bases: ReadonlyMap<string, Scenario>,
): BatchProblem[] {
  return referencesPlaced(batch, bases).problems;
}

/**
 * `baseReferenceProblems`, and what is left of the batch file without them (and without the
 * mistakes told before it was read), for the next check to tell its own mistakes in the same
 * run, not echoes of these; null when nothing is left.
 */
export function baseReferenceCheck(
  batch: ParsedBatch,
  bases: ReadonlyMap<string, Scenario>,
): { problems: BatchProblem[]; rest: ParsedBatch | null } {
  const { problems, places } = referencesPlaced(batch, bases);
  // Nothing told: the rest is the batch itself (a large grid is not expanded again).
  return { problems, rest: places.length === 0 ? batch : restOf(batch.source.written, places) };
}

function referencesPlaced(batch: Pick<ParsedBatch, 'source'>, bases: ReadonlyMap<string, Scenario>): Placed {
  const { file, shared } = batch.source;
  const problems = new Map<string, { problem: BatchProblem; place: PropertyKey[] }>();
  /** `whole`: the place is the overrides at `path` (a grid value), not the override that names it. */
  const check = (path: PropertyKey[], base: string, overrides: unknown, what: string, whole = false) => {
    const scenario = bases.get(base);
    const read = overridesSchema.safeParse(overrides);
    if (scenario === undefined || !read.success) return;
    // Each override that names what the base lacks, at its own line (until 2026-12-02 the first alone, at the overrides' line).
    for (const { key, message } of namesLacking(scenario, read.data)) {
      const at = whole ? path : [...path, key];
      const line = batch.source.line(at);
      // A shared override kept by many variants is one mistake, told once.
      problems.set(`${line}:${what}: ${message}`, {
        problem: { line, message: `${what}: ${message}` },
        place: batch.source.at(at),
      });
    }
  };
  // The shared overrides as each variant keeps them, each different keeping checked once.
  const keptChecked = new Set<string>();
  for (const v of file.variants ?? []) {
    const base = v.base ?? file.base;
    const kept = keptFrom(shared, v.overrides ?? {});
    const key = `${base}\0${stableStringify(kept) ?? ''}`;
    if (keptChecked.has(key)) continue;
    keptChecked.add(key);
    check(['overrides'], base, kept, 'overrides');
  }
  if (file.grid !== undefined)
    check(['overrides'], file.base, keptFrom(shared, replacedByGrid(file.grid)), 'overrides');
  for (const [i, v] of (file.variants ?? []).entries())
    check(['variants', i, 'overrides'], v.base ?? file.base, v.overrides ?? {}, `variant ${i + 1}`);
  for (const [key, values] of Object.entries(file.grid ?? {}))
    for (const [i, value] of values.entries())
      check(
        ['grid', key, i],
        file.base,
        atPath(key, value),
        `grid "${key}" value ${JSON.stringify(value)}`,
        true,
      );
  const found = [...problems.values()];
  return inFileOrder({ problems: found.map((f) => f.problem), places: found.map((f) => f.place) });
}
