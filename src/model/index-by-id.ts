/**
 * Items by id, made once per list of them. A batch's variants share their base's lists of
 * bids and providers (read-only once assembled), and decoding and scoring each award looked
 * them up through a map of their own, built anew a variant.
 */
const known = new WeakMap<readonly { readonly id: string }[], ReadonlyMap<string, unknown>>();

export function indexById<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  let byId = known.get(items) as ReadonlyMap<string, T> | undefined;
  if (byId === undefined) {
    byId = new Map(items.map((item) => [item.id, item]));
    known.set(items, byId);
  }
  return byId;
}
