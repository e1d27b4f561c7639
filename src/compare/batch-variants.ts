/**
 * A batch file read without a problem → its variants: the listed ones, then every grid
 * combination, each with the shared overrides under its own, and an id (its own, or a hash of
 * its definition). Overrides that fail once merged, and ids given twice, are told at their
 * place. Pure; split from batch-file.ts.
 */
import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import * as msg from '../diagnostics/messages.js';
import type { LineOf } from '../diagnostics/nearest-line.js';
import { issueText } from '../model/issue-text.js';
import { isObject } from './batch-file-rest.js';
import type { BatchFile, Variant } from './batch-file.js';
import { overridesSchema } from './overrides-schema.js';

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

/** Every grid combination as raw overrides, in a fixed order (the last key varies fastest; grid-value-problems.ts counts on it). */
function gridCombinations(grid: Readonly<Record<string, readonly unknown[]>>): Record<string, unknown>[] {
  return Object.entries(grid).reduce<Record<string, unknown>[]>(
    (combos, [path, values]) => combos.flatMap((c) => values.map((v) => mergeRaw(c, atPath(path, v)))),
    [{}],
  );
}

/** Shared overrides and a variant's own (or a grid combination's keys) as one: objects merged key by key. */
export function mergeRaw(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const before = out[k];
    out[k] = isObject(before) && isObject(v) ? mergeRaw(before, v) : v;
  }
  return out;
}

/** A variant that read, with its number in the batch (from 1) and its place in the file. */
export interface ExpandedVariant {
  readonly variant: Omit<Variant, 'index'>;
  readonly number: number;
  readonly where: PropertyKey[];
}

export function expand(
  file: BatchFile,
  shared: Record<string, unknown>,
  report: (path: PropertyKey[], message: string) => void,
  line: LineOf,
): ExpandedVariant[] {
  const out: ExpandedVariant[] = [];
  // Shared overrides that meet a variant's own where neither is wrong alone: told once, at the
  // shared override, with the variants that meet it (until 2026-12-02 once per variant, not naming "overrides").
  const meetings = new Map<
    string,
    { path: PropertyKey[]; text: string; variants: number[]; lines: number[] }
  >();
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
    // Each issue with its value, so a number typed "1,1" is told its decimal comma (issueMessage).
    const parsed = overridesSchema.safeParse(raw, { reportInput: true });
    if (parsed.success) {
      out.push({
        variant: {
          id: id ?? variantId(base, raw, samples, seed),
          base,
          overrides: parsed.data,
          samples,
          seed,
        },
        number,
        where,
      });
      return;
    }
    const meets = Object.keys(shared).length > 0 && overridesSchema.safeParse(own).success;
    for (const issue of parsed.error.issues) {
      const text = issueText(issue, 'overrides');
      if (!meets) {
        report(where, `variant ${number}: ${text}`);
        continue;
      }
      const meeting = meetings.get(text) ?? {
        path: ['overrides', ...issue.path],
        text,
        variants: [],
        lines: [],
      };
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
    for (const combo of gridCombinations(file.grid))
      add(['grid'], undefined, file.base, combo, samples, seed);
  for (const { path, text, variants, lines } of meetings.values())
    report(path, msg.batchSharedMeetsVariants(variants, lines, text));
  return out;
}

/**
 * Variants with the same id, each told at the repeat (a listed variant at its own place, a grid
 * one at the grid), numbered by their places in the batch: until 2026-12-02 by their places among
 * the variants that read, so a variant refused before them moved both numbers and the place.
 */
export function duplicates(
  variants: readonly ExpandedVariant[],
  report: (path: PropertyKey[], message: string) => void,
): void {
  repeatsOf(
    variants.map(({ variant, number, where }) => ({ id: variant.id, number, where })),
    report,
  );
}

/** Each id that repeats an earlier one, told at the repeat, with both variants' numbers. */
export function repeatsOf(
  variants: readonly { id: string; number: number; where: PropertyKey[] }[],
  report: (path: PropertyKey[], message: string) => void,
): void {
  const first = new Map<string, number>();
  for (const { id, number, where } of variants) {
    const before = first.get(id);
    if (before === undefined) first.set(id, number);
    else
      report(
        where,
        `variants ${before} and ${number} have the same id "${id}" (same id given, or the same definition twice): give each variant its own id or definition`,
      );
  }
}
