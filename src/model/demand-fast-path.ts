/**
 * A demand row read without zod when every cell is plainly right: a national
 * demand file has over a million rows, and zod's checks took about half the
 * time of reading it. The checks are exactly those of demandRows (row-schemas.ts;
 * a property test holds the two together); a row this cannot accept goes to
 * zod, which says what is wrong. Pure.
 */
import { readNumberText } from './number-text.js';
import { cellLimits, controlCharacter, idPattern } from './row-schemas.js';
import { careTypes, type CareType, type DemandRow } from './types.js';

/**
 * Digits with at most one `.` and nothing else (the usual cell, `12.5`): read
 * without regular expressions, to the value readNumberText gives; undefined
 * for anything else.
 */
function plainDecimal(cell: string): number | undefined {
  let dot = false;
  let digits = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return undefined;
  }
  return digits > 0 ? Number(cell) : undefined;
}

/** A number cell from 0 to `max`, or undefined when it is not one (zod gives the message). */
function hoursCell(cell: string): number | undefined {
  const quick = plainDecimal(cell);
  if (quick !== undefined) return quick <= cellLimits.hoursPerWeek ? quick : undefined;
  const read = readNumberText(cell, '');
  return read.kind === 'ok' && read.value >= 0 && read.value <= cellLimits.hoursPerWeek
    ? read.value
    : undefined;
}

/** An optional hours cell: null when empty or absent. */
function optionalHoursCell(cell: string | undefined): number | null | undefined {
  const s = cell?.trim() ?? '';
  return s === '' ? null : hoursCell(s);
}

/**
 * Demand rows straight from cells, or null when a cell needs zod's message.
 * The row is short-lived: the demand table (demand-table.ts) keeps each
 * distinct area id and period once.
 */
export function demandRowReader(): (cells: Readonly<Record<string, string>>) => DemandRow | null {
  return (cells) => {
    const areaId = cells['area_id']?.trim() ?? '';
    if (areaId === '' || areaId.length > 100 || !idPattern.test(areaId)) return null;
    const typed = cells['care_type']?.trim().toLowerCase() ?? '';
    const careType = careTypes.find((c) => c === typed) as CareType | undefined;
    if (careType === undefined) return null;
    const period = cells['period']?.trim() ?? '';
    if (period === '' || period.length > 50 || controlCharacter.test(period)) return null;
    const hours = hoursCell(cells['hours_per_week'] ?? '');
    const low = optionalHoursCell(cells['hours_low']);
    const high = optionalHoursCell(cells['hours_high']);
    if (hours === undefined || low === undefined || high === undefined) return null;
    return {
      areaId,
      careType,
      period,
      hours,
      low: low ?? hours,
      high: high ?? hours,
    };
  };
}
