/**
 * The cap on moved hours (`transition.maxMovedShare`) as a rule that rule
 * costs can relax and the diagnosis can move (the rows are in transition.ts).
 */
import type { Scenario } from '../model/types.js';

const percent = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')}%`;

export const withMovedCap = (s: Scenario, share: number): Scenario =>
  s.transition === undefined ? s : { ...s, transition: { ...s.transition, maxMovedShare: share } };

export function withoutMovedCap(s: Scenario): Scenario {
  if (s.transition === undefined) return s;
  const { maxMovedShare: _dropped, ...rest } = s.transition;
  return { ...s, transition: rest };
}

export function movedCapText(s: Scenario): string {
  const cap = s.transition?.maxMovedShare;
  return cap === undefined
    ? "no cap on today's hours that change provider"
    : `at most ${percent(cap)} of today's hours change provider`;
}

/** Caps to try when the award is infeasible, nearest first: 20 even steps up to 100%. */
export function movedCapSteps(s: Scenario): number[] {
  const cap = s.transition?.maxMovedShare;
  if (cap === undefined || cap >= 1) return [];
  return Array.from({ length: 20 }, (_, i) => Math.round((cap + ((i + 1) * (1 - cap)) / 20) * 1e6) / 1e6);
}

export function movedCapMove(s: Scenario, allowsAt: number | null): string {
  return `${movedCapText(s)}: an award is possible from ${percent(allowsAt ?? 1)}; raise transition.maxMovedShare to ${allowsAt ?? 1}`;
}
