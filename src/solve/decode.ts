/**
 * Read a solver's values back into an award: allocations per bid, lot and role,
 * and unmet hours per lot. Values are rounded to the integrality they must have.
 */
import type { Allocation, Bid, Lot } from '../model/types.js';
import type { Program } from './program.js';

const hoursTolerance = 1e-7;

function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export interface Decoded {
  readonly allocations: Allocation[];
  readonly unmet: Map<string, number>;
}

export function decode(program: Program, values: readonly number[], lots: readonly Lot[], bids: readonly Bid[], weeksPerYear: number): Decoded {
  const bidById = new Map(bids.map((b) => [b.id, b]));
  const unmet = new Map<string, number>(lots.map((l) => [l.id, 0]));
  const roleAllocations: Allocation[] = [];
  const framework = new Map<string, { bid: Bid; lotId: string; areaHours: Record<string, number> }>();
  program.variables.forEach((variable, i) => {
    const value = values[i] ?? 0;
    const m = variable.meaning;
    if (m.kind === 'assign' && value > 0.5) {
      const bid = bidById.get(m.bidId);
      if (bid === undefined) return;
      roleAllocations.push({
        lotId: m.lotId, bidId: bid.id, providerId: bid.providerId, role: m.role,
        hoursPerWeek: round(m.hours), pricePerHour: bid.price, annualCost: round(m.hours * bid.price * weeksPerYear, 2),
      });
    } else if (m.kind === 'unmet' && value > 0.5) {
      unmet.set(m.lotId, (unmet.get(m.lotId) ?? 0) + m.hours);
    } else if (m.kind === 'areaUnmet' && value > hoursTolerance) {
      unmet.set(m.lotId, (unmet.get(m.lotId) ?? 0) + value);
    } else if (m.kind === 'place' && value > 0.5) {
      // A framework place may carry no hours (when minShare is 0); it is still a place won.
      const bid = bidById.get(m.bidId);
      const key = `${m.lotId}|${m.bidId}`;
      if (bid !== undefined && !framework.has(key)) framework.set(key, { bid, lotId: m.lotId, areaHours: {} });
    } else if (m.kind === 'areaHours' && value > hoursTolerance) {
      const bid = bidById.get(m.bidId);
      if (bid === undefined) return;
      const key = `${m.lotId}|${m.bidId}`;
      const entry = framework.get(key) ?? { bid, lotId: m.lotId, areaHours: {} };
      entry.areaHours[m.areaId] = round(value);
      framework.set(key, entry);
    }
  });
  const members: Allocation[] = [...framework.values()].map(({ bid, lotId, areaHours }) => {
    const hours = round(Object.values(areaHours).reduce((t, h) => t + h, 0));
    return { lotId, bidId: bid.id, providerId: bid.providerId, role: 'member', hoursPerWeek: hours, pricePerHour: bid.price, annualCost: round(hours * bid.price * weeksPerYear, 2), areaHours };
  });
  for (const [lotId, hours] of unmet) unmet.set(lotId, round(hours));
  return { allocations: [...roleAllocations, ...members], unmet };
}
