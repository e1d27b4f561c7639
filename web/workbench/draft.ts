/**
 * What the commissioner is editing: every area's zone, the lot plan and the
 * award rules, shaped like the body of POST /api/solve. Every edit is a pure
 * function from one draft to the next (or a message saying why not), so undo
 * is just keeping the old draft.
 */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type LotEntry = Readonly<Record<string, Json>>;

export interface Draft {
  /** areaId → zoneId, every area. */
  readonly zones: Readonly<Record<string, string>>;
  /** careType → scenario.json lot entry. */
  readonly lots: Readonly<Record<string, LotEntry>>;
  readonly award: Readonly<Record<string, Json>>;
}

const idPattern = /^[A-Za-z0-9_.-]+$/;

/** Zone ids in use, sorted. */
export function zoneIds(draft: Draft): string[] {
  return [...new Set(Object.values(draft.zones))].sort();
}

export function moveAreas(draft: Draft, areaIds: readonly string[], zoneId: string): Draft | string {
  if (areaIds.length === 0) return 'select one or more areas first';
  if (!zoneIds(draft).includes(zoneId)) return `zone ${zoneId} does not exist: choose a zone from the list`;
  if (areaIds.every((a) => draft.zones[a] === zoneId))
    return `the selected areas are already in zone ${zoneId}`;
  return { ...draft, zones: { ...draft.zones, ...Object.fromEntries(areaIds.map((a) => [a, zoneId])) } };
}

/** Why `zoneId` cannot name a new zone, or null when it can. */
function newZoneProblem(draft: Draft, zoneId: string): string | null {
  if (!idPattern.test(zoneId)) return 'give the new zone an id of letters, digits, _ . or -';
  if (zoneIds(draft).includes(zoneId)) return `zone ${zoneId} already exists: choose another id`;
  if (zoneId in draft.zones || zoneId === 'county')
    return `${zoneId} is an area id or reserved: choose another zone id`;
  return null;
}

export function splitOff(draft: Draft, areaIds: readonly string[], zoneId: string): Draft | string {
  if (areaIds.length === 0) return 'select one or more areas first';
  const problem = newZoneProblem(draft, zoneId);
  if (problem !== null) return problem;
  return { ...draft, zones: { ...draft.zones, ...Object.fromEntries(areaIds.map((a) => [a, zoneId])) } };
}

export function mergeZones(draft: Draft, from: string, into: string): Draft | string {
  const ids = zoneIds(draft);
  if (!ids.includes(from) || !ids.includes(into)) return 'choose two zones from the lists';
  if (from === into) return 'choose two different zones to merge';
  return {
    ...draft,
    zones: Object.fromEntries(Object.entries(draft.zones).map(([a, z]) => [a, z === from ? into : z])),
  };
}

/** A fresh zone id, Z-NEW1, Z-NEW2, …, not yet used by any zone or area. */
export function suggestZoneId(draft: Draft): string {
  for (let k = 1; ; k++) {
    const id = `Z-NEW${k}`;
    if (newZoneProblem(draft, id) === null) return id;
  }
}

export function setLot(draft: Draft, careType: string, entry: LotEntry): Draft {
  return { ...draft, lots: { ...draft.lots, [careType]: entry } };
}

export function setRule(draft: Draft, rule: string, value: Json): Draft {
  return { ...draft, award: { ...draft.award, [rule]: value } };
}

/**
 * The draft with its zones renamed as a save renamed them (`{ "Z-NH": "Z-NH-mine" }`): the page
 * goes on with the zoning as saved, so its lots are named as `zonal solve --zoning mine` names them.
 */
export function renameZones(draft: Draft, renamed: Readonly<Record<string, string>>): Draft {
  const to = (zone: string) => (Object.hasOwn(renamed, zone) ? (renamed[zone] ?? zone) : zone);
  return {
    ...draft,
    zones: Object.fromEntries(Object.entries(draft.zones).map(([area, zone]) => [area, to(zone)])),
  };
}

/** Whether two zonings put every area of `a` in the same zone (both give every area a zone). */
export function sameZones(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  return Object.keys(a).every((area) => a[area] === b[area]);
}

/** The draft with the zones of zoning `name`, to edit them (the lots and rules stay as they are). */
export function openZoning(
  draft: Draft,
  name: string,
  zones: Readonly<Record<string, string>>,
): Draft | string {
  if (sameZones(draft.zones, zones)) return `the zones are those of ${name} already`;
  return { ...draft, zones: { ...zones } };
}

/** Zone ids keep one colour for the whole session: the start's zones in order, then new ones as they appear. */
export function assignColours(
  known: ReadonlyMap<string, string>,
  zones: readonly string[],
  palette: readonly string[],
): Map<string, string> {
  const colours = new Map(known);
  for (const zone of zones)
    if (!colours.has(zone)) colours.set(zone, palette[colours.size % palette.length] ?? '#777777');
  return colours;
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The body of POST /api/solve for a draft: every area's zone, and only the
 * lot entries and award rules that differ from the scenario's own, so the
 * server applies them to the scenario as it stands.
 */
export function solveBody(
  draft: Draft,
  scenario: Draft,
): { zones: Draft['zones']; lots?: Draft['lots']; award?: Draft['award'] } {
  const lots = Object.fromEntries(
    Object.entries(draft.lots).filter(([careType, entry]) => !same(entry, scenario.lots[careType])),
  );
  const award = Object.fromEntries(
    Object.entries(draft.award).filter(([rule, value]) => !same(value, scenario.award[rule])),
  );
  return {
    zones: draft.zones,
    ...(Object.keys(lots).length === 0 ? {} : { lots }),
    ...(Object.keys(award).length === 0 ? {} : { award }),
  };
}

/**
 * The lot entries and award rules a draft changes, as `lots.<care type>: {…}`
 * and `award.<rule>: value`: a saved zoning holds only the zones, so
 * `zonal solve --zoning` of it uses scenario.json's lots and rules, not these.
 */
export function settingsNotSaved(draft: Draft, scenario: Draft): string[] {
  const { lots = {}, award = {} } = solveBody(draft, scenario);
  return [
    ...Object.entries(lots).map(([careType, entry]) => `lots.${careType}: ${JSON.stringify(entry)}`),
    ...Object.entries(award).map(([rule, value]) => `award.${rule}: ${JSON.stringify(value)}`),
  ];
}
