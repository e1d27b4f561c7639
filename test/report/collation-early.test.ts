/**
 * The report thread loads ICU's collation (9-13 ms of CPU, the first `localeCompare` of a
 * thread) while it waits for the award, not when it draws the legend after it
 * (render-worker.ts, model/order.ts `loadLocaleCollation`; docs/performance.md, session 25).
 */
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt } from '../helpers/cli.js';
import { withPreload } from '../helpers/preload.js';

beforeAll(() => assertBuilt());

/** In the report thread: says on stderr whether its first localeCompare came before or after the award arrived. */
const watch = `const wt = require('node:worker_threads');
if (!wt.isMainThread && wt.parentPort) {
  let award = false;
  const on = wt.parentPort.on.bind(wt.parentPort);
  wt.parentPort.on = function (event, listener) {
    if (event !== 'message') return on(event, listener);
    return on(event, function (m) { if (m && m.kind === 'award') award = true; return listener.apply(this, arguments); });
  };
  const compare = String.prototype.localeCompare;
  let first = true;
  String.prototype.localeCompare = function (...args) {
    if (first) process.stderr.write('first localeCompare ' + (award ? 'after' : 'before') + ' the award\\n');
    first = false;
    return compare.apply(this, args);
  };
}
`;

test("a county solve's report thread compares text by locale first before its award arrives", {
  timeout: 60_000,
}, async () => {
  const { dir, zonal } = await withPreload('zonal-collation-', watch);
  const run = await zonal(['solve', 'scenarios/hertfordshire', '--out', path.join(dir, 'award')]);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('first localeCompare before the award');
});
