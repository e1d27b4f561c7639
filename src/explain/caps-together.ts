/**
 * Caps that stop the same better bids together: relaxing one of them alone changes nothing, as
 * the other still keeps those bids out, so its rule cost alone would read "does not bind" beside
 * a lot's "why" naming it. Such a cap's cost says so, and what relaxing them together does (one
 * more re-solve for each set of caps). Until 2026-12-02 a county capped at one lot and 55% a
 * provider read `better bids stopped by: lots-cap, share-cap` above two rule costs saying neither
 * binds, when relaxing both saves £22k a year.
 */
import { capAloneChangesNothing } from '../diagnostics/messages.js';
import type { RuleCost, RuleName } from './types.js';
import type { LotExplanation } from '../model/explanation.js';
import type { Relaxation } from './relaxations.js';
import { capsTogether } from './stopped-by.js';
import { effectOf as noteEffect } from './relaxation-cost.js';
import { idsListed } from './explain-lot.js';

/** Caps that stop some better bid together, and the lots where they do. */
export interface CapsTogether {
  readonly rules: readonly RuleName[];
  readonly lotIds: readonly string[];
}

/** Each set of caps that stops a better bid together in some lot, by the lots' explanations. */
export function capsStoppingTogether(
  explanations: ReadonlyMap<string, LotExplanation> | undefined,
): CapsTogether[] {
  const found = new Map<string, { rules: RuleName[]; lotIds: Set<string> }>();
  for (const [lotId, explanation] of explanations ?? [])
    for (const { rules } of explanation.roles.flatMap((r) => r.betterBidsStopped)) {
      const together = capsTogether(rules);
      if (together.length === 0) continue;
      const key = together.join('+');
      const entry = found.get(key) ?? { rules: together, lotIds: new Set<string>() };
      entry.lotIds.add(lotId);
      found.set(key, entry);
    }
  return [...found.values()].map(({ rules, lotIds }) => ({ rules, lotIds: [...lotIds].sort() }));
}

/** A computed rule cost whose relaxation changed nothing: spend, unmet hours and the objective as they were. */
const changesNothing = (c: RuleCost): boolean =>
  c.status === 'computed' &&
  c.objectiveChange === 0 &&
  Math.round(c.annualCostChange ?? 1) === 0 &&
  Math.abs(c.unmetHoursChange ?? 1) < 0.05;

/** The relaxations of several rules as one: each applied in turn. */
const relaxedTogether = (all: readonly Relaxation[]): Relaxation | null => {
  const [first] = all;
  if (first === undefined) return null;
  return {
    ...first,
    description: all.map((r) => r.description).join('; '),
    relax: (s) => all.reduce((relaxed, r) => r.relax(relaxed), s),
  };
};

/**
 * The rule costs with the note of each cap that changes nothing alone, but stops bids together
 * with others in force, saying so and what relaxing them together does. `effectOf`: what
 * relaxing a relaxation does, as a rule cost's note says it after "relaxing it: ".
 */
export async function withCapsTogether(
  costs: readonly RuleCost[],
  together: readonly CapsTogether[],
  relaxations: readonly Relaxation[],
  effectOf: (r: Relaxation) => Promise<string>,
): Promise<RuleCost[]> {
  const notes = new Map<string, string>();
  for (const set of together) {
    const inForce: string[] = set.rules.filter((rule) =>
      costs.some((c) => c.rule === rule && c.status === 'computed'),
    );
    const alone = costs.filter((c) => inForce.includes(c.rule) && changesNothing(c) && !notes.has(c.rule));
    const relaxation = relaxedTogether(relaxations.filter((r) => inForce.includes(r.rule)));
    if (inForce.length < 2 || alone.length === 0 || relaxation === null) continue;
    const effect = await effectOf(relaxation);
    for (const c of alone) {
      const others = inForce.filter((rule) => rule !== c.rule);
      // Relaxing them together does what relaxing another of them alone does: this one binds in no way.
      const sameAs = costs.find(
        (o) => others.includes(o.rule) && o.status === 'computed' && noteEffect(o) === effect,
      );
      notes.set(
        c.rule,
        capAloneChangesNothing(others, idsListed(set.lotIds), inForce.length, effect, sameAs?.rule ?? null),
      );
    }
  }
  return costs.map((c) => {
    const note = notes.get(c.rule);
    return note === undefined ? c : { ...c, note };
  });
}
