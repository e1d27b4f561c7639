/**
 * zod schemas for one row of each scenario CSV file (DESIGN.md section 3).
 * Cells arrive as strings; these schemas trim, convert and range-check them.
 */
import { z } from 'zod';
import { careTypes, ruralities } from './types.js';

export const idPattern = /^[A-Za-z0-9_.-]+$/;

export const idCell = z
  .string()
  .trim()
  .min(1, 'is empty: give an id')
  .regex(idPattern, 'is not a valid id: use only letters, digits, _ . and -');

const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A non-negative number cell; thousands separators like `1,200` are accepted. */
function numberCell(what: string) {
  return z
    .string()
    .trim()
    .min(1, `is empty: give ${what}`)
    .transform((s) => s.replace(/^£/, '').replace(/,/g, ''))
    .refine((s) => numeric.test(s), `is not a number: give ${what}`)
    .transform(Number)
    .refine((n) => Number.isFinite(n), `is not a finite number`)
    .refine((n) => n >= 0, `must not be negative`);
}

function optionalNumberCell(what: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s))
    .pipe(numberCell(what).nullable());
}

function signedNumberCell(what: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .min(1, `is empty: give ${what}`)
    .refine((s) => numeric.test(s), `is not a number: give ${what}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);
}

const qualityCell = numberCell('a quality score from 0 to 100').refine((n) => n <= 100, 'must be at most 100');

export const careTypeCell = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(careTypes, { error: () => `must be one of ${careTypes.join(', ')}` }));

export const areaRowSchema = z.object({
  area_id: idCell,
  name: z.string().trim(),
  lat: signedNumberCell('a latitude', -90, 90),
  lon: signedNumberCell('a longitude', -180, 180),
  population: numberCell('the population'),
  population_65_plus: numberCell('the population aged 65 and over'),
  rurality: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(ruralities, { error: () => `must be one of ${ruralities.join(', ')}` })),
  area_km2: optionalNumberCell('the area in km²'),
});

export const zoneRowSchema = z.object({ area_id: idCell, zone_id: idCell });

export const demandRowSchema = z.object({
  area_id: idCell,
  care_type: careTypeCell,
  period: z.string().trim().min(1, 'is empty: give the period, e.g. 2027'),
  hours_per_week: numberCell('hours per week'),
  hours_low: optionalNumberCell('the low estimate of hours per week'),
  hours_high: optionalNumberCell('the high estimate of hours per week'),
});

export const providerRowSchema = z.object({
  provider_id: idCell,
  name: z.string().trim(),
  max_hours_per_week: numberCell('the most hours per week the provider can serve'),
  min_viable_hours_per_week: numberCell('the minimum viable hours per week'),
  quality_score: qualityCell,
  base_area_id: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s)),
});

export const bidRowSchema = z.object({
  bid_id: idCell,
  provider_id: idCell,
  care_type: careTypeCell,
  coverage: z.string().trim().min(1, 'is empty: give * or area/zone ids separated by ;'),
  price_per_hour: numberCell('the price per hour').refine((n) => n > 0, 'must be more than 0'),
  max_hours_per_week: numberCell('the most hours per week this bid serves'),
  role: z
    .string()
    .trim()
    .transform((s) => (s === '' ? 'any' : s.toLowerCase()))
    .pipe(z.enum(['any', 'lead', 'secondary'], { error: () => 'must be any, lead or secondary (empty means any)' })),
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
});

export const currentRowSchema = z.object({
  area_id: idCell,
  care_type: careTypeCell,
  provider_id: idCell,
  hours_per_week: numberCell('hours per week'),
});

/** Columns every file must have; optional columns are the schema's other keys. */
export const requiredColumns = {
  areas: ['area_id', 'name', 'lat', 'lon', 'population', 'population_65_plus', 'rurality'],
  zones: ['area_id', 'zone_id'],
  demand: ['area_id', 'care_type', 'period', 'hours_per_week'],
  providers: ['provider_id', 'name', 'max_hours_per_week', 'min_viable_hours_per_week', 'quality_score'],
  bids: ['bid_id', 'provider_id', 'care_type', 'coverage', 'price_per_hour', 'max_hours_per_week', 'role', 'package_id'],
  current: ['area_id', 'care_type', 'provider_id', 'hours_per_week'],
} as const;
