import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The package's folder (holding package.json, scenarios/ and dist/): two levels
 * up from this module, whether it runs as dist/cli/version.js, inside the
 * bundle in dist/bundle/, or from src/cli/version.ts under the tests.
 */
export const packageRoot = new URL('../../', import.meta.url);

/** The package version, read once from package.json beside dist/. */
export const version: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

/**
 * An installed package's version, found from its entry file (packages need not export
 * package.json), or from `inside`, a file of the package already found (highs.wasm for
 * HiGHS: highs-shared.ts), which saves resolving the package again (1.6-5.6 ms on the
 * county's solve, docs/performance.md, session 25).
 */
export function dependencyVersion(name: string, inside?: () => string): string {
  try {
    let dir = path.dirname(inside?.() ?? createRequire(import.meta.url).resolve(name));
    for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === name) return pkg.version ?? 'unknown';
      } catch {
        // no package.json at this level: go up
      }
    }
  } catch {
    // not installed
  }
  return 'unknown';
}
