/**
 * The independent verifier. It re-reads an award as it will be written
 * (lots and allocations of the result) against the scenario and checks every
 * rule of DESIGN.md section 4 from first principles. It shares no code with the
 * lot builder or the program builder on purpose: a bug there must not be able
 * to hide here. A violation means a bug: the caller must not write the award.
 */
import type { Allocation, Bid, LotPlanEntry, Scenario } from '../model/types.js';

export interface VerifiedLot {
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
  readonly objective: { readonly kind: 'cost' | 'meat'; readonly value: number };
  readonly annualCost: number;
  readonly feasible: boolean;
}

const close = (a: number, b: number, rel = 1e-6) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
const atMost = (a: number, b: number, rel = 1e-6) => a <= b + rel * Math.max(1, Math.abs(b));
/** Money written in pennies: a rounding of up to half a penny is not an error. */
const samePennies = (a: number, b: number) => close(a, b) || Math.abs(a - b) <= 0.005 + 1e-9;

interface ExpectedLot {
  readonly careType: string;
  readonly entry: Extract<LotPlanEntry, { kind: 'lot' }>;
  readonly areas: Set<string>;
  demand: number;
  readonly areaDemand: Map<string, number>;
}

/** Lots as the scenario defines them, computed here from scratch. */
function expectedLots(scenario: Scenario, zoningName: string): Map<string, ExpectedLot> {
  const zoning = scenario.zonings.get(zoningName);
  const out = new Map<string, ExpectedLot>();
  if (zoning === undefined) return out;
  for (const [careType, entry] of Object.entries(scenario.lotPlan)) {
    if (entry === undefined || entry.kind !== 'lot') continue;
    const carried = new Set([careType, ...Object.entries(scenario.lotPlan).filter(([, e]) => e?.kind === 'merge' && e.into === careType).map(([c]) => c)]);
    for (const area of scenario.areas) {
      const id = `${careType}:${entry.geography === 'county' ? 'county' : zoning.get(area.id)}`;
      const lot = out.get(id) ?? { careType, entry, areas: new Set<string>(), demand: 0, areaDemand: new Map<string, number>() };
      lot.areas.add(area.id);
      out.set(id, lot);
    }
    for (const row of scenario.demand) {
      if (row.period !== scenario.period || !carried.has(row.careType)) continue;
      const id = `${careType}:${entry.geography === 'county' ? 'county' : zoning.get(row.areaId)}`;
      const lot = out.get(id);
      if (lot === undefined) continue;
      lot.demand += row.hours;
      lot.areaDemand.set(row.areaId, (lot.areaDemand.get(row.areaId) ?? 0) + row.hours);
    }
  }
  for (const [id, lot] of out) if (lot.demand <= 0) out.delete(id);
  return out;
}

function roleShare(entry: ExpectedLot['entry'], role: string): number | null {
  if (entry.structure === 'sole') return role === 'sole' ? 1 : null;
  if (entry.structure === 'lead-secondary') return role === 'lead' ? entry.leadShare : role === 'secondary' ? 1 - entry.leadShare : null;
  return null;
}

const bidMayTake: Record<string, readonly string[]> = { sole: ['any', 'lead'], lead: ['any', 'lead'], secondary: ['any', 'secondary'], member: ['any', 'lead'], backup: ['any', 'lead'] };

function checkAllocation(a: Allocation, bid: Bid | undefined, lot: ExpectedLot | undefined, scenario: Scenario, v: string[]): void {
  const where = `allocation ${a.bidId} → ${a.lotId} (${a.role})`;
  if (bid === undefined) return void v.push(`${where}: bid does not exist`);
  if (lot === undefined) return void v.push(`${where}: lot does not exist`);
  if (bid.providerId !== a.providerId) v.push(`${where}: provider ${a.providerId} but the bid is ${bid.providerId}'s`);
  if (bid.careType !== lot.careType) v.push(`${where}: bid is for ${bid.careType}, lot is ${lot.careType}`);
  if (bid.quality < scenario.award.minQuality) v.push(`${where}: quality ${bid.quality} below minQuality ${scenario.award.minQuality}`);
  if (!(bidMayTake[a.role] ?? []).includes(bid.role)) v.push(`${where}: a ${bid.role} bid cannot take role ${a.role}`);
  if (a.pricePerHour !== bid.price) v.push(`${where}: price ${a.pricePerHour} but the bid says ${bid.price}`);
  if (!samePennies(a.annualCost, a.hoursPerWeek * bid.price * scenario.weeksPerYear)) v.push(`${where}: annual cost ${a.annualCost} ≠ hours × price × weeks`);
  const covered = new Set(bid.areaIds);
  if (a.role === 'member') {
    if (lot.entry.structure !== 'framework') v.push(`${where}: member role in a ${lot.entry.structure} lot`);
    const sum = Object.values(a.areaHours ?? {}).reduce((t, h) => t + h, 0);
    if (!close(sum, a.hoursPerWeek)) v.push(`${where}: area hours add to ${sum}, not ${a.hoursPerWeek}`);
    for (const area of Object.keys(a.areaHours ?? {})) if (!covered.has(area) || !lot.areas.has(area)) v.push(`${where}: serves area ${area} it does not cover`);
    return;
  }
  for (const area of lot.areas) if (!covered.has(area)) return void v.push(`${where}: bid does not cover area ${area} of the lot`);
  if (a.role === 'backup') {
    if (lot.entry.structure !== 'sole' || !lot.entry.backup) v.push(`${where}: backup in a lot without back-ups`);
    if (a.hoursPerWeek !== 0) v.push(`${where}: a backup holds no guaranteed hours`);
    return;
  }
  const share = roleShare(lot.entry, a.role);
  if (share === null) v.push(`${where}: role ${a.role} does not exist in a ${lot.entry.structure} lot`);
  else if (!close(a.hoursPerWeek, share * lot.demand)) v.push(`${where}: ${a.hoursPerWeek} hours, the role holds ${share * lot.demand}`);
}

function checkLots(award: AwardToVerify, expected: Map<string, ExpectedLot>, v: string[]): void {
  const given = new Set(award.lots.map((l) => l.lotId));
  for (const id of expected.keys()) if (!given.has(id)) v.push(`lot ${id} has demand but is missing from the award`);
  for (const lot of award.lots) {
    const e = expected.get(lot.lotId);
    if (e === undefined) { v.push(`lot ${lot.lotId} should not exist`); continue; }
    if ([...e.areas].sort().join(';') !== [...lot.areaIds].sort().join(';')) v.push(`lot ${lot.lotId}: areas differ from the zoning`);
    if (!close(e.demand, lot.demandHoursPerWeek)) v.push(`lot ${lot.lotId}: demand ${lot.demandHoursPerWeek}, the scenario says ${e.demand}`);
    const mine = award.allocations.filter((a) => a.lotId === lot.lotId && a.role !== 'backup');
    const served = mine.reduce((t, a) => t + a.hoursPerWeek, 0);
    if (!close(served + lot.unmetHoursPerWeek, e.demand)) v.push(`lot ${lot.lotId}: allocated ${served} + unmet ${lot.unmetHoursPerWeek} ≠ demand ${e.demand}`);
    const providers = mine.map((a) => a.providerId);
    if (new Set(providers).size !== providers.length) v.push(`lot ${lot.lotId}: one provider holds two places`);
    if (e.entry.structure === 'framework') checkFramework(lot.lotId, e, mine, v);
    else for (const role of e.entry.structure === 'sole' ? ['sole'] : ['lead', 'secondary']) {
      const n = mine.filter((a) => a.role === role).length;
      if (n > 1) v.push(`lot ${lot.lotId}: role ${role} filled ${n} times`);
    }
    const backups = award.allocations.filter((a) => a.lotId === lot.lotId && a.role === 'backup');
    if (backups.some((b) => providers.includes(b.providerId))) v.push(`lot ${lot.lotId}: the winner is also its own backup`);
  }
}

function checkFramework(lotId: string, e: ExpectedLot, members: readonly Allocation[], v: string[]): void {
  if (members.length > e.entry.maxProviders) v.push(`lot ${lotId}: ${members.length} members, at most ${e.entry.maxProviders}`);
  for (const m of members) if (!atMost(e.entry.minShare * e.demand, m.hoursPerWeek)) v.push(`lot ${lotId}: ${m.providerId} serves ${m.hoursPerWeek}, below minShare`);
  for (const [area, demand] of e.areaDemand) {
    const served = members.reduce((t, m) => t + (m.areaHours?.[area] ?? 0), 0);
    if (!atMost(served, demand)) v.push(`lot ${lotId}: area ${area} served ${served} hours, demand is ${demand}`);
  }
}

function checkProviders(award: AwardToVerify, scenario: Scenario, bids: Map<string, Bid>, totalDemand: number, v: string[]): void {
  const byBid = new Map<string, number>();
  const byProvider = new Map<string, { hours: number; lots: Set<string> }>();
  for (const a of award.allocations) {
    byBid.set(a.bidId, (byBid.get(a.bidId) ?? 0) + a.hoursPerWeek);
    const p = byProvider.get(a.providerId) ?? { hours: 0, lots: new Set<string>() };
    p.hours += a.hoursPerWeek;
    if (a.role !== 'backup') p.lots.add(a.lotId);
    byProvider.set(a.providerId, p);
  }
  for (const [bidId, hours] of byBid) {
    const bid = bids.get(bidId);
    if (bid !== undefined && !atMost(hours, bid.maxHours)) v.push(`bid ${bidId}: ${hours} hours, its max is ${bid.maxHours}`);
  }
  const rules = scenario.award;
  for (const provider of scenario.providers) {
    const p = byProvider.get(provider.id);
    if (p === undefined) continue;
    if (!atMost(p.hours, provider.maxHours)) v.push(`provider ${provider.id}: ${p.hours} hours, capacity ${provider.maxHours}`);
    if (!atMost(p.hours, rules.maxShareOfTotalHours * totalDemand)) v.push(`provider ${provider.id}: ${p.hours} hours breaks the share cap of ${rules.maxShareOfTotalHours}`);
    if (rules.maxLotsPerProvider !== null && p.lots.size > rules.maxLotsPerProvider) v.push(`provider ${provider.id}: ${p.lots.size} lots, at most ${rules.maxLotsPerProvider}`);
  }
  const winners = [...byProvider.entries()].filter(([, p]) => p.lots.size > 0).length;
  if (award.feasible && winners < rules.minDistinctProviders) v.push(`${winners} providers win, at least ${rules.minDistinctProviders} must`);
}

function checkPackages(award: AwardToVerify, scenario: Scenario, v: string[]): void {
  const roles = new Map<string, number>();
  for (const a of award.allocations) if (a.role !== 'backup') roles.set(a.bidId, (roles.get(a.bidId) ?? 0) + 1);
  const packages = new Map<string, Bid[]>();
  for (const b of scenario.bids) if (b.packageId !== null) packages.set(b.packageId, [...(packages.get(b.packageId) ?? []), b]);
  for (const [id, members] of packages) {
    const counts = members.map((b) => roles.get(b.id) ?? 0);
    const all = counts.every((c) => c === 1);
    const none = counts.every((c) => c === 0);
    if (!all && !none) v.push(`package ${id}: bids win ${counts.join('/')} roles; each must win exactly one, or none`);
  }
}

function objectiveOf(award: AwardToVerify, scenario: Scenario, expected: Map<string, ExpectedLot>, bids: Map<string, Bid>): number {
  const rules = scenario.award;
  const unmet = award.lots.reduce((t, l) => t + l.unmetHoursPerWeek, 0);
  if (rules.objective === 'cost') {
    // From the bids' prices, not the rounded annual costs, so pennies cannot add up to a false alarm.
    const served = award.allocations.reduce((t, a) => t + a.hoursPerWeek * (bids.get(a.bidId)?.price ?? a.pricePerHour), 0);
    return scenario.weeksPerYear * (served + unmet * rules.unmetPenaltyPerHour);
  }
  // The lowest eligible price of each lot, found once per lot (a lot has many allocations).
  const minPrices = new Map<string, number>();
  const minPriceOf = (lotId: string, lot: ExpectedLot): number => {
    let price = minPrices.get(lotId);
    if (price === undefined) {
      const rejected = new Set(award.lots.find((l) => l.lotId === lotId)?.rejectedBidIds ?? []);
      const prices = scenario.bids.filter((b) => b.careType === lot.careType && b.quality >= rules.minQuality && !rejected.has(b.id) && eligibleAnyRole(b, lot)).map((b) => b.price);
      price = Math.min(...prices);
      minPrices.set(lotId, price);
    }
    return price;
  };
  let score = -unmet * 1000;
  for (const a of award.allocations) {
    const lot = expected.get(a.lotId);
    const bid = bids.get(a.bidId);
    if (lot === undefined || bid === undefined || a.role === 'backup') continue;
    score += a.hoursPerWeek * (rules.qualityWeight * bid.quality / 100 + rules.priceWeight * minPriceOf(a.lotId, lot) / bid.price);
  }
  return score;
}

function eligibleAnyRole(b: Bid, lot: ExpectedLot): boolean {
  const covered = new Set(b.areaIds);
  if (lot.entry.structure === 'framework') return ['any', 'lead'].includes(b.role) && [...lot.areaDemand.keys()].some((a) => covered.has(a));
  const roles = lot.entry.structure === 'sole' ? ['sole'] : ['lead', 'secondary'];
  return roles.some((r) => (bidMayTake[r] ?? []).includes(b.role)) && [...lot.areas].every((a) => covered.has(a));
}

/** Every rule the award breaks, in words; empty when the award is sound. */
export function verifyAward(scenario: Scenario, award: AwardToVerify): string[] {
  const v: string[] = [];
  const expected = expectedLots(scenario, award.zoning);
  const bids = new Map(scenario.bids.map((b) => [b.id, b]));
  checkLots(award, expected, v);
  for (const a of award.allocations) checkAllocation(a, bids.get(a.bidId), expected.get(a.lotId), scenario, v);
  for (const lot of award.lots) {
    const rejected = new Set(lot.rejectedBidIds ?? []);
    for (const a of award.allocations) if (a.lotId === lot.lotId && rejected.has(a.bidId)) v.push(`allocation ${a.bidId} → ${a.lotId}: the bid was rejected for this lot (below legal pay)`);
  }
  const totalDemand = [...expected.values()].reduce((t, l) => t + l.demand, 0);
  checkProviders(award, scenario, bids, totalDemand, v);
  checkPackages(award, scenario, v);
  const cost = award.allocations.reduce((t, a) => t + a.annualCost, 0);
  if (!close(cost, award.annualCost)) v.push(`annual cost ${award.annualCost} ≠ sum of allocations ${cost}`);
  const objective = award.feasible ? objectiveOf(award, scenario, expected, bids) : award.objective.value;
  if (!close(objective, award.objective.value, 1e-5)) {
    v.push(`objective ${award.objective.value} ≠ recomputed ${objective}`);
  }
  return v;
}
