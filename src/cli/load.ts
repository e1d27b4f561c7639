/**
 * Load a scenario for a command: errors stop the command (exit 2), warnings
 * are printed to stderr and the command goes on.
 */
import { readScenario } from '../io/read-scenario.js';
import type { Scenario } from '../model/types.js';
import { badInput, printIssues } from './exit.js';
import { checkWrites, type Written } from './file-flags.js';

/**
 * `options.hash` false: no input hash (inputHash ''), for a command that records no run.
 * `options.writes`: every file the command will write, checked here once, before any work
 * (file-flags.ts): one that cannot be written as asked, or that the scenario is read from, is bad input.
 * `inputs`: the files the scenario was read from, for a command that knows what it writes only
 * once the scenario is read (zones: checkWrites).
 */
export async function loadScenario(
  dir: string,
  options: { readonly hash?: boolean; readonly writes?: readonly Written[] } = {},
): Promise<{ scenario: Scenario; inputHash: string; warnings: string[]; inputs: readonly string[] }> {
  const { scenario, issues, inputHash, inputs } = await readScenario(dir, { hash: options.hash ?? true });
  if (scenario === null || issues.hasErrors) throw badInput(issues.all);
  await checkWrites(options.writes ?? [], inputs);
  printIssues(issues.warnings);
  return {
    scenario,
    inputHash,
    inputs,
    warnings: issues.warnings.map((w) => `${w.file}${w.line === null ? '' : `:${w.line}`}: ${w.message}`),
  };
}
