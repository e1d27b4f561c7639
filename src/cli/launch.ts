/**
 * The command line's first module: bin/zonal.js requires its bundled copy,
 * dist/bundle/launch.cjs, which loads the bundled command line (main.cjs and
 * the chunk-*.cjs files it requires) through V8's code cache.
 *
 * Node 20 compiles every module from source on every start (it has no
 * `module.enableCompileCache`), and then compiles each function again the
 * first time it runs. `npm run build` runs `zonal validate` and `zonal solve`
 * once on the small example with ZONAL_CODE_CACHE=record (scripts/code-cache.mjs):
 * at exit, the compiled code of each bundle file is written beside it
 * (`chunk-X.cjs.<flags>.v8cache`), with the functions that ran. Later starts hand it
 * to V8 with the source. V8 checks that it was made by the same V8 version,
 * with the same flags, from a source of the same length, and refuses it
 * otherwise; a refused or missing cache only costs the compile it would have
 * saved. Bundle files are named by a hash of their content, and `npm run build`
 * deletes dist/bundle/ before writing it, so no cache outlives its source.
 *
 * Files outside dist/bundle/ (packages such as highs) load as usual. Code in
 * the bundle cannot `import()` (vm.Script has no module loader to hand it
 * without an experimental warning on stderr); rolldown turns the bundle's
 * own dynamic imports into `require`, so import bundled modules, not
 * packages left out of the bundle or `node:` modules.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { flagChanges, setV8Flags } from '../solve/v8-flags.js';
import { recordCodeCacheKey } from './code-cache-record.js';

type Wrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: unknown,
  filename: string,
  dirname: string,
) => void;

interface LoadingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

/**
 * V8 11 trusts a cache whose header matches: a file damaged inside (a bad disk, a copy
 * cut short and padded) crashed `zonal` with a segmentation fault. With this flag V8
 * writes a checksum of its contents into each cache it makes and refuses a cache whose
 * contents do not match, so the file is compiled from source instead
 * (test/cli/code-cache.test.ts). Set before any cache is read or made: the flags name the
 * cache files.
 */
setV8Flags(['--verify-snapshot-checksum']);

const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const recording = process.env['ZONAL_CODE_CACHE'] === 'record';

/**
 * V8 accepts code cached under the flags in force when it is read, and
 * `zonal solve` changes some flags as it goes (src/solve/v8-flags.ts), so a
 * cache file is named by the flags too: by a hash of the header of a tiny
 * script's cache (V8 11's header: magic number, version hash, source hash,
 * flag hash; the rest varies from process to process). Were the header laid
 * out otherwise, no cache would be found, and each file compiled as usual.
 */
function currentFlagsTag(): string {
  let h = 0x811c9dc5;
  for (const byte of new vm.Script('0').createCachedData().subarray(0, 16))
    h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The tag is worked out once per flag state, not once per file (compiling a
 * script for it took about 0.2 ms): zonal changes flags only through
 * src/solve/v8-flags.ts, which counts the changes.
 */
let known: { readonly tag: string; readonly changes: number } | undefined;
function flagsTag(): string {
  if (known?.changes !== flagChanges()) known = { tag: currentFlagsTag(), changes: flagChanges() };
  return known.tag;
}

/**
 * main.cjs, or the worker entry a worker thread started on launch.cjs names
 * (`new Worker(launch.cjs, { argv: ['render-worker.cjs'] })`, report/render-thread.ts):
 * a worker sees its own file as process.argv[1], the command line sees bin/zonal.js.
 * Read from argv, not worker_threads, which the main thread of `zonal validate` never loads.
 */
function bundledEntry(): string {
  const [, script, entry] = process.argv;
  return script === fileURLToPath(import.meta.url) &&
    entry !== undefined &&
    /^[a-z-]+-worker\.cjs$/.test(entry)
    ? entry
    : 'main.cjs';
}

const cacheFile = (filename: string, tag: string) => `${filename}.${tag}.v8cache`;

function cachedCode(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

interface Recorded {
  readonly script: vm.Script;
  /** The flags when it was compiled, and its cache then (the code its module's first run compiled). */
  readonly tag: string;
  readonly loaded: Buffer;
}
const recorded = new Map<string, Recorded>();

const proto = (Module as unknown as { prototype: LoadingModule }).prototype;
const compile = proto._compile;
proto._compile = function compileWithCache(this: LoadingModule, content: string, filename: string) {
  if (path.dirname(filename) !== bundleDir || !filename.endsWith('.cjs'))
    return compile.call(this, content, filename);
  const tag = flagsTag();
  const script = new vm.Script(Module.wrap(content), {
    filename,
    cachedData: recording ? undefined : cachedCode(cacheFile(filename, tag)),
  });
  const wrapper = script.runInThisContext() as Wrapper;
  wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, bundleDir);
  if (recording) recorded.set(filename, { script, tag, loaded: script.createCachedData() });
  return undefined;
};

function writeRecorded(): void {
  // The cache holds every function that has run, but under the flags of the moment:
  // a file compiled under other flags keeps its cache from when it was loaded.
  const now = flagsTag();
  for (const [filename, { script, tag, loaded }] of recorded) {
    const file = cacheFile(filename, tag);
    if (!existsSync(file)) writeFileSync(file, tag === now ? script.createCachedData() : loaded);
  }
}

if (recording) {
  process.on('exit', writeRecorded);
  // A worker thread is stopped, not ended: it writes its cache when it has done its work (code-cache-record.ts).
  (globalThis as Record<symbol, unknown>)[recordCodeCacheKey] = writeRecorded;
}

createRequire(import.meta.url)(path.join(bundleDir, bundledEntry()));
