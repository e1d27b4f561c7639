/**
 * An independent check of a designed map against the problem's rules: every
 * area in exactly one zone, every zone connected, within the floor and the
 * ceiling, and inside one parent zone. It shares no code with the algorithms
 * that build maps (only the connectivity walk), so a bug there shows here.
 */
import { isConnected, zoneMembers, type Assignment, type ZoneProblem } from './problem.js';
import { counted } from '../model/counted.js';

/** Tolerance for sums of demand (hours a week). */
const tolerance = 1e-6;

/** Every rule the map breaks, as sentences; empty when it keeps them all. */
export function mapViolations(p: ZoneProblem, assignment: Assignment): string[] {
  const problems: string[] = [];
  if (assignment.length !== p.areas.length)
    return [
      `the map has ${counted(assignment.length, 'entry', 'entries')} for ${counted(p.areas.length, 'area')}`,
    ];
  if (assignment.some((z) => !Number.isInteger(z) || z < 0)) return ['an area has no zone'];
  const zones = zoneMembers(assignment);
  if (p.count !== null && zones.length !== p.count)
    problems.push(`${counted(zones.length, 'zone')}, not ${p.count}`);
  zones.forEach((members, z) => {
    if (members === undefined || members.length === 0) {
      problems.push(`zone ${z} is empty`);
      return;
    }
    const ids = members.map((i) => p.areas[i]?.id ?? '?').join(', ');
    const demand = members.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0);
    if (demand < p.floor - tolerance)
      problems.push(`zone ${z} (${ids}) carries ${demand} h/week, below the floor ${p.floor}`);
    if (demand > p.ceiling + tolerance)
      problems.push(`zone ${z} (${ids}) carries ${demand} h/week, above the ceiling ${p.ceiling}`);
    if (!isConnected(p, members)) problems.push(`zone ${z} (${ids}) is not connected`);
    const parents = new Set(members.map((i) => p.areas[i]?.parent ?? null));
    if (parents.size > 1) problems.push(`zone ${z} (${ids}) crosses parent zones ${[...parents].join(', ')}`);
  });
  return problems;
}
