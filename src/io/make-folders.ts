/**
 * `mkdir -p` that always ends. Node 20's `mkdir(dir, { recursive: true })`
 * retries for ever when the system refuses a new folder with ENOENT although
 * its parent exists (`--out /proc/nope` hung `zonal solve`), so the missing
 * folders are made one at a time, from the deepest one that exists down, and
 * any refusal is thrown for the caller to explain.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; ) {
    const found = await stat(at).then(
      () => true,
      (e: unknown) => {
        if (code(e) === 'ENOENT') return false;
        throw e;
      },
    );
    if (found) break;
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing)
    await mkdir(folder).catch((e: unknown) => {
      if (code(e) !== 'EEXIST') throw e;
    });
}
