/**
 * jsonc-parser, which finds where each setting sits in scenario.json, is bundled from
 * its ES module build (scripts/bundle.mjs, "jsonc-parser-esm"), so it loads with the
 * code cache: from its own CommonJS files it cost every `zonal validate` and `zonal
 * solve` about 7.5 ms of compiling (docs/performance.md, session 20). Nothing else would
 * notice it falling back to its files: this test does, and checks that the bundled copy
 * still places a mistake at its line.
 */
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt } from '../helpers/cli.js';
import { loadWatch, withPreload } from '../helpers/preload.js';
import { goodFiles, withJson, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

test('validate and solve find the lines of scenario.json without loading jsonc-parser from its files', {
  timeout: 60_000,
}, async () => {
  // The package itself, required by its name; the bundled copy is a chunk of the bundle.
  const { dir, zonal } = await withPreload(
    'zonal-jsonc-',
    loadWatch({ 'jsonc-parser': 'jsonc-parser loaded from its files' }),
  );
  const validate = await zonal(['validate', 'scenarios/hertfordshire']);
  expect(validate.code).toBe(0);
  const solve = await zonal(['solve', 'scenarios/tiny', '--out', path.join(dir, 'out')]);
  expect(solve.code).toBe(0);
  // A rule out of range is placed at its line of scenario.json, by the bundled copy.
  const files = goodFiles();
  const bad = await writeScenarioFolder(
    withJson(files, (j) => (j['award'] = { ...(j['award'] as object), maxShareOfTotalHours: 2 })),
  );
  const wrong = await zonal(['validate', bad]);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/scenario\.json:\d+: .*maxShareOfTotalHours/);
  for (const run of [validate, solve, wrong])
    expect(run.stderr).not.toContain('jsonc-parser loaded from its files');
});
