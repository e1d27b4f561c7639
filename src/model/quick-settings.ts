/**
 * The settings plans' reader (model/settings-plan.ts): scenario.json and its
 * cost model and scoring settings without building a zod schema when they
 * are plainly right.
 */
import { once } from './once.js';
import { planReader, type Plan } from './settings-plan.js';
import { settingsPlans } from './settings-plans.js';

export const settingsReader = planReader(settingsPlans);

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
