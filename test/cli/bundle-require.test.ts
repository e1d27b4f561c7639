/**
 * launch.cjs loads the bundle's files, which require each other as `./<file>.cjs`, straight
 * from their paths instead of having Node resolve each (src/cli/launch.ts, `bundleRequire`):
 * 32 resolves took 12-16 ms of a county solve's main thread (docs/performance.md, session 25).
 * What else a bundle file requires (Node's modules, packages left out of the bundle) Node still
 * resolves, and so the few files launch.cjs itself requires before its loader is in place; every
 * thread loads its code this way, so the solve, its report thread and a batch's workers must all
 * still run.
 */
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt, repoRoot } from '../helpers/cli.js';
import { withPreload } from '../helpers/preload.js';

beforeAll(() => assertBuilt());

/** Counts, in each thread, the bundle files Node was asked to resolve, and says so at exit. */
const watch = `const Module = require('node:module');
const wt = require('node:worker_threads');
const resolve = Module._resolveFilename;
let bundled = 0;
Module._resolveFilename = function (request) {
  if (/^\\.\\/[^/]+\\.cjs$/.test(String(request))) bundled++;
  return resolve.apply(this, arguments);
};
process.on('exit', () => process.stderr.write((wt.isMainThread ? 'main' : 'worker') + ' resolved ' + bundled + ' bundle files\\n'));
`;

test("a county solve and a batch load the bundle without Node resolving its files, but launch.cjs's own", {
  timeout: 120_000,
}, async () => {
  const launch = await readFile(path.join(repoRoot, 'dist/bundle/launch.cjs'), 'utf8');
  const ownRequires = new Set(launch.match(/require\("\.\/[^"]+\.cjs"\)/g)).size;
  const { dir, zonal } = await withPreload('zonal-bundle-require-', watch);
  const solve = await zonal(['solve', 'scenarios/hertfordshire', '--out', path.join(dir, 'award')]);
  expect(solve.code).toBe(0);
  expect(solve.stdout).toContain('Status: optimal');
  expect(solve.stderr).toContain(`main resolved ${ownRequires} bundle files`);
  const file = path.join(dir, 'batch.json');
  const grid = { zoning: ['districts', 'quadrants'], option: ['lead-80-20', 'sole-backup'] };
  await writeFile(file, JSON.stringify({ base: path.join(repoRoot, 'scenarios/hertfordshire'), grid }));
  const batch = await zonal(['batch', file, '--workers', '1', '--out', path.join(dir, 'batch')]);
  expect(batch.code).toBe(0);
  expect(batch.stdout).toContain('4 variants');
  expect(batch.stderr).toContain(`main resolved ${ownRequires} bundle files`);
});
