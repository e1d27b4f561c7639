/**
 * A lot plan in the scenario.json form and back, so a batch variant can
 * override single fields of a lot entry ("leadShare": 0.5) and the result is
 * checked by the same schema as scenario.json.
 */
import { lotPlanEntry, scenarioJsonSchema } from '../model/scenario-schema.js';
import type { CareType, LotPlan, LotPlanEntry } from '../model/types.js';
import { careTypes } from '../model/types.js';

export type LotPlanJson = Readonly<Partial<Record<CareType, Readonly<Record<string, unknown>>>>>;

const lotPlanJsonSchema = scenarioJsonSchema.shape.lots;

function entryToJson(entry: LotPlanEntry): Record<string, unknown> {
  if (entry.kind === 'merge') return { merge: entry.into };
  const json: Record<string, unknown> = { geography: entry.geography, structure: entry.structure };
  if (entry.structure === 'lead-secondary') json['leadShare'] = entry.leadShare;
  if (entry.structure === 'framework') json['maxProviders'] = entry.maxProviders;
  if (entry.minShare > 0) json['minShare'] = entry.minShare;
  if (entry.backup) json['backup'] = true;
  return json;
}

export function lotPlanToJson(plan: LotPlan): LotPlanJson {
  const json: Partial<Record<CareType, Record<string, unknown>>> = {};
  for (const careType of careTypes) {
    const entry = plan[careType];
    if (entry !== undefined) json[careType] = entryToJson(entry);
  }
  return json;
}

/** The lot plan a scenario.json `lots` value means, or the schema's complaints. */
export function lotPlanFromJson(json: unknown): LotPlan | string {
  const parsed = lotPlanJsonSchema.safeParse(json);
  if (!parsed.success)
    return parsed.error.issues.map((i) => `lots.${i.path.map(String).join('.')} ${i.message}`).join('; ');
  const plan: Partial<Record<CareType, LotPlanEntry>> = {};
  for (const careType of careTypes) {
    const entry = parsed.data[careType];
    if (entry === undefined) continue;
    plan[careType] = lotPlanEntry(entry);
  }
  return plan;
}
