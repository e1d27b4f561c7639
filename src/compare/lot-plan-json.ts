/**
 * A lot plan in the scenario.json form and back, so a batch variant can
 * override single fields of a lot entry ("leadShare": 0.5) and the result is
 * checked by the same schema as scenario.json.
 */
import { lotPlanEntry, scenarioJsonSchema } from '../model/scenario-schema.js';
import { issueText } from '../model/issue-text.js';
import type { CareType, LotPlan, LotPlanEntry } from '../model/types.js';
import { careTypes } from '../model/types.js';
import { entryToJson } from '../structures/index.js';

export type LotPlanJson = Readonly<Partial<Record<CareType, Readonly<Record<string, unknown>>>>>;

const lotPlanJsonSchema = () => scenarioJsonSchema().shape.lots;

function treatmentToJson(entry: LotPlanEntry): Record<string, unknown> {
  if (entry.kind === 'merge') return { merge: entry.into };
  return entryToJson(entry);
}

export function lotPlanToJson(plan: LotPlan): LotPlanJson {
  const json: Partial<Record<CareType, Record<string, unknown>>> = {};
  for (const careType of careTypes) {
    const entry = plan[careType];
    if (entry !== undefined) json[careType] = treatmentToJson(entry);
  }
  return json;
}

/** The lot plan a scenario.json `lots` value means, or the schema's complaints. */
export function lotPlanFromJson(json: unknown): LotPlan | string {
  const parsed = lotPlanJsonSchema().safeParse(json);
  if (!parsed.success) return parsed.error.issues.map((i) => issueText(i, 'lots')).join('; ');
  const plan: Partial<Record<CareType, LotPlanEntry>> = {};
  for (const careType of careTypes) {
    const entry = parsed.data[careType];
    if (entry === undefined) continue;
    plan[careType] = lotPlanEntry(entry);
  }
  return plan;
}
