/** The bundled tiny scenario as a batch's bases, by the name a batch file gives it ("tiny"). */
import path from 'node:path';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { repoRoot } from './cli.js';

export async function tinyBases(): Promise<Map<string, Scenario>> {
  const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
  if (scenario === null) throw new Error('tiny did not read');
  return new Map([['tiny', scenario]]);
}
