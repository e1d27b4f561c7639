/**
 * The lots as tendered: built from the zoning and lot plan, with bids that
 * cannot pay legal wages in a lot rejected for it. UK rules (PCR 2015 reg 69,
 * Procurement Act 2023) say a tender whose price comes from breaching labour
 * law must be rejected, so such a bid may not win that lot. Set
 * `award.rejectBelowLegalPay: false` to keep them in (they are still flagged).
 */
import { formatPlace, type Place } from '../diagnostics/issues.js';
import {
  bidBelowLegalPay,
  bidBelowLegalPayInLots,
  frameworkPlacesUnfillable,
  lotWithoutEligibleBid,
  tooFewBiddersFor,
  zoneWithoutDemand,
} from '../diagnostics/messages.js';
import { careTypes, type AwardRules, type CareType, type Lot, type Scenario } from '../model/types.js';
import { lotFloors } from '../scoring/cost-floor.js';
import { buildLots, carriedTypes, countyZoneId, groupAreas } from './build-lots.js';
import { periodOrder } from './period-order.js';
import { eligiblePartBids } from './eligibility.js';
import { hasEligibleOffer, offerProviders } from './offers.js';
import { hasPlaces } from '../structures/index.js';
import { frameworksAboveShareCap } from './framework-share-cap.js';
import { rolesAboveShareCap } from './role-share-cap.js';
import { byKey } from '../model/order.js';
import { pushTo } from '../model/map-lists.js';

export interface Rejection {
  readonly bidId: string;
  readonly lotId: string;
  readonly pricePerHour: number;
  readonly legalPayFloorPerHour: number;
}

/** The parts of a scenario the lots as tendered are made from: tenderLots reads nothing else. */
export const tenderInputKeys = [
  'zoning',
  'zonings',
  'lotPlan',
  'areas',
  'period',
  'demand',
  'costModel',
  'bids',
] as const;

/** The award rules the lots as tendered read: which bids are eligible, and whether below-wage bids are rejected. */
export const tenderAwardKeys = ['minQuality', 'rejectBelowLegalPay'] as const;

export type TenderInputs = Pick<Scenario, (typeof tenderInputKeys)[number]> & {
  readonly award: Pick<AwardRules, (typeof tenderAwardKeys)[number]>;
};

export interface TenderedLots {
  readonly lots: readonly Lot[];
  readonly rejections: readonly Rejection[];
}

export function tenderLots(scenario: TenderInputs): TenderedLots {
  const lots = buildLots(scenario, scenario.zonings.get(scenario.zoning) ?? new Map<string, string>());
  if (!scenario.award.rejectBelowLegalPay) return { lots, rejections: [] };
  const floors = lotFloors(scenario, lots, scenario.costModel);
  const rejections: Rejection[] = [];
  const tendered = lots.map((lot) => {
    const floor = floors.get(lot.id)?.wageFloorPerHour;
    if (floor === undefined) return lot;
    const rejected = eligiblePartBids(lot, scenario.bids, scenario.award)
      .filter((b) => b.price < floor)
      .map((b) => b.id);
    for (const bidId of rejected) {
      const price = scenario.bids.find((b) => b.id === bidId)?.price ?? 0;
      rejections.push({ bidId, lotId: lot.id, pricePerHour: price, legalPayFloorPerHour: floor });
    }
    return rejected.length === 0 ? lot : { ...lot, rejectedBidIds: rejected };
  });
  return { lots: tendered, rejections };
}

/**
 * Lots with demand that no bid was priced for: no provider offers an eligible
 * bid (for each care type the lot carries) for the lot's structure, coverage,
 * roles, quality and legal pay. Capacity aside, nobody can be awarded them.
 */
function unpricedLots(scenario: Scenario, lots: readonly Lot[]): Lot[] {
  return lots.filter((lot) => !hasEligibleOffer(lot, scenario.bids, scenario.award));
}

/**
 * One message a rejected bid, in the order the rejections came: a bid rejected for one lot names
 * it, a bid rejected for several (a county-wide bid below the floor of every zone) says so once,
 * with the lots it stays in for, rather than once a lot.
 */
function rejectedBids(
  scenario: Scenario,
  lots: readonly Lot[],
  rejections: readonly Rejection[],
): { readonly bidId: string; readonly text: string }[] {
  const byBid = new Map<string, Rejection[]>();
  for (const r of rejections) pushTo(byBid, r.bidId, r);
  const kept = lotsKeptFor(
    scenario,
    lots,
    new Set([...byBid].filter(([, of]) => of.length > 1).map(([id]) => id)),
  );
  return [...byBid].map(([bidId, of]) => {
    const { lotId, pricePerHour, legalPayFloorPerHour } = of[0] as Rejection;
    const inLots = of.map((r) => ({ lotId: r.lotId, floor: r.legalPayFloorPerHour }));
    const text =
      of.length === 1
        ? bidBelowLegalPay(bidId, lotId, pricePerHour, legalPayFloorPerHour, scenario.currency)
        : bidBelowLegalPayInLots(bidId, inLots, kept.get(bidId) ?? 0, pricePerHour, scenario.currency);
    return { bidId, text };
  });
}

/** How many of the tendered lots each of `bidIds` may still win (its rejections left out: eligibility.ts). */
function lotsKeptFor(
  scenario: Scenario,
  lots: readonly Lot[],
  bidIds: ReadonlySet<string>,
): Map<string, number> {
  const kept = new Map<string, number>();
  if (bidIds.size === 0) return kept;
  for (const lot of lots)
    for (const b of eligiblePartBids(lot, scenario.bids, scenario.award))
      if (bidIds.has(b.id)) kept.set(b.id, (kept.get(b.id) ?? 0) + 1);
  return kept;
}

/** A warning about the tender as set, and where in the files it comes from (null: no one place). */
export interface TenderWarning {
  readonly place: Place | null;
  readonly message: string;
}

/** What a commissioner should know before the award: rejected bids, and lots no bid can fill. */
export function tenderIssues(
  scenario: Scenario,
  lots: readonly Lot[],
  rejections: readonly Rejection[],
): TenderWarning[] {
  const at = (place: Place | undefined, message: string) => ({ place: place ?? null, message });
  const rejected = rejectedBids(scenario, lots, rejections).map((message) =>
    at(scenario.places?.bids.get(message.bidId), message.text),
  );
  const unfillable = unpricedLots(scenario, lots).map((lot) =>
    at(
      scenario.places?.lots.get(lot.careType),
      lotWithoutEligibleBid(lot.id, lot.demand, [...lot.careDemand.keys()]),
    ),
  );
  const zoneless = zonesWithoutLots(scenario, lots).map((message) => at(undefined, message));
  const fewBidders = tooFewBidders(scenario, lots).map((message) =>
    at(scenario.places?.award.get('minDistinctProviders'), message),
  );
  const shortFrameworks = frameworksShortOfBidders(scenario, lots).map(({ careType, message }) =>
    at(scenario.places?.lots.get(careType), message),
  );
  const cappedFrameworks = frameworksAboveShareCap(scenario, lots).map(({ careType, message }) =>
    at(scenario.places?.lots.get(careType), message),
  );
  const cappedRoles = rolesAboveShareCap(scenario, lots).map((message) =>
    at(scenario.places?.award.get('maxShareOfTotalHours'), message),
  );
  return [
    ...rejected,
    ...unfillable,
    ...zoneless,
    ...fewBidders,
    ...shortFrameworks,
    ...cappedFrameworks,
    ...cappedRoles,
  ];
}

/**
 * Care types tendered in frameworks with more places (`maxProviders`) than providers have an
 * eligible offer for in any of their lots: the places cannot all be filled, and validate said
 * "valid" without a word. A care type whose lots no bid may take is told of lot by lot already.
 */
function frameworksShortOfBidders(
  scenario: Scenario,
  lots: readonly Lot[],
): { careType: CareType; message: string }[] {
  const byCareType = new Map<CareType, Lot[]>();
  for (const lot of lots) {
    if (!hasPlaces(lot)) continue;
    const framed = byCareType.get(lot.careType);
    if (framed === undefined) byCareType.set(lot.careType, [lot]);
    else framed.push(lot);
  }
  return [...byCareType].flatMap(([careType, framed]) => {
    const places = Math.max(...framed.map((lot) => lot.maxProviders));
    let most = 0;
    // Stops at the first lot that can fill every place.
    for (const lot of framed) {
      most = Math.max(most, offerProviders(lot, scenario.bids, scenario.award).size);
      if (most >= places) return [];
    }
    return most === 0 ? [] : [{ careType, message: frameworkPlacesUnfillable(careType, places, most) }];
  });
}

/** The tender's warnings as `place: message` lines (result.json's `warnings`, validate). */
export function tenderWarnings(
  scenario: Scenario,
  lots: readonly Lot[],
  rejections: readonly Rejection[],
): string[] {
  return tenderIssues(scenario, lots, rejections).map(({ place, message }) =>
    place === null ? message : `${formatPlace(place)}: ${message}`,
  );
}

/**
 * A distinct-winners rule that the bids alone rule out: fewer providers have an eligible
 * offer for any lot than `award.minDistinctProviders` asks to win. The award is then
 * infeasible (solve says so, with its diagnosis), and validate said "valid" before.
 */
function tooFewBidders(scenario: Scenario, lots: readonly Lot[]): string[] {
  const wanted = scenario.award.minDistinctProviders;
  if (wanted <= 1) return [];
  // Stops at the first lots that show enough bidders: on the county, after a lot or two, in every batch variant.
  const bidders = new Set<string>();
  for (const lot of lots) {
    for (const providerId of offerProviders(lot, scenario.bids, scenario.award)) bidders.add(providerId);
    if (bidders.size >= wanted) return [];
  }
  return [tooFewBiddersFor(wanted, bidders.size)];
}

/**
 * Zones of the active zoning that no lot covers although some care is tendered zone by
 * zone: a zone whose demand in the period is 0 gets no lot, and was left out silently.
 */
function zonesWithoutLots(scenario: Scenario, lots: readonly Lot[]): string[] {
  const zoneTypes = new Set(
    careTypes
      .filter((t) => {
        const e = scenario.lotPlan[t];
        return e !== undefined && e.kind !== 'merge' && e.geography === 'zone';
      })
      .flatMap((t) => [...carriedTypes(t, scenario)]),
  );
  if (zoneTypes.size === 0) return [];
  const tendered = new Set(lots.map((lot) => lot.zoneId));
  const areaIds = scenario.areas.map((a) => a.id).sort();
  const zones = groupAreas(areaIds, scenario.zonings.get(scenario.zoning) ?? new Map(), 'zone');
  return [...zones]
    .filter(([zoneId]) => !tendered.has(zoneId) && zoneId !== countyZoneId)
    .sort(byKey)
    .map(([zoneId, zoneAreas]) =>
      zoneWithoutDemand(
        zoneId,
        zoneAreas,
        scenario.period,
        scenario.places?.names.demand ?? 'demand.csv',
        peakLaterDemand(scenario, zoneAreas, zoneTypes),
      ),
    );
}

/** A zone's largest demand in a period after the design period, of the care tendered by zone; null when none. */
function peakLaterDemand(
  scenario: Scenario,
  areaIds: readonly string[],
  types: ReadonlySet<CareType>,
): { period: string; hours: number } | null {
  const areas = new Set(areaIds);
  const byPeriod = new Map<string, number>();
  for (const d of scenario.demand)
    if (d.period !== scenario.period && areas.has(d.areaId) && types.has(d.careType))
      byPeriod.set(d.period, (byPeriod.get(d.period) ?? 0) + d.hours);
  const later = [...byPeriod]
    .filter(([period, hours]) => hours > 0 && periodOrder(period, scenario.period) > 0)
    .sort(([a, x], [b, y]) => y - x || periodOrder(a, b));
  const [period, hours] = later[0] ?? [];
  return period === undefined || hours === undefined ? null : { period, hours };
}
