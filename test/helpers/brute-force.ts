/**
 * An independent brute-force solver for the award model of DESIGN.md section 4,
 * for lots whose roles are held whole (sole, lead-secondary, prime-secondaries):
 * it enumerates every assignment of an
 * eligible offer (or nobody) to every lot role, checks rules 1-8 itself and
 * keeps the best objective. Framework lots need continuous hours (an LP), so
 * scenarios with a framework lot are refused (`null`); the property test only
 * generates scenarios without one. Shares no code with src/ on purpose.
 *
 * Pricing as the README says: a bid's `structures` (when given) must include
 * the lot's structure; a lot that carries merged care types is filled by an
 * offer of one bid per care type with demand in it, same provider, each
 * eligible on its own, each care type's hours at its own bid's price and
 * against its own bid's capacity; MEAT uses the hours-weighted price and quality.
 *
 * Transition (docs/contract.md) as the docs say: in each lot a provider keeps
 * today's hours (current.csv, the lot's areas and carried care types) up to
 * the hours it wins there; the rest move. `transition.maxMovedShare` caps the
 * moved share; with `priceChange` each moved hour costs mobilisation plus
 * double-running weeks at the spot price, once, in the cost objective.
 */
import type { Bid, LotEntry, Scenario } from '../../src/model/types.js';

/** A provider's way to fill a role: one bid per care type with demand in the lot, each with its hours there. */
interface Offer {
  readonly providerId: string;
  readonly parts: readonly { readonly bid: Bid; readonly hours: number }[];
}

interface Slot {
  readonly lotId: string;
  readonly role: string;
  readonly hours: number;
  readonly candidates: readonly Offer[];
}

export type BruteOutcome =
  | { readonly status: 'infeasible' }
  | {
      readonly status: 'optimal';
      readonly objective: number;
      readonly assignment: readonly (Offer | null)[];
    };

interface OwnLot {
  readonly id: string;
  readonly careType: string;
  readonly areas: readonly string[];
  readonly demand: number;
  /** care type → its design hours in the lot (only care types with hours) */
  readonly byType: ReadonlyMap<string, number>;
  readonly kind: string;
  /** The lot's roles and their shares of its hours, as DESIGN.md defines each structure. */
  readonly roles: readonly (readonly [string, number])[];
  /** provider → today's hours in the lot (current.csv) */
  readonly today: ReadonlyMap<string, number>;
}

function todayIn(scenario: Scenario, careType: string, areas: ReadonlySet<string>): Map<string, number> {
  const today = new Map<string, number>();
  for (const c of scenario.current) {
    const plan = scenario.lotPlan[c.careType];
    const carried = c.careType === careType || (plan?.kind === 'merge' && plan.into === careType);
    if (carried && areas.has(c.areaId)) today.set(c.providerId, (today.get(c.providerId) ?? 0) + c.hours);
  }
  return today;
}

/** Roles of a lot entry, read from DESIGN.md (sections 3-4 and the prime-secondaries addition); null for a framework. */
function rolesOf(entry: LotEntry): [string, number][] | null {
  switch (entry.structure) {
    case 'sole':
      return [['sole', 1]];
    case 'lead-secondary':
      return [
        ['lead', entry.leadShare],
        ['secondary', 1 - entry.leadShare],
      ];
    case 'prime-secondaries':
      return [
        ['prime', entry.primeShare],
        ...Array.from({ length: entry.secondaries }, (): [string, number] => [
          'secondary',
          (1 - entry.primeShare) / entry.secondaries,
        ]),
      ];
    case 'framework':
      return null;
  }
}

function ownLots(scenario: Scenario): OwnLot[] | null {
  const zoning = scenario.zonings.get(scenario.zoning);
  const lots = new Map<
    string,
    {
      careType: string;
      areas: Set<string>;
      demand: number;
      byType: Map<string, number>;
      kind: string;
      roles: [string, number][];
    }
  >();
  for (const [careType, entry] of Object.entries(scenario.lotPlan)) {
    if (entry?.kind !== 'lot') continue;
    const roles = rolesOf(entry);
    if (roles === null) return null;
    const key = (areaId: string) =>
      `${careType}:${entry.geography === 'county' ? 'county' : zoning?.get(areaId)}`;
    for (const a of scenario.areas) {
      const lot = lots.get(key(a.id)) ?? {
        careType,
        areas: new Set<string>(),
        demand: 0,
        byType: new Map<string, number>(),
        kind: entry.structure,
        roles,
      };
      lot.areas.add(a.id);
      lots.set(key(a.id), lot);
    }
    for (const d of scenario.demand) {
      const plan = scenario.lotPlan[d.careType];
      const carried = d.careType === careType || (plan?.kind === 'merge' && plan.into === careType);
      const lot = lots.get(key(d.areaId));
      if (d.period !== scenario.period || !carried || lot === undefined) continue;
      lot.demand += d.hours;
      lot.byType.set(d.careType, (lot.byType.get(d.careType) ?? 0) + d.hours);
    }
  }
  return [...lots]
    .filter(([, l]) => l.demand > 0)
    .map(([id, l]) => ({
      id,
      careType: l.careType,
      areas: [...l.areas],
      demand: l.demand,
      kind: l.kind,
      roles: l.roles,
      byType: new Map([...l.byType].filter(([, h]) => h > 0)),
      today: todayIn(scenario, l.careType, l.areas),
    }));
}

const mayFill = (bidRole: string, role: string) =>
  role === 'secondary' ? bidRole !== 'lead' : bidRole !== 'secondary';

const priced = (b: Bid, kind: string) =>
  b.structures === undefined || b.structures.length === 0 || b.structures.some((s) => s === kind);

/** Offers for one role: per provider, each choice of one eligible bid per care type, with the role's hours of that care type. */
function offersFor(scenario: Scenario, lot: OwnLot, role: string, share: number): Offer[] {
  const fits = (b: Bid) =>
    b.quality >= scenario.award.minQuality &&
    mayFill(b.role, role) &&
    priced(b, lot.kind) &&
    lot.areas.every((a) => b.areaIds.includes(a));
  const offers: Offer[] = [];
  for (const p of scenario.providers) {
    let partial: { bid: Bid; hours: number }[][] = [[]];
    for (const [type, hours] of [...lot.byType].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const mine = scenario.bids.filter((b) => b.providerId === p.id && b.careType === type && fits(b));
      partial = partial.flatMap((ps) => mine.map((bid) => [...ps, { bid, hours: share * hours }]));
    }
    for (const parts of partial) if (parts.length > 0) offers.push({ providerId: p.id, parts });
  }
  return offers;
}

function slotsOf(scenario: Scenario, lots: readonly OwnLot[]): Slot[] {
  const slots: Slot[] = [];
  for (const lot of lots) {
    for (const [role, share] of lot.roles)
      slots.push({
        lotId: lot.id,
        role,
        hours: share * lot.demand,
        candidates: offersFor(scenario, lot, role, share),
      });
  }
  return slots;
}

/** Price and quality of one hour of an offer: hours-weighted over its parts. */
function blended(offer: Offer): { price: number; quality: number } {
  const hours = offer.parts.reduce((t, p) => t + p.hours, 0);
  return {
    price: offer.parts.reduce((t, p) => t + p.hours * p.bid.price, 0) / hours,
    quality: offer.parts.reduce((t, p) => t + p.hours * p.bid.quality, 0) / hours,
  };
}

function minPrices(lots: readonly OwnLot[], slots: readonly Slot[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const lot of lots) {
    const prices = slots
      .filter((s) => s.lotId === lot.id && s.hours > 0)
      .flatMap((s) => s.candidates.map((o) => blended(o).price));
    out.set(lot.id, prices.length > 0 ? Math.min(...prices) : 1);
  }
  return out;
}

/** Today's hours in all lots, and those that change provider under the assignment. */
function moved(
  lots: readonly OwnLot[],
  slots: readonly Slot[],
  pick: readonly (Offer | null)[],
): { today: number; moved: number } {
  let today = 0;
  let kept = 0;
  for (const lot of lots)
    for (const [providerId, hours] of lot.today) {
      const won = slots.reduce(
        (t, slot, i) => (slot.lotId === lot.id && pick[i]?.providerId === providerId ? t + slot.hours : t),
        0,
      );
      today += hours;
      kept += Math.min(hours, won);
    }
  return { today, moved: today - kept };
}

/** Rules 2-8 for a complete assignment; rule 1 holds by construction. */
function feasible(
  scenario: Scenario,
  lots: readonly OwnLot[],
  slots: readonly Slot[],
  pick: readonly (Offer | null)[],
  total: number,
): boolean {
  const bidHours = new Map<string, number>();
  const provHours = new Map<string, number>();
  const provLots = new Map<string, Set<string>>();
  const wins = new Map<string, number>();
  const seen = new Set<string>();
  for (let i = 0; i < slots.length; i++) {
    const o = pick[i];
    const slot = slots[i];
    if (o === null || o === undefined || slot === undefined) continue;
    const key = `${slot.lotId}|${o.providerId}`;
    if (seen.has(key)) return false; // 2
    seen.add(key);
    for (const { bid, hours } of o.parts) {
      bidHours.set(bid.id, (bidHours.get(bid.id) ?? 0) + hours);
      wins.set(bid.id, (wins.get(bid.id) ?? 0) + 1);
    }
    provHours.set(o.providerId, (provHours.get(o.providerId) ?? 0) + slot.hours);
    provLots.set(o.providerId, (provLots.get(o.providerId) ?? new Set()).add(slot.lotId));
  }
  const eps = 1e-9;
  for (const b of scenario.bids) if ((bidHours.get(b.id) ?? 0) > b.maxHours + eps) return false; // 3
  const rules = scenario.award;
  for (const p of scenario.providers) {
    const h = provHours.get(p.id) ?? 0;
    if (h > p.maxHours + eps || h > rules.maxShareOfTotalHours * total + eps) return false; // 4, 5
    if (rules.maxLotsPerProvider !== null && (provLots.get(p.id)?.size ?? 0) > rules.maxLotsPerProvider)
      return false; // 6
  }
  // 7: a provider wins something when it holds at least one hour a week (docs/scenario-files.md).
  const winners = [...provHours.values()].filter((h) => h >= 1 - eps).length;
  if (winners < rules.minDistinctProviders) return false; // 7
  const packages = new Map<string, number[]>();
  for (const b of scenario.bids)
    if (b.packageId !== null)
      packages.set(b.packageId, [...(packages.get(b.packageId) ?? []), wins.get(b.id) ?? 0]);
  for (const counts of packages.values())
    if (!counts.every((c) => c === 1) && !counts.every((c) => c === 0)) return false; // 8
  const cap = scenario.transition?.maxMovedShare;
  if (cap !== undefined) {
    const change = moved(lots, slots, pick);
    if (change.moved > cap * change.today + 1e-7) return false;
  }
  return true;
}

function objective(
  scenario: Scenario,
  lots: readonly OwnLot[],
  slots: readonly Slot[],
  pick: readonly (Offer | null)[],
  minPrice: ReadonlyMap<string, number>,
): number {
  const r = scenario.award;
  const t = scenario.transition;
  let value =
    t?.priceChange === true && r.objective === 'cost'
      ? moved(lots, slots, pick).moved *
        (t.mobilisationCostPerHour + t.doubleRunningWeeks * r.spotPricePerHour)
      : 0;
  slots.forEach((slot, i) => {
    const o = pick[i] ?? null;
    if (o === null)
      value +=
        r.objective === 'cost'
          ? scenario.weeksPerYear * slot.hours * r.unmetPenaltyPerHour
          : -slot.hours * 1000;
    else if (r.objective === 'cost')
      value += scenario.weeksPerYear * o.parts.reduce((t, p) => t + p.hours * p.bid.price, 0);
    else if (slot.hours > 0) {
      const { price, quality } = blended(o);
      value +=
        slot.hours *
        ((r.qualityWeight * quality) / 100 + (r.priceWeight * (minPrice.get(slot.lotId) ?? 1)) / price);
    }
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
  const minPrice = minPrices(lots, slots);
  const better =
    scenario.award.objective === 'cost' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  let best: { objective: number; assignment: (Offer | null)[] } | null = null;
  const pick: (Offer | null)[] = [];
  const walk = (i: number): void => {
    const slot = slots[i];
    if (slot === undefined) {
      if (!feasible(scenario, lots, slots, pick, total)) return;
      const value = objective(scenario, lots, slots, pick, minPrice);
      if (best === null || better(value, best.objective)) best = { objective: value, assignment: [...pick] };
      return;
    }
    for (const option of [null, ...slot.candidates]) {
      pick[i] = option;
      walk(i + 1);
    }
  };
  walk(0);
  const found = best as { objective: number; assignment: (Offer | null)[] } | null;
  return found === null
    ? { status: 'infeasible' }
    : { status: 'optimal', objective: found.objective, assignment: found.assignment };
}

/**
 * The brute-force optimum of a scenario without frameworks, or null when its
 * enumeration is larger than `max` (the caller counts it as skipped).
 */
export function bruteForceWithin(scenario: Scenario, max: number): BruteOutcome | null {
  const size = bruteForceSize(scenario);
  if (size === null) throw new Error('generator made a framework lot');
  if (size > max) return null;
  const brute = bruteForce(scenario);
  if (brute === null) throw new Error('brute force refused a scenario without frameworks');
  return brute;
}
