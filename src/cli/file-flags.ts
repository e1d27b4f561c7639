/**
 * Files a command writes besides its --out folder (`--export-lp FILE`,
 * `--baseline-out FILE`, score's `--out FILE`), checked before any work, so a
 * mistake in one never leaves the others written: exit 2 with the reason. Until
 * 2026-12-01 `zonal solve` ran, committed its result files and only then failed
 * on a --baseline-out that named a folder (the system's EISDIR) or ran through a
 * file, and a --baseline-out or --export-lp naming one of its own result files
 * silently replaced it.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import * as msg from '../diagnostics/messages.js';
import { FileInTheWay, missingFolders } from '../io/make-folders.js';
import { isWorkFileName } from '../io/work-files.js';
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
    (out.names.includes(name) || isWorkFileName(name))
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

/** A file a command writes: the flag that says where, as typed, and the file's path. */
export interface Written {
  readonly flag: string;
  /** What the flag was given: a file (the one written, or the one a file written beside it is named after), or the folder it goes in. */
  readonly given: string;
  /** Whether the flag names a file or a folder, for the advice. */
  readonly names: 'file' | 'folder';
  readonly file: string;
}

/** `file` as a real path: its folder's links resolved (a folder not made yet stays as given). */
async function realTarget(file: string): Promise<string> {
  const full = path.resolve(file);
  const folder = await realpath(path.dirname(full)).catch(() => path.dirname(full));
  return path.join(folder, path.basename(full));
}

/**
 * Throws CliExit (bad input) when a file the command would write is one the
 * scenario is read from: `zonal solve my-county --out my-county` wrote its
 * providers.csv (the award's providers) over the scenario's own providers.csv,
 * and the scenario could not be read again.
 */
export async function checkSparesInputs(
  writes: readonly Written[],
  inputs: readonly string[],
): Promise<void> {
  if (inputs.length === 0) return;
  const read = new Set(inputs);
  for (const w of writes)
    if (read.has(await realTarget(w.file)))
      throw new CliExit(
        exitCodes.badInput,
        msg.outputOverInput(w.flag, w.given, path.basename(w.file), w.names),
      );
}
