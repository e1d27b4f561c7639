/**
 * `npm run build` step 3: record V8's code cache of the bundled command line
 * (src/cli/launch.ts). Runs `zonal validate` and then `zonal solve` on the
 * small example with ZONAL_CODE_CACHE=record; each run writes the compiled
 * code of the bundle files it loaded, beside them, as `<file>.<flags>.v8cache`
 * (solve changes some V8 flags on its way, and V8 takes only code cached
 * under the flags in force).
 *
 * Then `zonal batch` and its workers' (src/compare/batch-run.ts): the bundled
 * county's zone maps and lot structures in one worker, once as a small batch
 * runs (each worker compiles HiGHS on baseline code) and once as a large one
 * does (the pool's optimised compile, whose V8 flags are set before the workers
 * load their code; from a node script, as only a batch of 500 variants takes it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = mkdtempSync(path.join(os.tmpdir(), 'zonal-code-cache-'));
const env = { ...process.env, ZONAL_CODE_CACHE: 'record' };

/** Every zone map and lot structure of the bundled grid, at one demand and share cap. */
const sample = {
  base: path.resolve('scenarios/hertfordshire'),
  grid: {
    zoning: ['districts', 'twelve', 'quadrants'],
    option: ['lead-80-20', 'lead-50-50', 'sole-backup', 'complex-merged'],
    'award.maxShareOfTotalHours': [0.25],
  },
};
const sampleFile = path.join(out, 'batch.json');

/** The sample run as a large batch runs: with the optimised compile of HiGHS. */
const optimisedSample = `
import { readFileSync } from 'node:fs';
import { parseBatchFile } from './dist/compare/batch-file.js';
import { runBatch } from './dist/compare/batch-run.js';
const parsed = parseBatchFile(readFileSync(${JSON.stringify(sampleFile)}, 'utf8'));
if ('problems' in parsed) throw new Error(parsed.problems[0].message);
const summary = await runBatch({ variants: parsed.variants, batchDir: ${JSON.stringify(out)},
  outDir: ${JSON.stringify(out)}, workers: 1, resume: false, timeLimit: 60, version: 'code-cache', highs: 'optimised' });
if (summary.failed > 0) throw new Error(summary.failed + ' variants failed');
`;

try {
  writeFileSync(sampleFile, JSON.stringify(sample));
  for (const args of [
    ['validate', 'scenarios/tiny'],
    ['solve', 'scenarios/tiny', '--out', out],
    ['batch', sampleFile, '--workers', '1', '--out', out],
  ])
    execFileSync(process.execPath, ['bin/zonal.js', ...args], { env, stdio: 'ignore' });
  execFileSync(process.execPath, ['--input-type=module', '-e', optimisedSample], { env, stdio: 'ignore' });
} finally {
  rmSync(out, { recursive: true, force: true });
}
