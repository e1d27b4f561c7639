/**
 * The demand rows of a scenario checked together: every area known, no area,
 * care type and period given twice, low <= central <= high, and the total of
 * a period within what the solver represents. Pure.
 */
import type { IssueList } from '../diagnostics/issues.js';
import * as msg from '../diagnostics/messages.js';
import { repeatedMistakes } from '../diagnostics/repeated-mistakes.js';
import { slipKey, type MeantId } from './id-case.js';
import type { DemandTable } from './demand-table.js';
import type { CareType, DemandRow } from './types.js';

/** Most (care type, period) × area slots kept in typed arrays (4 bytes each) before falling back to a map: a hostile file may have a new period on every row. */
const maxTypedSlots = 32_000_000;

/**
 * The line each area, care type and period was first given on, so a repeated
 * demand row names it. One Int32Array over the areas per care type and period
 * (0: not yet given), not a map entry per row: a national file has over a
 * million rows.
 */
function firstDemandLines(areaIds: ReadonlySet<string>) {
  const index = new Map([...areaIds].map((a, i) => [a, i] as const));
  const groups = new Map<CareType, Map<string, Int32Array | Map<number, number>>>();
  let slots = 0;
  const group = (row: DemandRow) => {
    const periods = groups.get(row.careType) ?? new Map<string, Int32Array | Map<number, number>>();
    groups.set(row.careType, periods);
    let lines = periods.get(row.period);
    if (lines === undefined) {
      slots += index.size;
      lines = slots <= maxTypedSlots ? new Int32Array(index.size) : new Map<number, number>();
      periods.set(row.period, lines);
    }
    return lines;
  };
  return {
    /** The first line of the row's area, care type and period, or 0; `line` is kept when it is the first. */
    seen(row: DemandRow, line: number): number {
      const at = index.get(row.areaId) ?? -1;
      const lines = group(row);
      const first = lines instanceof Map ? (lines.get(at) ?? 0) : (lines[at] ?? 0);
      if (first === 0) {
        if (lines instanceof Map) lines.set(at, line);
        else lines[at] = line;
      }
      return first;
    },
  };
}

/** The demand rows with an unknown area or a repeat left out (each reported); the rows themselves when none is. */
export function buildDemand(
  demand: DemandTable,
  file: string,
  /** The areas table's file (or sheet), for the message about an unknown area. */
  areasFile: string,
  areaIds: ReadonlySet<string>,
  /** Whether an unknown area id is explained by a rejected areas.csv row (already reported). */
  explained: (areaId: string) => boolean,
  /** The area an unknown id meant (the known ones and those of rejected rows). */
  meantArea: MeantId,
  issues: IssueList,
): DemandTable {
  const firstLines = firstDemandLines(areaIds);
  const dropped = new Set<number>();
  // An unknown area has a row for each care type and period, and ids that lost their zeros are
  // one mistake of the column: each told once, with its rows.
  const unknownAreas = repeatedMistakes();
  for (let i = 0; i < demand.length; i++) {
    const row = demand.row(i);
    const line = demand.line(i);
    if (!areaIds.has(row.areaId)) {
      dropped.add(i);
      const meant = meantArea(row.areaId);
      if (!explained(row.areaId))
        unknownAreas.note(
          slipKey(row.areaId, meant),
          msg.unknownArea(row.areaId, meant, issues.table(areasFile)),
          line,
          'area_id',
        );
      continue;
    }
    const first = firstLines.seen(row, line);
    if (first !== 0) {
      dropped.add(i);
      issues.error(file, line, msg.duplicateDemand(row.areaId, row.careType, row.period, first));
      continue;
    }
    if (row.low > row.hours)
      issues.error(file, line, msg.demandLowAboveCentral(row.low, row.hours), 'hours_low');
    if (row.high < row.hours)
      issues.error(file, line, msg.demandHighBelowCentral(row.high, row.hours), 'hours_high');
  }
  unknownAreas.tell(issues, file);
  return dropped.size === 0 ? demand : demand.without(dropped);
}

/** Most hours a week in one period, all areas together (docs/hardening.md, "Limits"): keeps every cost the solver sums well inside what it represents. */
const maxTotalHoursPerWeek = 10_000_000;

/** A period's hours a week, all areas and care types together: central and high; and its rows. */
export interface PeriodTotal {
  readonly hours: number;
  readonly high: number;
  /** Central hours of each care type. */
  readonly byCare: Readonly<Record<CareType, number>>;
  /** Rows of the period (each a distinct area and care type: a repeat is an error). */
  readonly rows: number;
  readonly firstLine: number;
}

/** Checks each period's total; returns each period's totals, the periods in the order first given (one pass). */
export function checkDemandTotals(
  file: string,
  demand: DemandTable,
  issues: IssueList,
): ReadonlyMap<string, PeriodTotal> {
  const totals = new Map<
    string,
    { hours: number; high: number; byCare: Record<CareType, number>; rows: number; firstLine: number }
  >();
  for (let i = 0; i < demand.length; i++) {
    const d = demand.row(i);
    let sum = totals.get(d.period);
    if (sum === undefined) {
      // An object of fixed shape, not a Map: this runs once per row of a national file.
      const byCare = { standard: 0, complex: 0, reablement: 0 };
      sum = { hours: 0, high: 0, byCare, rows: 0, firstLine: demand.line(i) };
      totals.set(d.period, sum);
    }
    sum.hours += d.hours;
    sum.high += d.high;
    sum.byCare[d.careType] += d.hours;
    sum.rows++;
  }
  for (const [period, total] of totals) {
    if (total.high > maxTotalHoursPerWeek)
      issues.error(file, null, msg.demandTotalTooLarge(period, total.high, maxTotalHoursPerWeek));
  }
  return totals;
}

/**
 * A period with fewer rows than the design period: most often a row whose
 * period was mistyped ("2O27") or turned into a date by Excel (2027-01-01),
 * whose hours silently left the design demand; or a later forecast with
 * areas missing, which reads as demand falling there. Told once per period.
 */
export function warnShortPeriods(
  file: string,
  totals: ReadonlyMap<string, PeriodTotal>,
  design: string,
  issues: IssueList,
): void {
  const rows = totals.get(design)?.rows ?? 0;
  const short = [...totals].filter(([period, total]) => period !== design && total.rows < rows);
  for (const [period, total] of short.slice(0, maxShortPeriodsTold))
    issues.warning(file, total.firstLine, msg.periodShort(period, total.rows, design, rows), 'period');
  if (short.length > maxShortPeriodsTold)
    issues.warning(file, null, msg.morePeriodsShort(short.length - maxShortPeriodsTold, design));
}

/** A file with a new period on every row (pasted dates) is told in a few lines, not one per row. */
const maxShortPeriodsTold = 5;
