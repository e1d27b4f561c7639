/**
 * The code cache of a worker thread loaded through launch.cjs (src/cli/launch.ts).
 * `npm run build` records each bundle file's cache when its thread ends
 * (scripts/code-cache.mjs); a worker thread is stopped instead (`terminate`), so
 * it calls recordCodeCache() once its work is done, with every function it ran
 * compiled. launch.cjs sets the function on globalThis only while recording,
 * and only in the bundle: elsewhere this does nothing.
 */
export const recordCodeCacheKey = Symbol.for('zonal.recordCodeCache');

export function recordCodeCache(): void {
  const record = (globalThis as Record<symbol, unknown>)[recordCodeCacheKey];
  if (typeof record === 'function') record();
}
