/**
 * Roles whose hours are more than the share cap lets one provider hold
 * (`award.maxShareOfTotalHours` of every lot's hours): a lead of 80% of a large zone, or a
 * sole county lot, that no provider may take, so its hours all go unbought. Each rule is
 * valid alone; together, on a made-up county with a 30% cap, they left 3,640 of 4,914
 * h/week unbought and validate said "valid" without a word (until 2026-12-02). Framework
 * places, which carry a least share rather than fixed hours, are framework-share-cap.ts's.
 */
import { roleShareAboveCap } from '../diagnostics/messages.js';
import type { Lot, LotRole, Scenario } from '../model/types.js';

interface ShutRole {
  readonly lot: Lot;
  readonly role: LotRole['role'];
  readonly hours: number;
}

/** One message per care type and role name with such roles, naming the largest. */
export function rolesAboveShareCap(scenario: Pick<Scenario, 'award'>, lots: readonly Lot[]): string[] {
  const cap = scenario.award.maxShareOfTotalHours;
  if (cap >= 1) return [];
  const total = lots.reduce((t, lot) => t + lot.demand, 0);
  const capHours = cap * total;
  const shut = new Map<string, ShutRole[]>();
  for (const lot of lots)
    for (const r of lot.roles) {
      const hours = r.share * lot.demand;
      if (hours <= capHours + 1e-6) continue;
      const key = `${lot.careType}\u0000${r.role}`;
      if (!(shut.get(key) ?? []).some((s) => s.lot.id === lot.id))
        shut.set(key, [...(shut.get(key) ?? []), { lot, role: r.role, hours }]);
    }
  return [...shut.values()].map((roles) => {
    const largest = roles.reduce((a, b) => (b.hours > a.hours ? b : a));
    return roleShareAboveCap({
      cap,
      capHours,
      role: largest.role,
      lotId: largest.lot.id,
      careType: largest.lot.careType,
      hours: largest.hours,
      more: roles.length - 1,
      needed: Math.ceil((1000 * largest.hours) / total - 1e-9) / 1000,
    });
  });
}
