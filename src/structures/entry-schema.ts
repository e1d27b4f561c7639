/**
 * The zod schema of a scenario.json lot entry (`{"geography": …, "structure": …, settings…}`),
 * built from the table of structures: geography and structure first, then the
 * structure's own settings schema on its own keys. A key of another structure
 * is ignored (an override that changes the structure may leave one behind)
 * unless it switches something on (`"backup": true` on a framework), which the
 * structure could not honour; a key of no structure is an error, so a misspelt
 * setting is never silently ignored (scenario.json and workbooks warn of another
 * structure's key left on a lot: `ignoredLotSettings`). Built on first use; a plainly right entry
 * is read by its plan instead (model/settings-plan.ts, `lotEntryQuick`).
 */
import { z } from 'zod';
import {
  geographyMustBe,
  settingAppliesOnlyTo,
  settingUnderAnotherName,
  structureMustBe,
} from '../diagnostics/messages.js';
import { closestName } from '../diagnostics/did-you-mean.js';
import { once } from '../model/once.js';
import { named, type PlanReader } from '../model/plan-functions.js';
import { readsAs } from '../model/schema-keys.js';
import { lotStructures, type LotEntry, type LotStructure } from '../model/types.js';
import { structureOf } from './index.js';

export const headSchema = once(() =>
  z.object({
    geography: z.enum(['zone', 'county'], { error: geographyMustBe }),
    structure: z.enum(lotStructures as [LotStructure, ...LotStructure[]], {
      error: (issue) =>
        structureMustBe(
          lotStructures,
          issue.input,
          typeof issue.input === 'string' ? closestName(issue.input, lotStructures) : null,
        ),
    }),
  }),
);

/** The keys of every lot entry, whatever its structure: those of `headSchema`, every one (the record's type checks both ways). */
const headKeys: readonly string[] = Object.keys({ geography: true, structure: true } satisfies Record<
  keyof z.output<ReturnType<typeof headSchema>>,
  true
>);

/** Structures whose settings include the key. */
const ownersOf = (key: string) => lotStructures.filter((k) => structureOf(k).keys.includes(key));

/**
 * A lot entry's keys besides geography and structure: the settings of its
 * structure (`kind`, if known), the keys of no structure, and the keys of
 * other structures that switch something on (each with the structures it belongs to).
 */
function sortKeys(raw: Readonly<Record<string, unknown>>, kind: LotStructure | undefined) {
  const own: Record<string, unknown> = {};
  const unknownKeys: string[] = [];
  const misplaced: { key: string; owners: LotStructure[] }[] = [];
  const ignored: { key: string; owners: LotStructure[] }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (headKeys.includes(key)) continue;
    const owners = ownersOf(key);
    if (kind !== undefined && owners.includes(kind)) own[key] = value;
    else if (owners.length === 0) unknownKeys.push(key);
    else if (value === true && kind !== undefined) misplaced.push({ key, owners });
    else if (value !== false && kind !== undefined) ignored.push({ key, owners });
  }
  return { own, unknownKeys, misplaced, ignored };
}

/**
 * The settings of other structures in a lot entry, which its own structure ignores
 * (`"leadShare": 0.8` on a sole lot: the lot is still awarded whole to one provider),
 * each with the structures it belongs to; none when the structure is not known.
 */
export function ignoredLotSettings(
  raw: unknown,
): { key: string; owners: LotStructure[]; structure: LotStructure }[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  // A plain read, not headSchema: this runs on every valid scenario, which `zonal validate` reads without zod.
  const structure = (raw as Record<string, unknown>)['structure'];
  if (!lotStructures.some((s) => s === structure)) return [];
  const known = structure as LotStructure;
  return sortKeys(raw as Record<string, unknown>, known).ignored.map((i) => ({ ...i, structure: known }));
}

/** A plainly right lot entry, read by the plans of its head and of its structure's settings. */
function lotEntryQuick(raw: unknown, reader: PlanReader): { readonly value: unknown } | undefined {
  const head = reader.read('lotEntryHead', raw);
  if (head === undefined) return undefined;
  const { geography, structure } = head.value as z.output<ReturnType<typeof headSchema>>;
  const { own, unknownKeys, misplaced } = sortKeys(raw as Record<string, unknown>, structure);
  if (unknownKeys.length > 0 || misplaced.length > 0) return undefined;
  const settings = reader.read(`settings:${structure}`, own);
  return settings === undefined
    ? undefined
    : { value: { kind: 'lot', geography, structure, ...(settings.value as object) } };
}

const lotEntryOf = named(
  'lotEntry',
  (raw: Record<string, unknown>, ctx: z.RefinementCtx): LotEntry => {
    const head = headSchema().safeParse(raw);
    const kind = head.success ? head.data.structure : undefined;
    const { own, unknownKeys, misplaced } = sortKeys(raw, kind);
    for (const { key, owners } of misplaced)
      ctx.addIssue({ code: 'custom', path: [key], message: settingAppliesOnlyTo(owners) });
    const addUnknown = (keys: readonly string[]) => {
      if (keys.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: [...keys], input: raw });
    };
    if (!head.success) {
      addUnknown(unknownKeys);
      for (const issue of head.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    }
    const structure = structureOf(head.data.structure);
    const settings = structure.settings().safeParse(own);
    if (settings.success) {
      addUnknown(unknownKeys);
      return { kind: 'lot', ...head.data, ...settings.data } as LotEntry;
    }
    // A setting the structure needs, misspelt ("leadshare"), is one mistake: its unknown key,
    // told with the key meant, not also that setting missing.
    const meant = new Set(unknownKeys.map((key) => closestName(key, structure.keys)));
    const missing = settings.error.issues.filter((issue) => {
      const key = issue.path[0];
      return issue.path.length === 1 && typeof key === 'string' && own[key] === undefined && !meant.has(key);
    });
    // So is one given under another name ("places" for maxProviders): the one unknown key
    // close to no setting, beside the one setting missing, is told as that setting's name.
    // …and whose value the setting takes ("notes": "call Anne" is no maxProviders; review17b).
    const unmeant = unknownKeys.filter((key) => closestName(key, structure.keys) === null);
    const [candidate] = missing.length === 1 && unmeant.length === 1 ? missing : [];
    // A number, or one written as text ("3", from a spreadsheet), is of a number setting's kind
    // even where out of its range, which its own message then tells (review17c).
    const numberLike = (value: unknown) =>
      typeof value === 'number' || (typeof value === 'string' && /^\s*[+-]?[\d.,]+\s*%?\s*$/u.test(value));
    const takes = (setting: PropertyKey, key: string) =>
      numberLike(raw[key]) ||
      structure
        .settings()
        .safeParse({ ...own, [setting]: raw[key] })
        .error?.issues.some((issue) => issue.path[0] === setting) !== true;
    const lone =
      candidate !== undefined && takes(candidate.path[0] ?? '', unmeant[0] ?? '') ? candidate : undefined;
    const renamed = lone === undefined ? undefined : unmeant[0];
    addUnknown(unknownKeys.filter((key) => key !== renamed));
    if (lone !== undefined && renamed !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [renamed],
        message: settingUnderAnotherName(renamed, String(lone.path[0]), lone.message),
      });
    for (const issue of settings.error.issues) {
      const key = issue.path[0];
      if (issue === lone || (typeof key === 'string' && meant.has(key) && own[key] === undefined)) continue;
      ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
    }
    return z.NEVER;
  },
  lotEntryQuick,
);

export const lotEntrySchema = once(() =>
  // Checked by its head's schema and its structure's, which lotEntryOf picks: for "did you mean".
  readsAs(z.record(z.string(), z.unknown()).transform(lotEntryOf), () => [
    headSchema(),
    ...lotStructures.map((kind) => structureOf(kind).settings()),
  ]),
);

/** Every key a lot entry may have, in any structure (for "did you mean"). */
export const lotEntryKeys: readonly string[] = [
  ...headKeys,
  ...new Set(lotStructures.flatMap((k) => structureOf(k).keys)),
];
