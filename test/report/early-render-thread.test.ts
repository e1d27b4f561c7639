/**
 * The report thread launch.cjs starts before `zonal solve`'s code loads
 * (src/report/early-render-thread.ts): started only for a small scenario named
 * first after `solve`, taken once and only for that scenario and young
 * generation, stopped otherwise, and never keeping a process alive that does not
 * take it. That the bundled thread waits for its release and then draws the
 * report is shown by every `zonal solve` of the CLI tests.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  reportYoungGenerationMb,
  startRenderThreadEarly,
  takeEarlyRenderThread,
} from '../../src/report/early-render-thread.js';
import { assertBuilt, node, repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

const tiny = path.join(repoRoot, 'scenarios/tiny');
const argv = (...args: string[]) => ['node', 'bin/zonal.js', ...args];

beforeAll(() => assertBuilt());

afterEach(async () => {
  // Whatever a test left started is stopped (a different scenario is never taken).
  takeEarlyRenderThread('', undefined);
});

/** A scenario folder of more than a county's size: a national one's report keeps V8's young generation. */
async function largeScenario(): Promise<string> {
  const dir = await tempDir('zonal-large-');
  await writeFile(path.join(dir, 'demand.csv'), 'x'.repeat(1_100_000));
  return dir;
}

describe('the report thread started as `zonal solve` starts', () => {
  test('a small scenario gets a 2 MB young generation, a large one V8 default', async () => {
    expect(reportYoungGenerationMb(tiny)).toBe(2);
    expect(reportYoungGenerationMb(await largeScenario())).toBeUndefined();
    expect(reportYoungGenerationMb(path.join(tiny, 'no-such-folder'))).toBeUndefined();
  });

  test("measures a scenario's folder once: launch.cjs and the solve ask for the same", async () => {
    const dir = await tempDir('zonal-measured-');
    await writeFile(path.join(dir, 'demand.csv'), 'area_id\n');
    expect(reportYoungGenerationMb(dir)).toBe(2);
    await writeFile(path.join(dir, 'demand.csv'), 'x'.repeat(1_100_000));
    expect(reportYoungGenerationMb(dir)).toBe(2);
    expect(reportYoungGenerationMb(await largeScenario())).toBeUndefined();
  });

  test('is started for `solve SCENARIO` on a small scenario, and taken once', async () => {
    startRenderThreadEarly(argv('solve', tiny, '--out', 'x'));
    const taken = takeEarlyRenderThread(tiny, 2);
    expect(taken).toBeDefined();
    expect(takeEarlyRenderThread(tiny, 2)).toBeUndefined();
    taken?.release();
    await taken?.worker.terminate();
  });

  test.each([
    ['another command', () => argv('validate', tiny)],
    ['an option before the scenario', () => argv('solve', '--out', 'x', tiny)],
    ['no scenario', () => argv('solve')],
    ['a scenario that is not there', () => argv('solve', path.join(tiny, 'no-such-folder'))],
  ])('is not started for %s', async (_what, args) => {
    startRenderThreadEarly(args());
    expect(takeEarlyRenderThread(tiny, 2)).toBeUndefined();
  });

  test('is not started for a large scenario', async () => {
    const large = await largeScenario();
    startRenderThreadEarly(argv('solve', large));
    expect(takeEarlyRenderThread(large, undefined)).toBeUndefined();
  });

  test('asked for by another scenario or young generation, it is stopped, not handed over', async () => {
    for (const [scenario, youngGenerationMb] of [
      [path.join(tiny, '..', 'hertfordshire'), 2],
      [tiny, undefined],
    ] as const) {
      startRenderThreadEarly(argv('solve', tiny));
      const terminate = vi.spyOn(Worker.prototype, 'terminate');
      try {
        expect(takeEarlyRenderThread(scenario, youngGenerationMb)).toBeUndefined();
        expect(terminate).toHaveBeenCalledTimes(1);
        await terminate.mock.results[0]?.value;
      } finally {
        terminate.mockRestore();
      }
      expect(takeEarlyRenderThread(tiny, 2)).toBeUndefined();
    }
  });

  test('failing before it is taken, it ends nothing else and is not handed over', async () => {
    const failing = {
      file: new URL(`data:text/javascript,${encodeURIComponent("throw new Error('broken bundle');")}`),
      argv: [],
    };
    const worker = startRenderThreadEarly(argv('solve', tiny), failing);
    if (worker === undefined) throw new Error('no thread was started');
    // Its error goes to no listener of the test's: had it no listener at all, the test run would fail.
    expect(await new Promise((resolve) => worker.on('exit', resolve))).toBe(1);
    expect(takeEarlyRenderThread(tiny, 2)).toBeUndefined();
  });

  test('never taken, it does not keep the process alive', async () => {
    // The built module (tests run after `npm run build`), in a process of its own.
    const module = pathToFileURL(path.join(repoRoot, 'dist/report/early-render-thread.js')).href;
    const script = path.join(await tempDir('zonal-early-'), 'start.mjs');
    await writeFile(
      script,
      `import { startRenderThreadEarly } from ${JSON.stringify(module)};
startRenderThreadEarly(['node', 'zonal', 'solve', ${JSON.stringify(tiny)}]);
console.log('started');
`,
    );
    expect(await node([script])).toEqual({ code: 0, stdout: 'started\n', stderr: '' });
  }, 30_000);
});
