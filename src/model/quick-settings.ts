/**
 * The settings plans' reader (model/settings-plan.ts): scenario.json and its
 * cost model and scoring settings without building a zod schema when they
 * are plainly right.
 */
import type { z } from 'zod';
import { once } from './once.js';
import { planReader, type Plan } from './settings-plan.js';
import { settingsPlans } from './settings-plans.js';

export const settingsReader = planReader(settingsPlans);

/**
 * `schema`'s reading of `value`, as its safeParse gives it (each issue with its value, so that a
 * number typed "30,00" is told its decimal comma: model/issue-text.ts), read by the plan named
 * `plan` when the plan can: a plainly right value builds no zod schema.
 */
export function parseSettings<S extends z.ZodType>(
  plan: string,
  schema: () => S,
  value: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  const quick = settingsReader.read(plan, value);
  return quick === undefined
    ? schema().safeParse(value, { reportInput: true })
    : { success: true, data: quick.value as z.output<S> };
}

/** The keys of the object plan `name`; a plan file without it must be generated again. */
export function objectPlanKeys(plans: Readonly<Record<string, Plan>>, name: string): readonly string[] {
  const plan = plans[name];
  if (plan?.t !== 'object')
    throw new Error(`settings-plans.ts has no object plan "${name}": run node scripts/settings-plans.mjs`);
  return Object.keys(plan.shape);
}

/**
 * The top-level keys of scenario.json, from the plan of its schema. Worked out on
 * first use, not on load: scripts/settings-plans.mjs loads this module to regenerate
 * the plans, and must run whatever the file it replaces holds.
 */
export const topSettingsKeys = once(() => objectPlanKeys(settingsPlans, 'scenarioJson'));
