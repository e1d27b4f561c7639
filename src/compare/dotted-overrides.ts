/**
 * A batch file's overrides may name a setting by a dotted path, as its grid keys do:
 * `"overrides": {"lots.standard.leadShare": 0.8}` is `{"lots": {"standard": {"leadShare": 0.8}}}`.
 * An analyst who has written `"lots.standard.leadShare": [0.5, 0.8]` in the grid writes the
 * shared value the same way; until 2026-12-02 it was refused as an unknown key ("did you mean
 * lots?") at every key's line, and every grid value needing it was told missing as well.
 *
 * Pure: the batch file's JSON in, the same with each dotted key of an `overrides` object (the
 * file's own and each listed variant's) spread into nested objects, and the way back from a path
 * in the result to the path as written, so a mistake in a dotted setting is told at its line.
 * A key whose first part is no override (`"P-A.1"` in priceChanges is deeper, never first) is
 * left as written, to be told as the unknown key it is.
 */
import { isObject } from './batch-file-rest.js';

type Path = readonly PropertyKey[];

/** A path in the nested overrides → the path as written (a dotted key's parts back to the key). */
type Back = (path: Path) => PropertyKey[];

/** A dotted key that gives a setting the overrides already give (nested, or by a shorter dotted key). */
export interface DottedClash {
  /** The dotted key, as a path in the overrides as written. */
  readonly key: PropertyKey[];
  /** Where the overrides as written already give it. */
  readonly other: PropertyKey[];
  /** The setting both give, as a dotted path. */
  readonly setting: string;
}

interface Spread {
  readonly overrides: Record<string, unknown>;
  readonly back: Back;
  readonly clashes: readonly DottedClash[];
}

/**
 * One overrides object with its dotted keys spread into its nested ones, shorter keys first (so
 * `"lots.standard": {…}` and `"lots.standard.leadShare": 0.8` merge whatever their order); a
 * dotted key that gives a setting again, or reaches inside a value that is no object, is a
 * clash, left out. `names`: the overrides a first part must be.
 */
function spreadDotted(overrides: Record<string, unknown>, names: ReadonlySet<string>): Spread {
  const dotted = Object.keys(overrides)
    .map((key) => ({ key, parts: key.split('.') }))
    .filter(({ parts }) => parts.length > 1 && parts.every((p) => p !== '') && names.has(parts[0] ?? ''))
    .sort((a, b) => a.parts.length - b.parts.length);
  if (dotted.length === 0) return { overrides, back: (path) => [...path], clashes: [] };
  const keys = new Set(dotted.map((d) => d.key));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(overrides)) if (!keys.has(key)) out[key] = value;
  /** Where each spread dotted key's value now sits, to name it in a clash. */
  const placed: { key: string; parts: string[] }[] = [];
  const clashes: DottedClash[] = [];
  const writtenAt = (parts: readonly string[]): PropertyKey[] => {
    const by = placed.find((d) => d.parts.every((p, i) => parts[i] === p));
    return by === undefined ? [...parts] : [by.key, ...parts.slice(by.parts.length)];
  };
  for (const { key, parts } of dotted) {
    const copy: Record<string, unknown> = { ...out };
    let inner = copy;
    let stop: number | null = null;
    for (const [depth, part] of parts.slice(0, -1).entries()) {
      const next = inner[part];
      if (next !== undefined && !isObject(next)) {
        stop = depth + 1;
        break;
      }
      inner[part] = { ...(next ?? {}) };
      inner = inner[part] as Record<string, unknown>;
    }
    const leaf = parts.at(-1) ?? key;
    // An object beside an object merges, key by key; only a setting both give clashes.
    const merged = stop === null ? mergedWithout(inner[leaf], overrides[key]) : { clash: [] };
    if ('clash' in merged) {
      const at = [...parts.slice(0, stop ?? parts.length), ...merged.clash];
      clashes.push({ key: [key], other: writtenAt(at), setting: at.join('.') });
      continue;
    }
    inner[leaf] = merged.value;
    Object.assign(out, copy);
    placed.push({ key, parts });
  }
  return {
    overrides: out,
    back: (path) => {
      // A path inside a dotted key's value, or a part of its own (a mistake in "lots.standrd.x" is told at "lots.standrd").
      const nestedTop = path.length === 1 && Object.hasOwn(overrides, String(path[0]));
      const from =
        path.length === 0 || nestedTop
          ? undefined
          : placed.find((d) => d.parts.every((p, i) => i >= path.length || path[i] === p));
      return from === undefined ? [...path] : [from.key, ...path.slice(from.parts.length)];
    },
    clashes,
  };
}

/** `added` put where `had` is: itself where nothing was, objects merged key by key, or the path of the first setting both give. */
function mergedWithout(had: unknown, added: unknown): { value: unknown } | { clash: string[] } {
  if (had === undefined) return { value: added };
  if (!isObject(had) || !isObject(added)) return { clash: [] };
  const out: Record<string, unknown> = { ...had };
  for (const [key, value] of Object.entries(added)) {
    const inner = mergedWithout(had[key], value);
    if ('clash' in inner) return { clash: [key, ...inner.clash] };
    out[key] = inner.value;
  }
  return { value: out };
}

/** Where the overrides objects of a batch file are: its own, and each listed variant's. */
function overridesPlaces(json: Record<string, unknown>): Path[] {
  const variants = Array.isArray(json['variants']) ? json['variants'] : [];
  return [
    ...(isObject(json['overrides']) ? [['overrides']] : []),
    ...variants.flatMap((v, i) =>
      isObject(v) && isObject(v['overrides']) ? [['variants', i, 'overrides']] : [],
    ),
  ];
}

const startsWith = (path: Path, head: Path) => head.every((k, i) => path[i] === k);

/**
 * The batch file's JSON with its overrides' dotted keys spread, and the way back to the paths as
 * written (`names`: the overrides' own names, `option`, `lots`, `award` …).
 */
export function withDottedOverridesSpread(
  json: unknown,
  names: ReadonlySet<string>,
): { readonly json: unknown; readonly original: Back; readonly clashes: readonly DottedClash[] } {
  if (!isObject(json)) return { json, original: (path) => [...path], clashes: [] };
  const spreads = overridesPlaces(json).map((at) => {
    const holder = at.reduce<unknown>((inner, key) => (inner as Record<PropertyKey, unknown>)[key], json);
    return { at, spread: spreadDotted(holder as Record<string, unknown>, names) };
  });
  const out: Record<string, unknown> = { ...json };
  const variants = Array.isArray(json['variants']) ? [...json['variants']] : [];
  for (const { at, spread } of spreads) {
    const index = at[1];
    if (typeof index !== 'number') out['overrides'] = spread.overrides;
    else variants[index] = { ...(variants[index] as Record<string, unknown>), overrides: spread.overrides };
  }
  if (Array.isArray(json['variants'])) out['variants'] = variants;
  return {
    json: out,
    original: (path) => {
      const held = spreads.find(({ at }) => startsWith(path, at));
      return held === undefined ? [...path] : [...held.at, ...held.spread.back(path.slice(held.at.length))];
    },
    clashes: spreads.flatMap(({ at, spread }) =>
      spread.clashes.map((c) => ({ ...c, key: [...at, ...c.key], other: [...at, ...c.other] })),
    ),
  };
}
