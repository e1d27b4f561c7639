/**
 * batch.json → the list of variants to run. Pure: text in, variants or
 * `batch.json:line: message` problems out.
 *
 *   1. parse the JSON, keeping where every value sits (jsonc-parser); a key given
 *      twice in one {…} is a problem (JSON.parse would keep the last without a word),
 *      and so is a table saved as CSV (batch-file-table.ts)
 *   2. check it with zod; every problem names its line
 *   3. expand the grid (every combination of its values) after the listed variants
 *   4. give each variant an id: its own, or a hash of its definition
 *   5. with problems, what is left without their places (batch-file-rest.ts), for the
 *      checks against the bases to tell theirs in the same run (batch-checks.ts)
 */
import { createHash } from 'node:crypto';
import { parseTree } from 'jsonc-parser';
import stableStringify from 'safe-stable-stringify';
import { z } from 'zod';
import * as msg from '../diagnostics/messages.js';
import { nearestLine, type LineOf } from '../diagnostics/nearest-line.js';
import { duplicateKey, jsonProblem } from '../io/json-problem.js';
import { jsonLineIn } from '../io/json-line.js';
import { withoutByteOrderMark } from '../io/text-decode.js';
import { pruned } from './batch-file-rest.js';
import { tableInsteadOfJson } from './batch-file-table.js';
import { baseReferenceProblems as namesLacking, gridKeyProblem, overridesSchema, type Overrides } from './overrides.js';
import type { Scenario } from '../model/types.js';
import { percentShare } from '../model/json-limits.js';
import { issueText, withKnownKeys } from '../model/issue-text.js';

export const idSchema = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, _ . - only');
export const samplesSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(100000, 'must be at most 100000');
export const seedSchema = z.number().int('must be a whole number');

const variantSchema = z.strictObject({
  id: idSchema.optional(),
  base: z.string().min(1).optional(),
  overrides: overridesSchema.optional(),
  samples: samplesSchema.optional(),
  seed: seedSchema.optional(),
});

/** Override paths (e.g. "award.maxShareOfTotalHours") → the values to try. */
const gridSchema = z
  .record(z.string(), z.array(z.unknown()).min(1, 'needs at least one value'))
  .refine((grid) => Object.keys(grid).length > 0, { message: msg.batchGridEmpty() });

const batchFileSchema = z
  .strictObject({
    name: z.string().optional(),
    /** Scenario folder, relative to the batch file. */
    base: z.string().min(1, 'is empty: give a scenario folder, relative to the batch file'),
    overrides: overridesSchema.optional(),
    samples: samplesSchema.optional(),
    seed: seedSchema.optional(),
    variants: z.array(variantSchema).optional(),
    grid: gridSchema.optional(),
  })
  .refine((b) => (b.variants?.length ?? 0) > 0 || b.grid !== undefined, { message: msg.batchNoVariants() });

export interface Variant {
  readonly id: string;
  /** Position in the batch (0-based): output rows are sorted by it. */
  readonly index: number;
  /** Scenario folder as written in batch.json (relative to it). */
  readonly base: string;
  readonly overrides: Overrides;
  readonly samples: number | null;
  readonly seed: number;
}

export interface BatchProblem {
  readonly line: number | null;
  readonly message: string;
}

/** {"a.b": 1} → {a: {b: 1}} */
export function atPath(path: string, value: unknown): Record<string, unknown> {
  return path
    .split('.')
    .reduceRight<Record<string, unknown>>(
      (inner, key) => ({ [key]: inner }),
      value as Record<string, unknown>,
    );
}

function variantId(base: string, overrides: unknown, samples: number | null, seed: number): string {
  const definition = stableStringify({ base, overrides, samples, seed }) ?? '';
  return `v-${createHash('sha256').update(definition).digest('hex').slice(0, 12)}`;
}

type BatchFile = z.output<typeof batchFileSchema>;

/** Every grid combination as raw overrides, in a fixed order (the last key varies fastest; grid-value-problems.ts counts on it). */
function gridCombinations(grid: Readonly<Record<string, readonly unknown[]>>): Record<string, unknown>[] {
  return Object.entries(grid).reduce<Record<string, unknown>[]>(
    (combos, [path, values]) => combos.flatMap((c) => values.map((v) => mergeRaw(c, atPath(path, v)))),
    [{}],
  );
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function mergeRaw(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const before = out[k];
    out[k] = isObject(before) && isObject(v) ? mergeRaw(before, v) : v;
  }
  return out;
}

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

/** Whether an unknown key is one the grid key names (`wagePerHr` in `costModel.wagePerHr`), not one inside a value. */
function isInGridKey(
  path: string,
  issue: { readonly path: readonly PropertyKey[]; readonly keys?: readonly string[] },
): boolean {
  const named = [...issue.path.map(String), ...(issue.keys ?? [])];
  return issue.keys !== undefined && path.split('.').slice(0, named.length).join('.') === named.join('.');
}

/**
 * Grid values are checked one by one, so a bad value names its own line. A key
 * no override has is one mistake, told once at the key, not once per value.
 */
function checkGrid(
  grid: Readonly<Record<string, readonly unknown[]>>,
  report: (path: PropertyKey[], message: string) => void,
): void {
  for (const [path, values] of Object.entries(grid)) {
    const keyProblem = gridKeyProblem(path);
    if (keyProblem !== null) {
      report(['grid', path], keyProblem);
      continue;
    }
    // A key misspelt below the override (`costModel.wagePerHr`) is in every value: told once, at the key.
    const inKey = new Set<string>();
    values.forEach((value, i) => {
      const parsed = overridesSchema.safeParse(atPath(path, value));
      for (const issue of parsed.error?.issues ?? [])
        if (isInGridKey(path, issue)) inKey.add(issueText(issue));
        else report(['grid', path, i], `grid "${path}" value ${JSON.stringify(value)}: ${issueText(issue)}`);
    });
    for (const text of inKey) report(['grid', path], `grid "${path}": ${text}`);
    repeatedValues(path, values, report);
  }
}

/**
 * A value listed twice for one grid key: one message at the repeat, not one per combination it
 * is in. A share written "40%" is the 0.4 it runs as, so the two are one value.
 */
function repeatedValues(
  path: string,
  values: readonly unknown[],
  report: (path: PropertyKey[], message: string) => void,
): void {
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    const key = stableStringify(typeof value === 'string' ? (percentShare(value) ?? value) : value) ?? '';
    const before = first.get(key);
    if (before === undefined) first.set(key, i);
    else report(['grid', path, i], msg.batchGridValueTwice(path, JSON.stringify(value), before + 1, i + 1));
  });
}

function expand(
  file: BatchFile,
  shared: Record<string, unknown>,
  report: (path: PropertyKey[], message: string) => void,
  line: LineOf,
): Omit<Variant, 'index'>[] {
  const out: Omit<Variant, 'index'>[] = [];
  // Shared overrides that meet a variant's own where neither is wrong alone: told once, at the
  // shared override, with the variants that meet it (until 2026-12-02 once per variant, not naming "overrides").
  const meetings = new Map<string, { path: PropertyKey[]; text: string; variants: number[]; lines: number[] }>();
  let position = 0;
  const add = (
    where: PropertyKey[],
    id: string | undefined,
    base: string,
    own: Record<string, unknown>,
    samples: number | null,
    seed: number,
  ) => {
    // Counted by its place in the batch, as every other message counts it, not among those that read.
    position += 1;
    const number = position;
    const raw = mergeRaw(shared, own);
    const parsed = overridesSchema.safeParse(raw);
    if (parsed.success) {
      out.push({ id: id ?? variantId(base, raw, samples, seed), base, overrides: parsed.data, samples, seed });
      return;
    }
    const meets = Object.keys(shared).length > 0 && overridesSchema.safeParse(own).success;
    for (const issue of parsed.error.issues) {
      const text = issueText(issue, 'overrides');
      if (!meets) {
        report(where, `variant ${number}: ${text}`);
        continue;
      }
      const meeting = meetings.get(text) ?? { path: ['overrides', ...issue.path], text, variants: [], lines: [] };
      meeting.variants.push(number);
      meeting.lines.push(line([...where, 'overrides', ...issue.path]) ?? 0);
      meetings.set(text, meeting);
    }
  };
  const samples = file.samples ?? null;
  const seed = file.seed ?? 1;
  for (const [i, v] of (file.variants ?? []).entries())
    add(['variants', i], v.id, v.base ?? file.base, v.overrides ?? {}, v.samples ?? samples, v.seed ?? seed);
  if (file.grid !== undefined)
    for (const combo of gridCombinations(file.grid)) add(['grid'], undefined, file.base, combo, samples, seed);
  for (const { path, text, variants, lines } of meetings.values())
    report(path, msg.batchSharedMeetsVariants(variants, lines, text));
  return out;
}

/** Variants with the same id, each told at the repeat: a listed variant at its own place, a grid one at the grid. */
function duplicates(
  variants: readonly Omit<Variant, 'index'>[],
  listed: number,
  report: (path: PropertyKey[], message: string) => void,
): void {
  const first = new Map<string, number>();
  variants.forEach((v, i) => {
    const before = first.get(v.id);
    if (before === undefined) first.set(v.id, i);
    else
      report(
        i < listed ? ['variants', i] : ['grid'],
        `variants ${before + 1} and ${i + 1} have the same id "${v.id}" (same id given, or the same definition twice): give each variant its own id or definition`,
      );
  });
}

/** How many variants a batch file makes, counted before the grid is expanded (a small file can name millions). */
function variantCount(file: Pick<BatchFile, 'variants' | 'grid'>): number {
  const grid =
    file.grid === undefined ? 0 : Object.values(file.grid).reduce((n, values) => n * values.length, 1);
  return (file.variants?.length ?? 0) + grid;
}

export interface BatchLimits {
  /** Most variants allowed (the CLI's --max-variants). */
  readonly maxVariants: number;
}

/**
 * A schema complaint about the batch file in words: at its top, "the batch file has …"; in a
 * listed variant, "variant 2: samples …", counted from 1 as every other message counts them
 * (the path said "variants.1").
 */
function batchIssueText(issue: Parameters<typeof issueText>[0]): string {
  const [first, n, ...rest] = issue.path;
  if (first === 'variants' && typeof n === 'number') {
    const within = { ...issue, path: rest };
    return rest.length === 0
      ? issueText(within, `variant ${n + 1}`)
      : `variant ${n + 1}: ${issueText(within)}`;
  }
  return issue.path.length === 0 ? issueText(issue, 'the batch file') : issueText(issue);
}

/** A batch file as parseBatchFile read it, for baseReferenceProblems to place its problems. */
interface BatchSource {
  /** The line of a key path in the file, or of the nearest object that holds it. */
  readonly line: LineOf;
  /** A key path → the same path in the file as written (they differ in what is left of a file with mistakes). */
  readonly at: (path: readonly PropertyKey[]) => PropertyKey[];
  readonly file: BatchFile;
  /** The shared overrides as written. */
  readonly shared: Record<string, unknown>;
  readonly written: Written;
}

/** The batch file as written, and the places of the mistakes told so far (left out of what is checked next). */
interface Written {
  readonly json: unknown;
  /** The line of a key path as written. */
  readonly line: LineOf;
  readonly told: readonly (readonly PropertyKey[])[];
  readonly limits: BatchLimits;
}

export interface ParsedBatch {
  readonly variants: Variant[];
  readonly name: string | null;
  readonly source: BatchSource;
}

/** Problems, each with its place in the file as written (a path), so what is left can be checked too. */
interface Placed {
  readonly problems: BatchProblem[];
  readonly places: (readonly PropertyKey[])[];
}

/**
 * A batch file's problems, and what is left of it once the places of its problems are taken
 * out (`rest`, when that reads without a problem of its own), for the checks against its
 * bases to tell their mistakes in the same run.
 */
export interface BatchFileProblems {
  readonly problems: BatchProblem[];
  readonly rest?: ParsedBatch;
}

export function parseBatchFile(
  saved: string,
  limits: BatchLimits = { maxVariants: 10_000 },
): ParsedBatch | BatchFileProblems {
  // A mark before the first line, not part of it: the lines told stay the file's own.
  const text = withoutByteOrderMark(saved);
  // One message for the first slip, worded as for scenario.json: a slip makes the parser's
  // later errors echoes of it.
  if (text.trim() === '') return { problems: [{ line: null, message: msg.batchEmpty() }] };
  const table = tableInsteadOfJson(text);
  if (table !== null) return { problems: [{ line: 1, message: table }] };
  const slip = jsonProblem(text);
  if (slip !== null) return { problems: [slip] };
  const root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  if (root === undefined) return { problems: [{ line: null, message: msg.batchEmpty() }] };
  const twice = duplicateKey(text, root);
  if (twice !== null) return { problems: [twice] };
  const written: Written = {
    json: JSON.parse(text),
    line: nearestLine(jsonLineIn(text, root)),
    told: [],
    limits,
  };
  const read = readBatch(written.json, (path) => [...path], written);
  if (!('problems' in read)) return read;
  const rest = restOf(written, read.places);
  return rest === null ? { problems: read.problems } : { problems: read.problems, rest };
}

/**
 * What is left of a batch file once the places of its told problems (and of those told
 * before) are taken out, or null when nothing is left or the rest has a problem of its own
 * (most likely an echo of one told: two variants that differed only in a mistake).
 */
function restOf(written: Written, places: readonly (readonly PropertyKey[])[]): ParsedBatch | null {
  const told = [...written.told, ...places];
  const rest = pruned(written.json, told);
  if (rest === null) return null;
  const read = readBatch(rest.json, rest.original, { ...written, told });
  return 'problems' in read ? null : read;
}

/** A batch file (`json`, or what is left of it: `original` leads back to the file as written) → its variants, or its problems. */
function readBatch(
  json: unknown,
  original: (path: readonly PropertyKey[]) => PropertyKey[],
  written: Written,
): ParsedBatch | Placed {
  const found: Placed = { problems: [], places: [] };
  const { problems } = found;
  const line: LineOf = (path) => written.line(original(path));
  const report = (path: PropertyKey[], message: string) => {
    found.places.push(original(path));
    problems.push({ line: line(path), message });
  };
  // Its parts, read below only where the schema did not already refuse them (a file of `null` has none).
  const parts: { grid?: unknown; overrides?: Record<string, unknown> } =
    typeof json === 'object' && json !== null ? json : {};
  const parsed = batchFileSchema.safeParse(json);
  if (!parsed.success) {
    // "varients" is one mistake: its unknown key, not also a file with no variants.
    const unknownAtTop = parsed.error.issues.some(
      (i) => i.code === 'unrecognized_keys' && i.path.length === 0,
    );
    const issues = parsed.error.issues.filter((i) => !unknownAtTop || i.message !== msg.batchNoVariants());
    for (const issue of issues)
      if (issue.code === 'unrecognized_keys')
        // Each unknown key at its own line, with the key probably meant.
        for (const key of issue.keys)
          report(
            [...issue.path, key],
            batchIssueText(withKnownKeys(batchFileSchema, { ...issue, keys: [key] })),
          );
      else report(issue.path, batchIssueText(issue));
    // A grid the schema did not complain about still has its values checked, so a
    // mistake elsewhere in the file does not hide a mistake in the grid.
    const grid = gridSchema.safeParse(parts.grid);
    if (grid.success && !issues.some((issue) => issue.path[0] === 'grid')) checkGrid(grid.data, report);
    // In the file's order (zod tells a misspelt top-level key after everything else).
    return inFileOrder(found);
  }
  const count = variantCount(parsed.data);
  if (count > written.limits.maxVariants) {
    const sizes = Object.entries(parsed.data.grid ?? {})
      .map(([key, values]) => `${values.length} ${key}`)
      .join(' × ');
    // The whole grid (or list) is its place: nothing of it is checked further.
    report(
      parsed.data.grid === undefined ? ['variants'] : ['grid'],
      `makes ${count.toLocaleString('en-GB')} variants${sizes === '' ? '' : ` (grid: ${sizes})`}, more than the limit of ${written.limits.maxVariants.toLocaleString('en-GB')}: trim the grid, or raise the limit with --max-variants N if you mean it`,
    );
    return found;
  }
  if (parsed.data.grid !== undefined) checkGrid(parsed.data.grid, report);
  if (problems.length > 0) return inFileOrder(found);
  const shared = parts.overrides ?? {};
  const variants = expand(parsed.data, shared, report, line);
  duplicates(variants, parsed.data.variants?.length ?? 0, report);
  return problems.length > 0
    ? found
    : {
        variants: variants.map((v, index) => ({ ...v, index })),
        name: parsed.data.name ?? null,
        source: { line, at: original, file: parsed.data, shared, written },
      };
}

/** Problems sorted by line, each keeping its place. */
function inFileOrder({ problems, places }: Placed): Placed {
  const order = problems.map((_, i) => i).sort((a, b) => (problems[a]?.line ?? 0) - (problems[b]?.line ?? 0));
  return {
    problems: order.flatMap((i) => problems[i] ?? []),
    places: order.flatMap((i) => [places[i] ?? []]),
  };
}

/** The line that names a base: the batch's own `base`, or the first variant's that gives it. */
export function baseLine(batch: Pick<ParsedBatch, 'source'>, base: string): number | null {
  const { file, line } = batch.source;
  const i = (file.variants ?? []).findIndex((v) => v.base === base);
  return file.base === base || i < 0 ? line(['base']) : line(['variants', i, 'base']);
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
      check(['grid', key, i], file.base, atPath(key, value), `grid "${key}" value ${JSON.stringify(value)}`, true);
  const found = [...problems.values()];
  return inFileOrder({ problems: found.map((f) => f.problem), places: found.map((f) => f.place) });
}
