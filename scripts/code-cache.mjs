/**
 * `npm run build` step 3: record V8's code cache of the bundled command line
 * (src/cli/launch.ts). Runs `zonal validate` and then `zonal solve` on the
 * small example with ZONAL_CODE_CACHE=record; each run writes the compiled
 * code of the bundle files it loaded, beside them, as `<file>.<flags>.v8cache`
 * (solve changes some V8 flags on its way, and V8 takes only code cached
 * under the flags in force).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = mkdtempSync(path.join(os.tmpdir(), 'zonal-code-cache-'));
const env = { ...process.env, ZONAL_CODE_CACHE: 'record' };
try {
  for (const args of [
    ['validate', 'scenarios/tiny'],
    ['solve', 'scenarios/tiny', '--out', out],
  ])
    execFileSync(process.execPath, ['bin/zonal.js', ...args], { env, stdio: 'ignore' });
} finally {
  rmSync(out, { recursive: true, force: true });
}
