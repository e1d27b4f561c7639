/**
 * Payment models (docs/contract.md, "Payment models"): what a lot's award
 * costs the council in the design year, and what its winners earn, when the
 * same hours are paid by the hour, as core plus reward, per customer
 * (capitated) or by the hour with a saved-hours incentive. One entry per
 * model in `paymentModels`; callers ask the table, never test a model's name.
 *
 * Each model prices a lot from what the award fixed: the hourly spend H (a
 * year), the hours h it buys a week, the lot's cost floor f and its demand
 * range (low and high as multiples x of the design demand). The provider's
 * margin is income less h × x × f × weeksPerYear.
 */
import type { PaymentModelKind, PaymentSettings } from '../model/contract-settings.js';
import type { ModelCost, Range } from '../model/contract-result.js';

/** What the award fixed for one lot. */
export interface LotSpend {
  readonly careType: string;
  /** £ a year paid by the hour (the award's annual cost of the lot). */
  readonly hourly: number;
  readonly hoursPerWeek: number;
  readonly weeksPerYear: number;
  readonly floorPerHour: number;
  /** Demand low and high as multiples of the design demand. */
  readonly low: number;
  readonly high: number;
}

interface PaymentModel {
  readonly describe: string;
  readonly price: (lot: LotSpend, settings: PaymentSettings) => ModelCost;
}

/** A model's case of its own terms: the low, central or high outcome rate, share saved and so on. */
type Case = 'low' | 'central' | 'high';

/** Low/central/high of `f` over the corner cases (demand low or high, each with the model's low and high case) and the central one. */
function spread(lot: LotSpend, f: (x: number, c: Case) => number): Range {
  const central = f(1, 'central');
  let low = central;
  let high = central;
  for (const x of [lot.low, lot.high])
    for (const c of cornerCases) {
      const v = f(x, c);
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  return { low, central, high };
}

const cornerCases = ['low', 'high'] as const;

/** Price of one case: the council's cost and the provider's margin at hours multiple x. */
function priced(
  lot: LotSpend,
  risk: ModelCost['demandRisk'],
  income: (x: number, scenario: Case) => number,
  paidHours: (x: number, scenario: Case) => number = (x) => x,
): ModelCost {
  const costOf = (x: number) => lot.hoursPerWeek * x * lot.floorPerHour * lot.weeksPerYear;
  const margin = (x: number, s: Case) => income(x, s) - costOf(paidHours(x, s));
  return { cost: spread(lot, income), providerMargin: spread(lot, margin), demandRisk: risk };
}

/** Customer-weeks of each need band a lot's hours stand for, and the band rates, scaled to today. */
function capitatedRates(lot: LotSpend, settings: PaymentSettings) {
  const c = settings.capitated;
  const today =
    c.todayPricePerHour === 'award'
      ? lot.hoursPerWeek > 0
        ? lot.hourly / (lot.hoursPerWeek * lot.weeksPerYear)
        : c.ratesAtPricePerHour
      : c.todayPricePerHour;
  const scale = today / c.ratesAtPricePerHour;
  // Hours a customer-week (or an episode) stands for: the 2015 rate over the 2015 hourly price.
  const band = (name: string, share: number, rate: number) => ({
    band: name,
    share,
    rate,
    hoursPerCustomer: rate / c.ratesAtPricePerHour,
    todayRate: rate * scale,
  });
  return lot.careType === 'reablement'
    ? [band('episode', 1, c.reablementPerEpisode)]
    : [
        band('lower', c.bandShares.lower, c.lowerPerWeek),
        band('higher', c.bandShares.higher, c.higherPerWeek),
        band('intensive', c.bandShares.intensive, c.intensivePerWeek),
      ];
}

export const paymentModels: { readonly [K in PaymentModelKind]: PaymentModel } = {
  hourly: {
    describe: 'paid by the hour: cost follows the hours delivered',
    price: (lot) => priced(lot, 'council', (x) => lot.hourly * x),
  },
  'core-reward': {
    describe: 'a core share paid by the hour, the rest as a reward at the outcome-achievement rate',
    price: (lot, s) => {
      const { coreShare, achievement } = s.coreReward;
      return priced(
        lot,
        'council',
        (x, c) => lot.hourly * x * (coreShare + (1 - coreShare) * achievement[c]),
      );
    },
  },
  capitated: {
    describe:
      'a rate per customer-week by need band (per episode for reablement): the provider carries the hours',
    price: (lot, s) => {
      // Customers are counted at the design hours; hours per customer above or below the
      // forecast are the provider's (its income stays, its cost follows the hours).
      const income = capitatedRates(lot, s).reduce(
        (t, b) =>
          t +
          (b.band === 'episode'
            ? ((b.share * lot.hoursPerWeek * lot.weeksPerYear) / b.hoursPerCustomer) * b.todayRate
            : ((b.share * lot.hoursPerWeek) / b.hoursPerCustomer) * b.todayRate * lot.weeksPerYear),
        0,
      );
      return priced(lot, 'provider', () => income);
    },
  },
  'saved-hours': {
    describe: 'paid by the hour, plus a share of the hours a provider saves, for a period',
    price: (lot, s) => {
      const { sharePaid, months, savedShare } = s.savedHours;
      // Fewer hours are bought; each saved hour earns sharePaid of its price for `months`.
      const paid = (saved: number) => 1 - saved + (sharePaid * saved * months) / 12;
      // More savings: a lower bill, so the bill's low case is the high saving.
      const flip = { low: 'high', central: 'central', high: 'low' } as const;
      return priced(
        lot,
        'council',
        (x, c) => lot.hourly * x * paid(savedShare[flip[c]]),
        (x, c) => x * (1 - savedShare[flip[c]]),
      );
    },
  },
};
