/**
 * The settings schemas read by plans (model/settings-plan.ts), by the names
 * the plans go by: scripts/settings-plans.mjs writes their plans to
 * model/settings-plans.ts, and test/model/settings-plan.test.ts checks that
 * file against them. Builds every schema: for those two only, never when zonal runs.
 */
import type { z } from 'zod';
import { lotStructures } from './types.js';
import { costModelSchema, scoringSchema } from './scoring-settings.js';
import { awardSchema, mergeSchema, scenarioJsonSchema } from './scenario-schema.js';
import { headSchema, lotEntrySchema } from '../structures/entry-schema.js';
import { structureOf } from '../structures/index.js';

export function settingsSchemas(): Record<string, z.ZodType> {
  return {
    scenarioJson: scenarioJsonSchema(),
    award: awardSchema(),
    costModel: costModelSchema(),
    scoring: scoringSchema(),
    lotMerge: mergeSchema(),
    lotEntry: lotEntrySchema(),
    lotEntryHead: headSchema(),
    ...Object.fromEntries(lotStructures.map((k) => [`settings:${k}`, structureOf(k).settings()])),
  };
}
