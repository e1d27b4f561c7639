/**
 * Payment models side by side in `zonal compare`: each option's expected
 * yearly cost and range under every model the scenario compares. Pure.
 */
import type { PaymentModelKind } from '../model/contract-settings.js';
import { money } from '../model/money.js';
import { formatTable } from '../report/text-table.js';
import type { PaymentResult, Range } from '../model/contract-result.js';

/** An option's cost under each payment model compared (comparison.json metrics.payment). */
export type PaymentTotals = Readonly<Partial<Record<PaymentModelKind, Range>>>;

export function paymentTotals(payment: PaymentResult): PaymentTotals {
  return Object.fromEntries(
    payment.compare.flatMap((k) => {
      const total = payment.totals[k];
      return total === undefined ? [] : [[k, total.cost]];
    }),
  );
}

/** Lines of the printed comparison: one row per option with payment totals, one column per model, money in `currency`. */
export function paymentLines(
  rows: readonly { readonly key: string; readonly metrics: { readonly payment?: PaymentTotals } | null }[],
  currency: string,
): string[] {
  const priced = rows.flatMap((r) =>
    r.metrics?.payment === undefined ? [] : [{ key: r.key, totals: r.metrics.payment }],
  );
  const models = [...new Set(priced.flatMap((r) => Object.keys(r.totals) as PaymentModelKind[]))];
  if (priced.length === 0 || models.length === 0) return [];
  const cell = (r: Range | undefined) =>
    r === undefined
      ? '-'
      : `${money(r.central, currency)} (${money(r.low, currency)}-${money(r.high, currency)})`;
  return [
    '',
    'Payment models: expected cost a year (low-high) of each option (docs/contract.md, "Payment models")',
    formatTable(
      ['option', ...models],
      priced.map((r) => [r.key, ...models.map((m) => cell(r.totals[m]))]),
      [false, ...models.map(() => true)],
    ),
  ];
}
