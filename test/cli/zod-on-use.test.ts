/**
 * The bundled command line loads zod's chunk only when a schema is needed
 * (scripts/bundle.mjs, "zod-on-first-use"): `zonal validate` reads a valid
 * scenario without it (model/settings-plan.ts), which saved about 20-30 ms of
 * every run (docs/performance.md, "validate, fifth round"). Any code on that path
 * that reads a zod schema (a `.safeParse` where a plain read would do) loads the
 * whole 180 KB again, and nothing else would notice: this test does.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt, node, repoRoot } from '../helpers/cli.js';
import {
  goodFiles,
  tempDir,
  withBoundaries,
  withJson,
  writeScenarioFolder,
} from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

/** The file name of zod's chunk, as the other chunks require it on first use. */
async function zodChunk(): Promise<string> {
  const dir = path.join(repoRoot, 'dist/bundle');
  const names = new Set<string>();
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.cjs')))
    for (const m of (await readFile(path.join(dir, f), 'utf8')).matchAll(
      /\$loaded \?\?= require\("\.\/([^"]+)"\)/g,
    ))
      if (m[1] !== undefined) names.add(m[1]);
  expect(names.size).toBe(1);
  return [...names][0] ?? '';
}

/** A preload that says on stderr when the named chunk is loaded. */
const watch = (chunk: string) => `const Module = require('node:module');
const load = Module._load;
Module._load = function (request) {
  if (String(request).endsWith(${JSON.stringify(chunk)})) process.stderr.write('zod loaded\\n');
  return load.apply(this, arguments);
};
`;

test('validate on a valid scenario, a boundaries file too, never loads zod; a mistake in scenario.json does', {
  timeout: 60_000,
}, async () => {
  const dir = await tempDir('zonal-zod-');
  const preload = path.join(dir, 'watch.cjs');
  await writeFile(preload, watch(await zodChunk()));
  const validate = (folder: string) =>
    node(['--require', preload, 'bin/zonal.js', 'validate', folder], repoRoot);
  for (const folder of ['scenarios/hertfordshire', 'scenarios/tiny']) {
    const run = await validate(folder);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('zod loaded');
  }
  // A boundaries file: whether it has a shape for every area is a plain check (model/boundaries.ts).
  const files = goodFiles();
  const square = (x: number) => [
    [
      [x, 52],
      [x + 0.1, 52],
      [x + 0.1, 52.1],
      [x, 52],
    ],
  ];
  const shapesOf = (ids: readonly string[]) => Object.fromEntries(ids.map((id, i) => [id, square(i)]));
  for (const [ids, warned] of [
    [['A1', 'A2', 'A3'], false],
    [['A1'], true],
  ] as const) {
    const run = await validate(await writeScenarioFolder(withBoundaries(files, shapesOf(ids))));
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout.includes('the boundaries file has no shape for 2 areas (A2, A3)')).toBe(warned);
  }
  // The watch itself works: a setting out of range is worded from the schema.
  const bad = await writeScenarioFolder(
    withJson(files, (j) => (j['award'] = { ...(j['award'] as object), maxShareOfTotalHours: 2 })),
  );
  const wrong = await validate(bad);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('zod loaded');
});
