/**
 * The last guard before outputs are written: every number in a result must be
 * finite (JSON would print Infinity as null and a CSV as "Infinity"). Input
 * ranges (docs/hardening.md) keep this from happening; if it does, it is a bug.
 */

/** Where the first number that is not finite sits (e.g. `lots[3].costFloorPerHour = Infinity`), or null. */
export function firstNonFinite(value: unknown, where = 'result'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${where} = ${value}`;
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`${where}[${i}]`, v] as const)
    : Object.entries(value).map(([k, v]) => [`${where}.${k}`, v] as const);
  for (const [path, v] of entries) {
    const found = firstNonFinite(v, path);
    if (found !== null) return found;
  }
  return null;
}
