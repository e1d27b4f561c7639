/**
 * The standard option set: named whole-award lot structures a commissioner
 * chooses between (DESIGN.md section 1). Each option fixes how standard,
 * complex and reablement care are tendered; `applyOption` is a pure
 * transformation of a scenario's lot plan.
 */
import type { CareType, LotEntry, LotPlan, LotPlanEntry, Scenario } from '../model/types.js';
import { describeEntry, structureOptions } from '../structures/index.js';
import { lotPlanToJson } from './lot-plan-json.js';
import { demandWhere } from '../model/demand-table.js';

/** Omit over each member of a union (a plain Omit merges the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** How one care type is tendered in an option. */
type Treatment = LotEntry | { readonly kind: 'merge'; readonly into: 'standard' };

export interface AwardOption {
  readonly name: string;
  readonly label: string;
  readonly standard: LotEntry;
  readonly complex: Treatment;
  readonly reablement: Treatment;
}

function lot(
  geography: 'zone' | 'county',
  settings: DistributiveOmit<LotEntry, 'kind' | 'geography'>,
): LotEntry {
  return { kind: 'lot', geography, ...settings } as LotEntry;
}

const soleZone = lot('zone', { structure: 'sole', backup: false });
const soleCounty = lot('county', { structure: 'sole', backup: false });
const leadSecondary80 = lot('zone', { structure: 'lead-secondary', leadShare: 0.8 });
const merged: Treatment = { kind: 'merge', into: 'standard' };

/**
 * Providers a county-wide framework admits per care type.
 * @defaultValue 6: enough for several providers per district without a long tail.
 */
const frameworkMaxProviders = 6;

/** The standard option set, in the order the issue lists them. */
const namedOptions: readonly AwardOption[] = [
  {
    name: 'sole',
    label: 'one provider per zone',
    standard: soleZone,
    complex: soleCounty,
    reablement: soleCounty,
  },
  {
    name: 'sole-backup',
    label: 'one provider per zone, back-up framework',
    standard: lot('zone', { structure: 'sole', backup: true }),
    complex: soleCounty,
    reablement: soleCounty,
  },
  {
    name: 'lead-80-20',
    label: 'two providers per zone, 80/20',
    standard: leadSecondary80,
    complex: soleCounty,
    reablement: soleCounty,
  },
  {
    name: 'lead-50-50',
    label: 'two providers per zone, 50/50',
    standard: lot('zone', { structure: 'lead-secondary', leadShare: 0.5 }),
    complex: soleCounty,
    reablement: soleCounty,
  },
  {
    name: 'complex-per-zone',
    label: 'complex care separate per zone (80/20 standard)',
    standard: leadSecondary80,
    complex: soleZone,
    reablement: soleCounty,
  },
  {
    name: 'complex-merged',
    label: 'complex care merged into standard (80/20)',
    standard: leadSecondary80,
    complex: merged,
    reablement: soleCounty,
  },
  {
    name: 'reablement-per-zone',
    label: 'reablement per zone (80/20 standard)',
    standard: leadSecondary80,
    complex: soleCounty,
    reablement: soleZone,
  },
  {
    name: 'county-framework',
    label: 'county-wide framework, no zones',
    standard: lot('county', { structure: 'framework', maxProviders: frameworkMaxProviders, minShare: 0 }),
    complex: lot('county', { structure: 'framework', maxProviders: frameworkMaxProviders, minShare: 0 }),
    reablement: lot('county', { structure: 'framework', maxProviders: frameworkMaxProviders, minShare: 0 }),
  },
];

/**
 * Every option `--options` and batch files may name: the standard set, then
 * the options each structure adds (standard care per zone in it).
 */
export const standardOptions: readonly AwardOption[] = [
  ...namedOptions,
  ...structureOptions().map((o) => ({ ...o, complex: soleCounty, reablement: soleCounty })),
];

/** What `zonal compare` solves when no `--options` are given: the standard set. */
export const defaultOptionNames: readonly string[] = namedOptions.map((o) => o.name);

export const optionNames: readonly string[] = standardOptions.map((o) => o.name);

export function optionByName(name: string): AwardOption | undefined {
  return standardOptions.find((o) => o.name === name);
}

/** Care types with design-period demand: the only ones an option tenders. */
function careTypesInDemand(scenario: Scenario): ReadonlySet<CareType> {
  return new Set(
    demandWhere(scenario.demand, (d) => d.period === scenario.period && d.hours > 0).map((d) => d.careType),
  );
}

/**
 * The name `zonal compare` gives the scenario's own lot plan (what `zonal solve` awards), which
 * it compares beside the standard options unless it is one of them.
 */
export const ownPlanName = 'as-set';

/** Words for the scenario's own lot plan in comparison tables: as set in scenario.json, or in a workbook's scenario sheet. */
export const ownPlanLabel = (scenario: Scenario) =>
  `as set in ${scenario.places?.names.settings ?? 'scenario.json'}`;

/**
 * What a lot plan tenders, as text, for telling two plans apart: care types without design
 * demand are left out, and each entry is written as scenario.json writes it, so the order in
 * which an entry's fields were read does not matter.
 */
export function tenderedLotsKey(scenario: Scenario): string {
  const present = careTypesInDemand(scenario);
  // applyOption always tenders standard care.
  const tendered: LotPlan = Object.fromEntries(
    Object.entries(scenario.lotPlan).filter(
      ([careType]) => careType === 'standard' || present.has(careType as CareType),
    ),
  );
  return JSON.stringify(lotPlanToJson(tendered));
}

/** The scenario with its lot plan replaced by the option's (care types without demand are left out). */
export function applyOption(scenario: Scenario, option: AwardOption): Scenario {
  const present = careTypesInDemand(scenario);
  const plan: Partial<Record<CareType, LotPlanEntry>> = { standard: option.standard };
  if (present.has('complex')) plan.complex = option.complex;
  if (present.has('reablement')) plan.reablement = option.reablement;
  const lotPlan: LotPlan = plan;
  return { ...scenario, lotPlan };
}

/** True when no care type is tendered by zone, so the zoning does not change the award. */
export function ignoresZoning(scenario: Scenario): boolean {
  return Object.values(scenario.lotPlan).every(
    (entry) => entry.kind === 'merge' || entry.geography === 'county',
  );
}

/**
 * A short description of how a care type is tendered, for tables; "none" for a care type the
 * scenario does not tender (a lone "-" reached comparison.csv as "'-", the formula guard's
 * quote mark showing in Excel).
 */
export function describeTreatment(entry: LotPlanEntry | undefined): string {
  if (entry === undefined) return 'none';
  if (entry.kind === 'merge') return 'merged';
  return describeEntry(entry);
}
