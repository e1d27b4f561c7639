/**
 * The independent verifier. It re-reads an award as it will be written
 * (lots and allocations of the result) against the scenario and checks every
 * rule of DESIGN.md section 4 from first principles. It shares no code with the
 * lot builder or the program builder on purpose: a bug there must not be able
 * to hide here. A violation means a bug: the caller must not write the award.
 */
import { leastHoursOfAWinner, type Allocation, type Bid, type Scenario } from '../model/types.js';
import {
  bidMayTake,
  expectedTypeHours,
  mixPrice,
  priceHoldsFor,
  neededTypes,
  offerCoversArea,
  offerServes,
  offersOf,
  statedParts,
  type ExpectedLot,
  type StatedPart,
} from './verify-offers.js';
import { budgetViolations, changeOf, wholeLifeMultiples } from './verify-contract.js';
import { lotRules, type LotRules } from './structure-rules.js';
import { counted, nounFor } from '../model/counted.js';
import { pushTo } from '../model/map-lists.js';

interface VerifiedLot {
  readonly lotId: string;
  readonly areaIds: readonly string[];
  readonly structure: string;
  readonly demandHoursPerWeek: number;
  readonly unmetHoursPerWeek: number;
  /** Bids the tender rejected for this lot (below legal pay): they may not win it. */
  readonly rejectedBidIds?: readonly string[];
}

export interface AwardToVerify {
  readonly zoning: string;
  readonly lots: readonly VerifiedLot[];
  readonly allocations: readonly Allocation[];
  readonly objective: { readonly kind: 'cost' | 'meat' | 'whole-life'; readonly value: number };
  readonly annualCost: number;
}

const close = (a: number, b: number, rel = 1e-6) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
const atMost = (a: number, b: number, rel = 1e-6) => a <= b + rel * Math.max(1, Math.abs(b));
/** Money written in pennies: a rounding of up to half a penny is not an error. */
const samePennies = (a: number, b: number) => close(a, b) || Math.abs(a - b) <= 0.005 + 1e-9;

/** Lots as the scenario defines them, computed here from scratch. */
function expectedLots(scenario: Scenario, zoningName: string): Map<string, ExpectedLot> {
  const zoning = scenario.zonings.get(zoningName);
  const out = new Map<string, ExpectedLot>();
  if (zoning === undefined) return out;
  // The lot of each carried care type in an area: its own care type's, or the one it is merged into.
  const lotOf = new Map<string, (areaId: string) => ExpectedLot | undefined>();
  for (const [careType, entry] of Object.entries(scenario.lotPlan)) {
    if (entry === undefined || entry.kind !== 'lot') continue;
    const zoneOf = (areaId: string) => (entry.geography === 'county' ? 'county' : zoning.get(areaId));
    // This care type's lots by zone (the lot id is `careType:zone`).
    const lots = new Map<string | undefined, ExpectedLot>();
    scenario.areas.forEach((area) => {
      const zone = zoneOf(area.id);
      let lot = lots.get(zone);
      if (lot === undefined) {
        lot = {
          careType,
          entry,
          rules: lotRules(entry),
          areas: new Set<string>(),
          demand: 0,
          areaDemand: new Map<string, number>(),
          typeDemand: new Map<string, Map<string, number>>(),
          needed: [],
        };
        lots.set(zone, lot);
        out.set(`${careType}:${zone}`, lot);
      }
      lot.areas.add(area.id);
    });
    const inArea = (areaId: string) => lots.get(zoneOf(areaId));
    lotOf.set(careType, inArea);
    for (const [merged, e] of Object.entries(scenario.lotPlan))
      if (e?.kind === 'merge' && e.into === careType) lotOf.set(merged, inArea);
  }
  for (const row of scenario.demand) {
    if (row.period !== scenario.period) continue;
    const lot = lotOf.get(row.careType)?.(row.areaId);
    if (lot === undefined) continue;
    lot.demand += row.hours;
    lot.areaDemand.set(row.areaId, (lot.areaDemand.get(row.areaId) ?? 0) + row.hours);
    const types = lot.typeDemand.get(row.careType) ?? new Map<string, number>();
    types.set(row.areaId, (types.get(row.areaId) ?? 0) + row.hours);
    lot.typeDemand.set(row.careType, types);
  }
  for (const [id, lot] of out) {
    if (lot.demand <= 0) out.delete(id);
    else lot.needed = neededTypes(lot);
  }
  return out;
}

function roleShare(lot: ExpectedLot, role: string): number | null {
  return lot.rules.roles.get(role)?.share ?? null;
}

/**
 * One allocation: its bids (one per care type with demand in the lot when it
 * has parts) belong to its provider, may take its role in this lot, cover what
 * it serves, and are paid their own prices for their own care type's hours.
 */
function checkAllocation(
  a: Allocation,
  bids: ReadonlyMap<string, Bid>,
  lot: ExpectedLot | undefined,
  scenario: Scenario,
  v: string[],
): void {
  const where = `allocation ${a.bidId} → ${a.lotId} (${a.role})`;
  if (lot === undefined) return void v.push(`${where}: lot does not exist`);
  const parts = statedParts(a, bids);
  const offer = parts.map((p) => bids.get(p.bidId));
  if (offer.some((b) => b === undefined)) return void v.push(`${where}: bid does not exist`);
  const offered = offer as Bid[];
  if (parts[0]?.bidId !== a.bidId) v.push(`${where}: its first part is bid ${parts[0]?.bidId}`);
  const needed = lot.needed;
  const several = a.parts !== undefined;
  if (several || needed.length > 1) {
    const types = parts.map((p) => p.careType).sort();
    if (types.join(',') !== needed.join(','))
      v.push(
        `${where}: priced for ${types.join(' + ')} care, the lot carries ${needed.join(' + ')} (one bid per care type)`,
      );
  }
  const share = a.role === 'member' || a.role === 'backup' ? null : roleShare(lot, a.role);
  const typeHours = expectedTypeHours(a, lot, share === null ? 0 : share * lot.demand);
  parts.forEach((part, i) => {
    checkPart(several ? `${where}, bid ${part.bidId}` : where, a, part, offered[i] as Bid, lot, scenario, v);
  });
  const spend = parts.reduce((t, p) => t + p.hoursPerWeek * (bids.get(p.bidId)?.price ?? NaN), 0);
  if (several) checkParts(where, a, parts, offered, lot, typeHours, spend, v);
  if (!samePennies(a.annualCost, spend * scenario.weeksPerYear))
    v.push(`${where}: annual cost ${a.annualCost} ≠ hours × price × weeks`);
  if (a.role === 'member') {
    checkMember(where, a, offered, lot, v);
    return;
  }
  // The first area the offer does not cover, in sorted order.
  let uncovered: string | undefined;
  for (const area of lot.areas)
    if (!offerCoversArea(offered, area) && (uncovered === undefined || area < uncovered)) uncovered = area;
  if (uncovered !== undefined)
    return void v.push(`${where}: bid does not cover area ${uncovered} of the lot`);
  if (a.role === 'backup') {
    if (!lot.rules.backups) v.push(`${where}: backup in a lot without back-ups`);
    if (a.hoursPerWeek !== 0) v.push(`${where}: a backup holds no guaranteed hours`);
    return;
  }
  if (share === null) v.push(`${where}: role ${a.role} does not exist in a ${lot.entry.structure} lot`);
  else if (!close(a.hoursPerWeek, share * lot.demand))
    v.push(`${where}: ${a.hoursPerWeek} hours, the role holds ${share * lot.demand}`);
}

/** One bid of an allocation on its own: provider, care type, quality, role, structures, price. */
function checkPart(
  at: string,
  a: Allocation,
  part: StatedPart,
  bid: Bid,
  lot: ExpectedLot,
  scenario: Scenario,
  v: string[],
): void {
  const rules = scenario.award;
  if (bid.providerId !== a.providerId)
    v.push(`${at}: provider ${a.providerId} but the bid is ${bid.providerId}'s`);
  if (bid.careType !== part.careType)
    v.push(`${at}: part for ${part.careType}, the bid is for ${bid.careType}`);
  if (!lot.needed.includes(bid.careType)) v.push(`${at}: bid is for ${bid.careType}, lot is ${lot.careType}`);
  if (bid.quality < rules.minQuality)
    v.push(`${at}: quality ${bid.quality} below minQuality ${rules.minQuality}`);
  if (!(bidMayTake[a.role] ?? []).includes(bid.role))
    v.push(`${at}: a ${bid.role} bid cannot take role ${a.role}`);
  if (!priceHoldsFor(bid, lot.entry.structure))
    v.push(`${at}: its price holds for ${bid.structures?.join(';')} lots, not ${lot.entry.structure}`);
  if (part.pricePerHour !== bid.price)
    v.push(`${at}: price ${part.pricePerHour} but the bid says ${bid.price}`);
}

/** An allocation of several bids: each care type's hours as the place holds them, and the hours-weighted price. */
function checkParts(
  where: string,
  a: Allocation,
  parts: readonly StatedPart[],
  offer: readonly Bid[],
  lot: ExpectedLot,
  typeHours: ReadonlyMap<string, number>,
  spend: number,
  v: string[],
): void {
  for (const part of parts) {
    const expected = a.role === 'backup' ? 0 : (typeHours.get(part.careType) ?? 0);
    if (!close(part.hoursPerWeek, expected))
      v.push(`${where}: ${part.hoursPerWeek} hours of ${part.careType} care, the place holds ${expected}`);
  }
  const hours = parts.reduce((t, p) => t + p.hoursPerWeek, 0);
  if (!close(hours, a.hoursPerWeek))
    v.push(`${where}: parts hold ${hours} hours, the allocation ${a.hoursPerWeek}`);
  const price = a.hoursPerWeek > 0 ? spend / a.hoursPerWeek : mixPrice(offer, lot).price;
  if (!close(a.pricePerHour, price))
    v.push(`${where}: price ${a.pricePerHour} but its bids' hours-weighted price is ${price}`);
}

function checkMember(
  where: string,
  a: Allocation,
  offer: readonly Bid[],
  lot: ExpectedLot,
  v: string[],
): void {
  if (lot.rules.places === null) v.push(`${where}: member role in a ${lot.entry.structure} lot`);
  const sum = Object.values(a.areaHours ?? {}).reduce((t, h) => t + h, 0);
  if (!close(sum, a.hoursPerWeek)) v.push(`${where}: area hours add to ${sum}, not ${a.hoursPerWeek}`);
  for (const area of Object.keys(a.areaHours ?? {}))
    if (!offerServes(offer, lot, area)) v.push(`${where}: serves area ${area} it does not cover`);
}

/** The award's areas of a lot are the zoning's: each once, none missing, none more. */
function sameAreas(expected: ReadonlySet<string>, given: readonly string[]): boolean {
  return (
    given.length === expected.size &&
    given.every((areaId) => expected.has(areaId)) &&
    new Set(given).size === given.length
  );
}

function checkLots(award: AwardToVerify, expected: Map<string, ExpectedLot>, v: string[]): void {
  const given = new Set(award.lots.map((l) => l.lotId));
  for (const id of expected.keys())
    if (!given.has(id)) v.push(`lot ${id} has demand but is missing from the award`);
  for (const lot of award.lots) {
    const e = expected.get(lot.lotId);
    if (e === undefined) {
      v.push(`lot ${lot.lotId} should not exist`);
      continue;
    }
    if (!sameAreas(e.areas, lot.areaIds)) v.push(`lot ${lot.lotId}: areas differ from the zoning`);
    if (!close(e.demand, lot.demandHoursPerWeek))
      v.push(`lot ${lot.lotId}: demand ${lot.demandHoursPerWeek}, the scenario says ${e.demand}`);
    const mine = award.allocations.filter((a) => a.lotId === lot.lotId && a.role !== 'backup');
    const served = mine.reduce((t, a) => t + a.hoursPerWeek, 0);
    if (!close(served + lot.unmetHoursPerWeek, e.demand))
      v.push(`lot ${lot.lotId}: allocated ${served} + unmet ${lot.unmetHoursPerWeek} ≠ demand ${e.demand}`);
    const providers = mine.map((a) => a.providerId);
    if (new Set(providers).size !== providers.length)
      v.push(`lot ${lot.lotId}: one provider holds two places`);
    if (e.rules.places !== null) checkFramework(lot.lotId, e.rules.places, e, mine, v);
    else
      for (const [role, { count }] of e.rules.roles) {
        const n = mine.filter((a) => a.role === role).length;
        if (n > count) v.push(`lot ${lot.lotId}: role ${role} filled ${n} times`);
      }
    const backups = award.allocations.filter((a) => a.lotId === lot.lotId && a.role === 'backup');
    if (backups.some((b) => providers.includes(b.providerId)))
      v.push(`lot ${lot.lotId}: the winner is also its own backup`);
  }
}

function checkFramework(
  lotId: string,
  places: NonNullable<LotRules['places']>,
  e: ExpectedLot,
  members: readonly Allocation[],
  v: string[],
): void {
  if (members.length > places.maxProviders)
    v.push(`lot ${lotId}: ${members.length} members, at most ${places.maxProviders}`);
  for (const m of members)
    if (!atMost(places.minShare * e.demand, m.hoursPerWeek))
      v.push(`lot ${lotId}: ${m.providerId} serves ${m.hoursPerWeek}, below minShare`);
  for (const [area, demand] of e.areaDemand) {
    const served = members.reduce((t, m) => t + (m.areaHours?.[area] ?? 0), 0);
    if (!atMost(served, demand))
      v.push(`lot ${lotId}: area ${area} served ${served} hours, demand is ${demand}`);
  }
}

function checkProviders(
  award: AwardToVerify,
  scenario: Scenario,
  bids: Map<string, Bid>,
  totalDemand: number,
  v: string[],
): void {
  const byBid = new Map<string, number>();
  const byProvider = new Map<string, { hours: number; lots: Set<string> }>();
  for (const a of award.allocations) {
    for (const part of statedParts(a, bids))
      byBid.set(part.bidId, (byBid.get(part.bidId) ?? 0) + part.hoursPerWeek);
    const p = byProvider.get(a.providerId) ?? { hours: 0, lots: new Set<string>() };
    p.hours += a.hoursPerWeek;
    if (a.role !== 'backup') p.lots.add(a.lotId);
    byProvider.set(a.providerId, p);
  }
  for (const [bidId, hours] of byBid) {
    const bid = bids.get(bidId);
    if (bid !== undefined && !atMost(hours, bid.maxHours))
      v.push(`bid ${bidId}: ${hours} hours, its max is ${bid.maxHours}`);
  }
  const rules = scenario.award;
  for (const provider of scenario.providers) {
    const p = byProvider.get(provider.id);
    if (p === undefined) continue;
    if (!atMost(p.hours, provider.maxHours))
      v.push(`provider ${provider.id}: ${p.hours} hours, capacity ${provider.maxHours}`);
    if (!atMost(p.hours, rules.maxShareOfTotalHours * totalDemand))
      v.push(
        `provider ${provider.id}: ${p.hours} hours breaks the share cap of ${rules.maxShareOfTotalHours}`,
      );
    if (rules.maxLotsPerProvider !== null && p.lots.size > rules.maxLotsPerProvider)
      v.push(`provider ${provider.id}: ${p.lots.size} lots, at most ${rules.maxLotsPerProvider}`);
  }
  // A provider wins only with hours: a framework or back-up place held with none does not count.
  const winners = [...byProvider.values()].filter((p) => atMost(leastHoursOfAWinner, p.hours)).length;
  if (winners < rules.minDistinctProviders)
    v.push(
      `${counted(winners, 'provider')} ${nounFor(winners, 'wins', 'win')} at least ${leastHoursOfAWinner} hour a week, at least ${rules.minDistinctProviders} must`,
    );
}

function checkPackages(
  award: AwardToVerify,
  scenario: Scenario,
  bids: ReadonlyMap<string, Bid>,
  v: string[],
): void {
  const roles = new Map<string, number>();
  for (const a of award.allocations)
    if (a.role !== 'backup')
      for (const p of statedParts(a, bids)) roles.set(p.bidId, (roles.get(p.bidId) ?? 0) + 1);
  const packages = new Map<string, Bid[]>();
  scenario.bids.forEach((b) => {
    if (b.packageId === null) return;
    pushTo(packages, b.packageId, b);
  });
  for (const [id, members] of packages) {
    const counts = members.map((b) => roles.get(b.id) ?? 0);
    const all = counts.every((c) => c === 1);
    const none = counts.every((c) => c === 0);
    if (!all && !none)
      v.push(`package ${id}: bids win ${counts.join('/')} roles; each must win exactly one, or none`);
  }
}

/** Score of one hour served by these parts (hours-weighted price and quality), as the README defines MEAT. */
function meatPerHour(mix: { price: number; quality: number }, minPrice: number, scenario: Scenario): number {
  const r = scenario.award;
  return (r.qualityWeight * mix.quality) / 100 + (r.priceWeight * minPrice) / mix.price;
}

function objectiveOf(
  award: AwardToVerify,
  scenario: Scenario,
  expected: Map<string, ExpectedLot>,
  bids: Map<string, Bid>,
): number {
  const rules = scenario.award;
  const unmet = award.lots.reduce((t, l) => t + l.unmetHoursPerWeek, 0);
  const offerOf = (a: Allocation) =>
    statedParts(a, bids)
      .map((p) => bids.get(p.bidId))
      .filter((b): b is Bid => b !== undefined);
  if (rules.objective !== 'meat') {
    // whole-life: each lot's design year weighted by its discounted, indexed term (verify-contract.ts)
    const term =
      rules.objective === 'whole-life' ? wholeLifeMultiples(scenario, award.zoning, expected) : null;
    const weight = (lotId: string) => term?.get(lotId) ?? { serve: 1, unmet: 1 };
    // From the bids' prices, not the rounded annual costs, so pennies cannot add up to a false alarm.
    const served = award.allocations.reduce(
      (t, a) =>
        t +
        weight(a.lotId).serve *
          statedParts(a, bids).reduce(
            (s, p) => s + p.hoursPerWeek * (bids.get(p.bidId)?.price ?? p.pricePerHour),
            0,
          ),
      0,
    );
    const unbought = award.lots.reduce((t, l) => t + weight(l.lotId).unmet * l.unmetHoursPerWeek, 0);
    return scenario.weeksPerYear * (served + unbought * rules.unmetPenaltyPerHour);
  }
  // The lowest price of each lot's care-type mix among offers that could fill it, found once per lot.
  const minPrices = new Map<string, number>();
  const minPriceOf = (lotId: string, lot: ExpectedLot): number => {
    let price = minPrices.get(lotId);
    if (price === undefined) {
      const rejected = new Set(award.lots.find((l) => l.lotId === lotId)?.rejectedBidIds ?? []);
      price = Math.min(...offersOf(scenario, lot, rejected).map((o) => mixPrice(o, lot).price));
      minPrices.set(lotId, price);
    }
    return price;
  };
  let score = -unmet * 1000;
  for (const a of award.allocations) {
    const lot = expected.get(a.lotId);
    if (lot === undefined || a.role === 'backup') continue;
    const offer = offerOf(a);
    const min = minPriceOf(a.lotId, lot);
    if (a.role !== 'member') score += a.hoursPerWeek * meatPerHour(mixPrice(offer, lot), min, scenario);
    else
      for (const [area, h] of Object.entries(a.areaHours ?? {}))
        score += h * meatPerHour(mixPrice(offer, lot, area), min, scenario);
  }
  return score;
}

/** Every rule the award breaks, in words; empty when the award is sound. */
export function verifyAward(scenario: Scenario, award: AwardToVerify): string[] {
  const v: string[] = [];
  const expected = expectedLots(scenario, award.zoning);
  const bids = new Map<string, Bid>();
  scenario.bids.forEach((b) => {
    bids.set(b.id, b);
  });
  checkLots(award, expected, v);
  for (const a of award.allocations) checkAllocation(a, bids, expected.get(a.lotId), scenario, v);
  for (const lot of award.lots) {
    if (lot.rejectedBidIds === undefined || lot.rejectedBidIds.length === 0) continue;
    const rejected = new Set(lot.rejectedBidIds);
    for (const a of award.allocations) {
      if (a.lotId !== lot.lotId) continue;
      for (const p of statedParts(a, bids))
        if (rejected.has(p.bidId))
          v.push(
            `allocation ${a.bidId} → ${a.lotId}: bid ${p.bidId} was rejected for this lot (below legal pay)`,
          );
    }
  }
  const totalDemand = [...expected.values()].reduce((t, l) => t + l.demand, 0);
  checkProviders(award, scenario, bids, totalDemand, v);
  checkPackages(award, scenario, bids, v);
  v.push(...budgetViolations(scenario, award.allocations));
  const change = changeOf(scenario, award, expected);
  v.push(...change.violations);
  const cost = award.allocations.reduce((t, a) => t + a.annualCost, 0);
  if (!close(cost, award.annualCost)) v.push(`annual cost ${award.annualCost} ≠ sum of allocations ${cost}`);
  const objective = objectiveOf(award, scenario, expected, bids) + change.objectiveCost;
  if (!close(objective, award.objective.value, 1e-5)) {
    v.push(`objective ${award.objective.value} ≠ recomputed ${objective}`);
  }
  return v;
}
