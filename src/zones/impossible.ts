/**
 * Requests no map can meet, found before any search: the message says which
 * rule cannot be kept and why, with the numbers. Checked in this order, and
 * the first one found is reported (one mistake, one message).
 */
import type { ZoneProblem } from './problem.js';
import { ascending, byKey } from '../model/order.js';
import { counted, nounFor } from '../model/counted.js';
import { groupedNumber } from '../model/grouped-number.js';

const h = (x: number) => `${groupedNumber(Math.round(x))} h/week`;

/** What the request says about the ceiling: whether --max-hours gave it, or it is the default. */
export interface CeilingRequest {
  /** The --within parent zoning's name, for messages. */
  readonly within: string | null;
  /** True when --max-hours set the ceiling; false when it is the default, twice the mean zone. */
  readonly ceilingGiven: boolean;
}

/**
 * How to let a zone carry more, in flags the user can change: raise --max-hours
 * when they gave it; else set it (`atLeast`: the least that would do), since the
 * ceiling is the default, which they may not know is there.
 */
export function higherCeiling(p: ZoneProblem, ceilingGiven: boolean, atLeast?: number): string {
  const least = atLeast === undefined ? '' : ` to at least ${h(atLeast)}`;
  if (ceilingGiven) return `raise --max-hours${least}`;
  const mean =
    p.count === null ? 'twice the mean zone' : `twice the mean of --count ${counted(p.count, 'zone')}`;
  return atLeast === undefined
    ? `set --max-hours above ${h(p.ceiling)}, its default (${mean})`
    : `set --max-hours${least} (the ceiling is its default, ${mean})`;
}

/** Connected pieces of the neighbour graph when zones may not cross parents. */
function pieces(p: ZoneProblem): number[][] {
  const seen = new Set<number>();
  const out: number[][] = [];
  for (let s = 0; s < p.areas.length; s++) {
    if (seen.has(s)) continue;
    const piece = [s];
    seen.add(s);
    for (let k = 0; k < piece.length; k++) {
      const i = piece[k] as number;
      for (const j of p.neighbours[i] ?? []) {
        if (!seen.has(j) && p.areas[j]?.parent === p.areas[i]?.parent) {
          seen.add(j);
          piece.push(j);
        }
      }
    }
    out.push(piece.sort(ascending));
  }
  return out;
}

const demandOf = (p: ZoneProblem, members: readonly number[]) =>
  members.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0);

/**
 * The most zones the floor allows, piece by piece: ⌊demand / floor⌋, but no more than
 * the piece's areas with demand, since every zone needs one (until 2026-12-01 a piece
 * of 6 areas and 4,550 h/week counted 11 zones under a floor of 400). With no floor,
 * one zone an area.
 */
export function mostZones(p: ZoneProblem): number {
  if (p.floor <= 0) return p.areas.length;
  return pieces(p).reduce((t, piece) => {
    const withDemand = piece.filter((i) => (p.areas[i]?.demand ?? 0) > 0).length;
    return t + Math.min(withDemand, Math.floor(demandOf(p, piece) / p.floor));
  }, 0);
}

function names(p: ZoneProblem, members: readonly number[]): string {
  const ids = members.map((i) => p.areas[i]?.id ?? '?');
  return ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more`;
}

function parentBelowFloor(p: ZoneProblem, within: string): string | null {
  const byParent = new Map<string, number>();
  for (const a of p.areas)
    if (a.parent !== null) byParent.set(a.parent, (byParent.get(a.parent) ?? 0) + a.demand);
  const low = [...byParent.entries()].filter(([, d]) => d < p.floor).sort(byKey);
  if (low.length === 0) return null;
  const listed = low
    .slice(0, 3)
    .map(([z, d]) => `${z} ${h(d)}`)
    .join(', ');
  // A parent with no demand stays below any floor: a lower --min-hours cannot help it.
  const advice = low.some(([, d]) => d <= 0)
    ? 'choose a coarser --within zoning (a zone with no demand is no lot to tender)'
    : 'choose a coarser --within zoning or lower --min-hours';
  return `--within ${within}: ${counted(low.length, 'parent zone')} ${nounFor(low.length, 'carries', 'carry')} less than the floor of ${h(p.floor)} (${listed}${low.length > 3 ? ', …' : ''}), and a zone may not cross ${nounFor(low.length, 'it', 'them')}: ${advice}`;
}

/** Why no map can meet the request, or null when the search may go ahead. */
export function impossibleRequest(p: ZoneProblem, request: CeilingRequest): string | null {
  const { within, ceilingGiven } = request;
  const n = p.areas.length;
  const total = demandOf(
    p,
    p.areas.map((_, i) => i),
  );
  if (p.count !== null && p.count > n)
    return `--count ${p.count} asks for more zones than there are areas (${n}): give at most ${n}`;
  if (p.floor > total)
    return `the floor of ${h(p.floor)} is above the total design demand of ${h(total)}: not even one zone can reach it; lower --min-hours`;
  if (p.floor > p.ceiling)
    return `the floor of ${h(p.floor)} is above the ceiling of ${h(p.ceiling)}: lower --min-hours or ${higherCeiling(p, ceilingGiven)}`;
  const big = p.areas.find((a) => a.demand > p.ceiling);
  if (big !== undefined) {
    // The default ceiling is twice the mean zone: fewer zones (a higher floor, a lower count) raise it; a given one they do not.
    const fewer = ceilingGiven
      ? ''
      : p.count === null
        ? ', or raise --min-hours so that fewer, larger zones raise the default'
        : ', or lower --count';
    return `area ${big.id} alone carries ${h(big.demand)}, above the ceiling of ${h(p.ceiling)}: ${higherCeiling(p, ceilingGiven, big.demand)}${fewer}`;
  }
  if (within !== null) {
    const parent = parentBelowFloor(p, within);
    if (parent !== null) return parent;
  }
  const parts = pieces(p);
  const small = parts.find((piece) => demandOf(p, piece) < p.floor);
  if (small !== undefined) {
    const where =
      within === null
        ? 'the rest of the county'
        : `the rest of its --within zone ${p.areas[small[0] ?? 0]?.parent ?? ''}`;
    const [noun, verb, carry] = small.length === 1 ? ['area', 'is', 'carries'] : ['areas', 'are', 'carry'];
    const lower =
      demandOf(p, small) > 0 ? ', or lower --min-hours' : ' (a zone with no demand is no lot to tender)';
    return `${noun} ${names(p, small)} ${verb} not connected to ${where} (no neighbour link) and ${carry} only ${h(demandOf(p, small))}, below the floor of ${h(p.floor)}: no zone can hold them; add boundaries that join them${lower}`;
  }
  if (p.count === null) return null;
  if (parts.length > p.count)
    return `the areas fall into ${parts.length} separate pieces (no neighbour links between them${within === null ? '' : ' inside one --within zone'}), each needing its own zone: --count ${p.count} is too few`;
  const most = mostZones(p);
  // Every zone needs an area with demand (build-problem.ts raises a floor of 0 to the least of them):
  // when they, not the floor, are too few, a lower --min-hours does not help.
  const withDemand = p.areas.filter((a) => a.demand > 0).length;
  if (p.floor > 0 && most < p.count)
    return most === withDemand
      ? `--count ${p.count} asks for more zones than there are areas with demand (${withDemand} of ${n}): a zone with no demand is no lot to tender; give at most ${withDemand}`
      : `at most ${counted(most, 'zone')} can each reach the floor of ${h(p.floor)} (total ${h(total)}): lower --count or --min-hours`;
  const least = parts.reduce((t, piece) => t + Math.ceil(demandOf(p, piece) / p.ceiling), 0);
  if (least > p.count)
    return `${counted(p.count, 'zone')} cannot hold ${h(total)} under the ceiling of ${h(p.ceiling)} each (${least} are needed): raise --count, or ${higherCeiling(p, ceilingGiven)}`;
  return null;
}
