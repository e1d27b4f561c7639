/**
 * How prices and cost floors rise over the contract (docs/contract.md, "Uplifts").
 *
 * - Prices follow the scenario's indexation: `none`, `fixed` (percent a year,
 *   compounding) or `wage` (the wage rise applied to the labour share of the price).
 * - Cost floors always follow the wage on their labour share, whatever the
 *   indexation, so a price held flat can fall below the floor in a later year.
 *
 * The wage rises by the published National Living Wage from one April to the
 * next where both are known, and by the last published rise after that.
 */
import type { CostFloor } from '../scoring/cost-floor.js';
import type { ContractSettings } from '../model/contract-settings.js';
import type { ContractYear } from './term.js';
import { ascending } from '../model/order.js';

/**
 * National Living Wage (£ per hour, from April of the year), as the Homecare
 * Association quotes it in its Minimum Price for Homecare 2022/23-2025/26 and
 * its December 2025 note on April 2026.
 */
const nationalLivingWage: Readonly<Record<number, number>> = {
  2022: 9.5,
  2023: 10.42,
  2024: 11.44,
  2025: 12.21,
  2026: 12.71,
};

const nlwYears = Object.keys(nationalLivingWage).map(Number).sort(ascending);
const lastYear = nlwYears[nlwYears.length - 1] as number;
/** The last published rise (2025 → 2026, about 4.1%): held for later years. */
const lastRise = (nationalLivingWage[lastYear] as number) / (nationalLivingWage[lastYear - 1] as number) - 1;

/** The wage rise (a fraction) from `year - 1` to `year`. */
export function wageRise(year: number, contract: Pick<ContractSettings, 'wageRisePercentPerYear'>): number {
  if (contract.wageRisePercentPerYear !== undefined) return contract.wageRisePercentPerYear / 100;
  const now = nationalLivingWage[year];
  const before = nationalLivingWage[year - 1];
  return now !== undefined && before !== undefined ? now / before - 1 : lastRise;
}

/** The wage in each contract year as a multiple of the first year's. */
function wageFactors(
  years: readonly ContractYear[],
  contract: Pick<ContractSettings, 'wageRisePercentPerYear'>,
): number[] {
  const factors: number[] = [];
  for (const y of years)
    factors.push(
      y.index === 0 ? 1 : (factors[y.index - 1] ?? 1) * (1 + wageRise(Number(y.period), contract)),
    );
  return factors;
}

/** Share of a cost floor that is pay (contact and travel time and on-costs): the part the wage moves. */
function labourShare(floor: CostFloor | undefined): number {
  if (floor === undefined || floor.perHour <= 0) return 0;
  const { contactPay, travelPay, onCosts } = floor.parts;
  return Math.min(1, (contactPay + travelPay + onCosts) / floor.perHour);
}

/** A price or floor whose labour share moves with the wage: its multiple of the first year's. */
const withWage = (share: number, wage: number) => 1 - share + share * wage;

/** Each contract year's price as a multiple of the bid price, for a lot whose floor is `floor`. */
export function priceFactors(
  contract: ContractSettings,
  years: readonly ContractYear[],
  floor: CostFloor | undefined,
): number[] {
  const ix = contract.indexation;
  switch (ix.kind) {
    case 'none':
      return years.map(() => 1);
    case 'fixed':
      return years.map((y) => (1 + ix.percentPerYear / 100) ** y.index);
    case 'wage': {
      const share = ix.labourShare ?? labourShare(floor);
      return wageFactors(years, contract).map((w) => withWage(share, w));
    }
  }
}

/** Each contract year's cost floor as a multiple of the first year's: its labour share follows the wage. */
export function floorFactors(
  contract: ContractSettings,
  years: readonly ContractYear[],
  floor: CostFloor | undefined,
): number[] {
  const share = labourShare(floor);
  return wageFactors(years, contract).map((w) => withWage(share, w));
}
