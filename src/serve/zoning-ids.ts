/**
 * Zone ids for a zoning being saved. A zone id must mean the same areas in
 * every zoning of a scenario (bids name zones in their coverage), so an
 * edited zone that keeps an old id with different areas is renamed
 * `<zone>-<zoning name>` (then `-2`, `-3`, … if that is taken). Pure.
 */
import type { Zoning } from '../model/types.js';

function zoneMembers(zoning: Zoning): Map<string, string> {
  const members = new Map<string, string[]>();
  for (const [area, zone] of zoning) members.set(zone, [...(members.get(zone) ?? []), area]);
  return new Map([...members].map(([zone, areas]) => [zone, [...areas].sort().join(';')]));
}

/** The zoning with clashing zone ids renamed, and old id → new id for each rename. */
export function distinctZoneIds(
  zoning: Zoning,
  others: Iterable<Zoning>,
  name: string,
  areaIds: ReadonlySet<string>,
): { zoning: Zoning; renamed: Record<string, string> } {
  const elsewhere = new Map<string, string>();
  for (const other of others) for (const [zone, areas] of zoneMembers(other)) elsewhere.set(zone, areas);
  const mine = zoneMembers(zoning);
  const taken = new Set([...elsewhere.keys(), ...mine.keys(), ...areaIds, 'county']);
  const renamed: Record<string, string> = {};
  for (const [zone, areas] of mine) {
    const before = elsewhere.get(zone);
    if (before === undefined || before === areas) continue;
    let candidate = `${zone}-${name}`;
    for (let k = 2; taken.has(candidate); k++) candidate = `${zone}-${name}-${k}`;
    taken.add(candidate);
    renamed[zone] = candidate;
  }
  return { zoning: new Map([...zoning].map(([area, zone]) => [area, renamed[zone] ?? zone])), renamed };
}
