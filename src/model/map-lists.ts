/** Maps whose values are lists, grown in place. */

/** Appends `value` to the list under `key`, starting the list when there is none. */
export function pushTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}
