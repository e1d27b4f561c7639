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
 * (`chunk-X.cjs.<flags>.v8cache`, after a CRC-32 of it), with the functions that ran.
 * Later starts hand it to V8 with the source when its CRC matches. V8 checks that it
 * was made by the same V8 version, with the same flags, from a source of the same
 * length, and refuses it otherwise; a refused or missing cache only costs the compile
 * it would have saved. Bundle files are named by a hash of their content, and `npm run
 * build` deletes dist/bundle/ before writing it, so no cache outlives its source.
 *
 * For `zonal solve SCENARIO` on a small scenario this module first starts the report
 * thread (report/early-render-thread.ts), before any V8 flag of zonal's is set; in that
 * thread it waits until the main thread lets it load its own code.
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
import v8 from 'node:v8';
import vm from 'node:vm';
import type { MessagePort } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { heldUntilKey, startRenderThreadEarly } from '../report/early-render-thread.js';
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
  load(filename: string): void;
}

const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const recording = process.env['ZONAL_CODE_CACHE'] === 'record';
/** Node's `require`, from the bundle's folder: for Node's modules and packages left out of the bundle. */
const nodeRequire = createRequire(path.join(bundleDir, 'launch.cjs'));

/**
 * V8 accepts code cached under the flags in force when it is read, and
 * `zonal solve` changes some flags as it goes (src/solve/v8-flags.ts), so a
 * cache file is named by the flags too: by V8's tag of its version and the
 * flags (with the CPU's features), which changes with every flag change.
 * Flags belong to the process, and other threads change them (the main
 * thread as the report thread loads its files), so the tag is read for each
 * file as it is loaded: 0.4 µs of CPU a call (a script's cache made for it
 * took 0.02-0.8 ms).
 */
const flagsTag = (): string => v8.cachedDataVersionTag().toString(16).padStart(8, '0');

/**
 * main.cjs, or the worker entry a worker thread started on launch.cjs names: the report
 * thread (`new Worker(launch.cjs, { argv: ['render-worker.cjs'] })`, report/render-thread.ts)
 * sees its own file as process.argv[1]; a batch worker (compare/batch-run.ts) runs piscina's
 * worker script, which requires launch.cjs, so it is known by being a worker thread; the
 * command line sees bin/zonal.js. worker_threads is loaded only to tell a worker from a
 * command line given a worker's name: the main thread of `zonal validate` never loads it.
 */
function bundledEntry(): string {
  const [, script, entry] = process.argv;
  if (entry === undefined || !/^[a-z-]+-worker\.cjs$/.test(entry)) return 'main.cjs';
  const inWorker = () =>
    !(nodeRequire('node:worker_threads') as typeof import('node:worker_threads')).isMainThread;
  return script === fileURLToPath(import.meta.url) || inWorker() ? entry : 'main.cjs';
}

const cacheFile = (filename: string, tag: string) => `${filename}.${tag}.v8cache`;

/**
 * V8 11 trusts a cache whose header matches: a file damaged inside (a bad disk, a copy
 * cut short and padded) crashed `zonal` with a segmentation fault. So each cache file
 * starts with a CRC-32 of the cache after it (4 bytes, little-endian), and a file whose
 * cache does not match is not handed to V8: the bundle file is compiled from source
 * instead (test/cli/code-cache.test.ts). V8 can check a checksum of its own, but only
 * under a flag (`--verify-snapshot-checksum`), and with any flag of zonal's set V8 refuses
 * Node's own code cache too: a worker thread's start took 25-30 ms more CPU so, and loading
 * the Node modules a solve uses 4-5 ms more (docs/performance.md, session 24).
 */
function cachedCode(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const cache = bytes.subarray(4);
  return bytes.length > 4 && crc32(cache) === bytes.readUInt32LE(0) ? cache : undefined;
}

/** A cache as its file holds it: its CRC-32, then the cache. */
function cacheFileBytes(cache: Buffer): Buffer {
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(cache));
  return Buffer.concat([crc, cache]);
}

/**
 * Node's module wrapper, which the build writes around each bundle file launch.cjs loads
 * (scripts/bundle.mjs): V8 is handed the file's text as read. Wrapping it here made a
 * second copy of it (V8 flattens a joined string before it compiles it).
 */
const [wrapperHead = '', wrapperTail = ''] = Module.wrap('\0').split('\0');
const wrapped = (text: string): string =>
  text.startsWith(wrapperHead) && text.endsWith(wrapperTail) ? text : Module.wrap(text);

/**
 * Bundle files are ASCII only (the build fails otherwise), so they are read as Latin-1: Node
 * hands V8 such a file's text without decoding it (a file over about 1 MB, as the report
 * thread's, is not even copied), where reading it as UTF-8 decoded and copied it.
 */
const extensions = (Module as unknown as { _extensions: NodeJS.RequireExtensions })._extensions;
const loadJs = extensions['.js'];
extensions['.cjs'] = (module, filename) => {
  if (path.dirname(filename) !== bundleDir || loadJs === undefined) return loadJs?.(module, filename);
  (module as unknown as LoadingModule)._compile(readFileSync(filename, 'latin1'), filename);
};

interface Recorded {
  readonly script: vm.Script;
  /** The flags when it was compiled, and its cache then (the code its module's first run compiled). */
  readonly tag: string;
  readonly loaded: Buffer;
}
const recorded = new Map<string, Recorded>();

/**
 * The `require` every bundle file is given. The bundle's files all lie in one folder and
 * require each other as `./<file>.cjs`: such a file is loaded from its path at once, where
 * Node resolved each first (a stat and a realpath, and a `require` made for every file): 32
 * resolves took 12-16 ms of a county solve's main thread as it shared the cores (4.7 ms in a
 * script of their own; docs/performance.md, session 25).
 * Any other request (`node:` modules, packages left out of the bundle) Node resolves from the
 * bundle's folder, as it did from each file there.
 */
const moduleCache = (Module as unknown as { _cache: Record<string, LoadingModule | undefined> })._cache;

/** A bundle file's exports, loaded as Node's `require` loads a file it has resolved (by Node's module cache). */
function loadBundled(file: string): unknown {
  const known = moduleCache[file];
  if (known !== undefined) return known.exports;
  const module = new (Module as unknown as new (id: string) => LoadingModule)(file);
  moduleCache[file] = module;
  try {
    module.load(file);
  } catch (e) {
    delete moduleCache[file];
    throw e;
  }
  return module.exports;
}

const bundleRequire = Object.assign(
  (request: string): unknown =>
    request.startsWith('./') && request.endsWith('.cjs') && !request.includes('/', 2)
      ? loadBundled(path.join(bundleDir, request))
      : nodeRequire(request),
  nodeRequire,
) as NodeJS.Require;

const proto = (Module as unknown as { prototype: LoadingModule }).prototype;
const compile = proto._compile;
proto._compile = function compileWithCache(this: LoadingModule, content: string, filename: string) {
  if (path.dirname(filename) !== bundleDir || !filename.endsWith('.cjs'))
    return compile.call(this, content, filename);
  const tag = flagsTag();
  const script = new vm.Script(wrapped(content), {
    filename,
    cachedData: recording ? undefined : cachedCode(cacheFile(filename, tag)),
  });
  const wrapper = script.runInThisContext() as Wrapper;
  wrapper.call(this.exports, this.exports, bundleRequire, this, filename, bundleDir);
  if (recording) {
    const made = cacheNow(script);
    if (made !== undefined) recorded.set(filename, { script, tag: made.tag, loaded: made.data });
  }
  return undefined;
};

/**
 * The script's cache made now, with the tag of the flags it was made under (V8 takes it
 * only under those), or undefined if another thread changed the flags meanwhile. The
 * module's first run may have spanned a change, so this tag can differ from the one the
 * file was looked up by: the cache is then named for flags it will not load under, and
 * only costs its compile, as it would have if V8 had refused it.
 */
function cacheNow(script: vm.Script): { readonly tag: string; readonly data: Buffer } | undefined {
  const tag = flagsTag();
  const data = script.createCachedData();
  return flagsTag() === tag ? { tag, data } : undefined;
}

/** Caches this thread wrote: a batch worker records after each chunk, each time with more of its code. */
const written = new Set<string>();

function writeRecorded(): void {
  // Every function that has run is cached now, but under the flags of the moment:
  // if they are not those of the file's first run, its cache from then is written.
  for (const [filename, { script, tag, loaded }] of recorded) {
    const file = cacheFile(filename, tag);
    if (existsSync(file) && !written.has(file)) continue;
    const latest = cacheNow(script);
    writeFileSync(file, cacheFileBytes(latest?.tag === tag ? latest.data : loaded));
    written.add(file);
  }
}

if (recording) {
  process.on('exit', writeRecorded);
  // A worker thread is stopped, not ended: it writes its cache when it has done its work (code-cache-record.ts).
  (globalThis as Record<symbol, unknown>)[recordCodeCacheKey] = writeRecorded;
}

/**
 * The port a report thread started early waits on (report/early-render-thread.ts): it loads
 * its code when the main thread posts there. Undefined in any other thread.
 */
function heldUntil(): MessagePort | undefined {
  const { workerData } = nodeRequire('node:worker_threads') as typeof import('node:worker_threads');
  const port: unknown =
    typeof workerData === 'object' && workerData !== null ? workerData[heldUntilKey] : undefined;
  return port === undefined ? undefined : (port as MessagePort);
}

const entry = bundledEntry();
const loadEntry = () => loadBundled(path.join(bundleDir, entry));
if (entry === 'main.cjs') startRenderThreadEarly(process.argv);
const held = entry === 'main.cjs' ? undefined : heldUntil();
held?.once('message', () => {
  held.close();
  loadEntry();
});

/** The entry's exports: a worker pool that loads launch.cjs finds its task function here (compare/batch-run.ts). */
export default held === undefined ? loadEntry() : undefined;
