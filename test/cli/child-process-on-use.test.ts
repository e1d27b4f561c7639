/**
 * `zonal solve` on HiGHS never loads node:child_process: the CBC backend, which every solve
 * loads with the other backends, loads it when CBC is first run (solve/backend-cbc.ts), as
 * commander does when a subcommand is a program of its own (scripts/bundle.mjs). It brings
 * node:net and node:dgram with it, about 5 ms of the solve's main thread (docs/performance.md,
 * session 23); nothing else would notice it coming back.
 */
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { assertBuilt } from '../helpers/cli.js';
import { loadWatch, withPreload } from '../helpers/preload.js';

beforeAll(() => assertBuilt());

test('a solve on HiGHS does not load node:child_process; one on CBC does', { timeout: 60_000 }, async () => {
  const { dir, zonal } = await withPreload(
    'zonal-child-process-',
    loadWatch({ child_process: 'child_process loaded' }),
  );
  const onHighs = await zonal(['solve', 'scenarios/tiny', '--out', path.join(dir, 'highs')]);
  expect(onHighs.code).toBe(0);
  expect(onHighs.stderr).not.toContain('child_process loaded');
  // With or without a cbc binary on PATH, --solver cbc first runs it to see whether it is CBC.
  const onCbc = await zonal(['solve', 'scenarios/tiny', '--solver', 'cbc', '--out', path.join(dir, 'cbc')]);
  expect(onCbc.stderr).toContain('child_process loaded');
});
