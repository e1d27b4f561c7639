/**
 * The bundled command line's code cache (src/cli/launch.ts): V8 takes the
 * cache `npm run build` recorded, and a cache that is missing, corrupt or
 * from another V8 changes nothing a user sees. Each case runs a copy of
 * dist/bundle/ (with package.json and node_modules beside it, as in the
 * package), so the real build is never touched.
 */
import { cp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import Module from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, node, repoRoot, zonal, type CliRun } from '../helpers/cli.js';
import { goodFiles, tempDir, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

const spawnTimeout = { timeout: 120_000 };

/** A copy of the built bundle; returns the path of its launch.cjs. */
async function bundleCopy(): Promise<string> {
  const root = await tempDir('zonal-code-cache-');
  await cp(path.join(repoRoot, 'dist/bundle'), path.join(root, 'dist/bundle'), { recursive: true });
  await cp(path.join(repoRoot, 'package.json'), path.join(root, 'package.json'));
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return path.join(root, 'dist/bundle/launch.cjs');
}

/** A batch file of two variants of the bundled tiny scenario. */
async function tinyBatch(): Promise<string> {
  const file = path.join(await tempDir('zonal-batch-'), 'batch.json');
  const batch = { base: path.join(repoRoot, 'scenarios/tiny'), grid: { demandMultiplier: [1, 1.1] } };
  await writeFile(file, JSON.stringify(batch));
  return file;
}

const cacheFiles = async (launch: string) =>
  (await readdir(path.dirname(launch))).filter((f) => f.endsWith('.v8cache'));

/**
 * Run a bundle copy; with `reportCache`, a preloaded script prints to stderr
 * one line for each bundle file compiled with a cache that V8 refused.
 */
function run(launch: string, args: readonly string[], reportCache = false, env = {}): Promise<CliRun> {
  const preload = path.join(path.dirname(launch), 'report-refused.cjs');
  return node([...(reportCache ? ['--require', preload] : []), launch, ...args], repoRoot, env);
}

const reportRefused = `const vm = require('node:vm');
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    if (options?.cachedData !== undefined && this.cachedDataRejected)
      process.stderr.write('refused: ' + options.filename + '\\n');
  }
};
`;

/**
 * A worker thread started on launch.cjs (as the report thread is) loads its entry, waits
 * for the main thread, then loads a second bundle file and prints whether V8 took that
 * file's cache. The main thread sets a V8 flag before it starts the worker (\`early\`),
 * or while the worker waits (\`late\`: as \`zonal solve\` does while the report thread loads).
 */
const flagRace = {
  'flag-race.mjs': `import { once } from 'node:events';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
const step = new Int32Array(new SharedArrayBuffer(4));
if (process.argv[2] === 'early') v8.setFlagsFromString('--no-liftoff');
const worker = new Worker(new URL('./launch.cjs', import.meta.url), { argv: ['probe-worker.cjs'], workerData: step.buffer });
worker.on('message', (m) => console.log(m));
await Atomics.waitAsync(step, 0, 0).value;
if (process.argv[2] === 'late') v8.setFlagsFromString('--no-liftoff');
Atomics.store(step, 0, 2);
Atomics.notify(step, 0);
await once(worker, 'exit');
`,
  'probe-worker.cjs': `const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const step = new Int32Array(workerData);
Atomics.store(step, 0, 1);
Atomics.notify(step, 0);
Atomics.wait(step, 0, 1);
let cache = 'none';
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    if (options.filename.endsWith('probe-chunk.cjs') && options.cachedData !== undefined)
      cache = this.cachedDataRejected ? 'refused' : 'taken';
  }
};
require('./probe-chunk.cjs');
vm.Script = Script;
globalThis[Symbol.for('zonal.recordCodeCache')]?.();
parentPort.postMessage(cache);
`,
  'probe-chunk.cjs': 'module.exports = 1;\n',
};

describe.concurrent('the code cache', () => {
  test("the bundle imports no module dynamically, which the code cache's scripts cannot", async () => {
    const dir = path.join(repoRoot, 'dist/bundle');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.cjs'));
    expect(files).toContain('main.cjs');
    const imports: string[] = [];
    for (const f of files)
      for (const line of (await readFile(path.join(dir, f), 'utf8')).split('\n'))
        if (/(^|[^\w.$])import\(/.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line))
          imports.push(`${f}: ${line.trim()}`);
    expect(imports).toEqual([]);
  });

  test("bundle files are ASCII, and those launch.cjs loads itself are inside Node's module wrapper", async () => {
    const dir = path.join(repoRoot, 'dist/bundle');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.cjs'));
    const [head = '', tail = ''] = Module.wrap('\0').split('\0');
    const plain: string[] = [];
    for (const f of files) {
      const text = await readFile(path.join(dir, f), 'latin1');
      expect({ f, ascii: /^[\x00-\x7f]*$/.test(text) }).toEqual({ f, ascii: true });
      if (!(text.startsWith(head) && text.endsWith(tail))) plain.push(f);
    }
    // launch.cjs and what it requires before its loader is in place load through Node's own loader.
    const launch = await readFile(path.join(dir, 'launch.cjs'), 'latin1');
    const required = [...launch.matchAll(/require\("\.\/([^"]+\.cjs)"\)/g)].map((m) => m[1]);
    expect(plain.sort()).toEqual(['launch.cjs', ...required].sort());
    expect(files.length).toBeGreaterThan(plain.length + 10);
  });

  test('V8 takes every cache the build recorded, for validate and solve', spawnTimeout, async () => {
    const launch = await bundleCopy();
    await writeFile(path.join(path.dirname(launch), 'report-refused.cjs'), reportRefused);
    expect((await cacheFiles(launch)).length).toBeGreaterThan(0);
    // The report thread loads through launch.cjs too (src/report/render-thread.ts), with its own cache.
    expect(await cacheFiles(launch)).toContainEqual(
      expect.stringMatching(/^render-worker\.cjs\.\w+\.v8cache$/),
    );
    const validate = await run(launch, ['validate', 'scenarios/tiny'], true);
    expect(validate.code).toBe(0);
    expect(validate.stderr).not.toContain('refused');
    const out = await tempDir('zonal-out-');
    const solve = await run(launch, ['solve', 'scenarios/tiny', '--out', out], true);
    expect(solve.code).toBe(0);
    expect(solve.stderr).not.toContain('refused');
    // The batch workers load through launch.cjs too (src/compare/batch-run.ts), a small batch's
    // under its own flags and a large batch's under those of the optimised HiGHS compile.
    expect(new Set((await cacheFiles(launch)).filter((f) => f.startsWith('batch-worker.cjs.'))).size).toBe(2);
    const batch = await run(launch, ['batch', await tinyBatch(), '--out', out], true);
    expect(batch.code).toBe(0);
    expect(batch.stderr).not.toContain('refused');
  });

  test(
    "a large batch's workers take the caches recorded under the optimised compile's flags",
    spawnTimeout,
    async () => {
      // As the bench runs a batch: runBatch from dist/, its workers on the bundle through launch.cjs.
      const script = `
import { parseBatchFile } from './dist/compare/batch-file.js';
import { runBatch } from './dist/compare/batch-run.js';
const parsed = parseBatchFile(JSON.stringify({ base: 'tiny', grid: { demandMultiplier: [1, 1.1] } }));
const summary = await runBatch({ variants: parsed.variants, batchDir: 'scenarios', outDir: ${JSON.stringify(await tempDir('zonal-out-'))},
  workers: 2, resume: false, timeLimit: 60, version: 'test', highs: 'optimised' });
console.log(summary.ran, summary.failed);
`;
      const dir = await tempDir('zonal-refused-');
      await writeFile(path.join(dir, 'report-refused.cjs'), reportRefused);
      const large = await node(
        ['--require', path.join(dir, 'report-refused.cjs'), '--input-type=module', '-e', script],
        repoRoot,
      );
      expect(large).toEqual({ code: 0, stdout: '2 0\n', stderr: '' });
    },
  );

  test('a corrupt cache, a damaged one or none changes no output or exit code', spawnTimeout, async () => {
    const bad = await writeScenarioFolder({ ...goodFiles(), 'providers.csv': 'provider_id\nP1\n' });
    const expected = await Promise.all([
      zonal(['validate', 'scenarios/tiny']),
      zonal(['validate', bad]),
      zonal(['--version']),
    ]);
    expect(expected.map((r) => r.code)).toEqual([0, 2, 0]);

    const corrupt = await bundleCopy();
    for (const f of await cacheFiles(corrupt))
      await writeFile(path.join(path.dirname(corrupt), f), Buffer.alloc(4096, 7));
    // Damaged inside, its header whole: V8 took such a cache and the process died of a
    // segmentation fault until the caches carried a checksum (src/cli/launch.ts).
    const damaged = await bundleCopy();
    for (const f of await cacheFiles(damaged)) {
      const file = path.join(path.dirname(damaged), f);
      const bytes = await readFile(file);
      for (let i = bytes.length >> 1; i < Math.min(bytes.length, (bytes.length >> 1) + 64); i++)
        bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
      await writeFile(file, bytes);
    }
    const none = await bundleCopy();
    for (const f of await cacheFiles(none)) await rm(path.join(path.dirname(none), f));
    expect(await cacheFiles(none)).toEqual([]);

    for (const launch of [corrupt, damaged, none]) {
      const runs = await Promise.all([
        run(launch, ['validate', 'scenarios/tiny']),
        run(launch, ['validate', bad]),
        run(launch, ['--version']),
      ]);
      expect(runs).toEqual(expected);
      // The report thread loads through the same loader (src/report/render-thread.ts).
      const solve = await run(launch, ['solve', 'scenarios/tiny', '--out', await tempDir('zonal-out-')]);
      expect({ code: solve.code, stderr: solve.stderr }).toEqual({ code: 0, stderr: '' });
      expect(solve.stdout).toContain('report.html');
      // And the batch workers (src/compare/batch-run.ts).
      const batch = await run(launch, ['batch', await tinyBatch(), '--out', await tempDir('zonal-out-')]);
      expect({ code: batch.code, stderr: batch.stderr }).toEqual({ code: 0, stderr: '' });
      expect(batch.stdout).toContain('No variant failed');
    }
  });

  test("the command line given a worker's file name runs no worker", async () => {
    const given = await zonal(['batch-worker.cjs']);
    expect(given.code).toBe(2);
    expect(given.stderr).toContain('batch-worker.cjs: zonal has no such command');
  });

  test('recording writes caches that V8 then takes', spawnTimeout, async () => {
    const launch = await bundleCopy();
    await writeFile(path.join(path.dirname(launch), 'report-refused.cjs'), reportRefused);
    for (const f of await cacheFiles(launch)) await rm(path.join(path.dirname(launch), f));
    const recorded = await run(launch, ['validate', 'scenarios/tiny'], false, { ZONAL_CODE_CACHE: 'record' });
    expect(recorded.code).toBe(0);
    const files = await cacheFiles(launch);
    expect(files.some((f) => f.startsWith('main.cjs.'))).toBe(true);
    const again = await run(launch, ['validate', 'scenarios/tiny'], true);
    expect(again).toEqual({ ...recorded, stderr: '' });
  });

  test(
    'a worker thread looks each file up by the flags in force when it loads it, whoever set them',
    spawnTimeout,
    async () => {
      const launch = await bundleCopy();
      const dir = path.dirname(launch);
      for (const [name, text] of Object.entries(flagRace)) await writeFile(path.join(dir, name), text);
      const harness = path.join(dir, 'flag-race.mjs');
      // Recorded with the flag set before the worker starts: both files under the same flags.
      const recorded = await node([harness, 'early'], repoRoot, { ZONAL_CODE_CACHE: 'record' });
      expect(recorded).toEqual({ code: 0, stdout: 'none\n', stderr: '' });
      expect((await cacheFiles(launch)).filter((f) => f.startsWith('probe-'))).toHaveLength(2);
      // The flag set while the worker waits: its second file is loaded under the recorded flags.
      const late = await node([harness, 'late']);
      expect(late).toEqual({ code: 0, stdout: 'taken\n', stderr: '' });
      // Never set: the second file's cache is not looked up under flags it was not made under.
      const never = await node([harness]);
      expect(never).toEqual({ code: 0, stdout: 'none\n', stderr: '' });
    },
  );
});
