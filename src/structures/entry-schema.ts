/**
 * The zod schema of a scenario.json lot entry (`{"geography": …, "structure": …, settings…}`),
 * built from the table of structures: geography and structure first, then the
 * structure's own settings schema on its own keys. A key of another structure
 * is ignored (an override that changes the structure may leave one behind)
 * unless it switches something on (`"backup": true` on a framework), which the
 * structure could not honour; a key of no structure is an error, so a misspelt
 * setting is never silently ignored.
 */
import { z } from 'zod';
import { geographyMustBe, settingAppliesOnlyTo, structureMustBe } from '../diagnostics/messages.js';
import { lotStructures, type LotEntry, type LotStructure } from '../model/types.js';
import { structureOf } from './index.js';

const headSchema = z.object({
  geography: z.enum(['zone', 'county'], { error: geographyMustBe }),
  structure: z.enum(lotStructures as [LotStructure, ...LotStructure[]], {
    error: () => structureMustBe(lotStructures),
  }),
});

/** Structures whose settings include the key. */
const ownersOf = (key: string) => lotStructures.filter((k) => structureOf(k).keys.includes(key));

export const lotEntrySchema = z.record(z.string(), z.unknown()).transform((raw, ctx): LotEntry => {
  const head = headSchema.safeParse(raw);
  const kind = head.success ? head.data.structure : undefined;
  const own: Record<string, unknown> = {};
  const unknownKeys: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'geography' || key === 'structure') continue;
    const owners = ownersOf(key);
    if (kind !== undefined && owners.includes(kind)) own[key] = value;
    else if (owners.length === 0) unknownKeys.push(key);
    else if (value === true && kind !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: settingAppliesOnlyTo(owners),
      });
  }
  if (unknownKeys.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: unknownKeys, input: raw });
  if (!head.success) {
    for (const issue of head.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  }
  const settings = structureOf(head.data.structure).settings.safeParse(own);
  if (!settings.success) {
    for (const issue of settings.error.issues)
      ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  }
  return { kind: 'lot', ...head.data, ...settings.data } as LotEntry;
});

/** Every key a lot entry may have, in any structure (for "did you mean"). */
export const lotEntryKeys: readonly string[] = [
  ...Object.keys(headSchema.shape),
  ...new Set(lotStructures.flatMap((k) => structureOf(k).keys)),
];
