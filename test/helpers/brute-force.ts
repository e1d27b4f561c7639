/**
 * An independent brute-force solver for the award model of DESIGN.md section 4,
 * for sole and lead-secondary lots only: it enumerates every assignment of an
 * eligible bid (or nobody) to every lot role, checks rules 1-8 itself and
 * keeps the best objective. Framework lots need continuous hours (an LP), so
 * scenarios with a framework lot are refused (`null`); the property test only
 * generates scenarios without one. Shares no code with src/ on purpose.
 */
import type { Bid, Scenario } from '../../src/model/types.js';

interface Slot {
  readonly lotId: string;
  readonly role: 'sole' | 'lead' | 'secondary';
  readonly hours: number;
  readonly candidates: readonly Bid[];
}

export type BruteOutcome = { readonly status: 'infeasible' } | { readonly status: 'optimal'; readonly objective: number; readonly assignment: readonly (Bid | null)[] };

interface OwnLot { readonly id: string; readonly careType: string; readonly areas: readonly string[]; readonly demand: number; readonly kind: 'sole' | 'lead-secondary'; readonly leadShare: number }

function ownLots(scenario: Scenario): OwnLot[] | null {
  const zoning = scenario.zonings.get(scenario.zoning);
  const lots = new Map<string, { careType: string; areas: Set<string>; demand: number; kind: 'sole' | 'lead-secondary'; leadShare: number }>();
  for (const [careType, entry] of Object.entries(scenario.lotPlan)) {
    if (entry?.kind !== 'lot') continue;
    if (entry.structure === 'framework') return null;
    const key = (areaId: string) => `${careType}:${entry.geography === 'county' ? 'county' : zoning?.get(areaId)}`;
    for (const a of scenario.areas) {
      const lot = lots.get(key(a.id)) ?? { careType, areas: new Set<string>(), demand: 0, kind: entry.structure, leadShare: entry.leadShare };
      lot.areas.add(a.id);
      lots.set(key(a.id), lot);
    }
    for (const d of scenario.demand) {
      const plan = scenario.lotPlan[d.careType];
      const carried = d.careType === careType || (plan?.kind === 'merge' && plan.into === careType);
      const lot = lots.get(key(d.areaId));
      if (d.period === scenario.period && carried && lot !== undefined) lot.demand += d.hours;
    }
  }
  return [...lots].filter(([, l]) => l.demand > 0).map(([id, l]) => ({ id, careType: l.careType, areas: [...l.areas], demand: l.demand, kind: l.kind, leadShare: l.leadShare }));
}

const mayFill = (bidRole: string, role: string) => (role === 'secondary' ? bidRole !== 'lead' : bidRole !== 'secondary');

function slotsOf(scenario: Scenario, lots: readonly OwnLot[]): Slot[] {
  const slots: Slot[] = [];
  for (const lot of lots) {
    const roles = lot.kind === 'sole' ? ([['sole', 1]] as const) : ([['lead', lot.leadShare], ['secondary', 1 - lot.leadShare]] as const);
    for (const [role, share] of roles) {
      const candidates = scenario.bids.filter((b) => b.careType === lot.careType && b.quality >= scenario.award.minQuality && mayFill(b.role, role) && lot.areas.every((a) => b.areaIds.includes(a)));
      slots.push({ lotId: lot.id, role, hours: share * lot.demand, candidates });
    }
  }
  return slots;
}

function minPrices(scenario: Scenario, lots: readonly OwnLot[], slots: readonly Slot[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const lot of lots) {
    const prices = slots.filter((s) => s.lotId === lot.id).flatMap((s) => s.candidates.map((b) => b.price));
    out.set(lot.id, prices.length > 0 ? Math.min(...prices) : 1);
  }
  return out;
}

/** Rules 2-8 for a complete assignment; rule 1 holds by construction. */
function feasible(scenario: Scenario, slots: readonly Slot[], pick: readonly (Bid | null)[], total: number): boolean {
  const bidHours = new Map<string, number>();
  const provHours = new Map<string, number>();
  const provLots = new Map<string, Set<string>>();
  const wins = new Map<string, number>();
  const seen = new Set<string>();
  for (let i = 0; i < slots.length; i++) {
    const b = pick[i];
    const slot = slots[i];
    if (b === null || b === undefined || slot === undefined) continue;
    const key = `${slot.lotId}|${b.providerId}`;
    if (seen.has(key)) return false; // 2
    seen.add(key);
    bidHours.set(b.id, (bidHours.get(b.id) ?? 0) + slot.hours);
    provHours.set(b.providerId, (provHours.get(b.providerId) ?? 0) + slot.hours);
    provLots.set(b.providerId, (provLots.get(b.providerId) ?? new Set()).add(slot.lotId));
    wins.set(b.id, (wins.get(b.id) ?? 0) + 1);
  }
  const eps = 1e-9;
  for (const b of scenario.bids) if ((bidHours.get(b.id) ?? 0) > b.maxHours + eps) return false; // 3
  const rules = scenario.award;
  for (const p of scenario.providers) {
    const h = provHours.get(p.id) ?? 0;
    if (h > p.maxHours + eps || h > rules.maxShareOfTotalHours * total + eps) return false; // 4, 5
    if (rules.maxLotsPerProvider !== null && (provLots.get(p.id)?.size ?? 0) > rules.maxLotsPerProvider) return false; // 6
  }
  if (provLots.size < rules.minDistinctProviders) return false; // 7
  const packages = new Map<string, number[]>();
  for (const b of scenario.bids) if (b.packageId !== null) packages.set(b.packageId, [...(packages.get(b.packageId) ?? []), wins.get(b.id) ?? 0]);
  for (const counts of packages.values()) if (!counts.every((c) => c === 1) && !counts.every((c) => c === 0)) return false; // 8
  return true;
}

function objective(scenario: Scenario, slots: readonly Slot[], pick: readonly (Bid | null)[], minPrice: ReadonlyMap<string, number>): number {
  const r = scenario.award;
  let value = 0;
  slots.forEach((slot, i) => {
    const b = pick[i] ?? null;
    if (r.objective === 'cost') value += scenario.weeksPerYear * slot.hours * (b === null ? r.unmetPenaltyPerHour : b.price);
    else value += b === null ? -slot.hours * 1000 : slot.hours * (r.qualityWeight * b.quality / 100 + r.priceWeight * (minPrice.get(slot.lotId) ?? 1) / b.price);
  });
  return value;
}

/** How many complete assignments the enumeration visits (to keep tests small). */
export function bruteForceSize(scenario: Scenario): number | null {
  const lots = ownLots(scenario);
  return lots === null ? null : slotsOf(scenario, lots).reduce((t, s) => t * (s.candidates.length + 1), 1);
}

export function bruteForce(scenario: Scenario): BruteOutcome | null {
  const lots = ownLots(scenario);
  if (lots === null) return null;
  const slots = slotsOf(scenario, lots);
  const total = lots.reduce((t, l) => t + l.demand, 0);
  const minPrice = minPrices(scenario, lots, slots);
  const better = scenario.award.objective === 'cost' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  let best: { objective: number; assignment: (Bid | null)[] } | null = null;
  const pick: (Bid | null)[] = [];
  const walk = (i: number): void => {
    const slot = slots[i];
    if (slot === undefined) {
      if (!feasible(scenario, slots, pick, total)) return;
      const value = objective(scenario, slots, pick, minPrice);
      if (best === null || better(value, best.objective)) best = { objective: value, assignment: [...pick] };
      return;
    }
    for (const option of [null, ...slot.candidates]) {
      pick[i] = option;
      walk(i + 1);
    }
  };
  walk(0);
  const found = best as { objective: number; assignment: (Bid | null)[] } | null;
  return found === null ? { status: 'infeasible' } : { status: 'optimal', objective: found.objective, assignment: found.assignment };
}
