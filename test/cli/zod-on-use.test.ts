/**
 * The bundled command line loads zod's chunk only when a schema is needed
 * (scripts/bundle.mjs, "zod-on-first-use"): `zonal validate` reads a valid
 * scenario without it (model/settings-plan.ts), which saved about 20-30 ms of
 * every run (docs/performance.md, "validate, fifth round"). Any code on that path
 * that reads a zod schema (a `.safeParse` where a plain read would do) loads the
 * whole 180 KB again, and nothing else would notice: this test does. The report
 * thread and the batch workers have zod's chunk of their own builds, and load it
 * no more than the main thread does: not at all for the county's report, nor for
 * a batch over zone maps, structures and share caps (docs/performance.md, session 20).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt, repoRoot } from '../helpers/cli.js';
import { loadWatch, withPreload } from '../helpers/preload.js';
import { goodFiles, withBoundaries, withJson, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

/**
 * The file name of zod's chunk in each CommonJS build (the main thread's, the report
 * thread's, the batch workers'), as that build's other chunks require it on first use.
 */
async function zodChunks(): Promise<{ main: string; render: string; batch: string }> {
  const dir = path.join(repoRoot, 'dist/bundle');
  const onFirstUse = new Set<string>();
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.cjs')))
    for (const m of (await readFile(path.join(dir, f), 'utf8')).matchAll(
      /\$loaded \?\?= require\("\.\/([^"]+)"\)/g,
    ))
      if (m[1] !== undefined) onFirstUse.add(m[1]);
  // The chunks required on first use that hold zod (the report thread's build has cssomnom's too).
  const names = new Set<string>();
  for (const name of onFirstUse)
    if ((await readFile(path.join(dir, name), 'utf8')).includes('// node_modules/zod/')) names.add(name);
  const of = (build: RegExp) => {
    const found = [...names].filter((n) => build.test(n));
    expect(found).toHaveLength(1);
    return found[0] ?? '';
  };
  expect(names.size).toBe(3);
  return { main: of(/^chunk-/), render: of(/^render-chunk-/), batch: of(/^batch-chunk-/) };
}

test('validate on a valid scenario, a boundaries file too, never loads zod; a mistake in scenario.json does', {
  timeout: 60_000,
}, async () => {
  const { zonal } = await withPreload('zonal-zod-', loadWatch({ [(await zodChunks()).main]: 'zod loaded' }));
  const validate = (folder: string) => zonal(['validate', folder]);
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

test('the report thread of a county solve and the workers of a batch over its grid never load zod', {
  timeout: 120_000,
}, async () => {
  const chunks = await zodChunks();
  // Each thread's own build's chunk; the worker's entry too, to show that the watch runs in that thread.
  const { dir, zonal } = await withPreload(
    'zonal-zod-threads-',
    loadWatch({
      [chunks.render]: 'zod loaded',
      [chunks.batch]: 'zod loaded',
      'render-worker.cjs': 'report thread started',
      'batch-worker.cjs': 'batch worker started',
    }),
  );
  const solve = await zonal(['solve', 'scenarios/hertfordshire', '--out', path.join(dir, 'award')]);
  expect(solve.code).toBe(0);
  expect(solve.stderr).toContain('report thread started');
  expect(solve.stderr).not.toContain('zod loaded');
  // Zone maps, structures and share caps: the share caps are award rules, read by their plan.
  const file = path.join(dir, 'batch.json');
  const grid = {
    zoning: ['districts', 'quadrants'],
    option: ['lead-80-20', 'sole-backup'],
    'award.maxShareOfTotalHours': [0.25, '40%'],
  };
  await writeFile(file, JSON.stringify({ base: path.join(repoRoot, 'scenarios/hertfordshire'), grid }));
  const batch = await zonal(['batch', file, '--workers', '1', '--out', path.join(dir, 'batch')]);
  expect(batch.code).toBe(0);
  expect(batch.stderr).toContain('batch worker started');
  expect(batch.stderr).not.toContain('zod loaded');
});
