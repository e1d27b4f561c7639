/**
 * The V8 flags each way of compiling HiGHS asks for. Flags apply to the whole
 * process, so what a compile gets is the last value of each flag set before it
 * starts, whatever set it. Each case runs in a process of its own (the built
 * modules, dist/), with V8's flag setter and WebAssembly's compile replaced by
 * recorders: no flag is really set, nothing is compiled or timed.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { tieringFor } from '../../src/solve/wasm-tiering.js';
import { assertBuilt, node, repoRoot } from '../helpers/cli.js';

beforeAll(() => assertBuilt());

const recorder = `
import v8 from 'node:v8';
delete process.env.ZONAL_WASM_TIERING;
const events = [];
v8.setFlagsFromString = (flag) => events.push(flag);
WebAssembly.compile = async () => (events.push('compile'), {});
const { useWasmTiering } = await import('./dist/solve/wasm-tiering.js');
const { compileHighsWasm, compileSharedHighs } = await import('./dist/solve/highs-shared.js');
const steps = { baseline: () => useWasmTiering('baseline'), v8: () => useWasmTiering('v8'), oneShot: () => compileHighsWasm(true), shared: () => compileSharedHighs({ variants: 1, largestModel: 0 }, 'optimised'), smallBatch: () => compileSharedHighs({ variants: 6, largestModel: 122 }) };
for (const step of process.argv.slice(1)) await steps[step]();
console.log(JSON.stringify(events));
`;

/** The flags asked for and the compiles started, in order, after `steps` in a fresh process. */
async function eventsAfter(...steps: string[]): Promise<string[]> {
  const run = await node(['--input-type=module', '-e', recorder, ...steps], repoRoot);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as string[];
}

/** The value of `--name=value` last asked for before each compile. */
function atEachCompile(events: readonly string[], name: string): (string | undefined)[] {
  const values: (string | undefined)[] = [];
  let value: string | undefined;
  for (const e of events)
    if (e === 'compile') values.push(value);
    else if (e.startsWith(`--${name}=`)) value = e.slice(name.length + 3);
  return values;
}

const tasks = 'wasm-num-compilation-tasks';

describe.concurrent('the number of compile tasks', () => {
  test("the batch's optimised compile asks for V8's default after a baseline setting in the same process", async () => {
    const events = await eventsAfter('baseline', 'shared');
    expect(events).toContain(`--${tasks}=2`); // the baseline setting did ask for two tasks
    expect(events).toContain('--no-liftoff');
    expect(atEachCompile(events, tasks)).toEqual(['128']);
  });

  test('the optimised compile asks for it itself when it is the first compile of the process', async () => {
    expect(atEachCompile(await eventsAfter('shared'), tasks)).toEqual(['128']);
  });

  test("a small batch's shared compile: two tasks, baseline code only, after an optimised one too", async () => {
    const events = await eventsAfter('smallBatch');
    expect(atEachCompile(events, tasks)).toEqual(['2']);
    expect(events).toContain('--liftoff-only');
    // Its flags are asked for before it starts, as a one-shot run's are.
    expect(events.indexOf('--liftoff-only')).toBeLessThan(events.indexOf('compile'));
    const after = await eventsAfter('shared', 'smallBatch');
    expect(atEachCompile(after, tasks)).toEqual(['128', '2']);
    expect(after.lastIndexOf('--liftoff')).toBeGreaterThan(after.indexOf('--no-liftoff'));
  });

  test("a one-shot run's compile: two tasks on baseline code, V8's default on V8's tiering", async () => {
    const events = await eventsAfter('baseline', 'oneShot', 'v8', 'oneShot');
    expect(atEachCompile(events, tasks)).toEqual(['2', '128']);
  });
});

describe('a second compile in one process', () => {
  test("is made with V8's module cache off, so it does not get the first compile's code; a first compile keeps the cache", async () => {
    // V8 hands back a module compiled before from the same bytes, whatever flags are set since:
    // a tender too large for the command line's guess of baseline code stayed on baseline code.
    const events = await eventsAfter('baseline', 'oneShot', 'v8', 'oneShot');
    const noCache = '--no-wasm-native-module-cache-enabled';
    const compiles = events.flatMap((e, i) => (e === 'compile' ? [i] : []));
    expect(compiles).toHaveLength(2);
    expect(events.slice(0, compiles[0])).not.toContain(noCache);
    expect(events.slice(compiles[0], compiles[1])).toContain(noCache);
  });
});

describe('which first models tier HiGHS up', () => {
  test("a county's and the bench's M tender stay on baseline code; L-sized tenders get V8's optimising compiler", () => {
    vi.stubEnv('ZONAL_WASM_TIERING', '');
    try {
      // the county (122 variables after the reduction), M (468-539), a generated tender of 1,232
      for (const variables of [0, 122, 539, 1_232]) expect(tieringFor(variables)).toBe('baseline');
      // generated tenders of 1,823-1,854 and the bench's L (2,336-2,361): long enough for TurboFan to pay
      for (const variables of [1_823, 2_336, 10_644]) expect(tieringFor(variables)).toBe('v8');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
