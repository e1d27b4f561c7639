/**
 * Contract settings that each pass their own range but are almost surely a slip when read
 * together or against the scenario (docs/contract.md, "The contract term"): a yearly percent
 * written as a fraction, a term that ends (an error) or starts (a warning) before the design
 * period that prices it, extensions that make the whole contract longer than a base term
 * may run (longestContractYears), a discount rate above 10% a year (a warning). Each is a
 * path and a message, a warning or (unmarked) an error, as problemsBetweenSettings gives them.
 */
import {
  contractEndsBeforeDesign,
  contractStartsBeforeDesign,
  contractTooLong,
  discountRateHigh,
  percentWrittenAsFraction,
} from '../diagnostics/messages.js';
import { type ContractSettings, defaultDiscountRate, longestContractYears } from './contract-settings.js';

type Problem = { path: (string | number)[]; message: string; warning?: true };

/** Below this a yearly percent is read as a fraction typed by mistake (0.04 for 4%). */
const smallestLikelyPercent = 0.5;

/** Above this a (legal) discount rate is far from any published public-sector rate. */
const highestLikelyDiscountRate = 0.1;

/** `period`: the scenario's design period; the term is checked against it when it is a calendar year. */
export function contractProblems(contract: ContractSettings, period: string): Problem[] {
  return [
    termProblem(contract, period),
    lengthProblem(contract),
    discountProblem(contract),
    ...percentProblems(contract),
  ].filter((p): p is Problem => p !== null);
}

function lengthProblem(contract: ContractSettings): Problem | null {
  const extensionYears = contract.extensions.reduce((sum, years) => sum + years, 0);
  if (contract.years + extensionYears <= longestContractYears) return null;
  return {
    path: ['contract', 'extensions'],
    message: contractTooLong(extensionYears, contract.years, longestContractYears),
  };
}

function discountProblem(contract: ContractSettings): Problem | null {
  if (contract.discountRate <= highestLikelyDiscountRate) return null;
  return {
    path: ['contract', 'discountRate'],
    message: discountRateHigh(contract.discountRate, defaultDiscountRate),
    warning: true,
  };
}

function percentProblems(contract: ContractSettings): Problem[] {
  const percents: [(string | number)[], number | undefined][] = [
    [
      ['contract', 'indexation', 'percentPerYear'],
      contract.indexation.kind === 'fixed' ? contract.indexation.percentPerYear : undefined,
    ],
    [['contract', 'wageRisePercentPerYear'], contract.wageRisePercentPerYear],
  ];
  return percents.flatMap(([path, value]) =>
    value !== undefined && value !== 0 && Math.abs(value) < smallestLikelyPercent
      ? [{ path, message: percentWrittenAsFraction(value), warning: true as const }]
      : [],
  );
}

function termProblem(contract: ContractSettings, period: string): Problem | null {
  if (contract.startPeriod === undefined || !/^[0-9]{4}$/.test(period)) return null;
  const start = Number(contract.startPeriod);
  const end = start + contract.years - 1;
  const path = ['contract', 'startPeriod'];
  if (end < Number(period)) return { path, message: contractEndsBeforeDesign(start, end, period) };
  if (start < Number(period))
    return { path, message: contractStartsBeforeDesign(start, period), warning: true };
  return null;
}
