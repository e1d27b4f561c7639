/**
 * The V8 flags each way of compiling HiGHS asks for, recorded in order (no
 * flag is really set: v8-flags.ts is replaced by a recorder). The flags apply
 * to the whole process, so what a compile gets is the last value of each flag
 * set before it starts, whatever set it.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const events: string[] = [];
/** TypeScript declares WebAssembly only with the DOM's libraries, which zonal does not load. */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } })
  .WebAssembly;

vi.mock('../../src/solve/v8-flags.js', () => ({
  setV8Flags: (flags: readonly string[]) => events.push(...flags),
  setV8FlagsOnce: (_key: string, _env: unknown, flags: readonly string[]) => events.push(...flags),
}));

/** The value of `--name=value` last asked for before the first compile. */
function inForceAtCompile(name: string): string | undefined {
  const compile = events.indexOf('compile');
  expect(compile).toBeGreaterThan(-1);
  const set = events.slice(0, compile).filter((e) => e.startsWith(`--${name}=`));
  return set.at(-1)?.slice(name.length + 3);
}

beforeEach(() => {
  events.length = 0;
  vi.resetModules(); // each test gets a process's fresh state: no tiering set, nothing compiled
  vi.spyOn(wasm, 'compile').mockImplementation(() => {
    events.push('compile');
    return Promise.resolve({});
  });
  vi.stubEnv('ZONAL_WASM_TIERING', undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the batch optimised compile', () => {
  test("uses V8's default number of compile tasks after a baseline setting in the same process", async () => {
    const { useWasmTiering } = await import('../../src/solve/wasm-tiering.js');
    const { compileSharedHighs } = await import('../../src/solve/highs-shared.js');
    useWasmTiering('baseline');
    expect(events).toContain('--wasm-num-compilation-tasks=1'); // the baseline setting did set one task
    await compileSharedHighs();
    expect(inForceAtCompile('wasm-num-compilation-tasks')).toBe('128');
    expect(events).toContain('--no-liftoff');
  });

  test('asks for that number itself when it is the first compile of the process', async () => {
    const { compileSharedHighs } = await import('../../src/solve/highs-shared.js');
    await compileSharedHighs();
    expect(inForceAtCompile('wasm-num-compilation-tasks')).toBe('128');
  });
});

describe("a one-shot run's compile", () => {
  test('baseline code is compiled by one task; V8 default tiering by its default number', async () => {
    const { useWasmTiering } = await import('../../src/solve/wasm-tiering.js');
    const { compileHighsWasm } = await import('../../src/solve/highs-shared.js');
    useWasmTiering('baseline');
    await compileHighsWasm(true);
    expect(inForceAtCompile('wasm-num-compilation-tasks')).toBe('1');
    events.length = 0;
    useWasmTiering('v8');
    await compileHighsWasm(true);
    expect(inForceAtCompile('wasm-num-compilation-tasks')).toBe('128');
  });
});
