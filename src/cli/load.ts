/**
 * Load a scenario for a command: errors stop the command (exit 2), warnings
 * are printed to stderr and the command goes on.
 */
import { readScenario } from '../io/read-scenario.js';
import type { Scenario } from '../model/types.js';
import { badInput, printIssues } from './exit.js';

/** `options.hash` false: no input hash (inputHash ''), for a command that records no run. */
export async function loadScenario(
  dir: string,
  options = { hash: true },
): Promise<{ scenario: Scenario; inputHash: string; warnings: string[] }> {
  const { scenario, issues, inputHash } = await readScenario(dir, options);
  if (scenario === null || issues.hasErrors) throw badInput(issues.all);
  printIssues(issues.warnings);
  return {
    scenario,
    inputHash,
    warnings: issues.warnings.map((w) => `${w.file}${w.line === null ? '' : `:${w.line}`}: ${w.message}`),
  };
}
