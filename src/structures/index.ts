/**
 * The table of lot structures. The compiler demands an entry for every
 * LotStructure; callers ask the table (or the helpers below) what a structure
 * does and never test its name. How to add a structure: docs/structures.md.
 */
import {
  lotStructures,
  type BidRole,
  type Lot,
  type LotEntry,
  type LotRole,
  type LotStructure,
  type RoleName,
  type StructureSettings,
} from '../model/types.js';
import { framework } from './framework.js';
import { leadSecondary } from './lead-secondary.js';
import { primeSecondaries } from './prime-secondaries.js';
import { sole } from './sole.js';
import type { SettingWarning, Structure, StructureRisk } from './structure.js';

export type { Structure, StructureRisk } from './structure.js';

export const structures: { readonly [K in LotStructure]: Structure<K> } = {
  sole,
  'lead-secondary': leadSecondary,
  framework,
  'prime-secondaries': primeSecondaries,
};

/** One structure, its settings typed as any structure's (the entry or lot it is asked about carries its own). */
export const structureOf = (kind: LotStructure): Structure<LotStructure> =>
  structures[kind] as unknown as Structure<LotStructure>;

/** A lot entry's settings, for the structure's functions. */
const settingsOf = (entry: LotEntry): StructureSettings[LotStructure] => entry;

export const entryRoles = (entry: LotEntry): readonly LotRole[] =>
  structureOf(entry.structure).roles(settingsOf(entry));

export const entryPlaces = (entry: LotEntry) => structureOf(entry.structure).places(settingsOf(entry));

/** Settings of the entry that cannot all hold together (scenario.json warns of them at the key's line). */
export const entryWarnings = (careType: string, entry: LotEntry): readonly SettingWarning[] =>
  structureOf(entry.structure).warnings?.(settingsOf(entry), careType) ?? [];

export const entryBackups = (entry: LotEntry): boolean =>
  structureOf(entry.structure).backups(settingsOf(entry));

/** The entry as scenario.json writes it: geography, structure and the structure's settings. */
export const entryToJson = (entry: LotEntry): Record<string, unknown> => ({
  geography: entry.geography,
  structure: entry.structure,
  ...structureOf(entry.structure).toJson(settingsOf(entry)),
});

/** A few words for option tables: `per zone 80/20`, `county framework (max 6)`. */
export const describeEntry = (entry: LotEntry): string =>
  `${entry.geography === 'zone' ? 'per zone' : 'county'} ${structureOf(entry.structure).describe(settingsOf(entry))}`;

/** The structure and its settings for the report: `lead-secondary (lead 80%)`. */
export const labelEntry = (entry: LotEntry): string => structureOf(entry.structure).label(settingsOf(entry));

/** True when the lot's places are framework places (hours per area) rather than roles held whole. */
export const hasPlaces = (lot: Pick<Lot, 'structure'>): boolean =>
  structureOf(lot.structure).fill === 'places';

/** The roles a lot's places are filled in, each name once. */
export function filledRoles(lot: Pick<Lot, 'structure' | 'roles'>): RoleName[] {
  return hasPlaces(lot) ? ['member'] : [...new Set(lot.roles.map((r) => r.role))];
}

/** True when a bid of this `role` (bids.csv) may hold the lot role, in any structure that has it. */
export function roleAllows(bidRole: BidRole, role: RoleName): boolean {
  return Object.values(structures).some((s: Structure<LotStructure>) =>
    (s.holders[role] ?? []).includes(bidRole),
  );
}

/** The role a back-up stands in for: the lot's first (sole) role. */
export const backupRole = (lot: Pick<Lot, 'roles'>): RoleName => lot.roles[0]?.role ?? 'sole';

/** Risk components the lot's structure adds. */
export const structureRisks = (lot: Pick<Lot, 'structure'>): readonly StructureRisk[] =>
  structureOf(lot.structure).risks;

/** True when a lot entry splits its hours between several roles (several providers per lot). */
export const splitsRoles = (entry: LotEntry): boolean => entryRoles(entry).length > 1;

/**
 * Each role's rank, its best place in any structure's list, worked out once (roleRank
 * is a sort's comparator); a role no structure has comes after every listed role.
 */
const roleRanks = (() => {
  const ranks = new Map<string, number>();
  let unknown = 0;
  for (const s of Object.values(structures) as Structure<LotStructure>[])
    Object.keys(s.holders).forEach((r, i) => {
      ranks.set(r, Math.min(i, ranks.get(r) ?? i));
      unknown++;
    });
  return { ranks, unknown };
})();

/**
 * Rank of a role in a lot's list of winners: the role with the largest share
 * (sole, lead, prime) first, as each structure lists its roles.
 */
export function roleRank(role: string): number {
  return roleRanks.ranks.get(role) ?? roleRanks.unknown;
}

/** The compare options every structure adds: standard care per zone in it, as a lot entry. */
export const structureOptions = (): { name: string; label: string; standard: LotEntry }[] =>
  lotStructures.flatMap((kind) =>
    structureOf(kind).compareOptions.map((o) => ({
      name: o.name,
      label: o.label,
      standard: { kind: 'lot', geography: 'zone', structure: kind, ...o.settings } as LotEntry,
    })),
  );

/** Each structure's number settings as the workbench offers them, by structure. */
export const workbenchInputs = () =>
  Object.fromEntries(lotStructures.map((kind) => [kind, structureOf(kind).inputs]));

/** The structure in which one provider takes the whole lot, as a lot entry (rule costs compare with it). */
export const soleEntry = (geography: LotEntry['geography']): LotEntry => ({
  kind: 'lot',
  geography,
  structure: 'sole',
  backup: false,
});
