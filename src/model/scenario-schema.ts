/**
 * zod schema of scenario.json (DESIGN.md section 3), with the documented
 * defaults filled in. Unknown keys in `award` and lot entries are errors, so a
 * misspelt rule is never silently ignored.
 */
import { z } from 'zod';
import { textCell } from './row-schemas.js';
import { boundsSchema } from './geography.js';
import { contractSchema, paymentSchema, transitionSchema } from '../contract/settings.js';
import { careTypes, type CareType, type LotPlanEntry } from './types.js';

const fileRef = textCell(255).pipe(
  z.string().min(1, 'is empty: give a file name inside the scenario folder'),
);

/** Largest counts and penalties (docs/hardening.md, "Limits"). */
export const jsonLimits = {
  unmetPenaltyPerHour: 1_000_000,
  providers: 100_000,
  lots: 100_000,
  frameworkProviders: 1_000,
  zonings: 100,
} as const;

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

/** "80%" (text, as a spreadsheet or a person writes it) is the share 0.8. */
function percentText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$/.exec(value);
  return m === null ? value : Number(m[1]) / 100;
}

/** A share (0.8, or "80%"); anything else is told to give one. */
const share = (schema: z.ZodNumber) => z.preprocess(percentText, schema);

const weight = share(z.number().min(0, 'must be at least 0').max(1, 'must be at most 1'));

export const awardSchema = z.strictObject({
  objective: z
    .enum(['cost', 'meat', 'whole-life'], { error: () => 'must be "cost", "meat" or "whole-life"' })
    .default(defaultAward.objective),
  qualityWeight: weight.default(defaultAward.qualityWeight),
  priceWeight: weight.default(defaultAward.priceWeight),
  minQuality: z.number().min(0).max(100).default(defaultAward.minQuality),
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
    .min(0)
    .max(jsonLimits.providers, `must be at most ${jsonLimits.providers}`)
    .default(0),
  unmetPenaltyPerHour: z
    .number()
    .gt(0, 'must be more than 0')
    .max(jsonLimits.unmetPenaltyPerHour, `must be at most ${jsonLimits.unmetPenaltyPerHour} (£ per hour)`)
    .default(defaultAward.unmetPenaltyPerHour),
  rejectBelowLegalPay: z.boolean().default(defaultAward.rejectBelowLegalPay),
  spotPricePerHour: z
    .number()
    .gt(0, 'must be more than 0')
    .max(1000, 'must be at most 1000 (£ per hour)')
    .default(defaultAward.spotPricePerHour),
  maxAnnualBudget: z
    .number({ error: () => 'must be a number of pounds a year, or null for no cap' })
    .gt(0, 'must be more than 0 (£ a year), or null for no cap')
    .max(1e11, 'must be at most 100,000,000,000 (£ a year)')
    .nullable()
    .default(null),
});

export const lotEntrySchema = z
  .strictObject({
    geography: z.enum(['zone', 'county'], { error: () => 'must be "zone" or "county"' }),
    structure: z.enum(['sole', 'lead-secondary', 'framework'], {
      error: () => 'must be "sole", "lead-secondary" or "framework"',
    }),
    leadShare: share(z.number()).optional(),
    maxProviders: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(jsonLimits.frameworkProviders, `must be at most ${jsonLimits.frameworkProviders}`)
      .optional(),
    minShare: share(z.number().min(0, 'must be at least 0').lt(1, 'must be less than 1')).optional(),
    backup: z.boolean().optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.structure === 'lead-secondary') {
      const s = entry.leadShare;
      if (s === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['leadShare'],
          message: 'is missing: lead-secondary needs leadShare, e.g. 0.8 for 80/20 or 0.5 for an even split',
        });
      else if (!(s >= 0.5 && s < 1))
        ctx.addIssue({
          code: 'custom',
          path: ['leadShare'],
          message: `is ${s}: it must be at least 0.5 and less than 1 (0.8 means 80/20)`,
        });
    }
    if (entry.structure === 'framework' && entry.maxProviders === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxProviders'],
        message: 'is missing: a framework needs maxProviders, e.g. 4',
      });
    }
    if (entry.backup === true && entry.structure !== 'sole') {
      ctx.addIssue({ code: 'custom', path: ['backup'], message: 'applies only to "sole" lots' });
    }
  });

const mergeSchema = z.strictObject({
  merge: z.literal('standard', { error: () => 'can only be "standard"' }),
});

const lotPlanSchema = z.partialRecord(
  z.enum(careTypes, { error: () => `must be a care type: ${careTypes.join(', ')}` }),
  // Not a z.union: a union reports only "no option matched", and the user must
  // hear which key of the lot entry is wrong (lots.standard.leadShare …).
  z.unknown().transform((value, ctx): z.output<typeof mergeSchema> | z.output<typeof lotEntrySchema> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a lot entry ({"geography": …, "structure": …}) or {"merge": "standard"}',
      });
      return z.NEVER;
    }
    const parsed = 'merge' in value ? mergeSchema.safeParse(value) : lotEntrySchema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  }),
);

export const scenarioJsonSchema = z.object({
  name: textCell(200).pipe(z.string().min(1, 'is empty: name the scenario')),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as GBP')
    .default('GBP'),
  weeksPerYear: z.number().gt(0).max(53).default(52),
  period: z.union([z.string(), z.number()]).transform(String).pipe(textCell(50)),
  files: z.strictObject({
    areas: fileRef,
    demand: fileRef,
    providers: fileRef,
    bids: fileRef,
    current: fileRef.optional(),
    boundaries: fileRef.optional(),
  }),
  zonings: z
    .record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'zoning names use letters, digits, _ . -'), fileRef)
    .refine(
      (z) => Object.keys(z).length > 0,
      'is empty: give at least one zoning, e.g. {"districts": "zones-districts.csv"}',
    )
    .refine(
      (z) => Object.keys(z).length <= jsonLimits.zonings,
      `has more than ${jsonLimits.zonings} zonings: keep the ones you compare`,
    ),
  zoning: textCell(100).optional(),
  lots: lotPlanSchema
    .refine((plan) => plan.standard !== undefined, 'needs a "standard" entry')
    .refine((plan) => plan.standard === undefined || !('merge' in plan.standard), {
      path: ['standard'],
      message:
        'cannot merge into itself: give standard a lot entry, e.g. {"geography": "zone", "structure": "sole"}',
    }),
  award: awardSchema.default(awardSchema.parse({})),
  /** Where the areas must lie (default Great Britain); null switches the check off. */
  bounds: boundsSchema.nullable().optional(),
  costModel: z.record(z.string(), z.unknown()).default({}),
  scoring: z.record(z.string(), z.unknown()).default({}),
  contract: contractSchema.optional(),
  transition: transitionSchema.optional(),
  payment: paymentSchema.optional(),
});

export type ScenarioJson = z.infer<typeof scenarioJsonSchema>;

/** A validated scenario.json lot entry as the model's LotPlanEntry, defaults filled. */
export function lotPlanEntry(entry: NonNullable<ScenarioJson['lots'][CareType]>): LotPlanEntry {
  if ('merge' in entry) return { kind: 'merge', into: 'standard' };
  return {
    kind: 'lot',
    geography: entry.geography,
    structure: entry.structure,
    leadShare: entry.structure === 'lead-secondary' ? (entry.leadShare ?? 0.8) : 1,
    maxProviders: entry.structure === 'framework' ? (entry.maxProviders ?? 1) : 1,
    minShare: entry.minShare ?? 0,
    backup: entry.backup ?? false,
  };
}
