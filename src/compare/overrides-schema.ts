/**
 * What a batch variant may override, as a zod schema: the batch file's own check of
 * every variant (batch-file.ts), the queue's and the server's. Kept apart from
 * `applyOverrides` (overrides.ts), which a batch worker runs for every variant: the
 * schemas here are built when this module loads, and a worker that never checks a
 * batch file need not load zod at all (docs/performance.md, session 20).
 */
import { z } from 'zod';
import {
  gridKeyUnknown,
  lotOverrideFields,
  overrideIsAwardRule,
  settingUnknownKey as unknownKey,
} from '../diagnostics/messages.js';
import { closestName, didYouMean } from '../diagnostics/did-you-mean.js';
import { awardSchema } from '../model/scenario-schema.js';
import { issueMessage, withKnownKeys } from '../model/issue-text.js';
import { costModelSchema, scoringSchema } from '../model/scoring-settings.js';
import { careTypes } from '../model/types.js';
import { lotEntryKeys } from '../structures/entry-schema.js';
import { optionNames } from './options.js';

const looseRecord = z.record(z.string(), z.unknown());

/**
 * Overrides of scenario.json settings (award, costModel, scoring), checked field by field
 * with its own schemas, so a misspelt key is refused with the batch file, at its own place
 * and with the key probably meant, not in every variant's row.
 */
const settingsOverrideSchema = (schema: () => z.ZodType) =>
  looseRecord.superRefine((value, ctx) => {
    // Each issue with its value, so a number typed "30,00" is told its decimal comma (issueMessage).
    for (const issue of schema().safeParse(value, { reportInput: true }).error?.issues ?? [])
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys)
          ctx.addIssue({
            code: 'unrecognized_keys',
            keys: [key],
            path: issue.path,
            message: issueMessage(withKnownKeys(schema(), { ...issue, keys: [key] })),
          });
      else ctx.addIssue({ code: 'custom', path: issue.path, message: issueMessage(issue) });
  });

const lotOverrideSchema = z.union(
  [
    z.strictObject({ merge: z.literal('standard') }),
    // Field by field: the merged entry is checked whole by scenario.json's own lot schema.
    z.record(z.string(), z.unknown()).superRefine((fields, ctx) => {
      for (const key of Object.keys(fields))
        if (!lotEntryKeys.includes(key))
          ctx.addIssue({ code: 'unrecognized_keys', keys: [key], message: unknownKey(key, lotEntryKeys) });
    }),
  ],
  {
    error: () => lotOverrideFields(lotEntryKeys),
  },
);

const overrideShape = {
  name: z.string().min(1, 'is blank: give the variant a name, or leave "name" out').optional(),
  option: z
    .enum(optionNames as [string, ...string[]], {
      error: (issue) =>
        `must be one of ${optionNames.join(', ')}${typeof issue.input === 'string' ? didYouMean(issue.input, optionNames) : ''}`,
    })
    .optional(),
  zoning: z
    .string()
    .min(1, "is blank: give the name of one of the scenario's zonings, or leave the value out")
    .optional(),
  period: z.union([z.string(), z.number()]).transform(String).optional(),
  weeksPerYear: z.number().gt(0).max(53).optional(),
  lots: z.partialRecord(z.enum(careTypes), lotOverrideSchema).optional(),
  award: settingsOverrideSchema(awardSchema).optional(),
  costModel: settingsOverrideSchema(costModelSchema).optional(),
  scoring: settingsOverrideSchema(scoringSchema).optional(),
  demandMultiplier: z
    .number()
    .gt(0, 'must be more than 0 (1 means the scenario demand, 1.1 is 10% more)')
    .max(100, 'must be at most 100')
    .optional(),
  priceChanges: z
    .record(
      z.string(),
      z.number().gt(0, 'must be a factor above 0 (1.05 is a 5% rise)').max(100, 'must be at most 100'),
    )
    .optional(),
};

/** What an override can change: its names, the first part of every grid key and dotted override. */
export const overrideNames: ReadonlySet<string> = new Set(Object.keys(overrideShape));

const awardKeys = () => Object.keys(awardSchema().shape);

/** An unknown key at the top of the overrides: an award rule written outside "award", or a key to correct. */
const unknownOverrideKey = (key: string) =>
  awardKeys().includes(key) ? overrideIsAwardRule(key) : unknownKey(key, Object.keys(overrideShape));

export const overridesSchema = z.strictObject(overrideShape, {
  error: (issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map(unknownOverrideKey).join('; ') : undefined,
});

/**
 * What is wrong with a grid key (a dotted path: `zoning`, `award.maxShareOfTotalHours`)
 * that can be told from the key alone, or null: the first part must be an override,
 * and the part after `award.` an award rule. A key misspelt deeper in
 * (`lots.standard.leadShar`, `costModel.wagePerHr`) is found with the values and told once.
 */
export function gridKeyProblem(path: string): string | null {
  const [top = '', next] = path.split('.');
  if (!(top in overrideShape))
    return gridKeyUnknown(
      path,
      'an override',
      awardKeys().includes(top)
        ? `award.${top}`
        : closestName(path, [...Object.keys(overrideShape), ...awardKeys().map((k) => `award.${k}`)]),
    );
  if (top === 'award' && next !== undefined && !awardKeys().includes(next)) {
    // The key to write in its place, whole: "award.maxShareOfTotalHours", not the rule alone.
    const rule = closestName(next, awardKeys());
    return gridKeyUnknown(path, 'an award rule', rule === null ? null : `award.${rule}`);
  }
  return null;
}

export type Overrides = z.output<typeof overridesSchema>;
