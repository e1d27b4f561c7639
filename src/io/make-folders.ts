/**
 * `mkdir -p` that always ends. Node 20's `mkdir(dir, { recursive: true })`
 * retries for ever when the system refuses a new folder with ENOENT although
 * its parent exists (`--out /proc/nope` hung `zonal solve`), so the missing
 * folders are made one at a time, from the deepest one that exists down, and
 * any refusal is thrown for the caller to explain; a file where a folder
 * should be is named (FileInTheWay).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** A file stands where a folder of the path should be (the folder itself, or one above it). */
export class FileInTheWay extends Error {
  readonly code = 'ENOTDIR';
  constructor(readonly file: string) {
    super(`${file} is a file, not a folder`);
    this.name = 'FileInTheWay';
  }
}

/**
 * The folders of `dir` that do not exist yet, the shallowest first (none when it exists);
 * throws FileInTheWay when a file stands where one of them should be.
 */
export async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; ) {
    const found = await stat(at).then(
      (entry) => entry,
      (e: unknown) => {
        // ENOTDIR: something above is a file; going up finds it
        if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR') return null;
        throw e;
      },
    );
    if (found !== null) {
      if (!found.isDirectory()) throw new FileInTheWay(at);
      break;
    }
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  return missing;
}

export async function makeFolders(dir: string): Promise<void> {
  for (const folder of await missingFolders(dir))
    await mkdir(folder).catch((e: unknown) => {
      if (code(e) !== 'EEXIST') throw e;
    });
}
