/**
 * User-facing messages as named functions, so their wording lives in one
 * place and a test can name the message it expects. Started with the lot
 * entry and scoring settings (issue 12); a structure's messages about its own
 * settings stay in its module under src/structures/, so a structure stays in
 * one file.
 */
import { closestName, didYouMean } from './did-you-mean.js';
import { zerosDropped } from './dropped-zeros.js';
import { inOtherCapitals, meantId } from '../model/id-case.js';
import type { TableName } from './issues.js';
import { counted, nounFor } from '../model/counted.js';
import { fmtHours } from '../scoring/components.js';
import { groupedNumber } from '../model/grouped-number.js';
import { currencySymbol, price } from '../model/money.js';

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`);

/** `"a", "b" or "c"` */
const oneOf = (names: readonly string[]) => {
  const q = quoted(names);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q.at(-1)}`;
};

/**
 * After a lot share's range message: how to write it when the value reads as a whole
 * percentage that would be a right share (70 for 0.7), or nothing (1.2 is no slip of that kind).
 */
export const shareAsPercent = (value: number, isRight: (share: number) => boolean) => {
  const share = Number((value / 100).toPrecision(12));
  return value > 1 && isRight(share) ? `; for ${value}% write ${share} or "${value}%"` : '';
};

/** lots.<careType>.geography */
export const geographyMustBe = () => 'must be "zone" or "county"';

/** lots.<careType>.structure */
export const structureMustBe = (structures: readonly string[], given: unknown, meant: string | null) =>
  `must be ${oneOf(structures)}${given === undefined ? '' : ` (got ${JSON.stringify(given)}${meant === null ? '' : `: did you mean "${meant}"?`})`}`;

/** A lot entry key that belongs to other structures, switching on what this structure cannot do. */
export const settingAppliesOnlyTo = (structures: readonly string[]) =>
  `applies only to ${quoted(structures).join(' or ')} lots`;

/** A lot entry's setting of other structures, which its own structure ignores (a warning). */
export const lotSettingOfOtherStructure = (
  careType: string,
  key: string,
  owners: readonly string[],
  structure: string,
) =>
  `lots.${careType}.${key} is ignored: it ${settingAppliesOnlyTo(owners)}, and lots.${careType} is a "${structure}" lot; remove it, or set lots.${careType}.structure to ${quoted(owners).join(' or ')}`;

/** A batch variant's lot override with a setting the lot's structure, which it keeps, does not take (it would change nothing). */
export const lotSettingIgnored = (
  careType: string,
  key: string,
  owners: readonly string[],
  structure: string,
) =>
  `lots.${careType}.${key} ${settingAppliesOnlyTo(owners)}, and lots.${careType} is a "${structure}" lot: give its "structure" too, or remove ${key}`;

/** A batch variant's lot override, not a whole lot entry, for a care type with no lot of its own (`mergedInto`: the care type it is merged into). */
export const lotOverrideWithoutLot = (careType: string, mergedInto: string | null) =>
  mergedInto === null
    ? `lots.${careType}: the scenario has no ${careType} lot to change: give its "geography" and "structure" to add one`
    : `lots.${careType}: ${careType} care is merged into the ${mergedInto} lots, so it has no lot of its own to change: give its "geography" and "structure" to tender it apart`;

/** A batch variant's lot override with a key no lot entry has. */
export const lotOverrideFields = (keys: readonly string[]) =>
  `must be {"merge": "standard"} or fields of a lot entry (${keys.join(', ')})`;

/** A costModel or scoring setting scenario.json gives wrong (the message names its key path). */
export const scoringSettingWrong = (message: string) => `${message} (see docs/scoring.md)`;

// Ids and references between the scenario's CSV files.

export const duplicateId = (what: string, key: string, firstLine: number | undefined) =>
  `duplicate ${what} "${key}" (first on line ${firstLine}): ids must be unique`;

/**
 * An id that differs from a known one only in capitals, in the leading zeros a spreadsheet
 * drops from a column it takes for numbers (`column`), or by one slip of the keyboard
 * (model/id-case.ts): ids must match exactly.
 */
const meantInstead = (typed: string, meant: string | null, table: TableName, column: string) => {
  if (meant === null) return '';
  if (zerosDropped(typed, meant))
    return ` (${table.name} has "${meant}": a spreadsheet dropped the leading zeros; format the ${column} column as text and write the ids as ${table.name} has them)`;
  if (inOtherCapitals(typed, meant))
    return ` (${table.name} has "${meant}": ids must match capitals too; write "${meant}")`;
  return ` (did you mean "${meant}"?)`;
};

/** A cell that must be one of `values` (`error` says so), with the value it is one slip from, as an id's (model/id-case.ts). */
export function choiceMeant(error: string, typed: unknown, values: readonly string[]): string {
  const meant = typeof typed === 'string' ? meantId(values)(typed) : null;
  return meant === null ? error : `${error}: did you mean "${meant}"?`;
}

/** `areas`: the areas table as the scenario holds it (`areas.csv`, or a workbook's areas sheet). */
export const unknownArea = (areaId: string, meant: string | null, areas: TableName) =>
  `unknown area "${areaId}": it is not ${areas.in}${meantInstead(areaId, meant, areas, 'area_id')}`;

export const unknownProvider = (providerId: string, meant: string | null, providers: TableName) =>
  `unknown provider "${providerId}": it is not ${providers.in}${meantInstead(providerId, meant, providers, 'provider_id')}`;

/** Why today's provider stays in providers.csv though it does not bid. */
const incumbentStays =
  '(with no bids it wins nothing), so its hours count as changing hands: deleting this row would hide that';

/**
 * A current.csv provider missing from providers.csv: most often an incumbent that is not bidding,
 * whose row a user would delete to get past the error, and so hide the care that changes hands.
 * An id one slip from a known one may be that slip or another provider (P-HALO beside P-HALE):
 * the message says both (until 2026-12-02 the guess alone, and an incumbent left out of
 * providers.csv was told only to take its neighbour's id). Other capitals or dropped zeros are
 * the one mistake they are.
 */
export function unknownCurrentProvider(
  providerId: string,
  meant: string | null,
  providers: TableName,
): string {
  const unknown = unknownProvider(providerId, meant, providers);
  if (meant === null)
    return `${unknown}; a provider that serves today but does not bid still belongs there ${incumbentStays}`;
  if (zerosDropped(providerId, meant) || inOtherCapitals(providerId, meant)) return unknown;
  return `${unknown}; if it is another provider, one that serves today but does not bid, it still belongs ${providers.in} ${incumbentStays}`;
}

export const baseAreaNotInAreas = (areaId: string, meant: string | null, areas: TableName) =>
  `base_area_id "${areaId}" is not ${areas.in}${meantInstead(areaId, meant, areas, 'base_area_id')}`;

export const minViableAboveMax = (minViable: number, max: number) =>
  `min_viable_hours_per_week ${minViable} is more than max_hours_per_week ${max}: this provider can never be viable`;

// Zonings: every area in exactly one zone, zone ids distinct from area ids.

export const areaAlreadyInZone = (areaId: string, zoneId: string | undefined) =>
  `area "${areaId}" is already in zone "${zoneId}": each area belongs to exactly one zone`;

export const zoneIdIsAreaId = (zoneId: string) =>
  `zone id "${zoneId}" is also an area id: zone and area ids share one namespace, rename the zone (e.g. "Z-${zoneId}")`;

/** How many further rows a message about a repeated mistake names. */
/** `typed` ("1.200") in an hours cell, read as `value`: the thousands (1,200) a European spreadsheet means by it. */
export const dotReadAsDecimal = (typed: string, value: number, meant: string, digits: string) =>
  `"${typed}" is read as ${value}: if you meant ${meant} write ${digits}`;

export const repeatedRowsShown = 5;

/** What a message about one row adds when the same mistake is in more rows: the count, and the first few rows. */
export const sameInMoreRows = (more: number, shown: readonly number[]) =>
  more === 0
    ? ''
    : `; the same in ${counted(more, 'more row')}: ${shown.join(', ')}${more > shown.length ? ', …' : ''}`;

export const zoneIdCountyReserved = () =>
  'zone id "county" is reserved for county-wide lots (lot ids like standard:county): rename the zone';

export const areaInNoZone = (areaId: string, zoning: string, file: string) =>
  `area "${areaId}" is in no zone of zoning "${zoning}": add a row "${areaId},<zone id>" to ${file}`;

/** Several areas missing from one zoning file (often a file cut short): one message, not one per area. */
export const areasInNoZone = (areaIds: readonly string[], zoning: string, file: string) =>
  `${counted(areaIds.length, 'area')} ${nounFor(areaIds.length, 'is', 'are')} in no zone of zoning "${zoning}": ${areaIds
    .slice(0, 10)
    .join(', ')}${areaIds.length > 10 ? ', …' : ''}; add a row "<area id>,<zone id>" for each to ${file}`;

export const zoneAreasDiffer = (zoneIds: readonly string[], firstZoning: string, zoning: string) =>
  zoneIds.length === 1
    ? `zone "${zoneIds[0]}" has different areas in zonings "${firstZoning}" and "${zoning}": use a different zone id in one of them`
    : `zones ${zoneIds.map((z) => `"${z}"`).join(', ')} have different areas in zonings "${firstZoning}" and "${zoning}": use different zone ids in one of them`;

/** `flag`: the command-line flag that named the zoning (`--zoning`, `--within`). */
export const zoningFlagUnknown = (flag: string, zoning: string, zonings: readonly string[]) =>
  `${flag} ${zoning}: the scenario has no such zoning${didYouMean(zoning, zonings)}; choose from ${zonings.join(', ')}`;

export const unknownZoning = (zoning: string, zonings: readonly string[]) =>
  `zoning "${zoning}" is not one of the scenario's zonings${didYouMean(zoning, zonings)}: choose one of ${zonings.join(', ')}`;

// Bids: coverage and packages.

/** What to write instead of coverage ids that differ from known ones (`meant`), or ''. */
function coverageMeant(meant: readonly { readonly typed: string; readonly id: string }[]): string {
  if (meant.length === 0) return '';
  const ids = quoted(meant.map((m) => m.id)).join(', ');
  if (meant.some((m) => zerosDropped(m.typed, m.id)))
    return ` (a spreadsheet dropped the leading zeros: write ${ids})`;
  if (meant.every((m) => inOtherCapitals(m.typed, m.id)))
    return ` (ids must match capitals too: write ${ids})`;
  return ` (did you mean ${ids}?)`;
}

/** `meant`: the known ids the unknown ones differ from only in capitals, in leading zeros a spreadsheet dropped, or by one slip. */
export const coverageUnknownIds = (
  unknown: readonly string[],
  meant: readonly { readonly typed: string; readonly id: string }[],
  areas: TableName,
) =>
  `coverage names unknown area or zone id(s) ${quoted(unknown).join(', ')}: use * or ids from ${areas.name} and ${areas.kind === 'sheet' ? 'the zones-<name> sheets' : 'the zone files'}, separated by ;${coverageMeant(meant)}`;

export const coverageEmpty = () => 'coverage is empty: give * or area/zone ids separated by ;';

/** A bid or provider whose own limit is 0 hours a week: it can win nothing (a blank cell turned 0, most likely). */
const servesNoHours = (what: string) =>
  `max_hours_per_week is 0: ${what} can win no hours; give the hours it can serve, or leave the row out`;
export const bidServesNoHours = (bidId: string) => servesNoHours(`bid ${bidId}`);
export const providerServesNoHours = (providerId: string) => servesNoHours(`provider ${providerId}`);

export const packageMixesProviders = (packageId: string, firstProvider: string, provider: string) =>
  `package "${packageId}" holds bids of ${firstProvider} and ${provider}: they are awarded all together or not at all; check the package_id if that is not meant`;

// Lots and the demand period.

/** On a workbook's scenario sheet a lot entry is rows of dotted keys, not JSON. */
export const lotMissingForDemand = (careType: string, hours: number, demand: TableName) =>
  `lots has no entry for "${careType}" but ${demand.name} has ${fmtHours(hours)} of it: ` +
  (demand.kind === 'sheet'
    ? `add rows lots.${careType}.geography and lots.${careType}.structure, or lots.${careType}.merge set to standard`
    : 'add a lot entry or {"merge": "standard"}');

/** A demand period with fewer rows than the design period (model/assemble-demand.ts, warnShortPeriods). */
export const periodShort = (period: string, rows: number, design: string, designRows: number) =>
  `period "${period}" has ${counted(rows, 'row')}, the design period ${design} has ${groupedNumber(designRows, 3)}: ` +
  `a row of another period is not part of the design demand, and a later period with rows missing reads as demand falling there; ` +
  `check the period of these rows (a spreadsheet may have turned it into a date)`;

export const morePeriodsShort = (n: number, design: string) =>
  `and ${counted(n, 'more period')} with fewer rows than the design period ${design}: check the period column`;

/** A bid for a care type with no hours in the design period: no lot of it is tendered, under any zoning or lot plan. */
export const bidCareHasNoDemand = (bidId: string, careType: string, period: string, file: string) =>
  `bid ${bidId} is for ${careType} care, and ${file} has no ${careType} hours in period ${period}: no ${careType} lot is tendered, so it can win nothing; check its care_type`;

/** With no eligible bid at all, lowering the setting buys no care: the bids are what to look at (review14). */
export const tooFewBiddersFor = (wanted: number, bidders: number) =>
  bidders === 0
    ? `award.minDistinctProviders is ${wanted}, but no provider has an eligible bid for any lot: no award can buy any care, whatever this setting; the warnings on the lots and bids say why none is eligible`
    : `award.minDistinctProviders is ${wanted}, but only ${counted(bidders, 'provider')} ${nounFor(bidders, 'has', 'have')} an eligible bid for any lot: no award can meet it; lower it to ${bidders}, or see which bids were rejected`;

/** A framework setting with more places than providers may take in any of its care type's lots. */
export const frameworkPlacesUnfillable = (careType: string, places: number, bidders: number) =>
  `lots.${careType}.maxProviders is ${places}, but at most ${counted(bidders, 'provider')} ${nounFor(bidders, 'has', 'have')} an eligible bid for any ${careType} lot: its frameworks will have at most ${counted(bidders, 'member')}, not ${places}`;

/**
 * A framework whose members cannot all take its least share: `fit` members of `minShare` each
 * already hold the whole lot, so places beyond them stay empty.
 */
export const frameworkMembersDoNotFit = (careType: string, places: number, minShare: number, fit: number) =>
  `lots.${careType}.maxProviders is ${places}, but each member must take at least minShare ${minShare} of the lot, so at most ${counted(fit, 'member')} ${nounFor(fit, 'fits', 'fit')} (${places} × ${minShare} is more than the whole lot): lower maxProviders to ${fit}, or minShare to ${Math.floor(1000 / places) / 1000} or less`;

/** A framework whose members' least share is more than the share cap lets one provider hold (lots/framework-share-cap.ts). */
export const frameworkShareAboveCap = (f: {
  careType: string;
  minShare: number;
  lotId: string;
  leastHours: number;
  cap: number;
  capHours: number;
  shut: number;
  framed: number;
  fits: number;
}) =>
  `lots.${f.careType}.minShare is ${f.minShare}: a member of lot ${f.lotId} must take at least ${fmtHours(f.leastHours)}, but award.maxShareOfTotalHours ${f.cap} lets no provider hold more than ${fmtHours(f.capHours)}: no provider may take a place in ${f.shut === f.framed ? (f.framed === 1 ? 'it' : `any of its ${f.framed} lots`) : `${f.shut} of its ${f.framed} lots`}, so ${f.shut === 1 ? 'its' : 'their'} hours will go unbought; lower minShare to ${f.fits} or less, or raise award.maxShareOfTotalHours`;

/** A role whose hours are above what the share cap lets one provider hold (lots/role-share-cap.ts). */
export const roleShareAboveCap = (r: {
  cap: number;
  capHours: number;
  role: string;
  lotId: string;
  careType: string;
  hours: number;
  /** Other lots of the care type whose role of that name is above the cap too. */
  more: number;
  needed: number;
}) => {
  const role = r.role === 'sole' ? 'sole provider' : r.role;
  return `award.maxShareOfTotalHours ${r.cap} lets no provider hold more than ${fmtHours(r.capHours)}, but the ${role} of lot ${r.lotId} takes ${fmtHours(r.hours)}: no provider may be the ${role} of it${r.more === 0 ? '' : ` or of ${counted(r.more, `more ${r.careType} lot`)}`}, so ${r.more === 0 ? 'its' : 'their'} hours will go unbought; raise award.maxShareOfTotalHours to ${r.needed} or more, or tender smaller lots`;
};

/** How many lots a message about the lots' places names before "…". */
const placesListed = 4;

/** More distinct winners asked for than the lots have places (explain/place-shortage.ts). */
export const lotPlacesTooFew = (
  wanted: number,
  total: number,
  lots: readonly { readonly lotId: string; readonly places: number; readonly framework: boolean }[],
) => {
  const each = lots
    .slice(0, placesListed)
    .map((l) => `${l.lotId} ${l.framework ? `a framework of ${l.places}` : l.places}`);
  const listed = `${each.join(', ')}${lots.length > placesListed ? ', …' : ''}`;
  return `at least ${counted(wanted, 'distinct provider')}: at most ${total} can win, because the ${counted(lots.length, 'lot')} ${nounFor(lots.length, 'has', 'have')} ${counted(total, 'place')} in all (${listed}); lower award.minDistinctProviders to ${total} or less, or give the lots more places`;
};

/**
 * A zone of the active zoning with no demand in the period, where care is tendered zone by zone.
 * `demand`: the demand table as a person names it (`demand.csv`, `the demand sheet of tender.xlsx`);
 * `later`: the zone's largest demand in a later period, which no lot of this award carries (until
 * 2026-12-02 the message did not say so).
 */
export const zoneWithoutDemand = (
  zoneId: string,
  areaIds: readonly string[],
  period: string,
  demand: string,
  later: { readonly period: string; readonly hours: number } | null = null,
) =>
  `zone ${zoneId} (${areaIds.length === 1 ? 'area' : 'areas'} ${areaIds.join(', ')}) has no demand in period ${period}: no lot is tendered there${later === null ? '' : `, so its ${fmtHours(later.hours)} in ${later.period} are in no contract of this award and in no risk score`}; check ${demand} if that is not meant`;

/** A bid below the legal pay floor of a lot, rejected for it (award.rejectBelowLegalPay). */
export const bidBelowLegalPay = (
  bidId: string,
  lotId: string,
  perHour: number,
  floor: number,
  currency: string,
) =>
  `bid ${bidId} rejected for lot ${lotId}: ${price(perHour, currency)}/h cannot pay legal wages there (floor ${price(floor, currency)}/h)`;

/** A lot a bid is rejected for, with the lot's legal pay floor. */
export interface FloorInLot {
  readonly lotId: string;
  readonly floor: number;
}

/** Lots named in full in a message about several; the rest are counted. */
const lotsNamed = 3;

/**
 * A bid below the legal pay floor of several lots, in one line rather than one a lot (a
 * county-wide bid is tendered in every zone's lot): the lots, the range of their floors, and
 * whether the bid can still win any lot. `kept`: lots it stays in the tender for.
 */
export const bidBelowLegalPayInLots = (
  bidId: string,
  lots: readonly FloorInLot[],
  kept: number,
  perHour: number,
  currency: string,
) => {
  const ids = lots.map((l) => l.lotId);
  const named =
    ids.length <= lotsNamed
      ? ids.join(', ')
      : `${ids.slice(0, lotsNamed).join(', ')} and ${ids.length - lotsNamed} more`;
  // the first lot of the lowest floor and the first of the highest
  const lowest = lots.reduce((a, b) => (b.floor < a.floor ? b : a));
  const highest = lots.reduce((a, b) => (b.floor > a.floor ? b : a));
  const range =
    lowest.floor === highest.floor
      ? `floor ${price(lowest.floor, currency)}/h in each`
      : `floors from ${price(lowest.floor, currency)}/h in ${lowest.lotId} to ${price(highest.floor, currency)}/h in ${highest.lotId}`;
  const left = kept === 0 ? 'it can win no lot' : `it stays in for ${counted(kept, 'other lot')}`;
  return `bid ${bidId} rejected for ${lots.length} lots (${named}): ${price(perHour, currency)}/h cannot pay legal wages there (${range}); ${left}`;
};

/** `careTypes`: the care the lot carries (more than one when other care is merged into it). */
export const lotWithoutEligibleBid = (lotId: string, demand: number, careTypes: readonly string[]) =>
  `lot ${lotId} has ${fmtHours(demand)} of demand and no eligible bid${careTypes.length > 1 ? ` (it carries ${careTypes.join(' and ')} care: a provider needs an eligible bid for each)` : ''}: its demand will be unmet`;

export const periodHasNoHours = (period: string, settings: TableName) =>
  `every row of period ${period} has 0 in hours_per_week: there is nothing to tender; check hours_per_week, or the period ${settings.in}`;

/** Excel's day number of a date (46388 is 2027-01-01), as its year. */
const excelYear = (day: string) =>
  new Date(Date.UTC(1899, 11, 30) + Number(day) * 86_400_000).getUTCFullYear();

/** A date in the year `period`, as a spreadsheet saves one: 1 January, or a financial year's start ("Apr-27"). */
const dateInYear = (period: string, given: string) =>
  (/^\d{4}-\d{2}-\d{2}/.test(given) && given.startsWith(`${period}-`)) ||
  (/^\d{2}\/\d{2}\/\d{4}$/.test(given) && given.endsWith(`/${period}`));

/** A period as a spreadsheet may have saved it: "2027.0" (a number), "2027-01-01", "01/01/2027" or 46388 (a date). */
const savedAs = (period: string, given: string) =>
  given === `${period}.0` ||
  dateInYear(period, given) ||
  (/^\d{5}$/.test(given) && String(excelYear(given)) === period);

/** Excel's day number of a date written 1905-07-19 or 19/07/1905, or null if it is not such a date. */
function excelDay(given: string): number | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(given);
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(given);
  const [y, m, d] = iso !== null ? [iso[1], iso[2], iso[3]] : uk !== null ? [uk[3], uk[2], uk[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  return (Date.UTC(Number(y), Number(m) - 1, Number(d)) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The year typed in a cell formatted as a date: Excel keeps 2027 as day 2027 and shows 19/07/1905. */
const typedInDateCell = (period: string, given: string) =>
  /^\d{4}$/.test(period) && excelDay(given) === Number(period);

const shownAs = (day: number) => {
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
};

export const periodHasNoRows = (period: string, demandFile: string, periods: readonly string[]) => {
  // The setting's own cell a date, the period column right (until explore22: "set period to one of 2027").
  const year = periods.find((p) => typedInDateCell(p, period));
  if (year !== undefined)
    return `period "${period}" has no rows in ${demandFile}, whose period column says "${year}": the year ${year} was typed in a cell formatted as a date, which shows it as ${shownAs(Number(year))}; format the cell as text and type ${year} again`;
  const meant = periods.find((p) => dateInYear(p, period));
  if (meant !== undefined)
    return `period "${period}" has no rows in ${demandFile}, whose period column says "${meant}": the period is a date; set it to ${meant} (in a workbook, format the cell as text first)`;
  const typed = periods.find((p) => typedInDateCell(period, p));
  if (typed !== undefined)
    return `period "${period}" has no rows in ${demandFile}, whose period column says "${typed}": the year ${period} was typed in cells formatted as dates, which show it as ${shownAs(Number(period))}; format the period column as text and type ${period} again`;
  const saved = periods.find((p) => savedAs(period, p));
  return saved === undefined
    ? `period "${period}" has no rows in ${demandFile}: set period to one of ${periods.join(', ') || '(none)'}`
    : `period "${period}" has no rows in ${demandFile}, whose period column says "${saved}": a spreadsheet saved the year as a ${saved.includes('.') ? 'number' : 'date'}; write the period column as text (${period}), or set period to "${saved}"`;
};

export const olderThanPopulation = (over65: number, population: number) =>
  `population_65_plus ${over65} is more than population ${population}: the people aged 65 and over are part of the population; check that the two columns are not swapped`;

// Demand rows and totals.

export const duplicateDemand = (areaId: string, careType: string, period: string, firstLine: number) =>
  `duplicate demand for area "${areaId}", ${careType}, period ${period} (first on line ${firstLine}): merge the rows`;

export const demandLowAboveCentral = (low: number, hours: number) =>
  `hours_low ${low} is more than hours_per_week ${hours}: low must not exceed the central estimate`;

export const demandHighBelowCentral = (high: number, hours: number) =>
  `hours_high ${high} is less than hours_per_week ${hours}: high must be at least the central estimate`;

export const demandTotalTooLarge = (period: string, total: number, limit: number) =>
  `period ${period} adds up to ${groupedNumber(Math.round(total))} hours a week (high estimates), more than zonal's limit of ${groupedNumber(limit, 3)}: check the units (hours per week, not per year)`;

// Area coordinates.

interface PlacedId {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

interface Box {
  readonly south: number;
  readonly north: number;
  readonly west: number;
  readonly east: number;
}

/** An area outside Great Britain (or the scenario's own "bounds" when `custom`); `swapped` when lon,lat is inside. */
export const areaOutsideBounds = (a: PlacedId, bounds: Box, custom: boolean, swapped: boolean) => {
  const where = custom ? 'the scenario\'s "bounds"' : 'Great Britain';
  const span = `lat ${bounds.south} to ${bounds.north}, lon ${bounds.west} to ${bounds.east}`;
  const fix = swapped
    ? `latitude and longitude may be swapped (lat ${a.lon}, lon ${a.lat} is inside): swap the two cells`
    : `check the coordinates, or set "bounds" in the scenario settings if the scenario is elsewhere`;
  return `area "${a.id}" at lat ${a.lat}, lon ${a.lon} is outside ${where} (${span}): ${fix}`;
};

/** An area far from every other one (a warning); `swapped` when swapping its cells would bring it near. */
export const areaFarFromOthers = (id: string, gapKm: number, medianKm: number, swapped: boolean) => {
  const fix = swapped ? 'latitude and longitude may be swapped: swap the two cells' : 'check its coordinates';
  return `area "${id}" is ${Math.round(gapKm)} km from the nearest other area (most areas are within ${Math.round(medianKm)} km of one): ${fix}`;
};

// Reading the scenario folder and its files.

// A settings file (scenario.json, a batch file) that is not JSON: io/json-problem.ts finds the slip.

export const jsonEmpty = () => 'is empty: it needs the settings as JSON (`zonal init` writes an example)';

export const jsonTrailingComma = () =>
  'has a comma after the last item of a list or {…}: remove it (JSON allows no comma before } or ])';

export const jsonMissingComma = () =>
  'a comma is missing at the end of this line: items of a list or {…} are separated by commas';

/** A key given twice in one {…}: JSON.parse keeps the last without a word. */
export const jsonDuplicateKey = (key: string, where: string, firstLine: number) =>
  `"${key}" is given twice ${where} (first at line ${firstLine}): JSON keeps only the last, so the first is lost; give each key once`;

export const jsonComment = () =>
  'has a comment (// or /* */), which JSON does not allow: remove it (a "name" or a README can hold notes)';

export const jsonSingleQuotes = () => `uses single quotes ('…'): JSON needs double quotes ("…")`;

export const jsonCurlyQuotes = () =>
  'has curly quotes (“ ” or ‘ ’), which word processors and email put in: type straight double quotes (") instead';

export const jsonUnclosed = (where: 'here' | 'the end') =>
  `a { or [ is not closed before ${where}: add the missing } or ]`;

export const jsonOther = (code: string, column: number) =>
  `is not valid JSON at column ${column} (${code}): check the quotes, commas and brackets there`;

export const jsonNotUtf8 = (encoding: string) =>
  `is saved as ${encoding}: save it as UTF-8 (in Notepad: File > Save As, Encoding "UTF-8")`;

/** A batch stopped by a signal (Ctrl-C's SIGINT, a scheduler's SIGTERM) with `done` of `total` variants landed. */
export const batchStopped = (signal: string, done: number, total: number) =>
  `zonal batch: stopped (${signal}) with ${done} of ${counted(total, 'variant')} done: batch.csv and batch.jsonl hold them; run the same command with --resume to finish the rest`;

/** --resume of a local batch where no earlier run wrote its rows (`dir`: the --out folder, perhaps mistyped). */
export const nothingToResume = (dir: string) =>
  `note: --resume found no batch.jsonl in ${dir}: no earlier rows to keep, so every variant runs (is --out the earlier run's folder?)`;

/** A command stopped because a file it was writing could not grow (`room`: why, with its code); `resumable`: a batch, whose finished rows are kept. */
export const stoppedOutOfRoom = (command: string, room: string, resumable: boolean) =>
  `${command}: stopped, as a file could not be written: ${room}; free some space, or choose another --out folder, and run again${resumable ? ' (with --resume, the rows finished so far are kept)' : ''}`;

export const notReadableCsv = (error: string) => `is not a readable CSV file: ${error}`;

export const notText = () => 'cannot be read as text';

export const boundariesMissing = () => 'cannot read the boundaries file: check the name';

export const notValidGeoJson = (error: string) => `is not valid GeoJSON (${error})`;

/** Why the maps cannot use a boundaries file (model/boundaries.ts): it is not made as they need. */
export const boundariesNotFeatures = () =>
  'the boundaries file is not a GeoJSON FeatureCollection of Polygon or MultiPolygon features with properties.area_id';

/** Why the maps cannot use a boundaries file: it has no shape for these areas. */
export const boundariesLackAreas = (missing: readonly string[]) =>
  `the boundaries file has no shape for ${counted(missing.length, 'area')} (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})`;

/** `problem`: why the maps cannot use the boundaries file ("the boundaries file has no shape for …"). */
export const boundariesNotUsed = (problem: string) =>
  `${problem}: the maps draw each area as the cell around its centre instead`;

/** `workbook`: a workbook in the folder, which is most likely the scenario meant. */
export const scenarioJsonMissing = (workbook: string | null = null) =>
  workbook === null
    ? isMissing('a scenario folder needs scenario.json (see `zonal init`)')
    : `is missing, and the folder holds the workbook ${workbook}: give the workbook in place of the folder`;

/** scenario.json missing from a folder zonal wrote results into (an --out folder). */
export const scenarioJsonMissingInOutput = () =>
  isMissing(
    'this is a folder zonal wrote its results into, not a scenario; give the scenario folder (or workbook) the results came from',
  );

/** `folder`: the scenario folder holding it, when what was given is a file in one (scenario.json, `settings`, or a table): the folder is what zonal wants. */
export const notScenarioFolder = (folder: string | null = null, settings = false) =>
  folder === null
    ? 'is not a scenario folder: give a folder that holds scenario.json, or an .xlsx workbook (`zonal init my-county` writes an example)'
    : `is ${settings ? "the scenario's settings file" : "one of the scenario's files"}: give the folder that holds it (${folder})`;

/** Currencies as a council may name them in place of the code (a sign, `€`, is found by its symbol). */
const currencyWords: Readonly<Record<string, string>> = {
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  sterling: 'GBP',
  stg: 'GBP',
  dollar: 'USD',
  dollars: 'USD',
};

/** The codes whose sign a council may type for its currency (`$` is US$'s). */
const signedCurrencies = ['GBP', 'EUR', 'USD'];

/**
 * scenario.json's `currency` not a three-letter code: what was typed, and the code for it when
 * it is a sign, a name or a code in small letters (`€`, `Euro`, `eur`: write EUR); until
 * explore22 only `must be a three-letter currency code such as GBP`, whatever was typed.
 */
export function currencyNotCode(got: unknown): string {
  const typed = typeof got === 'string' ? got.trim() : '';
  const bySign =
    typed === ''
      ? undefined
      : signedCurrencies.find((c) => currencySymbol(c).trim().toUpperCase().endsWith(typed.toUpperCase()));
  const code =
    currencyWords[typed.toLowerCase()] ?? bySign ?? (/^[a-z]{3}$/i.test(typed) ? typed.toUpperCase() : null);
  return `must be a three-letter currency code such as GBP or EUR${code === null ? '' : `: write ${code}`} (got ${JSON.stringify(got)})`;
}

/**
 * A price written with another currency's sign than the scenario's (`£24.50` in a tender in
 * euros): read as a number it would be that many euros. Until explore22 it was, without a word.
 */
export function foreignMoneySign(sign: string, currency: string): string {
  const own = currencySymbol(currency).trim();
  const shown = own === currency ? currency : `${currency} (${own})`;
  const written = own === currency ? 'as a number' : `as a number or with ${own}`;
  return `is written in ${sign}, but the scenario prices in ${shown}: give the price in ${currency}, ${written}; convert a price in another currency first`;
}

/** A batch's base that is no scenario folder or workbook: `folder` the folder with no scenario.json in it (null for a workbook not found), `near` a name close to it. */
export const batchBaseMissing = (base: string, folder: string | null, near: string | null) =>
  `base "${base}" is not a scenario folder or workbook (no ${folder === null ? 'such file' : `scenario.json in ${folder}`}${near === null ? '' : `; did you mean "${near}"?`}): give a folder or .xlsx file relative to the batch file`;

/**
 * When a batch's bases price in more than one currency: each currency with its bases, for
 * batch.xlsx's summary (`where`: its variants sheet) and the printout (every file).
 */
export function batchCurrencies(
  currencies: ReadonlyMap<string, string>,
  where = 'the currency column of the variants sheet',
): string {
  const bases = new Map<string, string[]>();
  for (const [base, currency] of currencies) bases.set(currency, [...(bases.get(currency) ?? []), base]);
  const listed = [...bases].map(([currency, of]) => `${currency} (${of.join(', ')})`).join(', ');
  return `The bases price in more than one currency: ${listed}. Each row's money is in its base's currency (${where}): compare or add up money only between rows of one currency`;
}

/** Money settings left at their UK defaults in a scenario that prices in `currency` (model/currency-defaults.ts). */
export function ukDefaultsInOtherCurrency(
  currency: string,
  left: readonly { readonly key: string; readonly value: number; readonly what: string }[],
): string {
  const named = left.map(({ key, value, what }) => `${key} ${value} (${what})`).join(', ');
  return `is ${currency}, but these money settings are left at zonal's defaults, which are UK figures in pounds, and are read as amounts in ${currency}: ${named}; the legal-pay floors, the bids rejected below them and the all-in cost are made from them: set each in ${currency}`;
}

// Workbooks.

/** No settings sheet; `holding`: a sheet under another name whose rows are settings (renamed `Settings`), told as a rename to undo. */
export const workbookNoSettingsSheet = (
  settingsSheet: string,
  sheets: readonly string[],
  holding: string | null,
) =>
  holding === null
    ? `has no "${settingsSheet}" sheet: add one with the settings as key, value rows (see \`zonal init --xlsx\`)${didYouMean(
        settingsSheet,
        sheets,
      )}`
    : `has no "${settingsSheet}" sheet: rename the sheet "${holding}" to "${settingsSheet}": it holds the settings (name, period, lots, …) as key, value rows`;

/**
 * A table's sheet not found; a sheet named close to it (`Bids 2027`, `bidz`, `Bids (2)`) is most
 * likely it, renamed; else `holding`, a sheet under another name whose header row names the
 * table's columns (`Tairiscintí`: until explore22 told to add a bids sheet). The sheet to add is
 * told by its header row: a workbook user has no CSV file to copy the columns from (until
 * 2026-12-02 it said "with the same columns as bids.csv").
 */
export const workbookNoSheet = (
  ref: string,
  sheets: readonly string[],
  columns: readonly string[],
  holding: string | null = null,
) => {
  const near = closestName(ref, sheets);
  const header = columns.join(', ');
  if (near !== null)
    return `has no sheet "${ref}": rename the sheet "${near}" to "${ref}" if it holds the ${ref}; else add a "${ref}" sheet whose header row is ${header}`;
  return holding === null
    ? `has no sheet "${ref}": add it, with the header row ${header}`
    : `has no sheet "${ref}": rename the sheet "${holding}" to "${ref}": it holds the ${ref} (its header row names ${header})`;
};

/** A second sheet named as a copy of a table sheet (`Bids (2)` beside `bids`): zonal reads only the one named. */
export const workbookSheetCopy = (read: string, hidden: boolean) =>
  `is a second ${read} sheet beside "${read}"${hidden ? ' (hidden)' : ''}, and zonal reads only "${read}": ` +
  `delete the sheet you do not mean, or keep it under a name that is no copy of "${read}" (old ${read}, say)`;

/** Rows of a table sheet hidden by hand or by a filter: zonal reads them, which their author may not expect. */
export const workbookRowsHidden = (more: number, shown: readonly number[]) =>
  'the row is hidden (or filtered out), and zonal reads it as any other; ' +
  `delete the row if it is no longer meant (a withdrawn bid, say)${sameInMoreRows(more, shown)}`;

/** A percentage where a number belongs (`75%`: a cell formatted as a percentage holds 0.75). */
/** A quality_score column typed out of 1 (model/quality-scale.ts): `score` is its first fraction. */
export const qualityOutOfOne = (score: number, table: TableName) =>
  `quality_score is ${score}, and every quality score ${table.in} is 1 or less: a quality score is points from 0 to 100 (docs/scoring.md), so ${score} scores ${score} of 100 points, almost no quality; if the scores are out of 1, write them out of 100 (${Number((score * 100).toPrecision(12))} for ${score})`;

export const qualityOnSmallScale = (highest: number, table: TableName) =>
  `every quality score ${table.in} is ${highest} or less: a quality score is points from 0 to 100 (docs/scoring.md), so the highest scores ${highest} of 100 points; if the scores are out of ${highest <= 5 ? 5 : 10}, write them out of 100 (×${highest <= 5 ? 20 : 10})`;

export const percentForNumber = (what: string, number: string) =>
  `is a percentage, not a number: give ${what} as a number (${number} for ${number}%), in a cell formatted as a number`;

export const idInvalid = 'is not a valid id: use only letters, digits, _ . and -';

/**
 * What `idInvalid` adds when the id holds a character outside ASCII: pasted from a portal or a
 * word processor, it cannot be seen (U+200B) or looks like one allowed (U+2011, a hyphen), so the
 * id shown in the message looks right.
 */
export function idOddCharacter(id: string): string {
  const chars = [...id];
  const at = chars.findIndex((c) => (c.codePointAt(0) ?? 0) > 0x7e);
  const c = chars[at];
  if (c === undefined) return '';
  const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const what = /[\p{Cf}\p{Cc}\p{Z}]/u.test(c)
    ? `${code}, a character that cannot be seen`
    : `${code} ("${c}"), a character that is none of them`;
  const before = chars.slice(0, at).join('');
  return `; it holds ${what}${before === '' ? ' at its start' : `, after "${before}"`}: retype the id`;
}

/** A date where a number belongs: a cell formatted as a date shows (and a workbook holds) 24.5 as 24/01/1900. */
export const dateForNumber = (what: string) =>
  `is a date, not a number: the cell is formatted as a date; format it as a number (in Excel: Format Cells, Number) and type ${what} again`;

/** A hidden table sheet beside a shown one with its columns: zonal reads the hidden one, by its name. */
export const workbookHiddenTwin = (read: string, shown: string) =>
  `is hidden, and zonal reads it, not the sheet "${shown}" with the same columns: ` +
  `delete the sheet you do not mean, or rename "${shown}" to "${read}" if it holds the ${read}`;

/** A header row with merged cells: a group title above the header, or a header whose cells are to be unmerged. */
export const workbookHeaderMerged = (ranges: readonly string[]) =>
  `cells ${ranges.join(', ')} are merged, so the row is no header (a header names each column in its own cell): ` +
  'if it is a group title above the header, delete the row; else unmerge the cells and name each column';

// Table headers and rows.

export const tableEmpty = (required: readonly string[]) =>
  `the file is empty: it needs a header row with ${required.join(',')}`;

/** A header read as one cell that holds the columns split by another character (`;` from a European Excel, a tab). */
export const columnsNotCommaSeparated = (separator: string) =>
  `the columns are separated by ${separator === '\t' ? 'tabs' : `"${separator}"`}, not commas: save the file as CSV with commas ` +
  '(in Excel: Save As, "CSV UTF-8 (Comma delimited)")';

export const columnMisnamed = (column: string, typed: string | null) =>
  `missing column(s) ${column} (did you mean the header cell "${typed}"? Rename it to ${column})`;

/** A first line or row of one cell that is no column: most likely a title above the table. */
export const headerIsTitle = (cell: string, required: readonly string[]) =>
  `holds only "${cell}", not the header: if it is a title, delete it (keep titles on another sheet), so that the header (${required.slice(0, 3).join(', ')}, …) comes first`;

export const columnsMissing = (absent: readonly string[], required: readonly string[]) =>
  `missing column(s) ${absent.join(', ')}: the header must include ${required.join(',')} (rows are checked once the header is right)`;

export const columnRepeated = (column: string, places: readonly number[]) =>
  `column ${column} is given ${places.length === 2 ? 'twice' : `${places.length} times`} (columns ${places.join(', ')}): zonal cannot tell which one is meant; keep one and delete or rename the others`;

export const extraColumnsIgnored = (extra: readonly string[]) =>
  `extra column(s) ${extra.join(', ')} ignored`;

export const headerRepeated = () => 'repeats the header line: remove it (files joined one after another?)';

/** A value in a column whose header cell is empty (`column` from 1): no column name reads it, so it would be ignored. */
export const cellWithoutHeader = (column: number, value: string) =>
  `column ${column} has no header, but holds "${value}": give the column a header, or clear it (a spreadsheet that read ";" as a separator splits "sole;lead-secondary" so: join such cells back into one)`;

export const rowTooWide = (cells: number, headerCells: number) =>
  `the row has ${counted(cells, 'cell')} but the header has ${headerCells}: quote any value that contains a comma`;

/** A row with one cell filled whose empty cells fail their checks: a note typed under the table, or a row begun. */
export const rowIsNote = (column: string) =>
  `only ${column} is filled in: if it is a note, move it out of the table; if it is a row, fill in its other cells`;

/** A spreadsheet's totals row kept under the table (`column` says Total). */
export const rowIsTotals = (column: string) =>
  `a totals row (${column} says so): delete it; zonal adds up the rows itself`;

export const moreProblemsNotShown = (count: number) => `${count} more problem(s) not shown`;

// Settings keys.

export const settingMisspelt = (key: string, guess: string) =>
  `"${key}" is not a zonal setting: did you mean "${guess}"? Rename it, or it would be ignored`;

export const settingIgnored = (key: string) => `"${key}" is not a zonal setting and is ignored`;

/** An award rule written at the top of a batch's overrides, where it belongs under "award". */
export const overrideIsAwardRule = (key: string) =>
  `has an unknown key "${key}": it is an award rule, so write it inside "award": {"${key}": …}`;

/**
 * A batch override given by a dotted key ("lots.standard.leadShare") and again, nested or by a
 * shorter dotted key, in the same overrides: one would silently win (review17b).
 */
export const dottedOverrideClash = (key: string, setting: string, otherLine: number | null) =>
  `overrides "${key}" gives ${setting}, which the same overrides give${otherLine === null ? '' : ` at line ${otherLine}`} too: give it once, dotted or nested`;

/** A grid key that no override has (told once, at the key, not once per value). */
export const gridKeyUnknown = (path: string, what: 'an override' | 'an award rule', guess: string | null) =>
  `grid "${path}" is not ${what}${guess === null ? '' : ` (did you mean "${guess}"?)`}: remove it or correct its name`;

/**
 * A dotted key whose first part is misspelt ("lotz.standard.leadShare", in a batch's overrides):
 * the key with its first part corrected, or '' (review17b: until then every key was listed).
 */
const dottedGuess = (key: string, known: readonly string[]) => {
  const [first = '', ...rest] = key.split('.');
  const meant = rest.length === 0 ? null : closestName(first, known);
  return meant === null ? '' : ` (did you mean "${[meant, ...rest].join('.')}"?)`;
};

/** Most keys an unknown-key message lists when none is close to the one written. */
const keysListed = 12;

/**
 * A key the object does not have: with the key probably meant, or, when none is close (a
 * costModel `hourlyWage` for `wagePerHour`), the keys it has, when they are few enough to read
 * (until mend17b neither).
 */
export const settingUnknownKey = (key: string, known: readonly string[]) => {
  const guess = didYouMean(key, known) || dottedGuess(key, known);
  return guess === '' && known.length > 0 && known.length <= keysListed
    ? `has an unknown key "${key}": remove it, or correct its name to one of ${known.join(', ')}`
    : `has an unknown key "${key}"${guess}: remove it or correct its name`;
};

/**
 * A lot's one unknown key beside the one setting its structure needs and lacks ("places" for a
 * framework's maxProviders): one mistake, told at the key, whose path leads the message
 * (`missing`: the setting's own "is missing: …" text).
 */
export const settingUnderAnotherName = (key: string, setting: string, missing: string) =>
  `is not a setting, and ${setting} ${missing.replace(/^is missing: /u, 'is missing (')}): rename "${key}" to "${setting}" if that is what it gives, else add ${setting}`;

/** A key of a settings object that is not a valid name (`rule` says what a name may hold). */
export const settingBadKey = (holder: string, key: string, rule: string) =>
  `${holder}: "${key}" is not a valid name (${rule}): rename it`;

/**
 * MEAT weights that do not add up to 1 (model/meat-weights.ts), said of the weight `at` (the
 * message follows `award.<at>`): `sum` and `points` as they should be printed.
 */
export const meatWeightsOff = (
  at: 'qualityWeight' | 'priceWeight',
  weights: { readonly qualityWeight: number; readonly priceWeight: number },
  sum: string,
  points: string,
) =>
  `is ${weights[at]} and ${at === 'qualityWeight' ? 'priceWeight' : 'qualityWeight'} ${weights[at === 'qualityWeight' ? 'priceWeight' : 'qualityWeight']}: they add up to ${sum}, so a bid's MEAT score is out of ${points} points, not 100: set the two to add up to 1 (0.7 and 0.3 for 70% quality, 30% price; priceWeight is 0.4 and qualityWeight 0.6 in scenario.json when not given)`;

/**
 * HiGHS ended with no plan and no proof that none exists: `timeLimit`, the seconds it was
 * given when it stopped for the time limit (HiGHS model status 13), else null.
 */
export const solverFoundNoPlan = (status: number, timeLimit: number | null) =>
  timeLimit === null
    ? `HiGHS found no plan (model status ${status})`
    : `HiGHS found no plan within the time limit of ${timeLimit} s, and did not prove that none exists (model status ${status}): give a longer --time-limit, or relax a rule (award.minDistinctProviders, the share cap)`;

/**
 * CBC ended with no integer plan, only the relaxation it lists then (`status`, the first line of its
 * solution file): stopped by the time limit, or another limit, before it found one.
 */
export const cbcFoundNoPlan = (status: string) =>
  status.startsWith('Stopped on time')
    ? `cbc found no plan within the time limit, and did not prove that none exists (it says "${status}"): give a longer --time-limit, or solve with HiGHS (--solver highs, the default), which finds plans for national tenders`
    : `cbc found no integer plan (it says "${status}")`;

/** An infeasible tender whose diagnosis ran out of its `seconds` before finding which of `settings` (the rules in force) to relax. */
export const diagnosisOutOfTime = (seconds: number, settings: readonly string[]) =>
  `No award meets every rule. Which rule to relax was not found within the ${seconds} s the diagnosis was given (each test of a large tender is slow)${settings.length === 0 ? '' : `: the rules in force are ${settings.join(', ')}; relax one and solve again`}, or give a longer --time-limit`;

// The workbench's saves of a zoning into the scenario folder (serve/save-zoning.ts).

/** scenario.json, edited since the workbench started, is not an object of settings (`kind`: what it is). */
export const settingsNotObject = (line: number, kind: string) =>
  `scenario.json:${line}: must be the settings as an object ({…}), not ${kind}: correct it, then save again`;

/** scenario.json, edited since the workbench started, is no longer JSON: `slip` is json-problem.ts's words for it. */
export const settingsNotJson = (line: number | null, slip: string) =>
  `scenario.json${line === null ? '' : `:${line}`}: ${slip}, then save again`;

/** scenario.json's zonings, edited since the workbench started, are not names with files, so no entry can be added. */
export const zoningsNotObject = (line: number, kind: string) =>
  `scenario.json:${line}: zonings must name each zoning's file ({ "districts": "zones-districts.csv" }), not be ${kind}: correct it, then save again`;

/** A zoning's name, which becomes its file's. */
export const zoningNameNotId = (name: string) =>
  `name "${name}" is not an id: use 1 to 64 letters, digits, _ . and - (it becomes zones-<name>.csv)`;

/** `fileName` and the file `twin` that is there differ only in capitals: one file on Windows and macOS. */
export const zoningFileCapitalsTwin = (name: string, fileName: string, twin: string) =>
  `zoning "${name}": its file ${fileName} differs from ${twin}, which is there, only in capitals, and on Windows and macOS the two are one file: choose another name`;

/** scenario.json's zoning `sharing` has the file too: saving over it would change that zoning. */
export const zoningFileShared = (name: string, fileName: string, sharing: string) =>
  `"${name}": ${fileName} is also the scenario's zoning "${sharing}" (in scenario.json), and saving over it would change that zoning too: choose another name`;

/** A file of that name the workbench did not write, named by no zoning. */
export const zoningFileNotSaved = (name: string, fileName: string, workbook: boolean) =>
  `"${name}": ${fileName} is already ${workbook ? 'beside the workbook' : 'in the scenario folder'}, and the workbench did not save it: choose another name`;

/**
 * One of the scenario's own zone maps (`file`, scenario.json's file of it). A workbook's zoning sheet may be
 * called `Zones districts` as well as `zones-districts`: it is not named (`file` null).
 */
export const zoningIsScenarios = (name: string, file: string | null) =>
  `"${name}" is one of ${file === null ? "the workbook's zone maps (" : `the scenario's zone maps (${file}, `}used by zonal solve): choose another name`;

/** A file the workbench saved, edited since: saving over it would lose the edits. */
export const zoningChangedSince = (name: string, fileName: string) =>
  `"${name}": ${fileName} was changed after the workbench saved it, and saving over it would lose those changes: choose another name`;

/**
 * A zoning the workbench saved, unchanged since: replaced only when asked. `unnamedFile`: its file, when
 * no zoning of the scenario names it (null: scenario.json or the workbook names it).
 */
export const zoningExists = (name: string, unnamedFile: string | null, workbook: boolean) => {
  const where =
    unnamedFile === null
      ? workbook
        ? 'in the workbook'
        : 'in scenario.json'
      : `${unnamedFile}${workbook ? ' beside it' : ''}`;
  return `zoning "${name}" already exists (${where}): choose another name, or send "overwrite": true to replace it`;
};

// Why no award is possible: each rule's nearest setting that allows one (explain/diagnose.ts).

const rulePercent = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * award.minDistinctProviders: at most `canWin` providers can win, of `bidders` with a bid that may
 * win a lot. With no such bidder no rule change buys care: "lower it to 0" would read as a way out.
 */
export const minProvidersMove = (wanted: number, canWin: number | null, bidders: number) => {
  if (bidders === 0)
    return `at least ${counted(wanted, 'distinct provider')}: no provider can win, because no bid may win any lot (the warnings of zonal validate say why); lowering award.minDistinctProviders to 0 allows only an award that buys no care: the tender needs bids that may win`;
  const why =
    canWin === bidders
      ? `only ${counted(bidders, 'provider')} ${nounFor(bidders, 'has', 'have')} a bid that may win a lot`
      : `the other rules and the bids' capacities let no more win`;
  return `at least ${counted(wanted, 'distinct provider')}: at most ${canWin ?? 0} can win, because ${why}; lower award.minDistinctProviders to ${canWin ?? 0}`;
};

/** award.maxShareOfTotalHours: `cap` in force, an award possible from `from` (null: only with no cap). */
export const shareCapMove = (cap: number, from: number | null) =>
  `no provider above ${rulePercent(cap)} of county hours: an award is possible from ${rulePercent(from ?? 1)}; raise award.maxShareOfTotalHours to ${Math.ceil((from ?? 1) * 1000) / 1000}`;

/** award.maxLotsPerProvider: `cap` in force, an award possible from `from` (null: only with no cap). */
export const lotsCapMove = (cap: number | null, from: number | null) =>
  `at most ${cap === null ? '- lots' : counted(cap, 'lot')} per provider: an award is possible from ${from ?? 'no cap'}; raise award.maxLotsPerProvider to ${from ?? 'null'}`;

/** award.minQuality: `least` in force, an award possible from `from` (null: only with no threshold). */
export const minQualityMove = (least: number, from: number | null) =>
  `quality at least ${least}: an award is possible from ${from ?? 0}; lower award.minQuality to ${from ?? 0}`;

/** bids.csv package_id: packages are all or nothing. */
export const packagesMove = () =>
  'package bids all-or-nothing: an award is possible only if package bids may win on their own';

/** The smallest sets of rule moves that allow an award: relax every move of one set. */
export const relaxToAward = (sets: readonly (readonly string[])[]) =>
  `No award meets every rule. ${sets.length === 1 ? 'Relax' : 'Relax one of these'}: ${sets.map((set) => set.join('; and ')).join(' | or | ')}`;

/** No set of relaxed award rules allows an award. */
export const relaxingDoesNotHelp = () =>
  'No award meets every rule, and relaxing the award rules does not help: the lots, bids or capacities themselves cannot be combined (please report this with the scenario).';

/** A required value left out, and how to give it: every "is missing" of a setting or file is worded so. */
export const isMissing = (fix: string) => `is missing: ${fix}`;

/** A required setting left out: a file name under "files", else a value of the `expected` kind. */
export const settingMissing = (isFile: boolean, key: string, expected: string) =>
  isMissing(
    `give ${isFile ? `the file name, e.g. "${key}.csv"` : expected === 'object' ? 'an object ({…})' : `a ${expected}`}`,
  );

export const settingNotNumber = () => 'must be a number, not text';
/** A lot winner's role as a reader's text names it: `back-up` for a named back-up, else its id (`sole`, `lead`). */
export const roleWord = (role: string) => (role === 'backup' ? 'back-up' : role);
/** A number written with a comma as the decimal point (`26,95`), in a table cell or a setting; `written`: with a point (`26.95`). */
export const decimalComma = (written: string) =>
  `uses a comma as the decimal point: write ${written} (commas may only separate thousands, as in 1,200)`;
/** decimalComma without what it says of one cell's own value, for the cells down a column that repeat it. */
export const decimalCommaSame = () => 'uses a comma as the decimal point';
/** A number setting given as text with a decimal comma (`"30,00"`): the cells' hint, after what the setting must be. */
export const settingDecimalComma = (text: string, written: string) =>
  `must be a number: ${JSON.stringify(text)} ${decimalComma(written)}`;
/**
 * A number setting given as text with commas between thousands (`"1,000"`); `written`: the number
 * without them (`1000`). Never the decimal-comma hint: `1.000` would make a penalty of 1,000 one of 1.
 */
export const settingGroupedNumber = (text: string, written: string) =>
  `must be a number, not text: write ${JSON.stringify(text)} as ${written}, without quotes or commas`;
/** A share given as text that is not a percentage (other number settings are told only settingNotNumber). */
export const shareNotNumber = () => 'must be a number, not text (a share may also be written "80%")';
/** A formula a program saved without its value (`=E3*0.97`); `what` completes "give …". */
/** A number cell holding a spreadsheet's error value (`#N/A`; '' for the message without it). */
export const spreadsheetErrorValue = (error: string) =>
  `is the spreadsheet error ${error}: the formula that gave this cell failed; fix it in the spreadsheet, or type the number`;

/** A number typed with the letter O for a zero (`4OO`): `written`, the number with zeros. */
export const letterOForZero = (written: string) => `has the letter O where a zero belongs: write ${written}`;
/** letterOForZero without what it says of one cell's own value, for the cells down a column that repeat it. */
export const letterOForZeroSame = () => 'has the letter O where a zero belongs';

/** A number cell holding a lone dash, as an accounting format saves 0. */
export const accountingDash = () =>
  'is a dash, which an accounting or "Comma Style" format shows for 0: write 0, or format the column as a plain number before saving';

export const formulaWithoutValue = (what: string) =>
  `is a formula saved without its value: give ${what} as a number, or open and save the workbook in Excel or LibreOffice, which keep each formula's value`;

// Opening files: inside the scenario folder, regular, not too large.

export const fileOutsideFolder = (ref: string) =>
  `file "${ref}" is outside the scenario folder: give a path inside it`;

/** `near`: a file of its folder with a close name ("areas.csv" for "Areas.csv" or "areas"), or null. */
export const fileNamedMissing = (near: string | null = null) =>
  near === null
    ? 'cannot read the file (named in scenario.json): check the name and that it exists in the scenario folder'
    : `cannot read the file (named in scenario.json): the folder has "${near}"; names must match exactly, capitals and ending too`;

export const linkOutsideFolder = (real: string) =>
  `is a link to ${real}, outside the scenario folder: copy the file into the folder instead of linking to it`;

export const fileCannotOpen = () => 'cannot be opened: check that you may read it';

/** `kind` is what the path is instead ("a folder", …). */
export const notRegularFile = (kind: string) => `is ${kind}, not a regular file: give a plain file`;

/** Sizes already written as "12.3 MB". */
export const fileTooLarge = (size: string, limit: string) =>
  `is ${size}, more than the ${limit} zonal reads from one file: check it is the right file (see docs/hardening.md, "Limits")`;

export const fileGrew = (limit: string) => `grew past ${limit} while being read`;

export const pathMissing = () => 'does not exist: check the path';

export const fileCannotBeRead = (error: string) => `cannot be read (${error})`;

// Text encodings of table files.

export const tableIsOldWorkbook = () =>
  'is an old Excel workbook (.xls), not a CSV file: in Excel use File > Save As > "CSV UTF-8 (Comma delimited)", or save the whole workbook as .xlsx and give it to zonal in place of the folder';

export const tableIsWorkbook = () =>
  'is an Excel workbook (.xlsx), not a CSV file: in Excel use File > Save As > "CSV UTF-8 (Comma delimited)" for this table, or give the whole workbook to zonal in place of the scenario folder (see docs/spreadsheets.md)';

export const tableEncodingUnsupported = (encoding: string) =>
  `is encoded as ${encoding}, which zonal cannot read: save it as "CSV UTF-8 (Comma delimited)" (in Excel: File > Save As; in LibreOffice: Character set "Unicode (UTF-8)")`;

/** The symbols of `currencies` (the scenarios' own), to check after a Windows-1252 reading: "£", "£, €". */
const symbolsOf = (currencies: readonly string[]) =>
  [...new Set(currencies.map((c) => currencySymbol(c).trim()))].join(', ');

/**
 * `currencies`: the scenario's (its scenario.json is parsed before this warning is made), or a
 * batch file's bases' (read before its warnings are told).
 */
export const jsonReadAsWindows1252 = (currencies: readonly string[]) =>
  `is not UTF-8, so it was read as Windows-1252 (what an older Notepad saves as "ANSI"): check that ${symbolsOf(currencies)} and accented names look right, or save it as UTF-8 (in Notepad: File > Save As, Encoding "UTF-8")`;

/** `currency`: the scenario's (scenario.json is read before the tables). */
export const readAsWindows1252 = (currency: string) =>
  `is not UTF-8, so it was read as Windows-1252 (what Excel's "CSV (Comma delimited)" saves): check that ${symbolsOf([currency])} and accented names look right, or save it as "CSV UTF-8 (Comma delimited)"`;

// Opening a workbook given in place of a scenario folder.

export const workbookMissing = () => 'cannot read the workbook: check the path';

export const workbookIsXls = () =>
  'is an old Excel workbook (.xls saved as .xlsx?): open it and save it as "Excel Workbook (.xlsx)"';

export const notAWorkbook = () =>
  'is not an Excel workbook (.xlsx): save it from your spreadsheet program as "Excel Workbook (.xlsx)", or give a scenario folder';

export const workbookCannotOpen = (error: string) =>
  `cannot be opened as a workbook (${error}): save it again as "Excel Workbook (.xlsx)"`;

// Writing the outputs.

/**
 * `why` is the plain reason ("the disk is full"); `code` the system error code, or '' when there is none;
 * `asked` what the command line named: a folder (--out DIR) or a file (score's --out FILE, --baseline-out).
 */
export const cannotWriteOutput = (target: string, why: string, code: string, asked: 'folder' | 'file') =>
  `${target}: cannot write there: ${why}${code === '' ? '' : ` (${code})`}; ` +
  (asked === 'folder'
    ? 'choose another --out folder or free it.'
    : 'choose another file name or folder, or free it.') +
  ' Nothing was changed there.';

export const fileInTheWay = (target: string, file: string, asked: 'folder' | 'file') =>
  `${target}: ${target === file ? 'is' : `cannot write there: ${file} is`} a file, not a folder; ` +
  (asked === 'folder'
    ? 'give --out a folder (it is made if missing).'
    : 'give a file name in a folder (folders are made if missing).') +
  ' Nothing was changed there.';

// Files a command writes besides its --out folder (`--export-lp`, `--baseline-out`, score's `--out`).

/** A file the command would write is one the scenario is read from (cli/file-flags.ts, checkWrites). */
export const outputOverInput = (flag: string, given: string, name: string, asked: 'folder' | 'file') =>
  `${flag} ${given}: zonal would write ${name} there, over the scenario's own ${name}; ` +
  (asked === 'folder'
    ? 'give an --out folder of its own (a folder inside the scenario folder, such as out, is fine).'
    : 'give another file name.') +
  ' Nothing was written.';

// `flag` below is the flag and what it was given, as typed (`--baseline-out next.csv`), with the file
// written beside it when that is the one in question (`--out x.csv (x.xlsx)`): cli/file-flags.ts.

/** The file named a folder: an existing one, or the command's --out folder. */
export const fileFlagIsFolder = (flag: string, which: 'a folder' | 'the --out folder') =>
  `${flag}: that is ${which}; give the name of a file to write. Nothing was written.`;

export const fileFlagThroughFile = (flag: string, through: string) =>
  `${flag}: ${through} is a file, not a folder; give a file name in a folder (folders are made if missing). Nothing was written.`;

export const fileFlagIsOutput = (flag: string) =>
  `${flag}: zonal writes a file of that name in the --out folder; give another name. Nothing was written.`;

export const fileFlagsSame = (flag: string, other: string) =>
  `${flag}: ${other} names the same file; give each its own. Nothing was written.`;

// Lists of names on the command line (`zonal compare --zonings a,b`).

/** `flag` given `repeated` more than once: an error, not a warning, as a slip there most often hides a name meant (docs/compare-and-batch.md). */
export const namedTwice = (
  flag: string,
  given: readonly string[],
  repeated: readonly string[],
  what: 'zoning' | 'option',
  known: readonly string[],
) =>
  `${flag} ${given.join(',')}: ${repeated.map((n) => `"${n}"`).join(' and ')} ${repeated.length === 1 ? 'is' : 'are each'} named more than once; ` +
  `name each ${what} once, from ${known.join(', ')}`;

// Batch files.

export const batchFileMissing = () => 'cannot read the batch file: check the path';

export const batchEmpty = () =>
  'is empty: it needs a "base" scenario and a "grid" or a list of "variants" as JSON, e.g. {"base": "my-county", "grid": {"demandMultiplier": [1, 1.1]}}';

export const batchNoVariants = () => 'has no "variants" and no "grid": give at least one';
/** A batch file with no top-level "base" (until mend17b "is missing: give it as text"). */
export const batchBaseNotGiven = () =>
  isMissing(
    'give the scenario folder (or .xlsx workbook) the variants are made from, relative to the batch file, e.g. "base": "my-county"; a variant may name another in its own "base"',
  );

/** A grid value listed twice for one key: every combination with it would be a variant twice. */
export const batchGridValueTwice = (key: string, value: string, first: number, second: number) =>
  `grid "${key}" value ${value} is given twice (values ${first} and ${second}): each value makes its variants once; give it once, or the value meant`;

/** A grid key given one value (`"zoning": "two"`) rather than a list of them (until mend17b "must be a list ([…]), not text"). */
export const batchGridNotList = (value: unknown) =>
  value === null
    ? // Not "write [null] to try null alone" (until mend17d): null is no value of most settings.
      "must be a list of the values to try, not null: give them in [ ], or remove the key to run every variant with the base's setting"
    : `must be a list of the values to try, not one value: write ${JSON.stringify([value])} to try ${JSON.stringify(value)} alone`;

/** `"grid": {}`: every combination of nothing is the base alone, most likely not what was meant. */
export const batchGridEmpty = () =>
  'has no keys: name at least one override to vary, e.g. "grid": {"demandMultiplier": [1, 1.1]}, or leave "grid" out';

/** A fraction as a percent without floating-point tails (0.035 → 3.5, not 3.5000000000000004). */
const percentOf = (fraction: number) => Number((fraction * 100).toPrecision(6));

/**
 * A yearly percent written as a fraction: `percentPerYear: 0.04` is 0.04% a year, not 4%
 * (discountRate is a fraction, the percents beside it are not).
 */
export const percentWrittenAsFraction = (value: number) =>
  `is ${value}, which is ${value}% a year (a percent, not a fraction as discountRate is): for ${percentOf(value)}% a year write ${percentOf(value)}`;

/** A contract term (`startPeriod` + `years`) that ends before the design period it is priced from. */
export const contractEndsBeforeDesign = (start: number, end: number, period: string) =>
  `is "${start}", so the term ${start}-${end} ends before the design period ${period}, whose demand and bids price it: start the term in ${period} or later, or leave startPeriod out (it then starts in ${period})`;

/** A contract term that starts before the design period: its first years are priced at the design year's bids. */
export const contractStartsBeforeDesign = (start: number, period: string) =>
  `is "${start}", before the design period ${period}: the years before ${period} are priced at ${period}'s bids and demand; start the term in ${period} or later if that is when the new contract begins`;

/** Extensions that make the whole contract longer than the longest base term allowed. */
export const contractTooLong = (extensionYears: number, years: number, longest: number) =>
  `add ${counted(extensionYears, 'year')} to a ${years}-year term: ${counted(years + extensionYears, 'year')} in all, more than the ${longest} a contract (years) may run: shorten the extensions (e.g. [2, 2] for "6+2+2")`;

/** A discount rate that is legal (at most 0.2) but far above the Green Book's. */
export const discountRateHigh = (rate: number, greenBook: number) =>
  `is ${rate}, ${percentOf(rate)}% a year, which shrinks later years' cost fast: the HM Treasury Green Book rate is ${greenBook} (${percentOf(greenBook)}%); check it is a yearly rate written as a fraction`;

/** `payment.lots` names a care type that has no lots of its own to pay. */
export const paymentLotsNoLot = (careType: string, merged: boolean) =>
  merged
    ? `has no effect: ${careType} is merged into standard, so its hours are paid as payment.lots.standard says (by the hour when not given): remove it, or set payment.lots.standard`
    : `has no effect: the scenario has no ${careType} lots (lots.${careType} is not given): remove it, or add a lots.${careType} entry`;

/** A rule cost not worked out because the scenario does not use the rule. */
export const ruleNotInForce = () => 'the rule is not in force in this scenario';

/** Rule costs not worked out: the award stopped at its time limit (src/explain/unproven-rule-costs.ts says why). */
export const ruleCostsUnproven = () =>
  'the award stopped at the time limit before it was proven the best, so what relaxing a rule changes cannot be told from how far the award is from the best; allow more time (--time-limit)';

/** A rule's relaxed award has no plan: only a comparison that is no relaxation (sole lots for lead-secondary) can. */
export const relaxedAwardInfeasible = () =>
  'with it relaxed no award meets the other rules, so there is no award to compare with';

export const relaxedAwardFailed = (message: string) =>
  `the award with it relaxed could not be solved: ${message}`;

/**
 * Of the options or variants that cannot be bought as specified, how many the solver stopped at
 * the time limit: what they leave unbought may be the solver's, not the tender's (compare's
 * heading, batch's summary and batch.xlsx say it alike).
 */
const unbuyableUnproven = (unproven: number) => `${unproven} of them not proven, stopped at the time limit`;

/** Shared batch overrides that variants' own meet in a way neither is wrong alone (a merged care type given lot fields). */
export const batchSharedMeetsVariants = (
  variants: readonly number[],
  lines: readonly number[],
  problem: string,
) => {
  const listed = (xs: readonly number[]) =>
    xs.length === 1 ? `${xs[0]}` : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
  return `"overrides", with ${variants.length === 1 ? 'variant' : 'variants'} ${listed(variants)} (${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}): ${problem}: change the shared "overrides" or ${variants.length === 1 ? "that variant's" : "those variants'"} own so they agree`;
};

/**
 * `; not proven: …` ending the reason an option cannot be bought, when the solver stopped at the
 * time limit: the hours it left unbought may be the solver's, not the tender's.
 */
export const unprovenReason = (gap: string) =>
  `; not proven: the solver stopped at the time limit (${gap}), so a longer --time-limit may buy them`;

/** compare's heading over the options that cannot be bought: as a fact, unless the time limit cut some short. */
export const cannotBeBoughtHeading = (count: number, unproven: number) =>
  unproven === 0
    ? `Cannot be bought as specified (${count}): not real choices, whatever they cost`
    : `Cannot be bought as specified (${count}; ${unbuyableUnproven(unproven)}): not real choices as they stand`;

/**
 * compare's line for the options the solver stopped at the time limit, each with its gap, beside
 * `counted` more already counted under "Cannot be bought as specified".
 */
export const stoppedOptions = (named: readonly string[], counted: number) =>
  `Stopped at the time limit (${named.length}${counted === 0 ? '' : ` more, besides the ${counted} counted above`}): not proven best, so what is said of them above may change with a longer --time-limit: ${named.join(', ')}`;

/** batch's summary line for the variants the solver stopped at the time limit. */
export const batchStoppedVariants = (stopped: number) =>
  `${counted(stopped, 'variant')} stopped at the time limit (status "feasible"): ${stopped === 1 ? 'its figures are' : 'their figures are'} the best award found, not proven best (the "gap" column says how far it may be); a longer --time-limit settles ${stopped === 1 ? 'it' : 'them'}.`;

/** A workbook given as the batch file (`name`, its file name): how to make a batch of it (until mend17b "is not valid JSON at column 1"). */
export const batchFileIsWorkbook = (name: string) =>
  `is a workbook, not a batch file: a batch file is JSON that names the workbook as its "base", e.g. {"base": ${JSON.stringify(name)}, "grid": {"demandMultiplier": [1, 1.1]}}: save it as batch.json beside the workbook and run zonal batch on it (docs/compare-and-batch.md, "The batch file"); to solve the workbook as it is, run zonal solve ${name}`;

/** A batch file that is a table (a grid saved as CSV), with the JSON it would be. */
export const batchFileIsTable = (columns: readonly string[], example: string) =>
  `is a table (columns ${columns.join(', ')}), not JSON: a batch file is JSON, each column a list under "grid" (every combination of them is run; for the rows alone, give each as one of "variants"), e.g. ${example}: save it as batch.json with your scenario folder as "base" (docs/compare-and-batch.md, "The batch file")`;

/** batch's summary line over the variants that leave hours unbought, `unproven` of them cut short by the time limit. */
export const batchUnboughtVariants = (count: number, unproven: number) =>
  `${counted(count, 'variant')} ${nounFor(count, 'leaves', 'leave')} hours unbought${unproven === 0 ? ', so cannot be bought as specified' : ` (${unbuyableUnproven(unproven)}), so cannot be bought as specified as they stand`}: the "unmet_hours_per_week" column says how many.`;

/** batch.xlsx's summary label for the same count. */
export const batchUnboughtLabel = (unproven: number) =>
  unproven === 0
    ? 'Leave hours unbought (cannot be bought as specified)'
    : `Leave hours unbought (cannot be bought as specified as they stand; ${unbuyableUnproven(unproven)})`;

/** After one named among some proven and some not, or the "and N more" line: which are not proven. */
export const notProvenMark = (of: number | null) =>
  of === null ? ' (not proven)' : ` (${of} of them not proven)`;

/** What a stand-in could take over in a lot: the least of its spare and the room in its bids there (src/scoring/take-over-room.ts). */
interface RoomText {
  readonly providerId: string;
  readonly spare: number;
  /** The max hours of the bids counted (none: no bid of its could serve the lot's work). */
  readonly caps: readonly number[];
  /** A bid counted covers only part of the lot's work. */
  readonly partial: boolean;
  readonly hours: number;
  /** What it could take over here had it nothing else of a failed provider's to take over (src/scoring/handback-shares.ts). */
  readonly alone?: number;
  /** The failed provider. */
  readonly lead?: string;
  /**
   * What is held against the failed provider's hours in this lot and others: its spare, or the
   * room left in these bids, and those hours (src/scoring/handback-shares.ts).
   */
  readonly heldBy?: {
    readonly by: 'spare' | readonly { readonly id: string; readonly room: number }[];
    readonly against: number;
  } | null;
}

/**
 * Whether a stand-in's spare or the room left in some of its bids, held against a failed
 * provider's hours in its other lots and roles too, stops it taking over more here: ", as its
 * 2,500 h/week spare is held against all 2,646 h/week of P-ALDER's it would stand in for in
 * this lot and others", or ", as the 40 h/week left in its bid X is held against all 200
 * h/week of P-L's it reaches in this lot and others". Until later on 2026-12-02 the spare was
 * named whenever anything shared stopped it, even where one bid for every lot did; then a
 * bid's max hours were quoted, not the room left in it, against all the lead's hours the
 * stand-in faced, not those the bid reaches.
 */
const sharedSpare = (r: RoomText) =>
  r.alone === undefined ||
  r.lead === undefined ||
  r.heldBy === undefined ||
  r.heldBy === null ||
  r.hours >= r.alone - 1e-9
    ? null
    : `, as ${heldAs(r.heldBy.by, r.spare)} held against all ${fmtHours(r.heldBy.against)} of ${r.lead}'s ${r.heldBy.by === 'spare' ? 'it would stand in for' : r.heldBy.by.length === 1 ? 'it reaches' : 'they reach'} in this lot and others`;

/** "its 2,500 h/week spare is", "the 40 h/week left in its bid X is", "the 30 and 150 h/week left in its bids XC and XS are". */
const heldAs = (by: 'spare' | readonly { readonly id: string; readonly room: number }[], spare: number) =>
  by === 'spare'
    ? `its ${fmtHours(spare)} spare is`
    : `the ${by.map((b) => groupedNumber(b.room)).join(' and ')} h/week left in its ${by.length === 1 ? 'bid' : 'bids'} ${by.map((b) => b.id).join(' and ')} ${by.length === 1 ? 'is' : 'are'}`;

/** What stops a stand-in taking over more: its spare shared with its other lots and roles, or its bids. */
const limitsOf = (r: RoomText) => sharedSpare(r) ?? underItsBids(r);

/** "under its bid (at most 1,000 h/week; 7,249 h/week spare)": the two limits on what a stand-in could take over. */
const underItsBids = (r: RoomText) =>
  r.caps.length === 0
    ? `, having no bid that could serve this work (${fmtHours(r.spare)} spare)`
    : ` under its ${r.caps.length === 1 ? 'bid' : 'bids'} (at most ${r.caps.map((c) => groupedNumber(c)).join(' and ')} h/week${r.caps.length === 1 ? '' : ' between them'}${r.partial ? `, ${r.caps.length === 1 ? 'for' : 'some for'} part of the lot's work` : ''}; ${fmtHours(r.spare)} spare)`;

/**
 * N-1 stress: what one stand-in could take on of the `of` hours a provider hands back,
 * "P-CHILT could take on 75 of them under its bid (at most 1,000 h/week; 7,249 h/week spare)".
 */
export const couldTakeOn = (r: RoomText, of: number) =>
  `${r.providerId} could take on ${groupedNumber(r.hours) === '0' ? 'none' : r.hours >= of || groupedNumber(r.hours) === groupedNumber(of) ? 'all' : groupedNumber(r.hours)} of them${limitsOf(r)}`;

/** A framework's N-1 stress: what one member could take on, "P2 400 h/week under its bid (at most …; … spare)". */
export const roomOf = (r: RoomText) => `${r.providerId} ${fmtHours(r.hours)}${limitsOf(r)}`;

/**
 * A framework's N-1 stress: a member whose places cover none of the areas of the member that
 * hands back, "P2 covers none of P1's areas" (until later on 2026-12-02 its room under a bid
 * for the lot that won no place, "P2 1,600 h/week under its bid (at most 5,000 h/week; …)",
 * beside 0 h/week taken on).
 */
export const coversNoneOf = (providerId: string, lead: string) =>
  `${providerId} covers none of ${lead}'s areas`;

/**
 * Surge and growth: what the winners could take on of extra hours, the least of their spare
 * for the lot and the room in their bids there, and their spare for the lot.
 */
export const winnersCouldTakeOn = (hours: number, spare: number) =>
  `winners could take on ${fmtHours(hours)} more under their bids (${fmtHours(spare)} spare for this lot)`;

/** A stand-in's part of a failed provider's hours, as supply risk counts it (src/scoring/supply-risk.ts). */
interface TakeOverText extends RoomText {
  readonly lead: string;
  readonly leadHours: number;
}

/**
 * Whether a stand-in could take over all the lead's hours, as the score counts it (until
 * 2026-12-02, session 16, as the reason rounds them: 99.6 of 100 read "all 100" beside a
 * partial credit; review16).
 */
const takesAll = (t: TakeOverText) => t.hours >= t.leadHours - 1e-9;

/** The hours a stand-in could take over, to a tenth where whole hours would read as all of them. */
const takenHours = (t: TakeOverText) =>
  groupedNumber(t.hours) === groupedNumber(t.leadHours) ? groupedNumber(t.hours, 1) : groupedNumber(t.hours);

/** Whether the room in a stand-in's bids, not its spare, stops it taking over all the lead's hours (had it nothing else to take over). */
const bidLimits = (t: TakeOverText) =>
  groupedNumber(t.alone ?? t.hours) !== groupedNumber(Math.min(t.spare, t.leadHours));

/** What stops a stand-in taking over all the lead's hours here, when nothing shared does: its bids, or its spare (then all it takes over). */
const ownLimit = (t: TakeOverText) => (bidLimits(t) ? underItsBids(t) : ` (${takenHours(t)} h/week spare)`);

/**
 * "back-up P2 could take over 250 of the 1,000 h/week (250 h/week spare) if P1 failed", "all
 * 1,000 h/week", or where its bids stop it: "… 75 of the 1,000 h/week under its bid (at most
 * 1,000 h/week; 7,249 h/week spare) if P1 failed" (until session 17 a stand-in stopped by its
 * spare alone was not told why).
 */
const couldTakeOver = (who: string, t: TakeOverText, where = '') =>
  `${who} ${t.providerId} could take over ${takesAll(t) ? `all ${fmtHours(t.leadHours)}${where}` : `${takenHours(t)} of the ${fmtHours(t.leadHours)}${where}${sharedSpare(t) === null ? ownLimit(t) : ''}`} if ${t.lead} failed${takesAll(t) ? '' : (sharedSpare(t) ?? '')}`;

/**
 * What a lot's named back-ups could take over of its largest holder's hours in the lot if it
 * failed, the supply risk's reason: each back-up counts only for the hours its spare capacity
 * and bids could take, its spare held against all the lead's hours it would stand in for
 * (until later on 2026-12-02 "… of the 7,914 h/week in the lots it backs up", every lot's
 * hours beside one lot's credit).
 */
export function backupsCouldTakeOver(backups: readonly TakeOverText[]): string {
  const partial = backups.some((b) => !takesAll(b));
  return `${backups.map((b) => couldTakeOver('back-up', b)).join('; ')}${partial ? ' (a back-up counts in full only if it could take over all of them)' : ''}`;
}

/**
 * After a framework's supply: the other members counted as an area's back-ups that could take
 * over only part of the hours of the provider they would stand in for (none: nothing to add).
 */
export function membersCouldTakeOver(members: readonly TakeOverText[]): string {
  const partial = members.filter((m) => !takesAll(m));
  if (partial.length === 0) return '';
  const shown = partial.slice(0, 3).map((m) => couldTakeOver('member', m, ' in the areas it covers'));
  const more = partial.length > 3 ? `; ${partial.length - 3} more could take over only part` : '';
  return `; ${shown.join('; ')}${more} (a member counts in full only if it could take over all of them)`;
}

/** A framework's supply where no other member covering an area could take any of its provider's hours over. */
export const noMemberCouldTakeOver = () =>
  'no other member covering their areas has spare capacity and room in its bids';

/**
 * A framework's supply where no other member covers any area a member serves: nothing about
 * spare or bids stops cover (until later on 2026-12-02 it read as `noMemberCouldTakeOver`).
 */
export const noMemberCovers = () => 'no other member covers their areas';

/** After a framework's transition risk: it is counted area by area (src/contract/transition.ts). */
export const transitionByArea = () => ', area by area: a member keeps only the people in the areas it serves';

/** The annual cost of a lot nobody is awarded, in the printout and report.html (src/report/lot-cost.ts). */
export const lotNotAwarded = () => 'not awarded';

/** A provider no bid names (src/model/providers-without-bids.ts): it can win nothing. */
export const providerWithoutBids = (providerId: string, bids: TableName) =>
  `provider ${providerId} has no bid ${bids.in}, so it can win nothing: add its bids, or check their provider_id`;

/** A provider that serves today (current.csv) and makes no bid. */
export const incumbentWithoutBids = (
  providerId: string,
  hours: number,
  bids: TableName,
  current: TableName,
) =>
  `provider ${providerId} has no bid ${bids.in}: it serves ${groupedNumber(hours, 1)} h/week today (${current.name}), all of which change provider whatever the award; if it meant to bid, add its bids, or check their provider_id`;

/** Several providers no bid names, told once. */
export const providersWithoutBids = (providerIds: readonly string[], bids: TableName) =>
  `${counted(providerIds.length, 'provider')} have no bid ${bids.in}, so they can win nothing: ${providerIds.join(', ')}; add their bids, or check their provider_id`;

/**
 * A cap's rule cost when relaxing it alone changes nothing because `others` stop the same bids
 * (src/explain/caps-together.ts): what relaxing all `count` of them together does.
 */
export const capAloneChangesNothing = (
  others: readonly string[],
  lots: string,
  count: number,
  effect: string,
  /** Another of the caps whose relaxing alone does just what relaxing them all does, if one does. */
  sameAs: string | null,
) =>
  `relaxing it alone changes nothing, as ${others.join(' and ')} ${others.length === 1 ? 'stops' : 'stop'} the same bids (${lots}); relaxing ${count === 2 ? 'both' : `all ${count}`}${sameAs === null ? `: ${effect}` : ` changes no more than relaxing ${sameAs} alone: the rule does not bind`}`;
