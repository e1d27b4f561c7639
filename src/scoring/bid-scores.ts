/**
 * MEAT scores of every bid for every lot it could serve, for procurement
 * teams (`zonal score`): price score = 100 × priceWeight × lowest eligible
 * price / bid price (at most 100 × priceWeight, for a bid that may not win), quality score = qualityWeight × quality (0-100), total,
 * rank within the lot, and abnormally-low-tender flags. A lot with merged care
 * types lists the bids of each care type, priced against that care type's
 * lowest price (a bid is paid its own price for its own care type's hours).
 */
import {
  candidateBids,
  eligiblePartBids,
  filledRoles,
  isEligible,
  type FilledRole,
} from '../lots/eligibility.js';
import type { Bid, Lot, Scenario } from '../model/types.js';
import { lotFloors, type CostFloor } from './cost-floor.js';
import { flagFor, otherBidsMedian } from './flags.js';
import { lowTenderThresholds, type ScoringSettings } from './settings.js';
import { byId, byText } from '../model/order.js';

export interface BidScore {
  readonly lotId: string;
  readonly bidId: string;
  readonly providerId: string;
  readonly roles: readonly FilledRole[];
  readonly pricePerHour: number;
  readonly quality: number;
  readonly priceScore: number;
  readonly qualityScore: number;
  readonly totalScore: number;
  /** 1 is best; null when the bid may not win (below the minimum quality). */
  readonly rank: number | null;
  readonly costFloorPerHour: number | null;
  readonly wageFloorPerHour: number | null;
  readonly flags: readonly string[];
  readonly action: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface LotContext {
  readonly lot: Lot;
  readonly minPrice: number;
  readonly floor: CostFloor | undefined;
  readonly othersMedian: (providerId: string) => number | null;
}

function scoreBid(
  scenario: Scenario,
  { lot, minPrice, floor, othersMedian }: LotContext,
  bid: Bid,
  roles: FilledRole[],
  settings: ScoringSettings,
): Omit<BidScore, 'rank'> {
  const rules = scenario.award;
  // A bid that may not win can be cheaper than every bid that may: it gets the full price points, never more.
  const priceScore = round2(100 * rules.priceWeight * Math.min(1, minPrice / bid.price));
  const qualityScore = round2(rules.qualityWeight * bid.quality);
  const flag =
    floor === undefined
      ? null
      : flagFor(
          { bidId: bid.id, providerId: bid.providerId, lotId: lot.id, price: bid.price },
          floor,
          othersMedian(bid.providerId),
          lowTenderThresholds(settings.scoring),
          scenario.currency,
        );
  const belowQuality = bid.quality < rules.minQuality;
  const flags = [...(flag === null ? [] : [flag.kind]), ...(belowQuality ? ['below-min-quality'] : [])];
  const actions = [
    ...(flag === null ? [] : [flag.action]),
    ...(belowQuality ? [`cannot win: quality ${bid.quality} is below the minimum ${rules.minQuality}`] : []),
  ];
  return {
    lotId: lot.id,
    bidId: bid.id,
    providerId: bid.providerId,
    roles,
    pricePerHour: bid.price,
    quality: bid.quality,
    priceScore,
    qualityScore,
    totalScore: round2(priceScore + qualityScore),
    costFloorPerHour: floor?.perHour ?? null,
    wageFloorPerHour: floor?.wageFloorPerHour ?? null,
    flags,
    action: actions.join('; '),
  };
}

/** Ranks by total score (ties share a rank); bids that cannot win (rejected, below minQuality) keep rank null. */
function ranked(
  rows: readonly Omit<BidScore, 'rank'>[],
  minQuality: number,
  rejected: ReadonlySet<string>,
): BidScore[] {
  const order = [...rows].sort(
    (a, b) => b.totalScore - a.totalScore || a.pricePerHour - b.pricePerHour || byText(a.bidId, b.bidId),
  );
  let rank = 0;
  let seen = 0;
  let last = Number.NaN;
  return order.map((row) => {
    if (row.quality < minQuality || rejected.has(row.bidId)) return { ...row, rank: null };
    seen++;
    if (row.totalScore !== last) [rank, last] = [seen, row.totalScore];
    return { ...row, rank };
  });
}

export function bidScores(scenario: Scenario, lots: readonly Lot[], settings: ScoringSettings): BidScore[] {
  const floors = lotFloors(scenario, lots, settings.costModel);
  const anyQuality = { ...scenario.award, minQuality: 0 };
  const bids = [...scenario.bids].sort(byId);
  return [...lots].sort(byId).flatMap((lot) => {
    // The lowest price of its care type among bids that may win sets the price points; rejected bids are still listed.
    const eligible = eligiblePartBids(lot, bids, scenario.award);
    const listed = { ...lot, rejectedBidIds: [] };
    const othersMedian = otherBidsMedian(scenario, lot);
    const rows = [...lot.careDemand.keys()].flatMap((careType) => {
      const prices = eligible.filter((b) => b.careType === careType).map((b) => b.price);
      const minPrice = prices.length > 0 ? Math.min(...prices) : Math.min(...bids.map((b) => b.price));
      const context: LotContext = {
        lot,
        minPrice,
        floor: floors.get(lot.id),
        othersMedian: (providerId) => othersMedian(providerId, careType),
      };
      return candidateBids(lot, bids, careType).flatMap((bid) => {
        const roles = filledRoles(lot).filter((r) => isEligible(bid, listed, r, anyQuality));
        return roles.length === 0 ? [] : [scoreBid(scenario, context, bid, roles, settings)];
      });
    });
    return ranked(rows, scenario.award.minQuality, new Set(lot.rejectedBidIds));
  });
}
