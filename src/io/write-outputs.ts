/**
 * Write a set of output files safely: every file is first written in full to a
 * temporary folder inside the output folder, then each is renamed into place
 * (an atomic step), so a failed run never leaves a half-written file. Other
 * files already in the output folder are left alone.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeOutputsAtomically(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const target = path.resolve(outDir);
  await mkdir(target, { recursive: true });
  const temp = path.join(target, `.zonal-tmp-${process.pid}-${Date.now()}`);
  await mkdir(temp);
  try {
    for (const [name, text] of files) await writeFile(path.join(temp, name), text, 'utf8');
    for (const name of files.keys()) await rename(path.join(temp, name), path.join(target, name));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
