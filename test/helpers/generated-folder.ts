/**
 * The bench's generated tenders as scenario folders (src/bench/tender-folder.ts), for tests that
 * need a model of a regional or national size read from disk as a user's would be.
 */
import { type TenderSize, writeGeneratedScenario } from '../../src/bench/tender-folder.js';
import { tempDir } from './scenario-folder.js';

/** The bench's tender of `size` and `seed` in a fresh temporary folder (removed after the test file); its path. */
export async function generatedScenarioFolder(size: TenderSize, seed: number): Promise<string> {
  const dir = await tempDir(`zonal-generated-${size}-`);
  await writeGeneratedScenario(size, seed, dir);
  return dir;
}
