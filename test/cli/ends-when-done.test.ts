/**
 * `zonal validate` and `zonal solve` end with `process.exit` once standard output and standard
 * error have taken everything (src/cli/main.ts, `endsWhenDone`), instead of waiting for a garbage
 * collection V8 had scheduled and Node's teardown of the heap (docs/performance.md, "validate,
 * fourth round" and session 25). A solve's report thread is stopped before its action returns,
 * and every file is written by then: the outputs and the printed result must be whole.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt } from '../helpers/cli.js';
import { withPreload } from '../helpers/preload.js';

beforeAll(() => assertBuilt());

/** Says on stderr, with its code, when the main thread calls process.exit. */
const watch = `const wt = require('node:worker_threads');
if (wt.isMainThread) {
  const exit = process.exit;
  process.exit = function (code) { process.stderr.write('process.exit(' + code + ')\\n'); return exit.apply(this, arguments); };
}
`;

test('a solve ends with process.exit once its six files and its result are written', {
  timeout: 60_000,
}, async () => {
  const { dir, zonal } = await withPreload('zonal-ends-', watch);
  const out = path.join(dir, 'award');
  const run = await zonal(['solve', 'scenarios/hertfordshire', '--out', out, '--format', 'json']);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('process.exit(0)');
  const printed = JSON.parse(run.stdout) as { status: string };
  expect(printed.status).toBe('optimal');
  expect(await readFile(path.join(out, 'result.json'), 'utf8')).toBe(run.stdout);
  expect((await readdir(out)).filter((f) => !f.startsWith('.')).sort()).toEqual([
    'allocations.csv',
    'lots.csv',
    'providers.csv',
    'report.html',
    'result.json',
    'result.xlsx',
  ]);
});

test('validate and a solve that stops at a bad flag end with process.exit and their exit codes', {
  timeout: 60_000,
}, async () => {
  const { zonal } = await withPreload('zonal-ends-codes-', watch);
  const validate = await zonal(['validate', 'scenarios/tiny']);
  expect(validate.code).toBe(0);
  expect(validate.stderr).toContain('process.exit(0)');
  const bad = await zonal(['solve', 'scenarios/tiny', '--solver', 'nosuch']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--solver nosuch: choose one of');
  expect(bad.stderr).toContain('process.exit(2)');
});
