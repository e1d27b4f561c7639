/**
 * Surge cover and growth: demand above the design demand (a high forecast, a
 * later period's) against the spare capacity of the winners who could serve it.
 */
import type { ScoreComponent } from '../model/result.js';
import type { Lot } from '../model/types.js';
import { coverableHours } from './handback-cover.js';
import { areaStandIns, riseByArea, surgeByArea, type AreaCover } from './framework-reach.js';
import { holdersOf, spareOf, type AwardFacts } from './award-facts.js';
import { clamp01, component, fmtHours, fmtPercent } from './components.js';

/** The winners' spare capacity for a lot: each provider's spare shared across its lots in proportion to its hours there. */
function spareForLot(facts: AwardFacts, lotId: string): number {
  return holdersOf(facts, lotId).reduce(
    (t, [p, h]) => t + spareOf(facts, p) * (h / (facts.hoursByProvider.get(p) ?? h)),
    0,
  );
}

/**
 * Surge cover: high-forecast demand above the design demand against the
 * winners' spare capacity (a surge hits every lot at once, so each provider's
 * spare is shared across its lots); in a framework, only the spare of members
 * covering the areas where the extra hours fall (framework-reach.ts).
 */
export function surgeRisk(facts: AwardFacts, lot: Lot, where?: AreaCover): ScoreComponent {
  const extra = lot.demandHigh - lot.demand;
  if (extra <= 0) return component(0, 'no high forecast above the design demand');
  const cover = spareForLot(facts, lot.id);
  const standIns = where === undefined ? null : areaStandIns(facts, lot, where);
  const reach =
    where === undefined || standIns === null
      ? null
      : coverableHours(surgeByArea(where.scenario, lot), standIns);
  const short = clamp01(1 - (reach ?? cover) / extra);
  return component(
    short,
    `high forecast adds ${fmtHours(extra)}; winners' spare for this lot ${fmtHours(cover)}${reachText(reach)}: ${fmtPercent(short)} not covered`,
  );
}

const reachText = (reach: number | null) =>
  reach === null ? '' : `, of which ${fmtHours(reach)} in the areas that need it`;

/**
 * Growth: the largest rise of the lot's demand in a period after the design
 * period (demand.csv's later rows) against the winners' spare capacity. The
 * contract is let on design demand; growth must come out of the winners' spare
 * (in a framework, out of the spare of members covering the areas that grow).
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
  const cover = spareForLot(facts, lot.id);
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
  const short = clamp01(1 - (reach ?? cover) / needed);
  // The reason quotes what the value is measured against (review14: "rises by 100" beside 900 reachable and 10% short).
  // Only where it reads differently: rounding alone makes the areas' sum a hair above the net rise (review14b).
  const areasRise =
    needed > extra && fmtHours(needed) !== fmtHours(extra)
      ? ` (${fmtHours(needed)} in the areas that grow)`
      : '';
  return component(
    short,
    `demand rises by ${fmtHours(extra)} to ${fmtHours(peak.hours)} in ${peak.period}${areasRise}; winners' spare for this lot ${fmtHours(cover)}${reachText(reach)}: ${fmtPercent(short)} not covered`,
  );
}
