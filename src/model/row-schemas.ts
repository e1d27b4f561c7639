/**
 * What each column of each scenario CSV file holds (DESIGN.md section 3).
 * Cells arrive as strings; each cell kind trims, converts and range-checks them.
 *
 * A cell kind is two things side by side: its zod schema, which holds the
 * checks and words every message, and a quick reader that takes a plainly
 * right cell without zod, by the same checks (test/model/row-schemas.test.ts
 * holds each table's quick reader to its schema on random rows). A valid
 * scenario is read without running zod on its rows, or building their
 * schemas: a row the quick reader declines goes to zod, built on first use,
 * which says what is wrong. `zonal validate` on the county spent about a
 * fifth of its run on the row schemas (docs/performance.md).
 */
import { z } from 'zod';
import { choiceMeant, foreignMoneySign, idInvalid, idOddCharacter } from '../diagnostics/messages.js';
import { isCurrencySign, moneySign } from './money.js';
import { groupedNumber } from './grouped-number.js';
import { dotThousandsWarning, readNumberText } from './number-text.js';
import { once } from './once.js';
import { named } from './plan-functions.js';
import {
  careTypes,
  lotStructures,
  ruralities,
  type CareType,
  type DemandRow,
  type LotStructure,
  type Rurality,
} from './types.js';

export const idPattern = /^[A-Za-z0-9_.-]+$/;

/**
 * One column's cell: `schema` checks it and words every message (built on
 * first use); `read` gives its value when the cell is plainly right, and
 * undefined otherwise. `read` accepts only what `schema` accepts, with the
 * same value.
 */
export interface Cell<T> {
  readonly schema: () => z.ZodType<T>;
  readonly read: (cell: string | undefined) => T | undefined;
  /** What to warn of in a cell read as it was written but perhaps not as it was meant, or null. */
  readonly warn?: (cell: string) => CellDoubt | null;
}

/** A warning about a cell; `same`: the warning without the cell's own value, shared by every cell down the column that holds it. */
interface CellDoubt {
  readonly message: string;
  readonly same: string;
}

function cell<T>(build: () => z.ZodType<T>, read: (cell: string | undefined) => T | undefined): Cell<T> {
  return { schema: once(build), read };
}

export const idCell = cell(
  () =>
    z
      .string()
      .trim()
      // abort: an empty or overlong id is one message, not that and "not a valid id" too
      .min(1, { message: 'is empty: give an id', abort: true })
      .max(100, { message: 'is longer than 100 characters: give a shorter id', abort: true })
      .refine((id) => idPattern.test(id), {
        error: (issue) => idInvalid + idOddCharacter(String(issue.input)),
        // down a column, one message: the character named is the first row's
        params: { same: idInvalid },
      }),
  (s) => {
    const t = s?.trim();
    return t !== undefined && t.length >= 1 && t.length <= 100 && idPattern.test(t) ? t : undefined;
  },
);

/**
 * Largest value of each kind of number (docs/hardening.md, "Limits"): far
 * above any real tender, low enough that every cost the solver and the report
 * work out stays an exact, finite number.
 */
export const cellLimits = {
  hoursPerWeek: 1_000_000,
  capacityHoursPerWeek: 1_000_000_000,
  pricePerHour: 10_000,
  population: 100_000_000,
  areaKm2: 1_000_000,
} as const;

/** A character no cell may hold (C0 and C1 controls): text cells refuse it. */
export const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** Text (names, periods, file names in scenario.json): printable text only, so a name cannot clear a terminal or differ between outputs. */
export const textSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is longer than ${max} characters: shorten it`)
    .refine(printable, 'contains a control character (such as a terminal escape or NUL): remove it');

/** Text without a control character: named, for the settings plans (model/settings-plan.ts). */
const printable = named('printable', (s: string) => !controlCharacter.test(s));

/**
 * A line break or tab inside a quoted cell (RFC 4180 allows them; Excel's Alt+Enter makes
 * them), with the spaces around it, read as one space: the name a commissioner typed on
 * two lines of a cell is one name, shown on one line in every output (CSV, workbook,
 * report, terminal). Other control characters are still refused.
 */
export const foldLineBreaks = (s: string): string => s.replace(/\s*[\t\n\r]\s*/g, ' ');

/** A text cell of at most `max` characters (textSchema), line breaks folded; `min` 1: not empty either (`empty` says so). */
function textCell(max: number, empty?: string): Cell<string> {
  return cell(
    () => {
      const text = z.string().transform(foldLineBreaks).pipe(textSchema(max));
      return empty === undefined ? text : text.pipe(z.string().min(1, empty));
    },
    (s) => {
      const t = s === undefined ? undefined : foldLineBreaks(s).trim();
      return t !== undefined &&
        t.length <= max &&
        !controlCharacter.test(t) &&
        (empty === undefined || t.length >= 1)
        ? t
        : undefined;
    },
  );
}

/** A number read exactly (model/number-text.ts), or undefined. */
function numberOf(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const read = readNumberText(s, '');
  return read.kind === 'ok' ? read.value : undefined;
}

/** Any number, read exactly (model/number-text.ts): `£` and thousands separators like `1,200` are accepted. */
const exactNumber = (what: string) =>
  z.string().transform((s, ctx) => {
    const read = readNumberText(s, what);
    if (read.kind === 'ok') return read.value;
    ctx.addIssue({ code: 'custom', message: read.message, params: { same: read.same } });
    return z.NEVER;
  });

/** A number cell from 0 to `max`; `positive`: more than 0 too. */
function numberCell(what: string, max: number, positive = false): Cell<number> {
  return cell(
    () => {
      // One check for the lower end, so a negative price gets one message, not two (zod runs every refinement).
      const lowest = positive
        ? { holds: (n: number) => n > 0, message: 'must be more than 0' }
        : { holds: (n: number) => n >= 0, message: 'must not be negative' };
      return exactNumber(what)
        .refine(lowest.holds, lowest.message)
        .refine((n) => n <= max, `must be at most ${groupedNumber(max)}`);
    },
    (s) => {
      const n = numberOf(s);
      return n !== undefined && n >= 0 && n <= max && (!positive || n > 0) ? n : undefined;
    },
  );
}

function signedNumberCell(what: string, min: number, max: number): Cell<number> {
  return cell(
    () => exactNumber(what).refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`),
    (s) => {
      const n = numberOf(s);
      return n !== undefined && n >= min && n <= max ? n : undefined;
    },
  );
}

/** An optional cell: absent or empty (after trimming) is null, anything else is `inner`'s. */
function optionalCell<T>(inner: Cell<T>): Cell<T | null> {
  const optional = cell(
    () =>
      z
        .string()
        .trim()
        .optional()
        .transform((s) => (s === undefined || s === '' ? null : s))
        .pipe(inner.schema().nullable() as z.ZodType<T | null, string | null>), // not a union: its issues would read "Invalid input"
    (s) => {
      const t = s?.trim();
      return t === undefined || t === '' ? null : inner.read(t);
    },
  );
  return inner.warn === undefined ? optional : { ...optional, warn: inner.warn };
}

/**
 * One of `values`, in any case (`error`: the message for anything else, followed by the
 * value most likely meant: "standrd" is "standard" mistyped).
 */
function choiceCell<const V extends string>(values: readonly V[], error: string): Cell<V> {
  return cell(
    () =>
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(
          z.enum(values as [V, ...V[]], { error: (issue) => choiceMeant(error, issue.input, values) }),
        ) as unknown as z.ZodType<V>,
    (s) => {
      const t = s?.trim().toLowerCase();
      return t !== undefined && (values as readonly string[]).includes(t) ? (t as V) : undefined;
    },
  );
}

/** Hours a week (demand, capacity): "1.200" is told, as it may be 1,200 written the European way (model/number-text.ts). */
const hoursNumberCell = (what: string, max: number): Cell<number> => ({
  ...numberCell(what, max),
  warn: (text) => {
    const message = dotThousandsWarning(text);
    return message === null ? null : { message, same: 'a dot before three digits' };
  },
});

const qualityCell = numberCell('a quality score from 0 to 100', 100);

const careTypeCell = choiceCell(careTypes, `must be one of ${careTypes.join(', ')}`);

const isLotStructure = (s: string): s is LotStructure => (lotStructures as readonly string[]).includes(s);
/** The names in a `;`-separated list, trimmed and in lower case. */
const structureNames = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
const structureSet = (list: readonly string[]) => [...new Set(list.filter(isLotStructure))].sort();

/** `;`-separated lot structures a bid's price holds for; empty means any structure. */
const structuresCell = cell<LotStructure[]>(
  () =>
    z
      .string()
      .optional()
      .transform(structureNames)
      .refine(
        (list) => list.every(isLotStructure),
        `must be lot structures (${lotStructures.join(', ')}) separated by ; (empty means any structure)`,
      )
      .transform(structureSet),
  (s) => {
    const list = structureNames(s);
    return list.every(isLotStructure) ? structureSet(list) : undefined;
  },
);

/** A text cell kept as written (trimmed), or null when absent or empty. */
const optionalTextCell = cell(
  () =>
    z
      .string()
      .trim()
      .optional()
      .transform((s) => (s === undefined || s === '' ? null : s)),
  (s) => {
    const t = s?.trim();
    return t === undefined || t === '' ? null : t;
  },
);

type Columns = Record<string, Cell<unknown>>;

/** A row of a table with these columns, as read. */
export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends Cell<infer T> ? T : never };

/** A table's row: the zod schema of a whole row (built on first use), and its quick reader. */
export interface RowKind<T> {
  /** The table's columns, required and optional. */
  readonly columns: readonly string[];
  readonly schema: () => z.ZodType<T>;
  /** The row when every cell is plainly right, else null (the schema then gives the messages). */
  readonly read: (cells: Readonly<Record<string, string>>) => T | null;
  /** What to warn of in a row's cells, by column (see Cell.warn); empty for most rows. */
  readonly warnings: (cells: Readonly<Record<string, string>>) => readonly CellWarning[];
}

const noWarnings: readonly CellWarning[] = [];

/**
 * The bids' prices written with a currency sign that is not `currency`'s (`£24.50` in a tender in
 * euros): mistakes, as the price would be read as that many euros. By currency, so it is made
 * when the settings are read, not with the row schemas.
 */
export function foreignPriceSigns(
  currency: string,
): (cells: Readonly<Record<string, string>>) => readonly CellWarning[] {
  return (cells) => {
    const sign = moneySign(cells['price_per_hour'] ?? '');
    if (sign === null || isCurrencySign(sign, currency)) return noWarnings;
    const message = foreignMoneySign(sign, currency);
    return [{ column: 'price_per_hour', message, same: message }];
  };
}

/** A warning about one cell of a row read. */
export interface CellWarning extends CellDoubt {
  readonly column: string;
}

function rowKind<C extends Columns>(columns: C): RowKind<RowOf<C>> {
  const keys = Object.keys(columns);
  const cells = Object.values(columns);
  const warned = keys.flatMap((column) => {
    const warn = columns[column]?.warn;
    return warn === undefined ? [] : [{ column, warn }];
  });
  return {
    columns: keys,
    warnings(record) {
      let found: CellWarning[] | null = null; // most rows have none: no array made for them (a national demand file has millions)
      for (const { column, warn } of warned) {
        const doubt = warn(record[column] ?? '');
        if (doubt === null) continue;
        found ??= [];
        found.push({ column, ...doubt });
      }
      return found ?? noWarnings;
    },
    schema: once(
      () =>
        z.object(Object.fromEntries(keys.map((k, i) => [k, cells[i]?.schema()]))) as unknown as z.ZodType<
          RowOf<C>
        >,
    ),
    read(record) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        const value = cells[i]?.read(record[key]);
        if (value === undefined) return null;
        row[key] = value;
      }
      return row as RowOf<C>;
    },
  };
}

export const areaRows = rowKind({
  area_id: idCell,
  name: textCell(200),
  lat: signedNumberCell('a latitude', -90, 90),
  lon: signedNumberCell('a longitude', -180, 180),
  population: numberCell('the population', cellLimits.population),
  population_65_plus: numberCell('the population aged 65 and over', cellLimits.population),
  rurality: choiceCell<Rurality>(ruralities, `must be one of ${ruralities.join(', ')}`),
  area_km2: optionalCell(numberCell('the area in km²', cellLimits.areaKm2)),
});

export const zoneRows = rowKind({ area_id: idCell, zone_id: idCell });

const hoursCell = (what: string) => optionalCell(hoursNumberCell(what, cellLimits.hoursPerWeek));

/** Demand rows are read quickly by model/demand-fast-path.ts (in the model's shape), not by `read`. */
export const demandRows = rowKind({
  area_id: idCell,
  care_type: careTypeCell,
  period: textCell(50, 'is empty: give the period, e.g. 2027'),
  hours_per_week: hoursNumberCell('hours per week', cellLimits.hoursPerWeek),
  hours_low: hoursCell('the low estimate of hours per week'),
  hours_high: hoursCell('the high estimate of hours per week'),
});

/**
 * A demand row straight in the model's shape, so a national file's millions
 * of rows are not held twice (as cells and as model rows) while assembling.
 */
export const demandInputSchema = once(() =>
  demandRows.schema().transform(
    (r): DemandRow => ({
      areaId: r.area_id,
      careType: r.care_type as CareType,
      period: r.period,
      hours: r.hours_per_week,
      low: r.hours_low ?? r.hours_per_week,
      high: r.hours_high ?? r.hours_per_week,
    }),
  ),
);

export const providerRows = rowKind({
  provider_id: idCell,
  name: textCell(200),
  max_hours_per_week: hoursNumberCell(
    'the most hours per week the provider can serve',
    cellLimits.capacityHoursPerWeek,
  ),
  min_viable_hours_per_week: hoursNumberCell(
    'the minimum viable hours per week',
    cellLimits.capacityHoursPerWeek,
  ),
  quality_score: qualityCell,
  base_area_id: optionalTextCell,
});

const roles = ['any', 'lead', 'secondary'] as const;
/** A bid's role as typed: empty means any. */
const roleText = (s: string) => (s === '' ? 'any' : s.toLowerCase());

export const bidRows = rowKind({
  bid_id: idCell,
  provider_id: idCell,
  care_type: careTypeCell,
  coverage: cell(
    () => z.string().trim().min(1, 'is empty: give * or area/zone ids separated by ;'),
    (s) => {
      const t = s?.trim();
      return t !== undefined && t.length >= 1 ? t : undefined;
    },
  ),
  price_per_hour: numberCell('the price per hour', cellLimits.pricePerHour, true),
  max_hours_per_week: hoursNumberCell(
    'the most hours per week this bid serves',
    cellLimits.capacityHoursPerWeek,
  ),
  role: cell(
    () =>
      z
        .string()
        .trim()
        .transform(roleText)
        .pipe(z.enum(roles, { error: () => 'must be any, lead or secondary (empty means any)' })),
    (s) => {
      const t = s === undefined ? undefined : roleText(s.trim());
      return roles.find((r) => r === t);
    },
  ),
  package_id: optionalCell(idCell),
  quality_score: optionalCell(qualityCell),
  structures: structuresCell,
});

export const currentRows = rowKind({
  area_id: idCell,
  care_type: careTypeCell,
  provider_id: idCell,
  hours_per_week: hoursNumberCell('hours per week', cellLimits.hoursPerWeek),
});

/**
 * Columns other tables refer to (areas by area_id, zones by zone_id, providers
 * by provider_id): the ids of a rejected row are kept, so a reference to it is
 * not reported again (io/table-rows.ts). Bids are named only by batch files,
 * which are read once the scenario has no errors.
 */
export const referencedColumns = {
  areas: ['area_id'],
  zones: ['area_id', 'zone_id'],
  demand: [],
  providers: ['provider_id'],
  bids: [],
  current: [],
} as const satisfies Record<keyof typeof requiredColumns, readonly string[]>;

/** Columns every file must have; optional columns are the row kind's other columns. */
export const requiredColumns = {
  areas: ['area_id', 'name', 'lat', 'lon', 'population', 'population_65_plus', 'rurality'],
  zones: ['area_id', 'zone_id'],
  demand: ['area_id', 'care_type', 'period', 'hours_per_week'],
  providers: ['provider_id', 'name', 'max_hours_per_week', 'min_viable_hours_per_week', 'quality_score'],
  bids: [
    'bid_id',
    'provider_id',
    'care_type',
    'coverage',
    'price_per_hour',
    'max_hours_per_week',
    'role',
    'package_id',
  ],
  current: ['area_id', 'care_type', 'provider_id', 'hours_per_week'],
} as const;
