/**
 * result.json `payment` (docs/contract.md, "Payment models"): each lot of the
 * award priced under every payment model the scenario compares and the one
 * it is paid by, with totals. Ranges add up lot by lot, as if every lot were
 * at its low (or high) case together.
 */
import type { Result } from '../model/result.js';
import type { Scenario } from '../model/types.js';
import { paymentModels } from './payment-models.js';
import type { PaymentModelKind, PaymentSettings } from '../model/contract-settings.js';
import type { ModelCost, PaymentResult, Range } from '../model/contract-result.js';

const pennies = (x: number) => Math.round(x * 100) / 100;
const rounded = (r: Range): Range => ({
  low: pennies(r.low),
  central: pennies(r.central),
  high: pennies(r.high),
});
const zero: Range = { low: 0, central: 0, high: 0 };
const add = (a: Range, b: Range): Range => ({
  low: a.low + b.low,
  central: a.central + b.central,
  high: a.high + b.high,
});

function sum(costs: readonly ModelCost[]): Omit<ModelCost, 'demandRisk'> {
  return {
    cost: rounded(costs.reduce((t, c) => add(t, c.cost), zero)),
    providerMargin: rounded(costs.reduce((t, c) => add(t, c.providerMargin), zero)),
  };
}

/** The payment section, or nothing when the scenario names no payment settings. */
export function paymentSection(
  scenario: Scenario,
  result: Pick<Result, 'lots' | 'allocations' | 'weeksPerYear'>,
): { payment: PaymentResult } | Record<string, never> {
  const settings = scenario.payment;
  if (settings === undefined) return {};
  const lots = result.lots.map((lot) => {
    const mine = result.allocations.filter((a) => a.lotId === lot.lotId && a.role !== 'backup');
    const spend = {
      careType: lot.careType,
      hourly: mine.reduce((t, a) => t + a.annualCost, 0),
      hoursPerWeek: mine.reduce((t, a) => t + a.hoursPerWeek, 0),
      weeksPerYear: result.weeksPerYear,
      floorPerHour: lot.costFloorPerHour,
      low: lot.demandHoursPerWeek > 0 ? lot.demandLowHoursPerWeek / lot.demandHoursPerWeek : 1,
      high: lot.demandHoursPerWeek > 0 ? lot.demandHighHoursPerWeek / lot.demandHoursPerWeek : 1,
    };
    const paidBy = settings.lots[lot.careType] ?? 'hourly';
    const kinds = [...new Set([...settings.compare, paidBy])];
    const models = Object.fromEntries(
      kinds.map((k) => {
        const m = paymentModels[k].price(spend, settings);
        return [k, { ...m, cost: rounded(m.cost), providerMargin: rounded(m.providerMargin) }];
      }),
    ) as Partial<Record<PaymentModelKind, ModelCost>>;
    return { lotId: lot.lotId, paidBy, models };
  });
  const totals = Object.fromEntries(
    settings.compare.map((k) => [k, sum(lots.flatMap((l) => l.models[k] ?? []))]),
  ) as Partial<Record<PaymentModelKind, Omit<ModelCost, 'demandRisk'>>>;
  return {
    payment: {
      compare: settings.compare,
      lots,
      totals,
      chosen: sum(lots.flatMap((l) => l.models[l.paidBy] ?? [])),
      settings,
    },
  };
}

/**
 * How `payment.lots` pays the award, in words (`reablement capitated, the rest hourly`), as the
 * printed summary and report.html name `payment.chosen`; null when it chooses no model.
 */
export function paidAs(settings: PaymentSettings): string | null {
  const chosen = Object.entries(settings.lots).map(([careType, model]) => `${careType} ${model}`);
  return chosen.length === 0 ? null : `${chosen.join(', ')}, the rest hourly`;
}
