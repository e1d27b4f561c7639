/**
 * The settings plans' reader (model/settings-plan.ts): scenario.json and its
 * cost model and scoring settings without building a zod schema when they
 * are plainly right.
 */
import { planReader } from './settings-plan.js';
import { settingsPlans } from './settings-plans.js';

export const settingsReader = planReader(settingsPlans);

/** The top-level keys of scenario.json, from the plan of its schema. */
export const topSettingsKeys: readonly string[] = (() => {
  const plan = settingsPlans['scenarioJson'];
  return plan?.t === 'object' ? Object.keys(plan.shape) : [];
})();
