/**
 * The verifier's own table of lot structures: what each structure allows,
 * written from the rules in DESIGN.md (sections 3-4 and the contract
 * additions), sharing no code with src/structures on purpose, so a mistake
 * in the builder's structure cannot hide here. The compiler demands an entry
 * for every structure.
 */
import type { LotEntry, LotEntryOf, LotStructure } from '../model/types.js';

/** How a lot of some structure may be held, as the verifier reads the rules. */
export interface LotRules {
  /** Roles held whole by one provider each: share of the lot's hours and how many such roles; empty for a framework. */
  readonly roles: ReadonlyMap<string, { readonly share: number; readonly count: number }>;
  /** Framework places (members serve hours per area they cover), or null when the lot has none. */
  readonly places: { readonly maxProviders: number; readonly minShare: number } | null;
  /** True when the award may name back-ups (no guaranteed hours) for the lot. */
  readonly backups: boolean;
}

const leadRoles = ['any', 'lead'];

/** Bid roles (bids.csv) that may take each lot role; a back-up stands in for a sole provider. */
export const bidMayTake: Readonly<Record<string, readonly string[]>> = {
  sole: leadRoles,
  lead: leadRoles,
  secondary: ['any', 'secondary'],
  prime: leadRoles,
  member: leadRoles,
  backup: leadRoles,
};

const rolesOf = (...roles: [string, number, number][]) =>
  new Map(roles.map(([role, share, count]) => [role, { share, count }]));

const structureRules: { readonly [K in LotStructure]: (entry: LotEntryOf<K>) => LotRules } = {
  sole: (e) => ({ roles: rolesOf(['sole', 1, 1]), places: null, backups: e.backup }),
  'lead-secondary': (e) => ({
    roles: rolesOf(['lead', e.leadShare, 1], ['secondary', 1 - e.leadShare, 1]),
    places: null,
    backups: false,
  }),
  'prime-secondaries': (e) => ({
    roles: rolesOf(
      ['prime', e.primeShare, 1],
      ['secondary', (1 - e.primeShare) / e.secondaries, e.secondaries],
    ),
    places: null,
    backups: false,
  }),
  framework: (e) => ({
    roles: new Map(),
    places: { maxProviders: e.maxProviders, minShare: e.minShare },
    backups: false,
  }),
};

export function lotRules(entry: LotEntry): LotRules {
  return (structureRules[entry.structure] as (e: LotEntry) => LotRules)(entry);
}
