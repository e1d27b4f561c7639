/**
 * The budget rule (`award.maxAnnualBudget`): what the award pays its winners
 * in the design year, hours × price × weeksPerYear over every role and
 * framework hour, may not exceed the budget. Hours left unmet cost the
 * council nothing here (they are bought elsewhere), so a tight budget leaves
 * hours unmet rather than making the award impossible, unless another rule
 * (at least N providers) needs them bought.
 */
import type { Scenario } from '../model/types.js';
import type { Program, VariableMeaning } from '../solve/program.js';

/** £ a year that one unit of a variable pays its winner in the design year (0 for any other variable). */
export function designSpend(
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
