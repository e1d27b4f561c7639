/**
 * The budget rule (`award.maxAnnualBudget`): what the award pays its winners
 * in the design year, hours × price × weeksPerYear over every role and
 * framework hour, may not exceed the budget. Hours left unmet cost the
 * council nothing here (they are bought elsewhere), so a tight budget leaves
 * hours unmet rather than making the award impossible, unless another rule
 * (at least N providers) needs them bought.
 */
import type { AwardRules, Lot, Scenario } from '../model/types.js';
import type { Program, VariableMeaning } from '../solve/program.js';
import { moneyWhole } from '../model/money.js';

/** £ a year that one unit of a variable pays its winner in the design year (0 for any other variable). */
function designSpend(
  meaning: VariableMeaning,
  prices: ReadonlyMap<string, number>,
  weeksPerYear: number,
): number {
  if (meaning.kind !== 'assign' && meaning.kind !== 'areaHours') return 0;
  const perHour = meaning.parts.reduce((t, p) => t + p.share * (prices.get(p.bidId) ?? 0), 0);
  return weeksPerYear * (meaning.kind === 'assign' ? meaning.hours : 1) * perHour;
}

/** The program with the budget row, when the scenario sets a budget. */
export function withBudget(scenario: Scenario, program: Program): Program {
  const budget = scenario.award.maxAnnualBudget;
  if (budget === null || budget === undefined) return program;
  const prices = new Map(scenario.bids.map((b) => [b.id, b.price]));
  const terms = program.variables.flatMap((v, i): [number, number][] => {
    const spend = designSpend(v.meaning, prices, scenario.weeksPerYear);
    return spend > 0 ? [[i, spend]] : [];
  });
  if (terms.length === 0) return program;
  return { ...program, rows: [...program.rows, { name: 'budget', terms, lower: -Infinity, upper: budget }] };
}

export const isBudgeted = (award: AwardRules): boolean =>
  award.maxAnnualBudget !== null && award.maxAnnualBudget !== undefined;

export const withoutBudget = (s: Scenario): Scenario => ({
  ...s,
  award: { ...s.award, maxAnnualBudget: null },
});

/** The rule in words, for rule costs. */
export function budgetText(budget: number | null | undefined, currency: string): string {
  return budget === null || budget === undefined
    ? 'no annual budget'
    : `the award costs at most ${moneyWhole(budget, currency)} in the design year`;
}

/**
 * Budgets to try when the award is infeasible, nearest first: 20 even steps
 * from the budget up to what every hour at the dearest bid would cost.
 */
export function budgetSteps(s: Scenario, lots: readonly Lot[]): number[] {
  const budget = s.award.maxAnnualBudget;
  if (budget === null || budget === undefined) return [];
  const dearest = Math.max(0, ...s.bids.map((b) => b.price));
  const most = s.weeksPerYear * dearest * lots.reduce((t, l) => t + l.demand, 0);
  if (most <= budget) return [];
  return Array.from({ length: 20 }, (_, i) => Math.ceil(budget + ((i + 1) * (most - budget)) / 20));
}

/** How far the budget must move, for the diagnosis. */
export function budgetMove(
  budget: number | null | undefined,
  allowsAt: number | null,
  currency: string,
): string {
  return allowsAt === null
    ? `${budgetText(budget, currency)}: an award is possible only without the budget; remove award.maxAnnualBudget`
    : `${budgetText(budget, currency)}: an award is possible from ${moneyWhole(allowsAt, currency)}; raise award.maxAnnualBudget to ${Math.ceil(allowsAt)}`;
}
