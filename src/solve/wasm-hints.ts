/**
 * Compile only the part of HiGHS a county uses before its first solve.
 *
 * `zonal solve` compiles all of highs.wasm at once on V8's background threads
 * (wasm-tiering.ts `compileWasmEagerly`), while the scenario is read: 3.3 MB of
 * code in 8,648 functions, 350-410 ms of CPU on two cores shared with the
 * main thread and the report thread. A county's award and rule costs call
 * 1,111 of them (2.1 MB). V8 reads a `compilationHints` custom section
 * (behind `--experimental-wasm-compilation-hints`) that marks each function
 * eager or lazy: the eager ones compile up front, the lazy ones on their
 * first call, on the calling thread, as V8 does by default. `npm run build`
 * records which functions a county solve calls (scripts/wasm-hints.mjs) into
 * dist/highs-hints.json; here the section is added to a copy of the module's
 * bytes. The code is the same either way: only when each function is compiled
 * changes. A hint list made for another highs.wasm (another size, or a
 * function it does not have) is not used.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/** What the build recorded: the module it was made from, and the functions to compile at once. */
export interface HighsHints {
  /** Size of the highs.wasm the list was made from, in bytes. */
  readonly wasmBytes: number;
  /** Function indices (imports counted first, as V8 numbers them) to compile at once. */
  readonly eager: readonly number[];
}

/**
 * ZONAL_WASM_HINTS: unset, hints are used when recorded; `off` compiles all of
 * HiGHS at once as before (for measuring); `record` compiles lazily without
 * hints, so V8 compiles only the functions that run (the build traces them).
 */
export function wasmHintsMode(): 'use' | 'off' | 'record' {
  const mode = process.env['ZONAL_WASM_HINTS'];
  return mode === 'off' || mode === 'record' ? mode : 'use';
}

const hintsFile = new URL('../highs-hints.json', import.meta.url);

/** The hint list `npm run build` wrote beside the code, or null (none recorded, or unreadable). */
export function readHighsHints(): HighsHints | null {
  try {
    const hints = JSON.parse(readFileSync(hintsFile, 'utf8')) as HighsHints;
    return Number.isInteger(hints.wasmBytes) &&
      Array.isArray(hints.eager) &&
      hints.eager.every((i) => Number.isInteger(i))
      ? hints
      : null;
  } catch {
    return null;
  }
}

interface Layout {
  readonly imported: number;
  readonly declared: number;
  /** Byte offset of the code section (its id byte). */
  readonly codeSection: number;
}

/** Unsigned LEB128 at `at`: the value and the offset after it; null past the end. */
function leb(bytes: Uint8Array, at: number): [number, number] | null {
  let value = 0;
  for (let shift = 0, i = at; i < bytes.length && shift < 35; shift += 7, i++) {
    const byte = bytes[i] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return null;
}

/** Functions imported by an import section's entries starting at `at`, or null if it cannot be read. */
function importedFunctions(bytes: Uint8Array, at: number): number | null {
  const count = leb(bytes, at);
  if (count === null) return null;
  let p = count[1];
  let functions = 0;
  const skipLeb = () => {
    const r = leb(bytes, p);
    if (r === null) return false;
    p = r[1];
    return true;
  };
  const skipName = () => {
    const r = leb(bytes, p);
    if (r === null) return false;
    p = r[1] + r[0];
    return true;
  };
  const skipLimits = () => {
    const flags = bytes[p++] ?? 0;
    return skipLeb() && ((flags & 1) === 0 || skipLeb());
  };
  for (let i = 0; i < count[0]; i++) {
    if (!skipName() || !skipName()) return null;
    const kind = bytes[p++];
    if (kind === 0) {
      functions++;
      if (!skipLeb()) return null;
    } else if (kind === 1) {
      p++; // table element type
      if (!skipLimits()) return null;
    } else if (kind === 2) {
      if (!skipLimits()) return null;
    } else if (kind === 3)
      p += 2; // global type and mutability
    else if (kind === 4) {
      p++; // tag attribute
      if (!skipLeb()) return null;
    } else return null;
    if (p > bytes.length) return null;
  }
  return functions;
}

/** Where a module's functions are declared and its code starts, or null for bytes that are not such a module. */
function layout(bytes: Uint8Array): Layout | null {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d)
    return null;
  let p = 8;
  let imported = 0;
  let declared: number | null = null;
  while (p < bytes.length) {
    const id = bytes[p];
    const size = leb(bytes, p + 1);
    if (size === null) return null;
    const body = size[1];
    if (id === 2) {
      const n = importedFunctions(bytes, body);
      if (n === null) return null;
      imported = n;
    } else if (id === 3) declared = leb(bytes, body)?.[0] ?? null;
    else if (id === 10) return declared === null ? null : { imported, declared, codeSection: p };
    p = body + size[0];
  }
  return null;
}

const lebBytes = (n: number): number[] => {
  const out: number[] = [];
  do {
    const low = n % 128;
    n = Math.floor(n / 128);
    out.push(n > 0 ? low | 0x80 : low);
  } while (n > 0);
  return out;
};

const eagerHint = 0x02;
const lazyHint = 0x01;

/**
 * A copy of `wasm` with a compilationHints section just before its code section
 * (where V8 looks for it): each function it defines is eager when its index is in
 * `eager`, lazy otherwise, at V8's own tiers. Null when the bytes are not a module
 * with functions, or not the one the hints were made from.
 */
export function withCompilationHints(wasm: Uint8Array, hints: HighsHints): Uint8Array | null {
  if (wasm.length !== hints.wasmBytes) return null;
  return spliced(wasm, hints, (into, from) => into.set(wasm.subarray(from, from + into.length)));
}

/**
 * The module whose first bytes are `head` with the hints section before its code
 * section, the code (from byte `from` of the module on) filled in by `fillCode`.
 */
function spliced(
  head: Uint8Array,
  hints: HighsHints,
  fillCode: (into: Uint8Array, from: number) => void,
): Uint8Array | null {
  const at = layout(head);
  const section = at === null ? null : hintsSection(at, hints);
  if (at === null || section === null) return null;
  const out = new Uint8Array(hints.wasmBytes + section.length);
  out.set(head.subarray(0, at.codeSection), 0);
  out.set(section, at.codeSection);
  fillCode(out.subarray(at.codeSection + section.length), at.codeSection);
  return out;
}

/** The compilationHints section for a module laid out as `at`, or null when the hints name functions it does not define. */
function hintsSection(at: Layout, hints: HighsHints): Uint8Array | null {
  const eager = new Set(hints.eager);
  if (hints.eager.some((i) => i < at.imported || i >= at.imported + at.declared)) return null;
  const name = new TextEncoder().encode('compilationHints');
  const payload = [...lebBytes(name.length), ...name, ...lebBytes(at.declared)];
  const head = [0, ...lebBytes(payload.length + at.declared), ...payload];
  const section = new Uint8Array(head.length + at.declared);
  section.set(head, 0);
  for (let i = 0; i < at.declared; i++)
    section[head.length + i] = eager.has(at.imported + i) ? eagerHint : lazyHint;
  return section;
}

/** Bytes read to find where a module's code section starts (highs.wasm's starts at 25 kB). */
const headBytes = 64 * 1024;

/**
 * What withCompilationHints(readFileSync(file), hints) gives, read from the file straight
 * into its place: the module's code is read once, into the buffer V8 is given (a first
 * touch of 3.5 MB of new memory, 14-26 ms on the machine zonal is measured on, paid once,
 * not twice). Read synchronously, so the compile starts at once: read by libuv's threads,
 * the file's three reads each waited for the main thread to be free, and the compile
 * started 80-90 ms later (docs/performance.md, "The county, sixth round").
 * Null as withCompilationHints gives null, or when the code section starts after the
 * first 64 kB.
 */
export function readWithCompilationHints(file: string, hints: HighsHints): Uint8Array | null {
  const fd = openSync(file, 'r');
  try {
    if (fstatSync(fd).size !== hints.wasmBytes) return null;
    const head = new Uint8Array(Math.min(hints.wasmBytes, headBytes));
    readFully(fd, head, 0);
    return spliced(head, hints, (into, from) => readFully(fd, into, from));
  } finally {
    closeSync(fd);
  }
}

/** Fill `into` from the file at `position`. */
function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.length; ) {
    const bytesRead = readSync(fd, into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error(`${into.length - done} bytes missing at the end of the file`);
    done += bytesRead;
  }
}
