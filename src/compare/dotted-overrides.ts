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

interface Spread {
  readonly overrides: Record<string, unknown>;
  readonly back: Back;
}

/** One overrides object with its dotted keys spread; `names`: the overrides a first part must be. */
function spreadDotted(overrides: Record<string, unknown>, names: ReadonlySet<string>): Spread {
  const dotted = Object.keys(overrides).filter((key) => {
    const parts = key.split('.');
    return parts.length > 1 && parts.every((p) => p !== '') && names.has(parts[0] ?? '');
  });
  if (dotted.length === 0) return { overrides, back: (path) => [...path] };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(overrides)) if (!dotted.includes(key)) out[key] = value;
  for (const key of dotted) {
    const parts = key.split('.');
    let inner = out;
    for (const part of parts.slice(0, -1)) {
      const next = inner[part];
      inner[part] = isObject(next) ? { ...next } : {};
      inner = inner[part] as Record<string, unknown>;
    }
    inner[parts.at(-1) ?? key] = overrides[key];
  }
  const parts = dotted.map((key) => ({ key, parts: key.split('.') }));
  return {
    overrides: out,
    back: (path) => {
      const from = parts.find((d) => d.parts.every((p, i) => path[i] === p));
      return from === undefined ? [...path] : [from.key, ...path.slice(from.parts.length)];
    },
  };
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
): { readonly json: unknown; readonly original: Back } {
  if (!isObject(json)) return { json, original: (path) => [...path] };
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
  };
}
