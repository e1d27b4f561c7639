/**
 * Surge cover and growth: demand above the design demand (a high forecast, a
 * later period's) against what the winners who could serve it could take on:
 * their spare for the lot, up to the room left in their bids there (take-over-room.ts).
 */
import type { ScoreComponent } from '../model/result.js';
import type { Lot } from '../model/types.js';
import { coverableHours } from './handback-cover.js';
import { areaStandIns, riseByArea, surgeByArea, type AreaCover } from './framework-reach.js';
import { placesIn, type AwardFacts } from './award-facts.js';
import { clamp01, component, fmtHours, fmtPercent } from './components.js';
import { winnerRoom } from './take-over-room.js';
import { winnersCouldTakeOn } from '../diagnostics/messages.js';

/** The spare for the lot of the winners (a framework's members awarded no hours too), and what they could take on of it under their bids (winnerRoom). */
function coverForLot(facts: AwardFacts, lot: Lot): { spare: number; hours: number } {
  return placesIn(facts, lot.id)
    .map(([p, h]) => winnerRoom(facts, lot, p, h))
    .reduce((t, r) => ({ spare: t.spare + r.spare, hours: t.hours + r.hours }), { spare: 0, hours: 0 });
}

/**
 * Surge cover: high-forecast demand above the design demand against what the
 * winners could take on (a surge hits every lot at once, so each provider's
 * spare is shared across its lots; each up to its bids' room); in a framework, only the spare of members
 * covering the areas where the extra hours fall (framework-reach.ts).
 */
export function surgeRisk(facts: AwardFacts, lot: Lot, where?: AreaCover): ScoreComponent {
  const extra = lot.demandHigh - lot.demand;
  if (extra <= 0) return component(0, 'no high forecast above the design demand');
  const cover = coverForLot(facts, lot);
  const standIns = where === undefined ? null : areaStandIns(facts, lot, where);
  const reach =
    where === undefined || standIns === null
      ? null
      : coverableHours(surgeByArea(where.scenario, lot), standIns);
  const short = clamp01(1 - (reach ?? cover.hours) / extra);
  return component(
    short,
    `high forecast adds ${fmtHours(extra)}; ${winnersCouldTakeOn(cover.hours, cover.spare)}${reachText(reach)}: ${fmtPercent(short)} not covered`,
  );
}

const reachText = (reach: number | null) =>
  reach === null ? '' : `, of which ${fmtHours(reach)} in the areas that need it`;

/**
 * Growth: the largest rise of the lot's demand in a period after the design
 * period (demand.csv's later rows) against what the winners could take on. The
 * contract is let on design demand; growth must come out of the winners' spare,
 * under their bids (in a framework, out of the spare of members covering the areas that grow).
 */
export function growthRisk(facts: AwardFacts, lot: Lot, where?: AreaCover): ScoreComponent {
  if (lot.laterDemand.length === 0)
    return component(0, 'no period after the design period in the demand forecast');
  const peak = [...lot.laterDemand].sort((a, b) => b.hours - a.hours)[0] ?? { period: '', hours: 0 };
  const extra = peak.hours - lot.demand;
  if (extra <= 0)
    return component(
      0,
      `demand does not rise above the design demand in ${lot.laterDemand.map((d) => d.period).join(', ')}`,
    );
  const cover = coverForLot(facts, lot);
  const standIns = where === undefined ? null : areaStandIns(facts, lot, where);
  const need = where === undefined || standIns === null ? null : riseByArea(where.scenario, lot, peak.period);
  const reach = need === null || standIns === null ? null : coverableHours(need, standIns);
  // Areas that grow need their own cover even where others shrink: the rise is theirs, area by area.
  const needed =
    need === null || reach === null
      ? extra
      : Math.max(
          extra,
          [...need.values()].reduce((t, h) => t + h, 0),
        );
  const short = clamp01(1 - (reach ?? cover.hours) / needed);
  // The reason quotes what the value is measured against (review14: "rises by 100" beside 900 reachable and 10% short).
  // Only where it reads differently: rounding alone makes the areas' sum a hair above the net rise (review14b).
  const areasRise =
    needed > extra && fmtHours(needed) !== fmtHours(extra)
      ? ` (${fmtHours(needed)} in the areas that grow)`
      : '';
  return component(
    short,
    `demand rises by ${fmtHours(extra)} to ${fmtHours(peak.hours)} in ${peak.period}${areasRise}; ${winnersCouldTakeOn(cover.hours, cover.spare)}${reachText(reach)}: ${fmtPercent(short)} not covered`,
  );
}
