/**
 * zod schema of scenario.json (DESIGN.md section 3), with the documented
 * defaults filled in. Unknown keys in `award` and lot entries are errors, so a
 * misspelt rule is never silently ignored. The schemas are built on first use:
 * a valid scenario.json is read by their plans (model/settings-plan.ts), and
 * every function they run is `named`, for the plans.
 */
import { z } from 'zod';
import { textSchema as textCell } from './row-schemas.js';
import { boundsSchema } from './geography.js';
import { contractSchema, paymentSchema, transitionSchema } from './contract-settings.js';
import { lotEntrySchema } from '../structures/entry-schema.js';
import { jsonLimits, share } from './json-limits.js';
import { once } from './once.js';
import { currencyNotCode } from '../diagnostics/messages.js';
import { named, type PlanReader } from './plan-functions.js';
import { readsAs } from './schema-keys.js';
import { careTypes, objectives, type CareType, type LotPlanEntry } from './types.js';

const fileRef = () =>
  textCell(255).pipe(z.string().min(1, 'is empty: give a file name inside the scenario folder'));

export const defaultAward = {
  objective: 'cost',
  qualityWeight: 0.6,
  priceWeight: 0.4,
  minQuality: 0,
  maxShareOfTotalHours: 1,
  maxLotsPerProvider: null,
  minDistinctProviders: 0,
  unmetPenaltyPerHour: 1000,
  rejectBelowLegalPay: true,
  spotPricePerHour: 32.14,
} as const;

const weight = () => share(z.number().min(0, 'must be at least 0').max(1, 'must be at most 1'));

export const awardSchema = once(() =>
  z.strictObject({
    objective: z
      .enum(objectives, { error: () => 'must be "cost", "meat" or "whole-life"' })
      .default(defaultAward.objective),
    qualityWeight: weight().default(defaultAward.qualityWeight),
    priceWeight: weight().default(defaultAward.priceWeight),
    minQuality: z
      .number()
      .min(0, 'must not be negative (0: no minimum)')
      .max(100, 'must be at most 100 (quality scores run from 0 to 100)')
      .default(defaultAward.minQuality),
    maxShareOfTotalHours: share(
      z
        .number()
        .gt(0, 'must be more than 0 (a share of the county, e.g. 0.25)')
        .max(1, 'must be at most 1 (a share, e.g. 0.25 for 25%)'),
    ).default(defaultAward.maxShareOfTotalHours),
    maxLotsPerProvider: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1, or null for no cap')
      .max(jsonLimits.lots, `must be at most ${jsonLimits.lots}`)
      .nullable()
      .default(null),
    minDistinctProviders: z
      .number()
      .int('must be a whole number')
      .min(0, 'must not be negative (0: no minimum)')
      .max(jsonLimits.providers, `must be at most ${jsonLimits.providers}`)
      .default(0),
    unmetPenaltyPerHour: z
      .number()
      .gt(0, 'must be more than 0')
      .max(
        jsonLimits.unmetPenaltyPerHour,
        `must be at most ${jsonLimits.unmetPenaltyPerHour} (per hour, in the scenario's currency)`,
      )
      .default(defaultAward.unmetPenaltyPerHour),
    rejectBelowLegalPay: z.boolean().default(defaultAward.rejectBelowLegalPay),
    spotPricePerHour: z
      .number()
      .gt(0, 'must be more than 0')
      .max(1000, "must be at most 1000 (per hour, in the scenario's currency)")
      .default(defaultAward.spotPricePerHour),
    maxAnnualBudget: z
      .number({ error: () => "must be a number (a year, in the scenario's currency), or null for no cap" })
      .gt(0, "must be more than 0 (a year, in the scenario's currency), or null for no cap")
      .max(1e11, "must be at most 100,000,000,000 (a year, in the scenario's currency)")
      .nullable()
      .default(null),
  }),
);

export const mergeSchema = once(() =>
  z.strictObject({
    merge: z.literal('standard', { error: () => 'can only be "standard"' }),
  }),
);

type LotPlanValue = z.output<ReturnType<typeof mergeSchema>> | z.output<ReturnType<typeof lotEntrySchema>>;

const isEntryObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A lot plan's value: a merge, or a lot entry. */
const lotPlanValue = named(
  'lotPlanValue',
  (value: unknown, ctx: z.RefinementCtx): LotPlanValue => {
    if (!isEntryObject(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a lot entry ({"geography": …, "structure": …}) or {"merge": "standard"}',
      });
      return z.NEVER;
    }
    const parsed = 'merge' in value ? mergeSchema().safeParse(value) : lotEntrySchema().safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  },
  (value: unknown, reader: PlanReader) =>
    isEntryObject(value) ? reader.read('merge' in value ? 'lotMerge' : 'lotEntry', value) : undefined,
);

const lotPlanSchema = () =>
  z.partialRecord(
    z.enum(careTypes, { error: () => `must be a care type: ${careTypes.join(', ')}` }),
    // Not a z.union: a union reports only "no option matched", and the user must
    // hear which key of the lot entry is wrong (lots.standard.leadShare …).
    readsAs(z.unknown().transform(lotPlanValue), () => [lotEntrySchema(), mergeSchema()]),
  );

const someZoning = named(
  'someZoning',
  (zonings: Readonly<Record<string, string>>) => Object.keys(zonings).length > 0,
);
const fewZonings = named(
  'fewZonings',
  (zonings: Readonly<Record<string, string>>) => Object.keys(zonings).length <= jsonLimits.zonings,
);
const hasStandard = named(
  'hasStandard',
  (plan: { readonly standard?: LotPlanValue }) => plan.standard !== undefined,
);
const standardNotMerged = named(
  'standardNotMerged',
  (plan: { readonly standard?: LotPlanValue }) => plan.standard === undefined || !('merge' in plan.standard),
);

/** The `files` keys that name tables (`boundaries` names a GeoJSON file, not a table). */
export const tableFileKeys = ['areas', 'demand', 'providers', 'bids', 'current'] as const;

/** A currency as scenario.json gives it: three capitals (ISO 4217), GBP when not given. */
const currencyCode = /^[A-Z]{3}$/;
const defaultCurrency = 'GBP';

/**
 * The currency of settings not yet checked (scenario.json just parsed), for what is said while
 * the scenario is read (a table's encoding): the default when it is not a currency code, as the
 * check will then say.
 */
export function settingsCurrency(settings: unknown): string {
  const currency =
    typeof settings === 'object' && settings !== null
      ? (settings as { currency?: unknown }).currency
      : undefined;
  return typeof currency === 'string' && currencyCode.test(currency) ? currency : defaultCurrency;
}

export const scenarioJsonSchema = once(() =>
  z.object({
    name: textCell(200).pipe(z.string().min(1, 'is empty: name the scenario')),
    currency: z
      .string()
      .regex(currencyCode, { error: (issue) => currencyNotCode(issue.input) })
      .default(defaultCurrency),
    weeksPerYear: z.number().gt(0).max(53).default(52),
    period: z.union([z.string(), z.number()]).transform(String).pipe(textCell(50)),
    files: z.strictObject({
      areas: fileRef(),
      demand: fileRef(),
      providers: fileRef(),
      bids: fileRef(),
      current: fileRef().optional(),
      boundaries: fileRef().optional(),
    }),
    zonings: z
      .record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'zoning names use letters, digits, _ . -'), fileRef())
      .refine(someZoning, 'is empty: give at least one zoning, e.g. {"districts": "zones-districts.csv"}')
      .refine(fewZonings, `has more than ${jsonLimits.zonings} zonings: keep the ones you compare`),
    zoning: textCell(100).optional(),
    lots: lotPlanSchema()
      .refine(hasStandard, 'needs a "standard" entry')
      .refine(standardNotMerged, {
        path: ['standard'],
        message:
          'cannot merge into itself: give standard a lot entry, e.g. {"geography": "zone", "structure": "sole"}',
      }),
    award: awardSchema().default(awardSchema().parse({})),
    /** Where the areas must lie (default Great Britain); null switches the check off. */
    bounds: boundsSchema().nullable().optional(),
    costModel: z.record(z.string(), z.unknown()).default({}),
    scoring: z.record(z.string(), z.unknown()).default({}),
    contract: contractSchema().optional(),
    transition: transitionSchema().optional(),
    payment: paymentSchema().optional(),
  }),
);

export type ScenarioJson = z.infer<ReturnType<typeof scenarioJsonSchema>>;

/** A validated scenario.json lot entry as the model's LotPlanEntry (the schema filled the defaults). */
export function lotPlanEntry(entry: NonNullable<ScenarioJson['lots'][CareType]>): LotPlanEntry {
  return 'merge' in entry ? { kind: 'merge', into: 'standard' } : entry;
}
