/**
 * How many times zonal has changed V8's flags (src/solve/v8-flags.ts counts
 * them): the command line's loader (launch.ts) names each file's code cache by
 * the flags, and works the name out again only when they have changed.
 */
let changes = 0;

export const flagChanges = (): number => changes;

export function countFlagChange(): void {
  changes++;
}
