/**
 * A workbench solve request: `{ zones, lots?, award? }` (DESIGN.md section 9)
 * → the scenario it asks about, or one message naming what is wrong. Pure:
 * the base scenario is never changed. `lots` and `award` are shaped like
 * scenario.json's and are applied with the batch overrides' own rules.
 */
import { z } from 'zod';
import { applyOverrides } from '../compare/overrides.js';
import { overridesSchema } from '../compare/overrides-schema.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { issueMessage } from '../model/issue-text.js';
import { idPattern } from '../model/row-schemas.js';
import type { Scenario, Zoning } from '../model/types.js';

/** The zoning name a request's zones get when they match none of the scenario's. */
const workbenchZoning = 'workbench';

export const solveBodySchema = z.strictObject({
  zones: z.record(z.string(), z.string()),
  lots: overridesSchema.shape.lots,
  award: overridesSchema.shape.award,
});

export type SolveBody = z.output<typeof solveBodySchema>;

const listed = (ids: readonly string[]) =>
  `${ids
    .slice(0, 5)
    .map((id) => `"${id}"`)
    .join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;

/**
 * The body's zod complaints as one message, in zonal's words. A field the body should not
 * have comes first and alone when a field it needs is missing: `{"assignment": …}` for
 * `{"zones": …}` is one slip, not two (zones missing is its echo).
 */
export function bodyProblem(error: z.ZodError, schema: { readonly shape: object }): string {
  const fields = Object.keys(schema.shape);
  const takes =
    fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}` : fields.join('');
  const unknown = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [],
  );
  if (unknown.length > 0)
    return unknown
      .map((key) => `the request body has no field "${key}"${didYouMean(key, fields)}: it takes ${takes}`)
      .join('; ');
  return error.issues.map(issueProblem).join('; ');
}

const zonesExample = 'e.g. {"zones": {"AREA_ID": "ZONE_ID", …}}';

function issueProblem(i: z.core.$ZodIssue): string {
  const where = i.path.length === 0 ? 'the request body' : i.path.map(String).join('.');
  if (i.path[0] !== 'zones' || i.code !== 'invalid_type') return `${where}: ${issueMessage(i)}`;
  if (i.path.length > 1) return `${where}: a zone id is text, such as "Z-NORTH"`;
  return /received undefined/.test(i.message)
    ? `zones is missing: give every area its zone, ${zonesExample}`
    : `zones: give an object from area id to zone id, ${zonesExample}`;
}

/** `zones` as a zoning of every area of the scenario, or what is wrong with it. */
export function zoningFrom(scenario: Scenario, zones: Readonly<Record<string, string>>): Zoning | string {
  const areaIds = new Set(scenario.areas.map((a) => a.id));
  const unknown = Object.keys(zones).filter((id) => !areaIds.has(id));
  if (unknown.length > 0)
    return `zones names unknown area(s) ${listed(unknown)}: use area ids from ${scenario.places?.names.areas ?? 'areas.csv'}`;
  const missing = scenario.areas.map((a) => a.id).filter((id) => zones[id] === undefined);
  if (missing.length > 0) return `zones leaves out area(s) ${listed(missing)}: give every area a zone`;
  const zoneIds = [...new Set(Object.values(zones))];
  const badIds = zoneIds.filter((z) => !idPattern.test(z));
  if (badIds.length > 0)
    return `zone id(s) ${listed(badIds)} are not ids: use only letters, digits, _ . and -`;
  const areaNamed = zoneIds.filter((z) => areaIds.has(z) || z === 'county');
  if (areaNamed.length > 0)
    return `zone id(s) ${listed(areaNamed)} clash with an area id or the reserved "county": rename the zone`;
  return new Map(scenario.areas.map((a) => [a.id, zones[a.id] ?? '']));
}

const sameZoning = (a: Zoning, b: Zoning) =>
  a.size === b.size && [...a].every(([area, zone]) => b.get(area) === zone);

/** The name of the scenario's zoning equal to `zoning`: so the starting award says "districts". */
export function zoningName(scenario: Scenario, zoning: Zoning): string | undefined {
  return [...scenario.zonings].find(([, z]) => sameZoning(z, zoning))?.[0];
}

/** The scenario a request asks to solve, or why it cannot be solved. */
export function requestScenario(base: Scenario, body: SolveBody): Scenario | string {
  const zoning = zoningFrom(base, body.zones);
  if (typeof zoning === 'string') return zoning;
  const named = zoningName(base, zoning);
  const withZoning: Scenario =
    named !== undefined
      ? { ...base, zoning: named }
      : { ...base, zonings: new Map([...base.zonings, [workbenchZoning, zoning]]), zoning: workbenchZoning };
  return applyOverrides(withZoning, {
    ...(body.lots === undefined ? {} : { lots: body.lots }),
    ...(body.award === undefined ? {} : { award: body.award }),
  });
}
