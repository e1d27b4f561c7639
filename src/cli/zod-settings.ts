/**
 * zod on the command line's main thread: no compiled parsers. zod 4 compiles
 * each object schema's parser with `new Function` on its first parse, which
 * pays only for schemas parsed many thousands of times; a command parses its
 * scenario's settings once and each table's rows once, and V8's code cache
 * (launch.ts) cannot keep code made at run time. Timed in docs/performance.md
 * (`zonal validate` on the county: 324 → 305 ms; 20,000 bid rows parse no
 * slower). zod reads this setting when a schema is built, so main.ts imports
 * this module before any module that builds one; worker threads keep zod's default.
 *
 * Set without loading zod: zod 4 keeps its settings in one object,
 * `globalThis.__zod_globalConfig` (zod/v4/core/core.js), and takes the one it
 * finds there when it loads, so `zonal validate`, which reads a valid scenario
 * without zod (model/settings-plan.ts), never loads it (scripts/bundle.mjs
 * loads zod on first use). test/cli/zod-settings.test.ts checks zod sees it.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true });
