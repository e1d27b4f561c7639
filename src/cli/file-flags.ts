/**
 * Files a command writes besides its --out folder (`--export-lp FILE`,
 * `--baseline-out FILE`, score's `--out FILE`), checked before any work, so a
 * mistake in one never leaves the others written: exit 2 with the reason. Until
 * 2026-12-01 `zonal solve` ran, committed its result files and only then failed
 * on a --baseline-out that named a folder (the system's EISDIR) or ran through a
 * file, and a --baseline-out or --export-lp naming one of its own result files
 * silently replaced it.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import * as msg from '../diagnostics/messages.js';
import { FileInTheWay, missingFolders } from '../io/make-folders.js';
import { CliExit, exitCodes } from './exit.js';

export interface FileFlag {
  /** As typed: `--baseline-out`. */
  readonly flag: string;
  readonly file: string;
}

/** The --out folder beside the files, and the names the command writes in it. */
export interface OutFolder {
  readonly dir: string;
  readonly names: readonly string[];
}

const isFolder = (at: string): Promise<boolean> =>
  stat(at).then(
    (found) => found.isDirectory(),
    () => false,
  );

/** The file standing where a folder above `file` should be (as the write would find it), or null; other errors are left to the write. */
const fileInTheWay = (file: string): Promise<string | null> =>
  missingFolders(path.dirname(file)).then(
    () => null,
    (e: unknown) => (e instanceof FileInTheWay ? e.file : null),
  );

async function problemOf({ flag, file }: FileFlag, out: OutFolder | null): Promise<string | null> {
  const full = path.resolve(file);
  if (out !== null && full === path.resolve(out.dir))
    return msg.fileFlagIsFolder(flag, file, 'the --out folder');
  if (await isFolder(full)) return msg.fileFlagIsFolder(flag, file, 'a folder');
  const through = await fileInTheWay(full);
  if (through !== null) return msg.fileFlagThroughFile(flag, file, through);
  const name = path.basename(full);
  if (
    out !== null &&
    path.dirname(full) === path.resolve(out.dir) &&
    (out.names.includes(name) || name.startsWith('.zonal-'))
  )
    return msg.fileFlagIsOutput(flag, file);
  return null;
}

/** Throws CliExit (bad input) for the first file flag that cannot be written as asked. */
export async function checkFileFlags(
  flags: readonly FileFlag[],
  out: OutFolder | null = null,
): Promise<void> {
  for (const [i, f] of flags.entries()) {
    const problem = await problemOf(f, out);
    if (problem !== null) throw new CliExit(exitCodes.badInput, problem);
    const earlier = flags.slice(0, i).find((e) => path.resolve(e.file) === path.resolve(f.file));
    if (earlier !== undefined)
      throw new CliExit(exitCodes.badInput, msg.fileFlagsSame(f.flag, earlier.flag, f.file));
  }
}
