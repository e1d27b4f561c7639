/**
 * `npm run build` step (after the bundle, before the code cache): record which of
 * HiGHS's WebAssembly functions a county solve calls, into dist/highs-hints.json,
 * so `zonal solve` compiles those at once and leaves the rest to a first call
 * (src/solve/wasm-hints.ts). Solves the bundled county and the small example
 * with HiGHS compiled lazily (ZONAL_WASM_HINTS=record) and V8 printing each
 * function it compiles (`--trace-wasm-compilation-times`, on stdout). If V8
 * prints nothing this script can read, no list is written and HiGHS is compiled
 * whole, as before.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const target = 'dist/highs-hints.json';
const out = mkdtempSync(path.join(os.tmpdir(), 'zonal-wasm-hints-'));
const env = { ...process.env, ZONAL_WASM_HINTS: 'record' };
const eager = new Set();
try {
  for (const scenario of ['scenarios/hertfordshire', 'scenarios/tiny']) {
    // Into a file: through a pipe, the end of V8's trace was lost at exit in about one run in two.
    const file = path.join(out, 'trace.txt');
    const fd = openSync(file, 'w');
    try {
      execFileSync(
        process.execPath,
        ['--trace-wasm-compilation-times', 'bin/zonal.js', 'solve', scenario, '--out', path.join(out, 'set')],
        { env, stdio: ['ignore', fd, 'ignore'] },
      );
    } finally {
      closeSync(fd);
    }
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const called = /^Compiled function \S*#(\d+) using Liftoff/.exec(line);
      if (called !== null) eager.add(Number(called[1]));
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
rmSync(target, { force: true });
if (eager.size > 0) {
  const wasm = createRequire(path.resolve('package.json')).resolve('highs/runtime');
  const hints = { wasmBytes: statSync(wasm).size, eager: [...eager].sort((a, b) => a - b) };
  writeFileSync(target, `${JSON.stringify(hints)}\n`);
} else console.warn('wasm-hints: V8 listed no compiled functions; HiGHS will be compiled whole');
