import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type HighsHints,
  readWithCompilationHints,
  withCompilationHints,
} from '../../src/solve/wasm-hints.js';

interface Wasm {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, () => number> } }>;
  Memory: new (limits: { initial: number; maximum: number }) => object;
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

const section = (id: number, body: number[]) => [id, body.length, ...body];
const text = (s: string) => [s.length, ...Buffer.from(s)];

/**
 * A module importing a memory and one function (index 0), defining two
 * functions (indices 1 and 2, exported as "a" and "b", returning 7 and 8).
 */
const tiny = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [1, 0x60, 0, 1, 0x7f]), // one type: () -> i32
  ...section(2, [2, ...text('env'), ...text('m'), 2, 1, 1, 2, ...text('env'), ...text('f'), 0, 0]),
  ...section(3, [2, 0, 0]),
  ...section(7, [2, ...text('a'), 0, 1, ...text('b'), 0, 2]),
  ...section(10, [2, 4, 0, 0x41, 7, 0x0b, 4, 0, 0x41, 8, 0x0b]),
]);

/** The payload of the module's custom section `name`, or null. */
function customSection(bytes: Uint8Array, name: string): number[] | null {
  let p = 8;
  while (p < bytes.length) {
    const id = bytes[p] ?? 0;
    const size = bytes[p + 1] ?? 0; // one-byte sizes are enough for the tiny module
    const body = [...bytes.subarray(p + 2, p + 2 + size)];
    if (id === 0 && Buffer.from(body.slice(1, 1 + (body[0] ?? 0))).toString() === name)
      return body.slice(1 + (body[0] ?? 0));
    p += 2 + size;
  }
  return null;
}

describe('withCompilationHints', () => {
  beforeAll(() => {
    // What zonal solve sets before compiling HiGHS: V8 then decodes the section, and refuses a malformed one.
    v8.setFlagsFromString('--experimental-wasm-compilation-hints');
  });

  it('marks the listed functions eager and the others lazy, and the module still runs', async () => {
    const hinted = withCompilationHints(tiny, { wasmBytes: tiny.length, eager: [2] });
    expect(hinted).not.toBeNull();
    if (hinted === null) return;
    // count 2, then function 1 lazy (1), function 2 eager (2)
    expect(customSection(hinted, 'compilationHints')).toEqual([2, 1, 2]);
    expect(wasm.validate(hinted)).toBe(true);
    const { instance } = await wasm.instantiate(hinted, {
      env: { m: new wasm.Memory({ initial: 1, maximum: 2 }), f: () => 0 },
    });
    expect([instance.exports['a']?.(), instance.exports['b']?.()]).toEqual([7, 8]);
  });

  it.each<[string, HighsHints]>([
    ['a module of another size', { wasmBytes: tiny.length + 1, eager: [1] }],
    ['an imported function', { wasmBytes: tiny.length, eager: [0] }],
    ['a function the module does not have', { wasmBytes: tiny.length, eager: [3] }],
  ])('is not used for %s', (_what, hints) => {
    expect(withCompilationHints(tiny, hints)).toBeNull();
  });

  it('is not used for bytes that are not a module', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(withCompilationHints(bytes, { wasmBytes: bytes.length, eager: [] })).toBeNull();
  });

  it("applies the build's list to the installed HiGHS, and V8 compiles the result", async () => {
    const hints = JSON.parse(
      readFileSync(new URL('../../dist/highs-hints.json', import.meta.url), 'utf8'),
    ) as HighsHints;
    // The county's award and rule costs call about a thousand functions (1,115 when written).
    expect(hints.eager.length).toBeGreaterThan(500);
    const bytes = readFileSync(createRequire(import.meta.url).resolve('highs/runtime'));
    const hinted = withCompilationHints(bytes, hints);
    expect(hinted).not.toBeNull();
    if (hinted !== null) await expect(wasm.compile(hinted)).resolves.toBeDefined();
  });
});

describe('readWithCompilationHints', () => {
  const tinyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'zonal-hints-')), 'tiny.wasm');
  writeFileSync(tinyFile, tiny);
  const highs = createRequire(import.meta.url).resolve('highs/runtime');

  it('reads what withCompilationHints makes of the whole file, for the tiny module and for HiGHS', () => {
    const tinyHints = { wasmBytes: tiny.length, eager: [2] };
    expect(readWithCompilationHints(tinyFile, tinyHints)).toEqual(withCompilationHints(tiny, tinyHints));
    const bytes = readFileSync(highs);
    // Every fifth function eager: a list of its own, so the test does not depend on the build's.
    const hints = { wasmBytes: bytes.length, eager: [...Array(1000).keys()].map((i) => 100 + 5 * i) };
    const expected = withCompilationHints(bytes, hints);
    expect(expected).not.toBeNull();
    const read = readWithCompilationHints(highs, hints);
    // Compared as buffers: a deep equality of two 3.5 MB arrays takes the test runner most of a minute.
    expect(read !== null && expected !== null && Buffer.from(read).equals(Buffer.from(expected))).toBe(true);
  });

  it.each<[string, HighsHints]>([
    ['a module of another size', { wasmBytes: tiny.length + 1, eager: [1] }],
    ['a function the module does not have', { wasmBytes: tiny.length, eager: [3] }],
  ])('is not used for %s', (_what, hints) => {
    expect(readWithCompilationHints(tinyFile, hints)).toBeNull();
  });
});
