/**
 * Assemble a Scenario from validated rows, checking what no single row can:
 * duplicate ids, unknown references, zonings that miss or repeat areas,
 * coverage that names nothing. Pure: rows in, Scenario (or issues) out.
 *
 * A row rejected by its own checks has already had its message, so a
 * reference to it (a demand row naming an area whose rurality was misspelt)
 * is skipped here, not reported as unknown: one mistake, one message.
 */
import type { IssueList } from '../diagnostics/issues.js';
import { closestName, isSwapped } from '../diagnostics/did-you-mean.js';
import { repeatedMistakes } from '../diagnostics/repeated-mistakes.js';
import * as msg from '../diagnostics/messages.js';
import { nearestLine } from '../diagnostics/nearest-line.js';
import type { Lined } from './lined.js';
import type { DemandTable } from './demand-table.js';
import type { areaRows, bidRows, currentRows, providerRows, RowKind, zoneRows } from './row-schemas.js';
import { buildDemand, checkDemandTotals, type PeriodTotal, warnShortPeriods } from './assemble-demand.js';
import { lotPlanEntry, type ScenarioJson } from './scenario-schema.js';
import { parseScoringSettings, type ScoringSettings } from './scoring-settings.js';
import type {
  Area,
  Bid,
  CareType,
  CurrentRow,
  Demand,
  LotPlan,
  LotPlanEntry,
  Provider,
  Scenario,
  Zoning,
} from './types.js';
import { careTypes } from './types.js';
import { meantId, slipKey, type MeantId } from './id-case.js';
import { checkQualityScale } from './quality-scale.js';
import { warnProvidersWithoutBids } from './providers-without-bids.js';

type Rows<K> = K extends RowKind<infer T> ? readonly Lined<T>[] : never;

interface AreaLines {
  readonly file: string;
  readonly lines: ReadonlyMap<string, number>;
}

export interface ZoningRows {
  readonly file: string;
  readonly rows: Rows<typeof zoneRows>;
  /** Some rows of the file were rejected (reported): an area missing from it may be one of them. */
  readonly hasRejected: boolean;
}

/** The tables as read, with what scenario.json says of them (their file names and zonings) and nothing else. */
export interface TableRows {
  /** scenario.json (or the workbook's scenario sheet): where a problem across zonings is told. */
  readonly jsonFile: string;
  /** The line in jsonFile of a key path (`'zonings', 'two'`), or null. */
  readonly jsonLine: (...path: readonly string[]) => number | null;
  readonly files: {
    readonly areas: string;
    readonly demand: string;
    readonly providers: string;
    readonly bids: string;
    readonly current: string | null;
  };
  readonly areas: Rows<typeof areaRows>;
  readonly zonings: ReadonlyMap<string, ZoningRows>;
  /** Demand rows already in the model's shape (row-schemas.ts, demandInputSchema), with their lines, stored compactly. */
  readonly demand: DemandTable;
  /** Some demand rows were rejected (reported): a period may be short of those rows, not mistyped. */
  readonly demandHasRejected: boolean;
  /** Some bid rows were rejected (reported): a provider with no bid may have had one of those. */
  readonly bidsHaveRejected: boolean;
  readonly providers: Rows<typeof providerRows>;
  readonly bids: Rows<typeof bidRows>;
  readonly current: Rows<typeof currentRows>;
  /** Ids of rows rejected by their row checks, already reported (io/table-rows.ts). */
  readonly rejected: RejectedIds;
}

export interface ScenarioRows extends TableRows {
  readonly json: ScenarioJson;
  readonly boundaries: unknown;
}

type IdKind = 'areas' | 'zones' | 'providers';

interface RejectedIds {
  readonly areas: ReadonlySet<string>;
  /** Zone ids of rejected rows of any zoning file. */
  readonly zones: ReadonlySet<string>;
  readonly providers: ReadonlySet<string>;
  /**
   * Id cells that were themselves bad in rejected rows, by kind (`A 1` in
   * areas.csv, `Z 2` in a zone file; '' for an empty cell): the id such a row
   * meant is not known.
   */
  readonly unreadable: Readonly<Record<IdKind, ReadonlySet<string>>>;
}

/**
 * Whether a reference to an id that is not known is already explained by a
 * rejected row (reported): the row of that id, or a row whose id cell was
 * itself bad and close to the reference (`Z2` for `Z 2`, as "did you mean"
 * judges names), or empty (it could have been any id). Such a reference is
 * skipped, not called unknown: one mistake, one message. A reference that is
 * the bad cell with two characters swapped (`1A` beside the row `A 1`, meant
 * A1) is not: a swap changes none of the characters that made the cell bad,
 * so the reference is a second slip, told now rather than after the first is
 * fixed ("did you mean" counts a swap as one slip, for a name typed against
 * known ones).
 */
function explained(rejected: RejectedIds, kind: IdKind, id: string): boolean {
  if (rejected[kind].has(id)) return true;
  const bad = rejected.unreadable[kind];
  if (bad.size === 0) return false;
  if (bad.has('') || bad.size > maxBadIdsCompared) return true;
  const meantAlike = [...bad].filter((cell) => !isSwapped(id, cell));
  return closestName(id, meantAlike) !== null;
}

/**
 * What a mistyped id of these kinds meant: one of `known`, or of the rows rejected for a mistake
 * of their own (told at their line). A bid's `P-HAZLE` is still asked "did you mean P-HAZEL?"
 * when P-HAZEL's row has a bad number: once that row is mended, P-HAZEL is an id.
 */
function meantAmong(known: Iterable<string>, rejected: RejectedIds, ...kinds: IdKind[]): MeantId {
  const more = kinds.flatMap((kind) => [...rejected[kind]]);
  return meantId(more.length === 0 ? known : [...known, ...more]);
}

/** Past this many bad id cells of one kind, every unknown reference of that kind waits for them to be fixed (comparing each with each would take long on a national file). */
const maxBadIdsCompared = 50;

/** `column`: the id column (`bid_id`), where a repeated id is told. */
function uniqueIds<T>(
  file: string,
  rows: readonly Lined<T>[],
  id: (row: T) => string,
  what: string,
  issues: IssueList,
  column: string,
): Map<string, T> {
  const seen = new Map<string, T>();
  const firstLine = new Map<string, number>();
  // An id repeated in many rows (rows pasted twice) is one mistake: told once, with the rows.
  const repeats = repeatedMistakes();
  for (const { line, row } of rows) {
    const key = id(row);
    if (seen.has(key)) repeats.note(key, msg.duplicateId(what, key, firstLine.get(key)), line, column);
    else {
      seen.set(key, row);
      firstLine.set(key, line);
    }
  }
  repeats.tell(issues, file);
  return seen;
}

/** Why a zone id may not be used, or null: it is an area id too, or the reserved `county`. */
function zoneIdProblem(zoneId: string, areaIds: ReadonlySet<string>): string | null {
  if (areaIds.has(zoneId)) return msg.zoneIdIsAreaId(zoneId);
  return zoneId === 'county' ? msg.zoneIdCountyReserved() : null;
}

/** `areaLines`: where each area is defined, so an area missing from a zoning is reported at a line. */
function buildZoning(
  name: string,
  source: ZoningRows,
  areaIds: ReadonlySet<string>,
  rejected: RejectedIds,
  areaLines: AreaLines,
  issues: IssueList,
): { zoning: Zoning; incomplete: boolean } {
  const { file, rows } = source;
  const zoning = new Map<string, string>();
  const meantArea = meantAmong(areaIds, rejected, 'areas');
  /** Areas a row named in other capitals, or put in a zone whose id is not allowed (reported there): not missing from the zoning as well. */
  const meant = new Set<string>();
  const badZones = repeatedMistakes();
  // Ids that lost their zeros down the column are one mistake, told once with its rows.
  const unknownAreas = repeatedMistakes();
  const unknown: { line: number; areaId: string; guess: string | null }[] = [];
  for (const { line, row } of rows) {
    if (!areaIds.has(row.area_id)) {
      const guess = meantArea(row.area_id);
      if (guess !== null) meant.add(guess);
      if (!explained(rejected, 'areas', row.area_id)) unknown.push({ line, areaId: row.area_id, guess });
    } else if (zoning.has(row.area_id))
      issues.error(file, line, msg.areaAlreadyInZone(row.area_id, zoning.get(row.area_id)), 'area_id');
    else {
      const problem = zoneIdProblem(row.zone_id, areaIds);
      if (problem === null) zoning.set(row.area_id, row.zone_id);
      else {
        // The area is in a zone, one badly named (told once for all its rows): not in no zone as well.
        meant.add(row.area_id);
        badZones.note(row.zone_id, problem, line, 'zone_id');
      }
    }
  }
  // One unknown id no slip explains beside one area in no zone: the id meant for it ("N11" for
  // "N1"), told once, at the row (until 2026-12-02 also as the area in no zone).
  // Only an id on one row: one on several would put the area meant in several zones.
  const unguessed = unknown.filter((u) => u.guess === null);
  const unzoned = [...areaIds].filter((a) => !zoning.has(a) && !meant.has(a));
  const [lone] = unzoned;
  const paired =
    unguessed.length === 1 && unzoned.length === 1 && !source.hasRejected ? (lone ?? null) : null;
  if (paired !== null) meant.add(paired);
  for (const { line, areaId, guess } of unknown) {
    const named = guess ?? paired;
    unknownAreas.note(
      slipKey(areaId, named),
      msg.unknownArea(areaId, named, issues.table(areaLines.file)),
      line,
      'area_id',
    );
  }
  const unknownTold = unknownAreas.tell(issues, file);
  // A row told here (an unknown area, a zone id that may not be used) may have lost its zone an area.
  const incomplete = badZones.tell(issues, file) || unknownTold;
  // A rejected row of this file may be the area's (its id cell may be the bad one): already reported.
  if (source.hasRejected) return { zoning, incomplete };
  const missing = [...areaIds].filter((a) => !zoning.has(a) && !meant.has(a)).sort();
  const [first] = missing;
  if (first !== undefined)
    issues.error(
      areaLines.file,
      areaLines.lines.get(first) ?? null,
      missing.length === 1 ? msg.areaInNoZone(first, name, file) : msg.areasInNoZone(missing, name, file),
    );
  return { zoning, incomplete };
}

/**
 * zone id → its areas, across every zoning; a zone id must mean the same areas everywhere.
 * The zone ids two zonings disagree on are one mistake, told once: at the zoning's line in
 * scenario.json, or at the zoning's own sheet when the workbook's scenario sheet does not name it.
 */
function zoneAreas(
  zonings: ReadonlyMap<string, Zoning>,
  zoningFiles: ReadonlyMap<string, string>,
  issues: IssueList,
  json: Pick<ScenarioRows, 'jsonFile' | 'jsonLine'>,
  incomplete: ReadonlySet<string>,
): Map<string, readonly string[]> {
  const zones = new Map<string, readonly string[]>();
  const owner = new Map<string, string>();
  for (const [name, zoning] of zonings) {
    const local = new Map<string, string[]>();
    for (const [areaId, zoneId] of zoning) {
      const areas = local.get(zoneId);
      if (areas === undefined) local.set(zoneId, [areaId]);
      else areas.push(areaId);
    }
    /** The zone ids this zoning gives other areas than an earlier one did, by that zoning. */
    const differ = new Map<string, string[]>();
    for (const [zoneId, areas] of local) {
      const sorted = areas.sort();
      const before = zones.get(zoneId);
      const first = owner.get(zoneId) ?? '';
      // A zoning with a reported mistake (a rejected row, an unknown area, a zone id that may not be used) may have lost one of the zone's areas to it.
      const comparable = !incomplete.has(name) && !incomplete.has(first);
      if (before !== undefined && comparable && before.join(';') !== sorted.join(';'))
        differ.set(first, [...(differ.get(first) ?? []), zoneId]);
      zones.set(zoneId, sorted);
      owner.set(zoneId, name);
    }
    const line = json.jsonLine('zonings', name);
    for (const [first, zoneIds] of differ)
      issues.error(
        line === null ? (zoningFiles.get(name) ?? json.jsonFile) : json.jsonFile,
        line,
        msg.zoneAreasDiffer(zoneIds.sort(), first, name),
      );
  }
  return zones;
}

function buildLotPlan(
  s: ScenarioRows,
  hours: Readonly<Record<CareType, number>>,
  issues: IssueList,
): LotPlan {
  const plan: Partial<Record<CareType, LotPlanEntry>> = {};
  for (const careType of careTypes) {
    const entry = s.json.lots[careType];
    if (entry === undefined) {
      const missing = hours[careType];
      if (missing > 0)
        issues.error(
          s.jsonFile,
          s.jsonLine('lots'),
          msg.lotMissingForDemand(careType, missing, issues.table(s.files.demand)),
        );
      continue;
    }
    plan[careType] = lotPlanEntry(entry);
  }
  return plan;
}

/**
 * A bid for a care type with no hours in the design period can win nothing,
 * whatever the zoning or lot plan: most often a care_type typed for another
 * (a complex-care price under reablement). It passed without a word.
 */
function warnBidsWithoutDemand(
  s: ScenarioRows,
  hours: Readonly<Record<CareType, number>>,
  bids: readonly Bid[],
  issues: IssueList,
): void {
  const built = new Set(bids.map((b) => b.id));
  for (const { line, row } of s.bids)
    if (built.has(row.bid_id) && hours[row.care_type] === 0)
      issues.warning(
        s.files.bids,
        line,
        msg.bidCareHasNoDemand(row.bid_id, row.care_type, s.json.period, s.files.demand),
        'care_type',
      );
}

/** `rejected`: ids named by a coverage whose rows were rejected (already reported). */
function resolveCoverage(
  coverage: string,
  areaIds: ReadonlySet<string>,
  zones: ReadonlyMap<string, readonly string[]>,
  rejected: RejectedIds,
): { areas: string[]; unknown: string[]; rejected: boolean } {
  if (coverage === '*') return { areas: [...areaIds].sort(), unknown: [], rejected: false };
  const areas = new Set<string>();
  const unknown: string[] = [];
  let named = false;
  for (const token of coverage
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '')) {
    if (areaIds.has(token)) areas.add(token);
    else if (zones.has(token)) for (const a of zones.get(token) ?? []) areas.add(a);
    else if (explained(rejected, 'areas', token) || explained(rejected, 'zones', token)) named = true;
    else unknown.push(token);
  }
  return { areas: [...areas].sort(), unknown, rejected: named };
}

/**
 * Bids naming a provider providers.csv does not have (a rejected provider row is already
 * reported): a provider id mistyped down the column, as an export that lower-cased it does,
 * is one mistake per id, told at its first row with the rows that repeat it.
 */
function unknownProviderRows(
  s: TableRows,
  unknown: (providerId: string) => boolean,
  meantProvider: (typed: string) => string | null,
  issues: IssueList,
) {
  const mistakes = repeatedMistakes();
  const seen = new Set<string>();
  for (const { line, row } of s.bids) {
    if (seen.has(row.bid_id)) continue;
    seen.add(row.bid_id);
    if (unknown(row.provider_id))
      mistakes.note(
        row.provider_id,
        msg.unknownProvider(row.provider_id, meantProvider(row.provider_id), issues.table(s.files.providers)),
        line,
      );
  }
  return mistakes;
}

/**
 * The rejected ids, with the zones that lost an area to a rejected area row or to an unknown
 * area id (both told at the zone file's row): a zone of only such areas is gone, and a bid
 * covering it is not told again.
 */
function withEmptiedZones(s: TableRows, areaIds: ReadonlySet<string>): RejectedIds {
  const zones = new Set(s.rejected.zones);
  for (const { rows } of s.zonings.values())
    for (const { row } of rows) if (!areaIds.has(row.area_id)) zones.add(row.zone_id);
  return { ...s.rejected, zones };
}

/**
 * `zonesUnknown`: the settings name a zoning that is not there (told once), so an id a
 * coverage names may be one of its zones: unknown ids wait until that is fixed.
 */
function buildBids(
  s: TableRows,
  providers: ReadonlyMap<string, Provider>,
  areaIds: ReadonlySet<string>,
  zones: ReadonlyMap<string, readonly string[]>,
  zonesUnknown: boolean,
  issues: IssueList,
): Bid[] {
  const rejectedIds = withEmptiedZones(s, areaIds);
  uniqueIds(s.files.bids, s.bids, (r) => r.bid_id, 'bid id', issues, 'bid_id');
  const bids: Bid[] = [];
  const seen = new Set<string>();
  const meantPlace = meantAmong([...areaIds, ...zones.keys()], rejectedIds, 'areas', 'zones');
  const unknownProvider = (id: string) => !providers.has(id) && !explained(s.rejected, 'providers', id);
  const meantProvider = meantAmong(providers.keys(), s.rejected, 'providers');
  const unknownProviders = unknownProviderRows(s, unknownProvider, meantProvider, issues);
  for (const { line, row } of s.bids) {
    if (seen.has(row.bid_id)) continue;
    seen.add(row.bid_id);
    const provider = providers.get(row.provider_id);
    if (provider === undefined && unknownProvider(row.provider_id)) {
      const told = unknownProviders.at(row.provider_id, line);
      if (told !== null) issues.error(s.files.bids, line, told, 'provider_id');
      continue;
    }
    const { areas, unknown, rejected } = resolveCoverage(row.coverage, areaIds, zones, rejectedIds);
    if (unknown.length > 0) {
      const meant = unknown.flatMap((typed) => {
        const id = meantPlace(typed);
        return id === null ? [] : [{ typed, id }];
      });
      if (!zonesUnknown)
        issues.error(
          s.files.bids,
          line,
          msg.coverageUnknownIds(unknown, meant, issues.table(s.files.areas)),
          'coverage',
        );
      continue;
    }
    if (rejected || provider === undefined) continue;
    if (areas.length === 0) {
      issues.error(s.files.bids, line, msg.coverageEmpty(), 'coverage');
      continue;
    }
    if (row.max_hours_per_week === 0)
      issues.warning(s.files.bids, line, msg.bidServesNoHours(row.bid_id), 'max_hours_per_week');
    bids.push({
      id: row.bid_id,
      providerId: row.provider_id,
      careType: row.care_type,
      areaIds: areas,
      price: row.price_per_hour,
      maxHours: row.max_hours_per_week,
      role: row.role,
      packageId: row.package_id,
      quality: row.quality_score ?? provider.quality,
      ...(row.structures.length === 0 ? {} : { structures: row.structures }),
    });
  }
  warnMixedPackages(s, issues);
  return bids;
}

/** A package is one provider's all-or-nothing offer; one that mixes providers is probably a typo. */
function warnMixedPackages(s: TableRows, issues: IssueList): void {
  const owner = new Map<string, string>();
  for (const { line, row } of s.bids) {
    if (row.package_id === null) continue;
    const first = owner.get(row.package_id);
    if (first === undefined) owner.set(row.package_id, row.provider_id);
    else if (first !== row.provider_id)
      issues.warning(
        s.files.bids,
        line,
        msg.packageMixesProviders(row.package_id, first, row.provider_id),
        'package_id',
      );
  }
}

function buildProviders(
  s: TableRows,
  areaIds: ReadonlySet<string>,
  issues: IssueList,
): Map<string, Provider> {
  uniqueIds(s.files.providers, s.providers, (r) => r.provider_id, 'provider id', issues, 'provider_id');
  const providers = new Map<string, Provider>();
  const meantArea = meantAmong(areaIds, s.rejected, 'areas');
  for (const { line, row } of s.providers) {
    if (providers.has(row.provider_id)) continue;
    if (
      row.base_area_id !== null &&
      !areaIds.has(row.base_area_id) &&
      !explained(s.rejected, 'areas', row.base_area_id)
    )
      issues.error(
        s.files.providers,
        line,
        msg.baseAreaNotInAreas(row.base_area_id, meantArea(row.base_area_id), issues.table(s.files.areas)),
        'base_area_id',
      );
    if (row.max_hours_per_week === 0)
      issues.warning(
        s.files.providers,
        line,
        msg.providerServesNoHours(row.provider_id),
        'max_hours_per_week',
      );
    else if (row.min_viable_hours_per_week > row.max_hours_per_week) {
      issues.warning(
        s.files.providers,
        line,
        msg.minViableAboveMax(row.min_viable_hours_per_week, row.max_hours_per_week),
      );
    }
    providers.set(row.provider_id, {
      id: row.provider_id,
      name: row.name,
      maxHours: row.max_hours_per_week,
      minViableHours: row.min_viable_hours_per_week,
      quality: row.quality_score,
      baseAreaId: row.base_area_id,
    });
  }
  return providers;
}

function buildCurrent(
  s: TableRows,
  areaIds: ReadonlySet<string>,
  providers: ReadonlyMap<string, Provider>,
  issues: IssueList,
): CurrentRow[] {
  const file = s.files.current ?? 'current.csv';
  const current: CurrentRow[] = [];
  const meantArea = meantAmong(areaIds, s.rejected, 'areas');
  const meantProvider = meantAmong(providers.keys(), s.rejected, 'providers');
  // An id missing from its table is one mistake however many rows repeat it (an incumbent's every area).
  const unknown = repeatedMistakes();
  for (const { line, row } of s.current) {
    if (!areaIds.has(row.area_id)) {
      if (!explained(s.rejected, 'areas', row.area_id))
        unknown.note(
          `area ${row.area_id}`,
          msg.unknownArea(row.area_id, meantArea(row.area_id), issues.table(s.files.areas)),
          line,
          'area_id',
        );
    } else if (!providers.has(row.provider_id)) {
      if (!explained(s.rejected, 'providers', row.provider_id))
        unknown.note(
          `provider ${row.provider_id}`,
          msg.unknownCurrentProvider(
            row.provider_id,
            meantProvider(row.provider_id),
            issues.table(s.files.providers),
          ),
          line,
          'provider_id',
        );
    } else
      current.push({
        areaId: row.area_id,
        careType: row.care_type,
        providerId: row.provider_id,
        hours: row.hours_per_week,
      });
  }
  unknown.tell(issues, file);
  return current;
}

/** costModel and scoring completed with defaults, parsed here once for every later stage; each problem is an error. */
function scoringSettingsOf(s: ScenarioRows, issues: IssueList): ScoringSettings {
  const parsed = parseScoringSettings(s.json);
  if (parsed.kind === 'ok') return parsed.settings;
  const line = nearestLine((path) => s.jsonLine(...path.map(String)));
  for (const { text, keyPath, about } of parsed.issues)
    issues.error(s.jsonFile, line(keyPath), msg.scoringSettingWrong(text), about);
  const defaults = parseScoringSettings({ costModel: {}, scoring: {} });
  if (defaults.kind === 'bad') throw new Error('the default scoring settings do not parse');
  return defaults.settings;
}

/** The tables, each id resolved and every reference between them checked. */
interface CheckedTables {
  readonly areas: Area[];
  readonly zonings: Map<string, Zoning>;
  readonly demand: Demand;
  /** Each period's total hours a week (checked against the limit). */
  readonly totals: ReadonlyMap<string, PeriodTotal>;
  readonly providers: Map<string, Provider>;
  readonly bids: Bid[];
  readonly current: CurrentRow[];
}

/** An area whose over-65s outnumber its people: told once, with the rows that repeat it (swapped columns). */
function checkPopulations(s: TableRows, issues: IssueList): void {
  const swapped = repeatedMistakes();
  for (const { line, row } of s.areas)
    if (row.population_65_plus > row.population)
      swapped.note(
        'over-65s above population',
        msg.olderThanPopulation(row.population_65_plus, row.population),
        line,
        'population_65_plus',
      );
  swapped.tell(issues, s.files.areas);
}

/**
 * The checks across tables (ids, zonings, references from demand, bids and
 * today's caseload): they need nothing from scenario.json but its file names
 * and zonings, so they run even when its other settings are wrong (`zonal
 * validate` tells both at once), and tell nothing that depends on those settings.
 * `zonesUnknown`: the settings name a zoning the scenario lacks; ids a bid's coverage
 * names that are in no table are then not told (they may be that zoning's zones).
 */
export function checkTables(s: TableRows, issues: IssueList, zonesUnknown = false): CheckedTables {
  const areaMap = uniqueIds(s.files.areas, s.areas, (r) => r.area_id, 'area id', issues, 'area_id');
  checkPopulations(s, issues);
  const areas: Area[] = [...areaMap.values()].map((r) => ({
    id: r.area_id,
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    population: r.population,
    population65: r.population_65_plus,
    rurality: r.rurality,
    areaKm2: r.area_km2,
  }));
  const areaIds = new Set(areaMap.keys());
  const zonings = new Map<string, Zoning>();
  const areaLines: AreaLines = {
    file: s.files.areas,
    lines: new Map(s.areas.map(({ line, row }) => [row.area_id, line])),
  };
  /** Zonings with a reported mistake in their rows: not compared across zonings. */
  const incomplete = new Set<string>();
  for (const [name, zoningRows] of s.zonings) {
    const built = buildZoning(name, zoningRows, areaIds, s.rejected, areaLines, issues);
    zonings.set(name, built.zoning);
    if (zoningRows.hasRejected || built.incomplete) incomplete.add(name);
  }
  const zoningFiles = new Map([...s.zonings].map(([name, z]) => [name, z.file]));
  const zones = zoneAreas(zonings, zoningFiles, issues, s, incomplete);
  const demand = buildDemand(
    s.demand,
    s.files.demand,
    s.files.areas,
    areaIds,
    (id) => explained(s.rejected, 'areas', id),
    meantAmong(areaIds, s.rejected, 'areas'),
    issues,
  );
  const totals = checkDemandTotals(s.files.demand, demand, issues);
  const providers = buildProviders(s, areaIds, issues);
  checkQualityScale(s.files.providers, s.providers, issues);
  checkQualityScale(s.files.bids, s.bids, issues);
  const bids = buildBids(s, providers, areaIds, zones, zonesUnknown, issues);
  warnProvidersWithoutBids(s.files, s.providers, s.bids, s.current, s.bidsHaveRejected, issues);
  const current = buildCurrent(s, areaIds, providers, issues);
  return { areas, zonings, demand, totals, providers, bids, current };
}

function hasPeriod(demand: DemandTable, period: string): boolean {
  for (let i = 0; i < demand.length; i++) if (demand.row(i).period === period) return true;
  return false;
}

export function assembleScenario(s: ScenarioRows, issues: IssueList): Scenario {
  const zoning = s.json.zoning ?? [...s.zonings.keys()][0] ?? '';
  const zoningUnknown = !s.zonings.has(zoning);
  const { areas, zonings, demand, totals, providers, bids, current } = checkTables(s, issues, zoningUnknown);
  if (zoningUnknown)
    issues.error(s.jsonFile, s.jsonLine('zoning'), msg.unknownZoning(zoning, [...zonings.keys()]));
  const designTotal = totals.get(s.json.period);
  if (designTotal === undefined) {
    // Rows of the period all refused for an unknown area (told) are not a period without rows,
    // nor is a file whose every row was refused for its own mistake (told: decimal commas, say).
    const allRefused = s.demandHasRejected && totals.size === 0;
    if (!hasPeriod(s.demand, s.json.period) && !allRefused)
      issues.error(
        s.jsonFile,
        s.jsonLine('period'),
        msg.periodHasNoRows(s.json.period, s.files.demand, [...totals.keys()]),
      );
  }
  // Every row of the period at 0 hours: nothing to tender. Said once, here, rather than as an
  // infeasible award ("at most 0 providers can win") or a warning for every zone.
  else if (designTotal.hours === 0)
    issues.error(s.files.demand, null, msg.periodHasNoHours(s.json.period, issues.table(s.jsonFile)));
  const hours = designTotal?.byCare ?? { standard: 0, complex: 0, reablement: 0 };
  // With no rows for the period at all (told above), every bid and period would be told again.
  if (designTotal !== undefined && designTotal.hours > 0) {
    warnBidsWithoutDemand(s, hours, bids, issues);
    // A row rejected for its own mistake (an empty hours cell) is told already: its period is
    // short of it, and told short again it would read as a second mistake.
    if (!s.demandHasRejected) warnShortPeriods(s.files.demand, totals, s.json.period, issues);
  }
  return {
    name: s.json.name,
    currency: s.json.currency,
    weeksPerYear: s.json.weeksPerYear,
    period: s.json.period,
    areas,
    zonings,
    zoning,
    lotPlan: buildLotPlan(s, hours, issues),
    award: s.json.award,
    demand,
    providers: [...providers.values()],
    bids,
    current,
    ...scoringSettingsOf(s, issues),
    ...(s.json.contract === undefined ? {} : { contract: s.json.contract }),
    ...(s.json.transition === undefined ? {} : { transition: s.json.transition }),
    ...(s.json.payment === undefined ? {} : { payment: s.json.payment }),
    boundaries: s.boundaries,
  };
}
