/**
 * The award under each payment model compared (every lot paid the same way),
 * then, when payment.lots chooses models, as it will be paid; each with who
 * carries the demand risk. One list, which report.html's payment table and
 * result.xlsx's payment sheet both show (docs/contract.md, "Payment models").
 */
import type { ModelCost, PaymentResult } from '../model/contract-result.js';
import type { PaymentModelKind } from '../model/contract-settings.js';
import type { Result } from '../model/result.js';
import { paidAs } from './payment.js';

export interface PaymentRow {
  /** `compared`: every lot paid by one model; `as-paid`: each lot by the model payment.lots chooses. */
  readonly kind: 'compared' | 'as-paid';
  /** `hourly`, …, or `as paid (reablement capitated, the rest hourly)`. */
  readonly paid: string;
  readonly total: Omit<ModelCost, 'demandRisk'>;
  /** `council`, `provider`, `council and provider, by lot`, or nobody when no lot is awarded. */
  readonly demandRisk: string;
}

/**
 * Who carries the demand risk when each awarded lot is paid by `modelOf(lot)`: a lot nobody
 * won is paid to nobody, so no provider carries its risk.
 */
function demandRisk(
  p: PaymentResult,
  awarded: ReadonlySet<string>,
  modelOf: (lot: PaymentResult['lots'][number]) => PaymentModelKind,
): string {
  const carriers = new Set(
    p.lots.filter((l) => awarded.has(l.lotId)).flatMap((l) => l.models[modelOf(l)]?.demandRisk ?? []),
  );
  if (carriers.size === 0) return 'nobody: no lot is awarded';
  return carriers.size === 1 ? [...carriers].join('') : 'council and provider, by lot';
}

/** The rows, compared models first (in `payment.compare`'s order), then as paid. */
export function paymentRows(p: PaymentResult, result: Pick<Result, 'lots'>): PaymentRow[] {
  const awarded = new Set(result.lots.filter((l) => l.allocatedHoursPerWeek > 0).map((l) => l.lotId));
  const compared = p.compare.flatMap((model) => {
    const total = p.totals[model];
    return total === undefined
      ? []
      : [{ kind: 'compared' as const, paid: model, total, demandRisk: demandRisk(p, awarded, () => model) }];
  });
  const chosen = paidAs(p.settings);
  const asPaid =
    chosen === null
      ? []
      : [
          {
            kind: 'as-paid' as const,
            paid: `as paid (${chosen})`,
            total: p.chosen,
            demandRisk: demandRisk(p, awarded, (l) => l.paidBy),
          },
        ];
  return [...compared, ...asPaid];
}
