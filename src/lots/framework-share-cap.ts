/**
 * Framework lots whose least share per member (`minShare` of the lot's hours) is more than
 * the share cap lets one provider hold (`award.maxShareOfTotalHours` of every lot's hours):
 * no provider may take a place, and every hour of such a lot goes unbought. Each rule is
 * valid alone; together, on a county framework, they left 4,550 h/week of 4,550 unbought and
 * validate said "valid" without a word.
 */
import { frameworkShareAboveCap } from '../diagnostics/messages.js';
import type { CareType, Lot, Scenario } from '../model/types.js';
import { hasPlaces } from '../structures/index.js';

/** One message per care type with such lots. */
export function frameworksAboveShareCap(
  scenario: Pick<Scenario, 'award'>,
  lots: readonly Lot[],
): { careType: CareType; message: string }[] {
  const cap = scenario.award.maxShareOfTotalHours;
  if (cap >= 1) return [];
  const capHours = cap * lots.reduce((t, lot) => t + lot.demand, 0);
  const closed = new Map<CareType, Lot[]>();
  for (const lot of lots)
    if (hasPlaces(lot) && lot.minShare * lot.demand > capHours + 1e-6)
      closed.set(lot.careType, [...(closed.get(lot.careType) ?? []), lot]);
  return [...closed].map(([careType, shut]) => {
    const largest = shut.reduce((a, b) => (b.demand > a.demand ? b : a));
    const framed = lots.filter((lot) => lot.careType === careType && hasPlaces(lot)).length;
    return {
      careType,
      message: frameworkShareAboveCap({
        careType,
        minShare: largest.minShare,
        lotId: largest.id,
        leastHours: largest.minShare * largest.demand,
        cap,
        capHours,
        shut: shut.length,
        framed,
        fits: Math.floor((1000 * capHours) / largest.demand) / 1000,
      }),
    };
  });
}
