/**
 * Offers: how a provider holds a place in a lot. A lot of one care type is won
 * with one bid. A lot that carries merged care types (complex merged into
 * standard) is won with one bid per care type with demand in the lot, each
 * eligible on its own, and each care type's hours are served and paid at its
 * own bid's price: bidders never priced complex hours at their standard rate.
 *
 * Used by the program builder, back-ups and scoring; the verifier and the
 * brute-force oracle of the tests each keep their own reading of this rule.
 */
import type { AwardRules, Bid, CareType, Lot } from '../model/types.js';
import { hasPlaces } from '../structures/index.js';
import {
  candidateBids,
  covers,
  filledRoles,
  isEligible,
  remembered,
  type EligibilityRules,
  type FilledRole,
  type LotAnswers,
} from './eligibility.js';
import { byId, byText } from '../model/order.js';

export interface Offer {
  readonly providerId: string;
  /** One bid per care type the lot carries, in the order of `lot.careDemand` (the lot's own first). */
  readonly bids: readonly Bid[];
}

/** One care type's share of some hours, served by one bid of an offer. */
export interface OfferPart {
  readonly bid: Bid;
  readonly careType: CareType;
  /** Share of the hours (of a role, or of one area) that are this care type's. */
  readonly fraction: number;
}

/** The offer's name in variable names and messages: its bid ids joined by `&`. */
export function offerName(offer: Offer): string {
  return offer.bids.map((b) => b.id).join('&');
}

/**
 * Every combination of one item from each list, in order (the last list turning
 * fastest). `at` holds the item taken from each list, turned on like an odometer.
 */
function combinations<T>(lists: readonly (readonly T[])[]): T[][] {
  const combos: T[][] = [];
  if (lists.some((list) => list.length === 0)) return combos;
  const at = lists.map(() => 0);
  const taken = (list: readonly T[], i: number) => list[at[i] ?? 0] as T;
  for (;;) {
    combos.push(lists.map(taken));
    // The last list moves on; a list that runs out starts again and moves the one before it on.
    let i = lists.length - 1;
    for (; i >= 0; i--) {
      const next = (at[i] ?? 0) + 1;
      if (next < (lists[i]?.length ?? 0)) {
        at[i] = next;
        break;
      }
      at[i] = 0;
    }
    if (i < 0) return combos;
  }
}

/** Every care type with demand in the area is covered there by its bid of the offer. */
function servesArea(offer: Offer, lot: Lot, areaId: string): boolean {
  return offer.bids.every(
    (b) => !(lot.careDemand.get(b.careType)?.has(areaId) ?? false) || covers(b, areaId),
  );
}

/** The areas (with demand) a framework offer serves: every care type with demand there is covered by its bid. */
export function offerAreas(offer: Offer, lot: Lot): string[] {
  return [...lot.demandByArea.keys()].filter((areaId) => servesArea(offer, lot, areaId)).sort();
}

/** Whether a framework offer serves some area (`offerAreas` not empty), without listing them. */
function servesSomeArea(offer: Offer, lot: Lot): boolean {
  for (const areaId of lot.demandByArea.keys()) if (servesArea(offer, lot, areaId)) return true;
  return false;
}

const bidListAnswers: LotAnswers<BidLists> = new WeakMap();
const offerAnswers: LotAnswers<readonly Offer[]> = new WeakMap();
const eligibleOfferAnswers: LotAnswers<readonly Offer[]> = new WeakMap();
const hasOfferAnswers: LotAnswers<boolean> = new WeakMap();

/**
 * Offers that may fill a role of the lot, sorted by provider and bid ids:
 * per provider, every combination of its bids eligible on their own, one per
 * care type with demand in the lot. A framework offer must serve some area.
 */
export function offersFor(
  lot: Lot,
  bids: readonly Bid[],
  role: FilledRole,
  rules: EligibilityRules,
): readonly Offer[] {
  return remembered(offerAnswers, lot, bids, `${role}\0${rules.minQuality}`, () => {
    const offers: Offer[] = [];
    bidListsFor(lot, bids, role, rules).forEach((lists, providerId) => {
      offers.push(...providerOffers(lot, providerId, lists));
    });
    return offers;
  });
}

/**
 * Whether any offer could fill a role of the lot: provider by provider, and
 * the first found answers, so a lot with many offers is not listed to learn
 * that it has one.
 */
export function hasEligibleOffer(lot: Lot, bids: readonly Bid[], rules: EligibilityRules): boolean {
  return remembered(hasOfferAnswers, lot, bids, String(rules.minQuality), () =>
    filledRoles(lot).some((role) => {
      for (const [providerId, lists] of bidListsFor(lot, bids, role, rules))
        if (makesOffer(lot, providerId, lists)) return true;
      return false;
    }),
  );
}

/** Each provider's eligible bids for a role, one list per care type the lot carries (eligibleBidLists). */
type BidLists = ReadonlyMap<string, readonly (readonly Bid[])[]>;

/**
 * eligibleBidLists, made once per lot and role: whether a lot has an offer, which
 * providers have one (tender warnings) and its offers (the program) all start from them.
 */
function bidListsFor(lot: Lot, bids: readonly Bid[], role: FilledRole, rules: EligibilityRules): BidLists {
  return remembered(bidListAnswers, lot, bids, `${role}\0${rules.minQuality}`, () =>
    eligibleBidLists(lot, bids, role, rules),
  );
}

/** Bids by provider, then by id. */
const byProviderAndId = (a: Bid, b: Bid): number => byText(a.providerId, b.providerId) || byId(a, b);

/**
 * Each provider's eligible bids for the role, one list per care type the lot
 * carries (in its order), each list in bid id order. The candidates are taken
 * by provider and id, so the providers with a bid of the lot's first care type
 * (the only ones with an offer) come first and in id order.
 */
function eligibleBidLists(
  lot: Lot,
  bids: readonly Bid[],
  role: FilledRole,
  rules: EligibilityRules,
): Map<string, Bid[][]> {
  const types = [...lot.careDemand.keys()];
  const byProvider = new Map<string, Bid[][]>();
  types.forEach((type, i) => {
    for (const bid of candidateBids(lot, bids, type).sort(byProviderAndId)) {
      if (!isEligible(bid, lot, role, rules)) continue;
      const lists = byProvider.get(bid.providerId) ?? types.map((): Bid[] => []);
      lists[i]?.push(bid);
      byProvider.set(bid.providerId, lists);
    }
  });
  return byProvider;
}

/** One provider's offers from its bid lists (each in bid id order), in bid id order. */
function providerOffers(lot: Lot, providerId: string, lists: readonly (readonly Bid[])[]): Offer[] {
  const places = hasPlaces(lot);
  const offers: Offer[] = [];
  for (const combo of combinations(lists)) {
    const offer = { providerId, bids: combo };
    if (!places || servesSomeArea(offer, lot)) offers.push(offer);
  }
  return offers;
}

/**
 * Whether a provider's bid lists make some offer (providerOffers not empty): in a lot of
 * roles, whenever no list is empty, so its offers need not be listed to know it.
 */
function makesOffer(lot: Lot, providerId: string, lists: readonly (readonly Bid[])[]): boolean {
  if (!hasPlaces(lot)) return lists.every((list) => list.length > 0);
  return providerOffers(lot, providerId, lists).length > 0;
}

/** The providers with an eligible offer for some role of the lot (a provider found for one role is not asked again). */
export function offerProviders(lot: Lot, bids: readonly Bid[], rules: EligibilityRules): Set<string> {
  const found = new Set<string>();
  for (const role of filledRoles(lot))
    for (const [providerId, lists] of bidListsFor(lot, bids, role, rules))
      if (!found.has(providerId) && makesOffer(lot, providerId, lists)) found.add(providerId);
  return found;
}

/** Offers that could fill any role of the lot (each once), sorted by provider and bid ids. */
export function eligibleOffers(lot: Lot, bids: readonly Bid[], rules: EligibilityRules): readonly Offer[] {
  return remembered(eligibleOfferAnswers, lot, bids, String(rules.minQuality), () => {
    const seen = new Map<string, Offer>();
    for (const role of filledRoles(lot))
      for (const offer of offersFor(lot, bids, role, rules)) seen.set(offerName(offer), offer);
    return [...seen.values()].sort((a, b) =>
      a.providerId < b.providerId
        ? -1
        : a.providerId > b.providerId
          ? 1
          : offerName(a) < offerName(b)
            ? -1
            : 1,
    );
  });
}

/** Hours added in the order given. */
function sum(hours: Iterable<number> = []): number {
  let total = 0;
  for (const h of hours) total += h;
  return total;
}

/** How hours of the lot (a role's, or one area's when `areaId` is given) split between the offer's bids. */
export function offerParts(offer: Offer, lot: Lot, areaId?: string): OfferPart[] {
  const total = areaId === undefined ? lot.demand : (lot.demandByArea.get(areaId) ?? 0);
  return offer.bids.map((bid) => {
    const demand = lot.careDemand.get(bid.careType);
    const hours = areaId === undefined ? sum(demand?.values()) : (demand?.get(areaId) ?? 0);
    return { bid, careType: bid.careType, fraction: total > 0 ? hours / total : 0 };
  });
}

/** Hours-weighted price and quality of parts: what one hour of them costs and scores. */
export function blend(parts: readonly OfferPart[]): { readonly price: number; readonly quality: number } {
  const weight = parts.reduce((t, p) => t + p.fraction, 0) || 1;
  return {
    price: parts.reduce((t, p) => t + p.fraction * p.bid.price, 0) / weight,
    quality: parts.reduce((t, p) => t + p.fraction * p.bid.quality, 0) / weight,
  };
}

/** Lowest hours-weighted price (over the lot's care-type mix) among offers eligible for the lot, for MEAT price scores. */
export function lowestPrice(lot: Lot, bids: readonly Bid[], rules: EligibilityRules): number | null {
  const prices = eligibleOffers(lot, bids, rules).map((o) => blend(offerParts(o, lot)).price);
  return prices.length === 0 ? null : Math.min(...prices);
}

/**
 * MEAT score of one hour served with this price and quality:
 * qualityWeight × quality/100 + priceWeight × minPrice/price. For an offer of
 * several bids the price and quality are hours-weighted (`blend`).
 */
export function meatScore(
  offer: { readonly price: number; readonly quality: number },
  minPrice: number,
  rules: AwardRules,
): number {
  return rules.qualityWeight * (offer.quality / 100) + rules.priceWeight * (minPrice / offer.price);
}
