/**
 * The whole contract in report.html: each contract year's cost, nominal and
 * discounted; prices that fall below the cost floor in a later year; the
 * hours that change provider; and the award under each payment model
 * compared (docs/contract.md). Absent when the scenario asks for none of it.
 */
import type { ContractResult, PaymentResult, TransitionResult } from '../../model/contract-result.js';
import type { Result } from '../../model/result.js';
import { paidAs } from '../../contract/payment.js';
import { paymentRows } from '../../contract/payment-rows.js';
import { winnersBelowFloor } from './below-floor.js';
import { html, type Html } from './escape.js';
import { hours, money, percent, price } from './format.js';
import { heading, type Depth } from './heading.js';
import { table } from './table.js';

/**
 * Why no winning price falls below its floor later: a price already below it in the
 * first year is not counted as falling (contract/whole-life.ts), and on a county where
 * every winner is, "none" alone read as if they all cleared it.
 */
function noLaterFloorFlags(result: Result): string {
  const { winners, below } = winnersBelowFloor(result);
  if (below > 0 && below === winners)
    return `none can fall below it later: all ${below} winning prices are below their cost floor from the first year (see Winning bids).`;
  const already =
    below === 0 ? '' : `; ${below} of the ${winners} are below it from the first year (see Winning bids)`;
  return `none: no winning price that clears its floor in the first year falls below it later${already}.`;
}

/** Figures of what the winners are paid leave out the unmet hours: say so under them, when there are some. */
function unpaidNote(result: Result, figures: string, more = ''): Html {
  const unmet = result.totals.unmetHoursPerWeek;
  return unmet > 0
    ? html`<p class="note">${figures} are what the winners are paid: the ${hours(unmet)} hours a week left unmet are not in them${more}.</p>`
    : html``;
}

function termTables(c: ContractResult, result: Result): Html {
  const { currency } = result;
  const years = table(
    [
      { header: 'year', value: (y) => y.period },
      { header: 'hours a week', value: (y) => hours(y.hoursPerWeek), numeric: true },
      { header: 'annual cost', value: (y) => money(y.annualCost, currency), numeric: true },
      { header: 'discount factor', value: (y) => y.discountFactor.toFixed(4), numeric: true },
      { header: 'discounted', value: (y) => money(y.annualCost * y.discountFactor, currency), numeric: true },
    ],
    c.years,
    {
      caption: `Contract years from ${c.startPeriod}, ${c.indexation.kind} indexation, discounted at ${percent(c.discountRate)} a year: ${money(c.nominalTotal, currency)} nominal, ${money(c.discountedTotal, currency)} discounted`,
    },
  );
  const extensions =
    c.withExtensions === undefined
      ? html``
      : html`<p>With every extension year (to ${c.withExtensions.years.at(-1)?.period ?? ''}): ${money(c.withExtensions.nominalTotal, currency)} nominal, ${money(c.withExtensions.discountedTotal, currency)} discounted.</p>`;
  const flags = table(
    [
      { header: 'year', value: (f) => f.period },
      { header: 'lot', value: (f) => f.lotId },
      { header: 'provider', value: (f) => f.providerId },
      { header: 'price per hour', value: (f) => price(f.pricePerHour, currency), numeric: true },
      { header: 'floor per hour', value: (f) => price(f.floorPerHour, currency), numeric: true },
      { header: 'why', value: (f) => f.reason },
    ],
    c.floorFlags,
    {
      caption: 'Winning prices that fall below the cost floor in a later year (the floor follows the wage)',
      empty: noLaterFloorFlags(result),
      alert: () => true,
    },
  );
  const outside = unpaidNote(
    result,
    'These totals',
    ` (the all-in cost a year, ${money(result.totals.allInAnnualCost, currency)}, buys them on spot contracts)`,
  );
  return html`${years}${outside}${extensions}${flags}`;
}

function transitionText(t: TransitionResult, currency: string): Html {
  const cap =
    t.maxMovedShare === null ? 'no cap on moved hours' : `at most ${percent(t.maxMovedShare)} may move`;
  return html`<p>Transition: ${hours(t.movedHoursPerWeek)} of today's ${hours(t.currentHoursPerWeek)} hours a week change provider (${percent(t.movedShare)}; ${cap}). One-off cost ${money(t.oneOffCost, currency)}: mobilisation ${money(t.mobilisationCost, currency)} and double running ${money(t.doubleRunningCost, currency)}${t.priced ? '; the award weighed this cost' : ''}.</p>`;
}

/** The award under each model compared, then (when payment.lots chooses models) as it will be paid. */
function paymentTable(p: PaymentResult, result: Result): Html {
  const { currency } = result;
  const models = table(
    [
      { header: 'paid', value: (r) => r.paid },
      { header: 'expected a year', value: (r) => money(r.total.cost.central, currency), numeric: true },
      { header: 'low', value: (r) => money(r.total.cost.low, currency), numeric: true },
      { header: 'high', value: (r) => money(r.total.cost.high, currency), numeric: true },
      {
        header: "winners' margin over the floor",
        value: (r) => money(r.total.providerMargin.central, currency),
        numeric: true,
      },
      {
        header: 'margin range',
        value: (r) =>
          `${money(r.total.providerMargin.low, currency)} to ${money(r.total.providerMargin.high, currency)}`,
      },
      { header: 'who carries the demand risk', value: (r) => r.demandRisk },
    ],
    paymentRows(p, result),
    {
      caption:
        paidAs(p.settings) === null
          ? 'The award under each payment model compared (every lot paid the same way)'
          : 'The award under each payment model compared (every lot paid the same way), and as it will be paid (payment.lots)',
    },
  );
  return html`${models}${unpaidNote(result, 'These figures')}`;
}

/** The section, or nothing when the result has no contract, transition or payment part. */
export function contractSection(result: Result, depth: Depth = 0): Html {
  const { contract, transition, payment } = result;
  if (contract === undefined && transition === undefined && payment === undefined) return html``;
  return html`<section id="contract" class="page">${heading(2, depth, 'The whole contract')}
${contract === undefined ? '' : termTables(contract, result)}
${transition === undefined ? '' : transitionText(transition, result.currency)}
${payment === undefined ? '' : paymentTable(payment, result)}
</section>`;
}
