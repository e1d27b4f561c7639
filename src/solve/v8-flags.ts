/**
 * Process-wide V8 flags that zonal sets at run time: the one place that sets
 * them (how HiGHS's WebAssembly is compiled, the batch workers' JIT budget).
 */
import v8 from 'node:v8';

const done = new Set<string>();

/** Sets `flags` one by one: some flags set together at run time do not take. */
export function setV8Flags(flags: readonly string[]): void {
  for (const flag of flags) v8.setFlagsFromString(flag);
}

/**
 * Sets `flags` the first time it is called with this `key`, unless
 * process.env[env.name] is env.keepDefault (V8's defaults, for measuring).
 */
export function setV8FlagsOnce(
  key: string,
  env: { readonly name: string; readonly keepDefault: string },
  flags: readonly string[],
): void {
  if (done.has(key)) return;
  done.add(key);
  if (process.env[env.name] === env.keepDefault) return;
  setV8Flags(flags);
}
