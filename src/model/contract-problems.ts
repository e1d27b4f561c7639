/**
 * Contract settings that each pass their own range but are almost surely a slip when read
 * together or against the scenario (docs/contract.md, "The contract term"): a yearly percent
 * written as a fraction. Each is a path and a message, a warning or (unmarked) an error, as
 * problemsBetweenSettings gives them.
 */
import { percentWrittenAsFraction } from '../diagnostics/messages.js';
import type { ContractSettings } from './contract-settings.js';

type Problem = { path: (string | number)[]; message: string; warning?: true };

/** Below this a yearly percent is read as a fraction typed by mistake (0.04 for 4%). */
const smallestLikelyPercent = 0.5;

export function contractProblems(contract: ContractSettings): Problem[] {
  const problems: Problem[] = [];
  const percents: [(string | number)[], number | undefined][] = [
    [
      ['contract', 'indexation', 'percentPerYear'],
      contract.indexation.kind === 'fixed' ? contract.indexation.percentPerYear : undefined,
    ],
    [['contract', 'wageRisePercentPerYear'], contract.wageRisePercentPerYear],
  ];
  for (const [path, value] of percents)
    if (value !== undefined && value !== 0 && Math.abs(value) < smallestLikelyPercent)
      problems.push({ path, message: percentWrittenAsFraction(value), warning: true });
  return problems;
}
