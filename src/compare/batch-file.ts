/**
 * batch.json → the list of variants to run. Pure: text in, variants or
 * `batch.json:line: message` problems out.
 *
 *   1. parse the JSON, keeping where every value sits (jsonc-parser); a key given
 *      twice in one {…} is a problem (JSON.parse would keep the last without a word),
 *      and so is a table saved as CSV (batch-file-table.ts)
 *   2. check it with zod, and the grid key by key (batch-grid-checks.ts); every problem
 *      names its line
 *   3. expand the grid (every combination of its values) after the listed variants, and
 *   4. give each variant an id: its own, or a hash of its definition (batch-variants.ts)
 *   5. with problems, what is left without their places (batch-file-rest.ts), for the
 *      checks against the bases to tell theirs in the same run (batch-checks.ts)
 */
import { parseTree } from 'jsonc-parser';
import { z } from 'zod';
import * as msg from '../diagnostics/messages.js';
import { nearestLine, type LineOf } from '../diagnostics/nearest-line.js';
import { duplicateKey, jsonProblem } from '../io/json-problem.js';
import { jsonLineIn } from '../io/json-line.js';
import { withoutByteOrderMark } from '../io/text-decode.js';
import { pruned } from './batch-file-rest.js';
import { tableInsteadOfJson } from './batch-file-table.js';
import { checkGrid } from './batch-grid-checks.js';
import { duplicates, expand, repeatsOf } from './batch-variants.js';
import { withDottedOverridesSpread } from './dotted-overrides.js';
import { overrideNames, overridesSchema, type Overrides } from './overrides-schema.js';
import { issueText, withKnownKeys } from '../model/issue-text.js';
import { groupedNumber } from '../model/grouped-number.js';

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
  .record(
    z.string(),
    z
      .array(z.unknown(), {
        error: (issue) => (issue.code === 'invalid_type' ? msg.batchGridNotList(issue.input) : undefined),
      })
      .min(1, 'needs at least one value'),
  )
  .refine((grid) => Object.keys(grid).length > 0, { message: msg.batchGridEmpty() });

const batchFileSchema = z
  .strictObject({
    name: z.string().optional(),
    /** Scenario folder, relative to the batch file. */
    base: z
      .string({ error: (issue) => (issue.input === undefined ? msg.batchBaseNotGiven() : undefined) })
      .min(1, 'is empty: give a scenario folder, relative to the batch file'),
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

export type BatchFile = z.output<typeof batchFileSchema>;

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
 * (the path said "variants.1"); at a grid key, `grid "zoning" …`, as the checks of its values
 * name it (until mend17d "grid.zoning", beside `grid "demandMultiplier" value …` in one run).
 */
function batchIssueText(issue: Parameters<typeof issueText>[0]): string {
  const [first, n, ...rest] = issue.path;
  if (first === 'grid' && typeof n === 'string') return issueText({ ...issue, path: rest }, `grid "${n}"`);
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
export interface Written {
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
export interface Placed {
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
export function restOf(written: Written, places: readonly (readonly PropertyKey[])[]): ParsedBatch | null {
  const told = [...written.told, ...places];
  const rest = pruned(written.json, told);
  if (rest === null) return null;
  const read = readBatch(rest.json, rest.original, { ...written, told });
  return 'problems' in read ? null : read;
}

/** A batch file (`json`, or what is left of it: `original` leads back to the file as written) → its variants, or its problems. */
function readBatch(
  asWritten: unknown,
  toWritten: (path: readonly PropertyKey[]) => PropertyKey[],
  written: Written,
): ParsedBatch | Placed {
  // Overrides may name a setting by a dotted path, as grid keys do (dotted-overrides.ts).
  const spread = withDottedOverridesSpread(asWritten, overrideNames);
  const json = spread.json;
  const original = (path: readonly PropertyKey[]) => toWritten(spread.original(path));
  const found: Placed = { problems: [], places: [] };
  const { problems } = found;
  const line: LineOf = (path) => written.line(original(path));
  const report = (path: PropertyKey[], message: string) => {
    found.places.push(original(path));
    problems.push({ line: line(path), message });
  };
  for (const clash of spread.clashes) {
    const at = toWritten(clash.key);
    const variant = at[0] === 'variants' ? `variant ${Number(at[1]) + 1}: ` : '';
    found.places.push(at);
    problems.push({
      line: written.line(at),
      message: `${variant}${msg.dottedOverrideClash(String(at.at(-1)), clash.setting, written.line(toWritten(clash.other)))}`,
    });
  }
  // Its parts, read below only where the schema did not already refuse them (a file of `null` has none).
  const parts: { grid?: unknown; overrides?: Record<string, unknown>; variants?: unknown } =
    typeof json === 'object' && json !== null ? json : {};
  // Each issue with its value, so a number typed "1,1" is told its decimal comma (issueMessage).
  const parsed = batchFileSchema.safeParse(json, { reportInput: true });
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
    // The grid's keys the schema did not complain about still have their values checked, so a
    // mistake elsewhere in the file, or in another key (one value, not a list), does not hide a
    // mistake in them (until mend17b a key not a list hid every other key's).
    const grid = gridSchema.safeParse(gridWithout(parts.grid, issues));
    if (grid.success) checkGrid(grid.data, report);
    repeatsOf(givenIds(parts.variants), report);
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
      `makes ${groupedNumber(count, 3)} variants${sizes === '' ? '' : ` (grid: ${sizes})`}, more than the limit of ${groupedNumber(written.limits.maxVariants, 3)}: trim the grid, or raise the limit with --max-variants N if you mean it`,
    );
    return found;
  }
  if (parsed.data.grid !== undefined) checkGrid(parsed.data.grid, report);
  if (problems.length > 0) return inFileOrder(found);
  const shared = parts.overrides ?? {};
  const expanded = expand(parsed.data, shared, report, line);
  duplicates(expanded, report);
  const variants = expanded.map((e) => e.variant);
  return problems.length > 0
    ? found
    : {
        variants: variants.map((v, index) => ({ ...v, index })),
        name: parsed.data.name ?? null,
        source: { line, at: original, file: parsed.data, shared, written },
      };
}

/** The grid as written without the keys the schema refused (`issues`' places), or undefined when the schema refused the grid as a whole. */
function gridWithout(grid: unknown, issues: readonly { readonly path: readonly PropertyKey[] }[]): unknown {
  const refused = issues.filter((issue) => issue.path[0] === 'grid').map((issue) => issue.path[1]);
  if (refused.includes(undefined) || typeof grid !== 'object' || grid === null) return undefined;
  return Object.fromEntries(Object.entries(grid).filter(([key]) => !refused.includes(key)));
}

/**
 * The ids given in the listed variants as written, for a file the schema refused elsewhere, so
 * that an id given twice is told with its other mistakes, not a run later (until 2026-12-02,
 * session 16). Only ids given, and valid: a made id (from the definition) may repeat only
 * because of a mistake told, and an id the schema refuses (a space in it) is told as that.
 */
function givenIds(listed: unknown): { id: string; number: number; where: PropertyKey[] }[] {
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((v: unknown, i) => {
    const id = idSchema.safeParse(typeof v === 'object' && v !== null && 'id' in v ? v.id : undefined);
    return id.success ? [{ id: id.data, number: i + 1, where: ['variants', i] }] : [];
  });
}

/** Problems sorted by line, each keeping its place. */
export function inFileOrder({ problems, places }: Placed): Placed {
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
