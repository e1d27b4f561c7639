/**
 * Proposals as zonings of the scenario (pure): names (`designed`,
 * `designed-2`, …), zone ids, file names, zone rows and file text, and the
 * scenario with them added so `compare` can solve them beside its own maps.
 */
import type { Scenario, Zoning } from '../model/types.js';
import { designedZoneIds, zoneRows, zoningCsv, type ZoneRow } from './describe.js';
import type { Proposal } from './design.js';
import type { ZoneProblem } from './problem.js';

export interface NamedProposal {
  readonly name: string;
  readonly file: string;
  readonly proposal: Proposal;
  readonly rows: readonly ZoneRow[];
  readonly csv: string;
  readonly zoning: Zoning;
}

const idPattern = /^[A-Za-z0-9_.-]+$/;

const namesFor = (name: string, alternatives: number) =>
  Array.from({ length: alternatives }, (_, k) => (k === 0 ? name : `${name}-${k + 1}`));

/** The default name: `designed`, or `designed2`, `designed3`, … when the scenario already has it. */
export function freeName(scenario: Scenario, alternatives: number): string {
  for (let k = 1; ; k++) {
    const name = k === 1 ? 'designed' : `designed${k}`;
    if (namesFor(name, alternatives).every((n) => !scenario.zonings.has(n))) return name;
  }
}

/** Why a --name cannot be used, or null. */
export function badName(name: string, scenario: Scenario, alternatives: number): string | null {
  if (!idPattern.test(name))
    return `--name "${name}": use only letters, digits and _ . - (it becomes the zoning's name and part of its zone ids)`;
  const taken = namesFor(name, alternatives).find((n) => scenario.zonings.has(n));
  return taken === undefined
    ? null
    : `--name: the scenario already has a zoning "${taken}": choose another --name`;
}

/** The name of the `k`-th (0-based) of the maps designed under `baseName`. */
export const proposalName = (baseName: string, k: number): string =>
  k === 0 ? baseName : `${baseName}-${k + 1}`;

/** The zone file a designed map is written to. */
export const zoneFileOf = (name: string): string => `zones-${name}.csv`;

/** Zone ids (any zoning) → their sorted areas, and area ids: what a new zone id must not clash with. */
function takenIds(scenario: Scenario): { zones: Map<string, string>; areas: Set<string> } {
  const zones = new Map<string, string[]>();
  for (const zoning of scenario.zonings.values())
    for (const [area, zone] of zoning) zones.set(zone, [...(zones.get(zone) ?? []), area]);
  return {
    zones: new Map([...zones].map(([z, a]) => [z, [...new Set(a)].sort().join(',')])),
    areas: new Set(scenario.areas.map((a) => a.id)),
  };
}

export function nameProposals(
  scenario: Scenario,
  p: ZoneProblem,
  proposals: readonly Proposal[],
  baseName: string,
): NamedProposal[] | string {
  const taken = takenIds(scenario);
  const named: NamedProposal[] = [];
  for (const [k, proposal] of proposals.entries()) {
    const name = proposalName(baseName, k);
    const zoneIds = designedZoneIds(name, proposal.zoneCount);
    const rows = zoneRows(p, proposal.assignment, zoneIds);
    const clash = rows.find(
      (r) =>
        taken.areas.has(r.zoneId) ||
        (taken.zones.has(r.zoneId) && taken.zones.get(r.zoneId) !== [...r.areaIds].sort().join(',')),
    );
    if (clash !== undefined)
      return `zone id "${clash.zoneId}" is already used in the scenario for other areas: choose another --name`;
    const zoning = new Map(p.areas.map((a, i) => [a.id, zoneIds[proposal.assignment[i] ?? 0] ?? '']));
    named.push({
      name,
      file: zoneFileOf(name),
      proposal,
      rows,
      csv: zoningCsv(p, proposal.assignment, zoneIds),
      zoning,
    });
  }
  return named;
}

export function withProposals(scenario: Scenario, named: readonly NamedProposal[]): Scenario {
  return {
    ...scenario,
    zonings: new Map([...scenario.zonings, ...named.map((n): [string, Zoning] => [n.name, n.zoning])]),
  };
}
