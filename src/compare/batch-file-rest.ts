/**
 * A batch file with the places of its told mistakes taken out (a grid key, a grid value, a
 * variant's setting), so what is left can be checked against its base in the same run: an
 * analyst who wrote "zonning", a "yes" and a zoning the county does not have hears of all
 * three at once, not one a run. Pure: JSON in, JSON out, with the way back from a path in the
 * rest to the path as written (its line is that path's line).
 */

type Place = readonly PropertyKey[];

export interface Pruned {
  /** The file without the places. */
  readonly json: unknown;
  /** A path in `json` → the same path in the file as written (array items taken out shift the rest). */
  readonly original: (path: Place) => PropertyKey[];
}

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const keyOf = (path: Place) => JSON.stringify(path.map(String));

/** The value at `path`, or undefined. */
function valueAt(json: unknown, path: Place): unknown {
  return path.reduce<unknown>(
    (inner, key) =>
      Array.isArray(inner) && typeof key === 'number'
        ? inner[key]
        : isObject(inner) && typeof key === 'string'
          ? inner[key]
          : undefined,
    json,
  );
}

/** Takes the list or object at `path` out of the object that holds it when nothing is left in it, and so on up. */
function dropEmptied(json: unknown, path: Place): void {
  for (let at = path; at.length > 0; at = at.slice(0, -1)) {
    const inner = valueAt(json, at);
    const parent = valueAt(json, at.slice(0, -1));
    const key = at[at.length - 1];
    const empty = Array.isArray(inner)
      ? inner.length === 0
      : isObject(inner) && Object.keys(inner).length === 0;
    if (!empty || !isObject(parent) || typeof key !== 'string') return;
    delete parent[key];
  }
}

/**
 * `json` without the values at `places` (paths as written). Null when a place is the whole
 * file: nothing is left to check.
 */
export function pruned(json: unknown, places: readonly Place[]): Pruned | null {
  if (places.some((p) => p.length === 0)) return null;
  const copy: unknown = structuredClone(json);
  // Items of a list are taken out after the keys, deepest list first, so every place is
  // found where the file has it.
  const items = new Map<string, { path: Place; gone: Set<number> }>();
  for (const place of places) {
    const parent = place.slice(0, -1);
    const last = place[place.length - 1];
    const container = valueAt(copy, parent);
    if (Array.isArray(container) && typeof last === 'number') {
      const entry = items.get(keyOf(parent)) ?? { path: parent, gone: new Set<number>() };
      entry.gone.add(last);
      items.set(keyOf(parent), entry);
    } else if (isObject(container) && typeof last === 'string') delete container[last];
  }
  const kept = new Map<string, number[]>();
  for (const { path, gone } of [...items.values()].sort((a, b) => b.path.length - a.path.length)) {
    const list = valueAt(copy, path) as unknown[];
    const stays = list.map((_, i) => i).filter((i) => !gone.has(i));
    kept.set(keyOf(path), stays);
    list.splice(0, list.length, ...stays.map((i) => list[i]));
  }
  // A grid key whose every value was taken out is taken out too (and a grid left empty), so
  // the rest reads: until 2026-12-02 an emptied key made it unreadable, and the other keys'
  // mistakes went untold.
  for (const place of places) dropEmptied(copy, place.slice(0, -1));
  const original = (path: Place): PropertyKey[] => {
    const written: PropertyKey[] = [];
    for (const key of path)
      written.push((typeof key === 'number' ? kept.get(keyOf(written))?.[key] : undefined) ?? key);
    return written;
  };
  return { json: copy, original };
}
