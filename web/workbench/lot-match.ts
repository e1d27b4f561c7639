/**
 * Which lot of the starting award each lot of an edit is, and the lots that
 * change hands between them. A lot is what it covers (its care type and its
 * areas), not its id: a zone renamed, by hand or by a save, keeps its lot.
 * Pure.
 */
import { winnersText, type AwardResult, type LotAward } from './award.js';

export interface Handover {
  readonly lotId: string;
  /** The lot as the page names it: its id, and the start's when that differs (`lotName`). */
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

/** What a lot covers: its care type and its areas, whatever its zone is called. */
const coverage = (lot: LotAward) => `${lot.careType}|${[...lot.areaIds].sort().join(',')}`;

/** Zones a save renamed, by their id now: `Z-NH-mine` → `Z-NH`, the id the start knows them by. */
export type Formerly = ReadonlyMap<string, string>;

/**
 * The lot of the start each lot of `now` is (by lot id): the one covering the same areas for
 * the same care type, so a zone renamed is the same lot; else the one of the same care type and
 * zone, the zone under the id the start knows it by (`formerly`: a save renames a zone whose
 * areas changed). Until 2026-12-02 lots were matched by id alone, so renaming a zone, by hand
 * or by saving, read as one lot gone and a new one added.
 */
export function matchLots(
  now: readonly LotAward[],
  start: readonly LotAward[],
  formerly: Formerly = new Map(),
): Map<string, LotAward> {
  const byCoverage = new Map(start.map((l) => [coverage(l), l]));
  const byZone = new Map(start.map((l) => [`${l.careType}|${l.zoneId}`, l]));
  const zoneOf = (l: LotAward) => `${l.careType}|${formerly.get(l.zoneId) ?? l.zoneId}`;
  const matched = new Map<string, LotAward>();
  const taken = new Set<string>();
  for (const pass of [(l: LotAward) => byCoverage.get(coverage(l)), (l: LotAward) => byZone.get(zoneOf(l))])
    for (const lot of now) {
      const was = matched.has(lot.lotId) ? undefined : pass(lot);
      if (was === undefined || taken.has(was.lotId)) continue;
      matched.set(lot.lotId, was);
      taken.add(was.lotId);
    }
  return matched;
}

/**
 * "standard:Z-BROX (renamed from standard:Z-BRX)", or the lot id when the start had it under the
 * same id or not at all. A county-wide lot and a zone's that cover the same areas are the same
 * lot, but neither was renamed: "reablement:Z-ALL (was reablement:county)".
 */
export function lotName(lot: Pick<LotAward, 'lotId' | 'zoneId'>, was: LotAward | undefined): string {
  if (was === undefined || was.lotId === lot.lotId) return lot.lotId;
  const county = lot.zoneId === 'county' || was.zoneId === 'county';
  return `${lot.lotId} (${county ? 'was' : 'renamed from'} ${was.lotId})`;
}

/**
 * The lot of `lots` of the same care type that holds every area of `lot`, if one does. Areas as
 * sets: a county of thousands of wards compared by lists would take seconds.
 */
function holder(lots: readonly LotAward[]): (lot: LotAward) => LotAward | undefined {
  const areas = lots.map((l) => ({ lot: l, areas: new Set(l.areaIds) }));
  return (lot) =>
    areas.find((h) => h.lot.careType === lot.careType && lot.areaIds.every((a) => h.areas.has(a)))?.lot;
}

/**
 * Lots whose winners (provider and role) differ from the start, including lots that appear or go;
 * a lot is the start's lot it matches (`matchLots`), under whatever id. A lot split off is
 * compared with the start's lot that held its areas, and a lot merged away with the lot that
 * holds them now: "in standard:Z-NH at the start: P-BRIGHT lead, …", listed only if its areas
 * change hands (until 2026-12-02 "no such lot at the start", "no such lot now"). None when
 * there is no award.
 */
export function lotsChangingHands(
  now: AwardResult,
  start: AwardResult | null,
  formerly: Formerly = new Map(),
): Handover[] {
  if (start === null || now.status === 'infeasible') return [];
  const lots = now.lots ?? [];
  const startLots = start.lots ?? [];
  const matched = matchLots(lots, startLots, formerly);
  const kept = new Set([...matched.values()].map((l) => l.lotId));
  const [heldAtStart, heldNow] = [holder(startLots), holder(lots)];
  const handovers = [
    ...lots.map((lot) => {
      const was = matched.get(lot.lotId);
      const from = was ?? heldAtStart(lot);
      const before =
        from === undefined
          ? 'no such lot at the start'
          : `${was === undefined ? `in ${from.lotId} at the start: ` : ''}${winnersText(from)}`;
      return handover(
        { lotId: lot.lotId, name: lotName(lot, was), before, after: winnersText(lot) },
        from,
        lot,
      );
    }),
    ...startLots
      .filter((l) => !kept.has(l.lotId))
      .map((l) => {
        const into = heldNow(l);
        const after = into === undefined ? 'no such lot now' : `in ${into.lotId} now: ${winnersText(into)}`;
        return handover({ lotId: l.lotId, name: l.lotId, before: winnersText(l), after }, l, into);
      }),
  ];
  return handovers
    .filter((h) => h !== null)
    .sort((a, b) => (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0));
}

/** The handover, or null when the areas have the same winners before (`from`) and after (`to`). */
function handover(h: Handover, from: LotAward | undefined, to: LotAward | undefined): Handover | null {
  return from !== undefined && to !== undefined && winnersText(from) === winnersText(to) ? null : h;
}
