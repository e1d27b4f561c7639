/**
 * Process-wide V8 flags that zonal sets at run time, once each, unless an
 * environment variable asks for V8's defaults (for measuring).
 */
import v8 from 'node:v8';

const done = new Set<string>();

/**
 * Sets `flags` (one by one: some flags set together at run time do not take)
 * the first time it is called with this `key`, unless process.env[env.name] is env.keepDefault.
 */
export function setV8FlagsOnce(
  key: string,
  env: { readonly name: string; readonly keepDefault: string },
  flags: readonly string[],
): void {
  if (done.has(key)) return;
  done.add(key);
  if (process.env[env.name] === env.keepDefault) return;
  for (const flag of flags) v8.setFlagsFromString(flag);
}
