/**
 * jsonc-parser, which finds where each setting sits in scenario.json, is bundled from
 * its ES module build (scripts/bundle.mjs, "jsonc-parser-esm"), so it loads with the
 * code cache: from its own CommonJS files it cost every `zonal validate` and `zonal
 * solve` about 7.5 ms of compiling (docs/performance.md, session 20). Nothing else would
 * notice it falling back to its files: this test does, and checks that the bundled copy
 * still places a mistake at its line.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt, node, repoRoot } from '../helpers/cli.js';
import { goodFiles, tempDir, withJson, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

/** A preload that says on stderr, in any thread, when the jsonc-parser package itself is required. */
const watch = `const Module = require('node:module');
const load = Module._load;
Module._load = function (request) {
  if (String(request) === 'jsonc-parser' || String(request).includes('jsonc-parser/lib')) process.stderr.write('jsonc-parser loaded from its files\\n');
  return load.apply(this, arguments);
};
`;

test('validate and solve find the lines of scenario.json without loading jsonc-parser from its files', {
  timeout: 60_000,
}, async () => {
  const dir = await tempDir('zonal-jsonc-');
  const preload = path.join(dir, 'watch.cjs');
  await writeFile(preload, watch);
  const zonal = (args: readonly string[]) => node(['--require', preload, 'bin/zonal.js', ...args], repoRoot);
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
