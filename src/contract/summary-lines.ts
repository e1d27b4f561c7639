/**
 * The whole-contract part of the printed solve summary: term totals,
 * transition and payment models (and the award as paid, when payment.lots
 * chooses models), when result.json has them. Pure.
 */
import type { Result } from '../model/result.js';
import { hours } from '../report/html/format.js';
import { paymentRows, type PaymentRow } from './payment-rows.js';
import { counted } from '../model/counted.js';
import { millions, money } from '../model/money.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function contractLines(r: Result): string[] {
  const m = (x: number) => millions(x, r.currency);
  const lines: string[] = [];
  const c = r.contract;
  if (c !== undefined) {
    const first = c.years[0]?.period ?? c.startPeriod;
    const last = c.years[c.years.length - 1]?.period ?? first;
    lines.push(
      `  term ${first}-${last} (${counted(c.years.length, 'year')}, ${c.indexation.kind} indexation, discount ${pct(c.discountRate)}): ${m(c.nominalTotal)} nominal, ${m(c.discountedTotal)} discounted`,
    );
    // What the winners are paid: with hours unmet that is not the whole cost (the all-in line above counts them).
    if (r.totals.unmetHoursPerWeek > 0)
      lines.push(
        `  not in these totals: the ${hours(r.totals.unmetHoursPerWeek)} h/week unmet (paid to no winner)`,
      );
    if (c.withExtensions !== undefined)
      lines.push(
        `  with extensions to ${c.withExtensions.years[c.withExtensions.years.length - 1]?.period}: ${m(c.withExtensions.nominalTotal)} nominal, ${m(c.withExtensions.discountedTotal)} discounted`,
      );
    for (const f of c.floorFlags) lines.push(`  ${f.bidId} (${f.providerId}) on ${f.lotId}: ${f.reason}`);
  }
  const t = r.transition;
  if (t !== undefined)
    lines.push(
      `  transition: ${hours(t.movedHoursPerWeek)} of today's ${hours(t.currentHoursPerWeek)} h/week change provider (${pct(t.movedShare)}${t.maxMovedShare === null ? '' : `, cap ${pct(t.maxMovedShare)}`}); one-off cost ${money(t.oneOffCost, r.currency)}${t.priced ? ', priced in the objective' : ''}`,
    );
  const p = r.payment;
  if (p !== undefined)
    for (const row of paymentRows(p, r))
      lines.push(paidLine(row.kind === 'compared' ? `paid ${row.paid}` : row.paid, row.total, m));
  return lines.length === 0 ? [] : ['', 'The whole contract (docs/contract.md)', ...lines];
}

function paidLine(label: string, total: PaymentRow['total'], m: (x: number) => string): string {
  return `  ${label}: ${m(total.cost.central)} a year (${m(total.cost.low)}-${m(total.cost.high)}); winners' margin over the floor ${m(total.providerMargin.central)} (${m(total.providerMargin.low)} to ${m(total.providerMargin.high)})`;
}
