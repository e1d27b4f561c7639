/**
 * `npm run build` step 2: bundle the command line (dist/cli/main.js and the
 * files worker threads load) into dist/bundle/ with rolldown, so `zonal`
 * starts by reading a few large files instead of several hundred small ones
 * (module loading was most of what remained of a cold `zonal solve` once the
 * solver and maps were fast: see docs/performance.md).
 *
 * Kept outside the bundle: packages that find their own files next to their
 * code (highs its .wasm, piscina its worker, bullmq its Lua scripts), jsonc-parser
 * (its CommonJS build requires its parts at run time; the CommonJS builds below
 * bundle its ES module build instead) and the
 * server-side packages only `zonal serve` and `zonal worker` use.
 * Worker entries keep their names, so `new URL('./solve-worker.js', import.meta.url)`
 * finds them beside the bundled caller, as it does in dist/. The main thread's
 * code is a second, CommonJS build beside them (main.cjs, loaded by launch.cjs
 * with V8's code cache: src/cli/launch.ts), and so are the report thread and the batch
 * workers; the other workers stay ES modules.
 */
import { rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { build } from 'rolldown';

/** Packages left out of the bundle, by name (`@scope/`: every package of the scope). */
const outsidePackages = [
  'jsonc-parser',
  'highs',
  'piscina',
  'bullmq',
  'ioredis',
  'fastify',
  '@fastify/',
  'playwright-core',
];

/** rolldown's `external`: the packages left out, except those named in `bundled`. */
function externalExcept(...bundled) {
  const unknown = bundled.filter((name) => !outsidePackages.includes(name));
  if (unknown.length > 0) throw new Error(`bundle: ${unknown.join(', ')} is not left out of the bundle`);
  return outsidePackages
    .filter((name) => !bundled.includes(name))
    .map(
      (name) =>
        new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${name.endsWith('/') ? '' : '($|/)'}`),
    );
}
const external = externalExcept();

rmSync('dist/bundle', { recursive: true, force: true });
// The worker threads' entries, as ES modules.
await build({
  input: {
    'solve-worker': 'dist/serve/solve-worker.js',
    'jslp-worker': 'dist/solve/jslp-worker.js',
  },
  platform: 'node',
  external,
  logLevel: 'warn',
  // ASCII only, without JSDoc: V8 holds a source with any other character as two bytes a
  // character, and the report thread compiles 1.4 MB of it on every solve (docs/performance.md).
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    chunkFileNames: 'chunk-[hash].js',
    charset: 'ascii',
    comments: { legal: true, annotation: true, jsdoc: false },
  },
});
/**
 * commander loads node:child_process when it loads, for subcommands that are
 * programs of their own (zonal has none), and with it node:net, node:dgram
 * and their bindings: about 2.5 ms of every start (docs/performance.md,
 * "validate, fourth round"). On the main thread it is loaded when first used.
 * The build fails if commander no longer loads it this way, so the change is
 * never lost unnoticed.
 */
const commanderChildProcess = {
  name: 'commander-child-process-on-use',
  transform(code, id) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    const eager = "const childProcess = require('node:child_process');";
    if (!code.includes(eager)) throw new Error(`bundle: commander no longer starts with: ${eager}`);
    return code.replace(
      eager,
      "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
    );
  },
};

/**
 * zod, in each CommonJS build, in a chunk of its own that is required on first
 * use: every zod schema is built when first needed, and a valid scenario is
 * read without one (src/model/settings-plan.ts), so `zonal validate` on it
 * neither reads nor runs zod's 180 KB (docs/performance.md, "validate, fifth
 * round"), the report thread never does, and a batch worker does only for a
 * setting its plan cannot read. Each chunk's `const require_zod = require("./chunk-….cjs")` becomes
 * an object that requires the chunk when one of its exports is first read.
 * The build fails if the chunk is missing, or if a chunk uses it otherwise
 * than by reading an export (`require_zod.string()`).
 */
const zodChunk = { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ };
/**
 * cssomnom (linkedom's CSS parser, 320 kB of the report thread's 1.4 MB) the same way: linkedom
 * uses it only to read a `<style>` element's `sheet`, which neither Plot nor zonal reads, yet
 * the report thread loaded and ran all of it on every solve.
 */
const cssomnomChunk = { name: 'cssomnom', test: /[\\/]node_modules[\\/]cssomnom[\\/]/ };

/** A build step that makes the group's chunk (zodChunk, cssomnomChunk) required on first use. */
function requiredOnFirstUse(group) {
  return {
    name: `${group.name}-on-first-use`,
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const own = chunks.find((c) => c.name === group.name);
      if (own === undefined) throw new Error(`bundle: ${group.name} has no chunk of its own`);
      const required = `require("./${own.fileName}")`;
      for (const chunk of chunks) {
        const eager = new RegExp(`^const (\\w+) = ${required.replace(/[.()]/g, '\\$&')};$`, 'm');
        const name = eager.exec(chunk.code)?.[1];
        if (name === undefined && chunk.code.includes(required))
          throw new Error(`bundle: ${chunk.fileName} requires ${group.name} without a name`);
        if (name === undefined) continue;
        const uses = chunk.code.match(new RegExp(`\\b${name}\\b(?!\\.\\w)`, 'g')) ?? [];
        if (uses.length !== 1)
          throw new Error(`bundle: ${chunk.fileName} uses ${name} otherwise than by its exports`);
        chunk.code = chunk.code.replace(
          eager,
          `let ${name}$loaded;\nconst ${name} = new Proxy({}, { get: (_, key) => (${name}$loaded ??= ${required})[key] });`,
        );
      }
    },
  };
}
const zodOnFirstUse = requiredOnFirstUse(zodChunk);

/**
 * HiGHS's JavaScript (168 kB) in the main thread's bundle, so it loads with the code cache
 * instead of from source on every solve: zonal hands it the compiled WebAssembly
 * (src/solve/highs-shared.ts), so it never looks for highs.wasm beside itself. Its
 * CommonJS build, as its ES module build loads node:module with `import()`, which code
 * run through the cache cannot (src/cli/launch.ts).
 */
const highsBundled = {
  name: 'highs-commonjs',
  resolveId(id) {
    return id === 'highs' ? createRequire(import.meta.url).resolve('highs') : null;
  },
};

/**
 * jsonc-parser's ES module build in the CommonJS builds: its CommonJS build (its `main`) requires
 * its parts at run time, which a bundle cannot follow, so every `zonal solve` and `zonal validate`
 * compiled its six files from source (about 7.5 ms) to find the lines of scenario.json's settings.
 * Bundled, it loads with the code cache.
 */
const jsoncBundled = {
  name: 'jsonc-parser-esm',
  resolveId(id) {
    return id === 'jsonc-parser'
      ? createRequire(import.meta.url).resolve('jsonc-parser/lib/esm/main.js')
      : null;
  },
};

/**
 * Observable Plot and cssomnom (linkedom's CSS code) each make an `Intl.NumberFormat` as they
 * load: Plot for the text of marks given no format, cssomnom for CSS numbers. A county's report
 * asks neither for a number, and the first Intl number format of a thread costs about 30 ms of CPU
 * while ICU loads its data, on the report thread as it loads beside HiGHS's compile
 * (docs/performance.md, "session 21"). Both are made on first use instead; what they format is
 * unchanged. The build fails if either package no longer makes its format as expected, so the
 * change is never lost unnoticed; test/cli/intl-on-use.test.ts fails if a solve makes one again.
 */
const numberFormatsOnFirstUse = {
  name: 'number-formats-on-first-use',
  transform(code, id) {
    if (/[\\/]@observablehq[\\/]plot[\\/]src[\\/]format\.js$/.test(id)) {
      const eager =
        'const format = numberFormat(locale);\n  return (i) => (i != null && !isNaN(i) ? format.format(i) : undefined);';
      if (!code.includes(eager)) throw new Error(`bundle: Plot's formatNumber no longer reads: ${eager}`);
      return code.replace(
        eager,
        'let format;\n  return (i) => (i != null && !isNaN(i) ? (format ??= numberFormat(locale)).format(i) : undefined);',
      );
    }
    if (!/[\\/]cssomnom[\\/]dist[\\/]/.test(id) || !code.includes('Intl.NumberFormat')) return null;
    const eager = /^const formatter = new Intl\.NumberFormat\(([^;]*)\);$/m;
    const made = eager.exec(code);
    const uses = code.match(/\bformatter\b(?!\.format\()/g) ?? [];
    if (made === null || uses.length !== 1)
      throw new Error(
        `bundle: ${id} no longer makes its number format as \`const formatter = new Intl.NumberFormat(…)\`, used only by its format()`,
      );
    return code.replace(
      eager,
      `let formatter$made;\nconst formatter = { format: (value) => (formatter$made ??= new Intl.NumberFormat(${made[1]})).format(value) };`,
    );
  },
};

/**
 * Each CommonJS file launch.cjs loads through its own loader written inside Node's module
 * wrapper, `(function (exports, require, module, __filename, __dirname) { ... });`, and ASCII
 * only: launch.cjs reads it as Latin-1 and hands V8 the text as read (src/cli/launch.ts), where
 * wrapping it at run time made a second copy of every file's text (V8 flattens the joined
 * string; 1.4 MB for the report thread alone) and reading it as UTF-8 a third (docs/performance.md,
 * session 24). launch.cjs itself and the files it requires before its loader is in place stay as
 * they are, for Node's own loader. The build fails if a file holds a byte beyond ASCII, which
 * Latin-1 would read as another character.
 */
function wrappedForLaunch(loadedByNode = () => new Set()) {
  return {
    name: 'wrapped-for-launch',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const plain = loadedByNode(chunks);
      for (const chunk of chunks) {
        if (/[^\x00-\x7f]/.test(chunk.code)) throw new Error(`bundle: ${chunk.fileName} is not ASCII only`);
        if (!plain.has(chunk.fileName)) chunk.code = Module.wrap(chunk.code);
      }
    },
  };
}

/** launch.cjs and every file it requires as it loads, before its loader is in place. */
function launchAndItsImports(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const plain = new Set();
  const visit = (name) => {
    if (plain.has(name) || !byName.has(name)) return;
    plain.add(name);
    for (const imported of byName.get(name).imports) visit(imported);
  };
  visit('launch.cjs');
  if (plain.size === 0) throw new Error("bundle: no launch.cjs among the main build's files");
  return plain;
}

/** Output of the CommonJS builds (ASCII and without JSDoc, as the workers'). */
const commonJsOutput = (chunkFileNames) => ({
  dir: 'dist/bundle',
  format: 'cjs',
  entryFileNames: '[name].cjs',
  chunkFileNames,
  charset: 'ascii',
  comments: { legal: true, annotation: true, jsdoc: false },
});

// The main thread, as CommonJS: launch.cjs loads main.cjs and its chunks with V8's
// code cache (src/cli/launch.ts), which Node 20 offers for CommonJS only.
await build({
  input: { launch: 'dist/cli/launch.js', main: 'dist/cli/main.js' },
  platform: 'node',
  plugins: [
    commanderChildProcess,
    zodOnFirstUse,
    highsBundled,
    jsoncBundled,
    numberFormatsOnFirstUse,
    wrappedForLaunch(launchAndItsImports),
  ],
  external: externalExcept('highs', 'jsonc-parser'),
  logLevel: 'warn',
  output: { ...commonJsOutput('chunk-[hash].cjs'), codeSplitting: { groups: [zodChunk] } },
});

// The report thread, as CommonJS too: `zonal solve` starts it on launch.cjs, which loads
// render-worker.cjs and its chunks with V8's code cache (src/report/render-thread.ts). A build
// of its own, so each chunk's cache holds the code of one thread.
await build({
  input: { 'render-worker': 'dist/report/render-worker.js' },
  platform: 'node',
  plugins: [
    zodOnFirstUse,
    requiredOnFirstUse(cssomnomChunk),
    jsoncBundled,
    numberFormatsOnFirstUse,
    wrappedForLaunch(),
  ],
  external: externalExcept('jsonc-parser'),
  logLevel: 'warn',
  output: {
    ...commonJsOutput('render-chunk-[hash].cjs'),
    codeSplitting: { groups: [zodChunk, cssomnomChunk] },
  },
});

// The batch's worker threads, as CommonJS too: piscina requires launch.cjs, which loads
// batch-worker.cjs and its chunks with V8's code cache (src/compare/batch-run.ts). As an ES
// module each worker also compiled Node's own ES module loader. HiGHS's JavaScript is bundled,
// as on the main thread: the pool hands each worker the compiled WebAssembly, or the worker
// compiles highs.wasm itself (src/solve/highs-shared.ts).
await build({
  input: { 'batch-worker': 'dist/compare/batch-worker.js' },
  platform: 'node',
  plugins: [highsBundled, zodOnFirstUse, jsoncBundled, wrappedForLaunch()],
  external: externalExcept('highs', 'jsonc-parser'),
  logLevel: 'warn',
  // runTask (its default export, for `zonal worker`'s pool) and runChunk (the batch's), both by name.
  output: {
    ...commonJsOutput('batch-chunk-[hash].cjs'),
    exports: 'named',
    codeSplitting: { groups: [zodChunk] },
  },
});
