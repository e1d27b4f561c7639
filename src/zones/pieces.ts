/**
 * The zones of a zoning that are not one piece of the neighbour graph
 * (neighbours.ts), each with its pieces: what `zonal zones` counts as "not
 * connected", named area by area so a commissioner can see which areas to
 * join. The workbench tells of them after every edit; it does not refuse
 * them, as no command does (a scenario's own zoning may have them).
 */
import { byText } from '../model/order.js';
import type { Zoning } from '../model/types.js';

export interface ZoneInPieces {
  readonly zoneId: string;
  /** Area ids of each piece, ascending; the pieces in order of their first area id. */
  readonly pieces: readonly (readonly string[])[];
}

/** The connected pieces of `members` (area indexes) along links between members only. */
function piecesOf(members: readonly number[], neighbours: readonly (readonly number[])[]): number[][] {
  const inside = new Set(members);
  const seen = new Set<number>();
  const pieces: number[][] = [];
  for (const first of members) {
    if (seen.has(first)) continue;
    const piece = [first];
    seen.add(first);
    for (let k = 0; k < piece.length; k++)
      for (const j of neighbours[piece[k] as number] ?? [])
        if (inside.has(j) && !seen.has(j)) {
          seen.add(j);
          piece.push(j);
        }
    pieces.push(piece);
  }
  return pieces;
}

/**
 * Every zone of `zoning` in more than one piece, by zone id. `areaIds[i]` is the area whose
 * neighbours are `neighbours[i]` (the order `neighbourGraph` was given the areas in).
 */
export function zonesInPieces(
  areaIds: readonly string[],
  neighbours: readonly (readonly number[])[],
  zoning: Zoning,
): ZoneInPieces[] {
  const members = new Map<string, number[]>();
  areaIds.forEach((id, i) => {
    const zone = zoning.get(id);
    if (zone === undefined) return;
    const list = members.get(zone);
    if (list === undefined) members.set(zone, [i]);
    else list.push(i);
  });
  return [...members]
    .map(([zoneId, indexes]) => ({
      zoneId,
      pieces: piecesOf(indexes, neighbours)
        .map((piece) => piece.map((i) => areaIds[i] ?? '').sort(byText))
        .sort((a, b) => byText(a[0] ?? '', b[0] ?? '')),
    }))
    .filter((z) => z.pieces.length > 1)
    .sort((a, b) => byText(a.zoneId, b.zoneId));
}
