/**
 * A county's solve finds the highs package once (solve/highs-shared.ts `highsRuntimeFile`):
 * for highs.wasm, and from it HiGHS's version for result.json (cli/version.ts). Each of
 * Node's resolves of the package took 1.6-7.5 ms of the main thread (docs/performance.md,
 * session 25).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt, repoRoot } from '../helpers/cli.js';
import { withPreload } from '../helpers/preload.js';

beforeAll(() => assertBuilt());

/** Says on stderr, in any thread, each request for the highs package Node resolves. */
const watch = `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request) {
  if (/^highs($|\\/)/.test(String(request))) process.stderr.write('resolved ' + request + '\\n');
  return resolve.apply(this, arguments);
};
`;

test('a county solve resolves the highs package once, and records its version', {
  timeout: 60_000,
}, async () => {
  const { dir, zonal } = await withPreload('zonal-highs-once-', watch);
  const out = path.join(dir, 'award');
  const run = await zonal(['solve', 'scenarios/hertfordshire', '--out', out]);
  expect(run.code).toBe(0);
  expect(run.stderr.match(/^resolved .*$/gm)).toEqual(['resolved highs/runtime']);
  const installed = JSON.parse(
    await readFile(path.join(repoRoot, 'node_modules/highs/package.json'), 'utf8'),
  ) as { version: string };
  const result = JSON.parse(await readFile(path.join(out, 'result.json'), 'utf8')) as {
    run: { solverVersion: string };
  };
  expect(result.run.solverVersion).toBe(`highs ${installed.version}`);
});
