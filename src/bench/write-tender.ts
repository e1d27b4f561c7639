/**
 * `npm run bench:tender -- --size L --seed 1 --out DIR`: the bench's generated tender of that
 * size and seed (generate.ts) written as a scenario folder (tender-folder.ts), to measure
 * `zonal solve` or `zonal batch` on it as docs/performance.md does.
 */
import { checkBenchFlags, flagValue, refuseBenchFlags } from './bench-flag.js';
import { instanceSizes } from './generate.js';
import { type TenderSize, writeGeneratedScenario } from './tender-folder.js';

const usage =
  'npm run bench:tender -- --out DIR --size L --seed 1 (size S, M, L or XL; L and 1 when not given)';

const fail = (problem: string): never => refuseBenchFlags(problem, usage);

async function main(argv: readonly string[]): Promise<void> {
  checkBenchFlags(argv, usage);
  const out = flagValue(argv, '--out') ?? fail('--out is missing: give the folder to write the scenario to');
  const size = flagValue(argv, '--size') ?? 'L';
  if (!Object.hasOwn(instanceSizes, size)) fail(`--size ${size} is not a bench size: give S, M, L or XL`);
  const seedText = flagValue(argv, '--seed') ?? '1';
  const seed = Number(seedText);
  if (!Number.isInteger(seed) || seed < 1)
    fail(`--seed ${seedText} is not a whole number from 1: give 1, 2, 3…`);
  await writeGeneratedScenario(size as TenderSize, seed, out);
  process.stdout.write(`Wrote the bench's ${size} tender of seed ${seed} to ${out}: zonal solve ${out}\n`);
}

await main(process.argv.slice(2));
