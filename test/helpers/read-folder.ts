/**
 * Read the small valid scenario (test/helpers/scenario-folder.ts) after a
 * patch, as `zonal validate` would: for tests of what the reader says.
 */
import { formatIssue } from '../../src/diagnostics/issues.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { goodFiles, writeScenarioFolder, type ScenarioFiles } from './scenario-folder.js';

/** The scenario (null when there are errors) and every problem as the message a user sees. */
export async function problems(patch: (files: ScenarioFiles) => void) {
  const files = goodFiles();
  patch(files);
  const { scenario, issues } = await readScenario(await writeScenarioFolder(files));
  return { scenario, errors: issues.errors.map(formatIssue), warnings: issues.warnings.map(formatIssue) };
}
