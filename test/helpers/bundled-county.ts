/** The bundled county (scenarios/hertfordshire) as read, for tests that work on its parts. */
import path from 'node:path';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { repoRoot } from './cli.js';

export async function bundledCounty(): Promise<Scenario> {
  const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'hertfordshire'));
  if (scenario === null) throw new Error('the bundled county does not read');
  return scenario;
}
