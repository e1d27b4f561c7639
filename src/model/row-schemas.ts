/**
 * zod schemas for one row of each scenario CSV file (DESIGN.md section 3).
 * Cells arrive as strings; these schemas trim, convert and range-check them.
 */
import { z } from 'zod';
import { groupedNumber } from './grouped-number.js';
import { readNumberText } from './number-text.js';
import { careTypes, lotStructures, ruralities, type DemandRow, type LotStructure } from './types.js';

export const idPattern = /^[A-Za-z0-9_.-]+$/;

export const idCell = z
  .string()
  .trim()
  // abort: an empty or overlong id is one message, not that and "not a valid id" too
  .min(1, { message: 'is empty: give an id', abort: true })
  .max(100, { message: 'is longer than 100 characters: give a shorter id', abort: true })
  .regex(idPattern, 'is not a valid id: use only letters, digits, _ . and -');

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

/** Text cells (names, periods): printable text only, so a name cannot clear a terminal or differ between outputs. */
export const textCell = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is longer than ${max} characters: shorten it`)
    .refine(
      (s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s),
      'contains a control character (such as a terminal escape or NUL): remove it',
    );

/** Any number, read exactly (model/number-text.ts): `£` and thousands separators like `1,200` are accepted. */
const exactNumber = (what: string) =>
  z.string().transform((s, ctx) => {
    const read = readNumberText(s, what);
    if (read.kind === 'ok') return read.value;
    ctx.addIssue({ code: 'custom', message: read.message });
    return z.NEVER;
  });

/** A number cell from 0 to `max`. */
function numberCell(what: string, max: number) {
  return exactNumber(what)
    .refine((n) => n >= 0, 'must not be negative')
    .refine((n) => n <= max, `must be at most ${groupedNumber(max)}`);
}

function optionalNumberCell(what: string, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s))
    .pipe(numberCell(what, max).nullable()); // not a union: its issues would read "Invalid input"
}

function signedNumberCell(what: string, min: number, max: number) {
  return exactNumber(what).refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);
}

const qualityCell = numberCell('a quality score from 0 to 100', 100);

const careTypeCell = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(careTypes, { error: () => `must be one of ${careTypes.join(', ')}` }));

export const areaRowSchema = z.object({
  area_id: idCell,
  name: textCell(200),
  lat: signedNumberCell('a latitude', -90, 90),
  lon: signedNumberCell('a longitude', -180, 180),
  population: numberCell('the population', cellLimits.population),
  population_65_plus: numberCell('the population aged 65 and over', cellLimits.population),
  rurality: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(ruralities, { error: () => `must be one of ${ruralities.join(', ')}` })),
  area_km2: optionalNumberCell('the area in km²', cellLimits.areaKm2),
});

export const zoneRowSchema = z.object({ area_id: idCell, zone_id: idCell });

export const demandRowSchema = z.object({
  area_id: idCell,
  care_type: careTypeCell,
  period: textCell(50).pipe(z.string().min(1, 'is empty: give the period, e.g. 2027')),
  hours_per_week: numberCell('hours per week', cellLimits.hoursPerWeek),
  hours_low: optionalNumberCell('the low estimate of hours per week', cellLimits.hoursPerWeek),
  hours_high: optionalNumberCell('the high estimate of hours per week', cellLimits.hoursPerWeek),
});

/**
 * A demand row straight in the model's shape, so a national file's millions
 * of rows are not held twice (as cells and as model rows) while assembling.
 */
export const demandInputSchema = demandRowSchema.transform(
  (r): DemandRow => ({
    areaId: r.area_id,
    careType: r.care_type,
    period: r.period,
    hours: r.hours_per_week,
    low: r.hours_low ?? r.hours_per_week,
    high: r.hours_high ?? r.hours_per_week,
  }),
);

export const providerRowSchema = z.object({
  provider_id: idCell,
  name: textCell(200),
  max_hours_per_week: numberCell(
    'the most hours per week the provider can serve',
    cellLimits.capacityHoursPerWeek,
  ),
  min_viable_hours_per_week: numberCell('the minimum viable hours per week', cellLimits.capacityHoursPerWeek),
  quality_score: qualityCell,
  base_area_id: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s)),
});

const isLotStructure = (s: string): s is LotStructure => (lotStructures as readonly string[]).includes(s);

/** `;`-separated lot structures a bid's price holds for; empty means any structure. */
const structuresCell = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(';')
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== ''),
  )
  .refine(
    (list) => list.every(isLotStructure),
    `must be lot structures (${lotStructures.join(', ')}) separated by ; (empty means any structure)`,
  )
  .transform((list) => [...new Set(list.filter(isLotStructure))].sort());

export const bidRowSchema = z.object({
  bid_id: idCell,
  provider_id: idCell,
  care_type: careTypeCell,
  coverage: z.string().trim().min(1, 'is empty: give * or area/zone ids separated by ;'),
  price_per_hour: numberCell('the price per hour', cellLimits.pricePerHour).refine(
    (n) => n > 0,
    'must be more than 0',
  ),
  max_hours_per_week: numberCell('the most hours per week this bid serves', cellLimits.capacityHoursPerWeek),
  role: z
    .string()
    .trim()
    .transform((s) => (s === '' ? 'any' : s.toLowerCase()))
    .pipe(
      z.enum(['any', 'lead', 'secondary'], {
        error: () => 'must be any, lead or secondary (empty means any)',
      }),
    ),
  package_id: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s))
    .pipe(idCell.nullable()),
  quality_score: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s))
    .pipe(qualityCell.nullable()),
  structures: structuresCell,
});

export const currentRowSchema = z.object({
  area_id: idCell,
  care_type: careTypeCell,
  provider_id: idCell,
  hours_per_week: numberCell('hours per week', cellLimits.hoursPerWeek),
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

/** Columns every file must have; optional columns are the schema's other keys. */
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
