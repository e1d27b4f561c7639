/**
 * The last guard before outputs are written: every number in a result must be
 * finite (JSON would print Infinity as null and a CSV as "Infinity"). Input
 * ranges (docs/hardening.md) keep this from happening; if it does, it is a bug.
 */

/** The path below `value` to its first number that is not finite, innermost step first, or null. */
function stepsToNonFinite(value: unknown): string[] | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : [` = ${value}`];
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const steps = stepsToNonFinite(value[i]);
      if (steps !== null) {
        steps.push(`[${i}]`);
        return steps;
      }
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const steps = stepsToNonFinite((value as Record<string, unknown>)[key]);
    if (steps !== null) {
      steps.push(`.${key}`);
      return steps;
    }
  }
  return null;
}

/**
 * Where the first number that is not finite sits (e.g. `lots[3].costFloorPerHour = Infinity`), or null.
 * The path is written only when there is one: a county's result has thousands of numbers, and
 * writing the path of each as it was walked took 2-8 ms of `zonal solve`'s main thread (session 19).
 */
export function firstNonFinite(value: unknown, where = 'result'): string | null {
  const steps = stepsToNonFinite(value);
  return steps === null ? null : `${where}${steps.reverse().join('')}`;
}
