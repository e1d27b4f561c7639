/**
 * The report thread's build holds cssomnom (linkedom's CSS parser, about 320 kB) in a chunk
 * of its own, required on first use (scripts/bundle.mjs, "requiredOnFirstUse"): linkedom
 * parses CSS only when a `<style>` element's `sheet` is read, which neither Plot nor zonal
 * does, so a county's report never loads it (about 20 ms of CPU and 400 page faults less,
 * docs/performance.md, session 25). A change that reads a sheet, or a bundle that loads the
 * chunk at once again, would go unnoticed without this test.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt, repoRoot } from '../helpers/cli.js';
import { loadWatch, withPreload } from '../helpers/preload.js';

beforeAll(() => assertBuilt());

const bundleDir = path.join(repoRoot, 'dist/bundle');

/** The report build's files (render-worker.cjs and its chunks) that hold cssomnom's code. */
async function cssomnomFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const f of (await readdir(bundleDir)).filter((f) => /^render-.*\.cjs$/.test(f)))
    if ((await readFile(path.join(bundleDir, f), 'utf8')).includes('// node_modules/cssomnom/'))
      found.push(f);
  return found;
}

test('cssomnom is in one chunk of the report build, which render-worker.cjs requires on first use only', async () => {
  const files = await cssomnomFiles();
  expect(files).toHaveLength(1);
  const chunk = files[0] ?? '';
  expect(chunk).toMatch(/^render-chunk-/);
  const worker = await readFile(path.join(bundleDir, 'render-worker.cjs'), 'utf8');
  const requires = [...worker.matchAll(/require\("\.\/([^"]+)"\)/g)].filter((m) => m[1] === chunk);
  expect(requires).toHaveLength(1);
  expect(worker).toContain(`$loaded ??= require("./${chunk}")`);
});

test("a county solve's report thread never loads cssomnom", { timeout: 60_000 }, async () => {
  const [chunk] = await cssomnomFiles();
  const { dir, zonal } = await withPreload(
    'zonal-cssomnom-',
    loadWatch({ [chunk ?? 'no chunk']: 'cssomnom loaded', 'render-worker.cjs': 'report thread started' }),
  );
  const run = await zonal(['solve', 'scenarios/hertfordshire', '--out', path.join(dir, 'award')]);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('report thread started');
  expect(run.stderr).not.toContain('cssomnom loaded');
});
