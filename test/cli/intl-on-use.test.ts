/**
 * `zonal validate` writes its numbers and prices without Intl (model/grouped-number.ts,
 * model/money.ts): the first Intl number format of a process costs 20-25 ms of CPU while ICU
 * loads its data, a tenth of the command's run. Counts went back to `toLocaleString` and the
 * currency's symbol to `Intl.NumberFormat` once (session 19 found validate paying for them),
 * and nothing else would notice: this test does. `zonal solve` makes none either, in any
 * thread: Observable Plot and linkedom's CSS code each made one as they loaded in the report
 * thread, for formats the report never asks them for (scripts/bundle.mjs makes them on first use).
 */
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt } from '../helpers/cli.js';
import { withPreload } from '../helpers/preload.js';

beforeAll(() => assertBuilt());

/** A preload that says on stderr, with the caller, whenever a number is formatted by Intl. */
const watch = `const say = (what) => process.stderr.write('Intl used: ' + what + '\\n' + new Error().stack.split('\\n')[2] + '\\n');
const NumberFormat = Intl.NumberFormat;
Intl.NumberFormat = function (...args) { say('Intl.NumberFormat'); return new NumberFormat(...args); };
const toLocaleString = Number.prototype.toLocaleString;
Number.prototype.toLocaleString = function (...args) { say('toLocaleString'); return toLocaleString.apply(this, args); };
`;

test('validate on the bundled county and the small example formats no number through Intl', {
  timeout: 60_000,
}, async () => {
  const watched = await withPreload('zonal-intl-', watch);
  for (const folder of ['scenarios/hertfordshire', 'scenarios/tiny']) {
    const run = await watched.zonal(['validate', folder]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Intl used');
  }
  // The watch itself sees a number formatted by Intl.
  const control = await watched.node(['-e', "(1234).toLocaleString('en-GB')"]);
  expect(control.stderr).toContain('Intl used: toLocaleString');
});

test('solve on the bundled county and the small example makes no Intl number format in any thread', {
  timeout: 60_000,
}, async () => {
  const watched = await withPreload('zonal-intl-solve-', watch);
  for (const folder of ['scenarios/hertfordshire', 'scenarios/tiny']) {
    const run = await watched.zonal([
      'solve',
      folder,
      '--out',
      path.join(watched.dir, path.basename(folder)),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Intl used');
  }
  // The watch is in the report thread too: a thread started the same way that makes one is seen.
  const control = await watched.node([
    '-e',
    "new (require('node:worker_threads').Worker)('new Intl.NumberFormat()', { eval: true })",
  ]);
  expect(control.stderr).toContain('Intl used: Intl.NumberFormat');
});
