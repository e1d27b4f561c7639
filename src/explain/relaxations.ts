/**
 * The award rules a rule cost relaxes, one at a time: what each asks, whether it
 * is in force in the scenario, and the scenario with it relaxed (diagnose.ts
 * relaxes the rules in force to find which allow an award).
 */
import type { Lot, LotPlan, Scenario } from '../model/types.js';
import { soleEntry, splitsRoles } from '../structures/index.js';
import type { RuleCost } from './types.js';
import { budgetText, isBudgeted, withoutBudget } from '../contract/budget.js';
import { movedCapText, withoutMovedCap } from '../contract/transition-cap.js';
import { counted } from '../model/counted.js';

export interface Relaxation {
  readonly rule: RuleCost['rule'];
  readonly description: string;
  readonly active: boolean;
  readonly relax: (s: Scenario) => Scenario;
}

/** The plan with one sole provider in every lot whose structure splits its hours between several roles. */
function soleInsteadOfSplitRoles(plan: LotPlan): LotPlan {
  return Object.fromEntries(
    Object.entries(plan).map(([careType, entry]) => [
      careType,
      entry.kind === 'lot' && splitsRoles(entry) ? soleEntry(entry.geography) : entry,
    ]),
  ) as LotPlan;
}

/** The roles of lots split between several providers, e.g. "lead and secondary" or "prime and secondary". */
function splitRoleNames(lots: readonly Lot[]): string {
  const names = [
    ...new Set(lots.filter((l) => l.roles.length > 1).flatMap((l) => l.roles.map((r) => r.role))),
  ];
  return names.length > 0 ? names.join(' and ') : 'lead and secondary';
}

export function relaxations(scenario: Scenario, lots: readonly Lot[]): Relaxation[] {
  const award = scenario.award;
  return [
    {
      rule: 'share-cap',
      description: `no provider above ${Math.round(100 * award.maxShareOfTotalHours)}% of county hours`,
      active: award.maxShareOfTotalHours < 1,
      relax: (s) => ({ ...s, award: { ...s.award, maxShareOfTotalHours: 1 } }),
    },
    {
      rule: 'lots-cap',
      description:
        award.maxLotsPerProvider === null
          ? 'no cap on lots per provider'
          : `at most ${counted(award.maxLotsPerProvider, 'lot')} per provider`,
      active: award.maxLotsPerProvider !== null,
      relax: (s) => ({ ...s, award: { ...s.award, maxLotsPerProvider: null } }),
    },
    {
      rule: 'min-providers',
      description: `at least ${counted(award.minDistinctProviders, 'distinct provider')}`,
      active: award.minDistinctProviders > 0,
      relax: (s) => ({ ...s, award: { ...s.award, minDistinctProviders: 0 } }),
    },
    {
      rule: 'quality-threshold',
      description: `quality at least ${award.minQuality}`,
      active: award.minQuality > 0,
      relax: (s) => ({ ...s, award: { ...s.award, minQuality: 0 } }),
    },
    {
      rule: 'packages',
      description:
        'package bids all-or-nothing (relaxed: each package bid stands alone at its package price)',
      active: scenario.bids.some((b) => b.packageId !== null),
      relax: (s) => ({ ...s, bids: s.bids.map((b) => ({ ...b, packageId: null })) }),
    },
    {
      rule: 'budget',
      description: budgetText(award.maxAnnualBudget, scenario.currency),
      active: isBudgeted(award),
      relax: withoutBudget,
    },
    {
      rule: 'transition-cap',
      description: movedCapText(scenario),
      active: scenario.transition?.maxMovedShare !== undefined,
      relax: withoutMovedCap,
    },
    {
      rule: 'lead-secondary',
      description: `${splitRoleNames(lots)} provider per lot (compared with one sole provider per lot)`,
      active: lots.some((l) => l.roles.length > 1),
      relax: (s) => ({ ...s, lotPlan: soleInsteadOfSplitRoles(s.lotPlan) }),
    },
  ];
}
