/**
 * Files a command writes besides its --out folder (`--export-lp FILE`,
 * `--baseline-out FILE`, score's `--out FILE`), checked before any work, so a
 * mistake in one never leaves the others written: exit 2 with the reason. Until
 * 2026-12-01 `zonal solve` ran, committed its result files and only then failed
 * on a --baseline-out that named a folder (the system's EISDIR) or ran through a
 * file, and a --baseline-out or --export-lp naming one of its own result files
 * silently replaced it.
 */
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import * as msg from '../diagnostics/messages.js';
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

const statOf = (at: string): Stats | null => {
  try {
    return statSync(at);
  } catch {
    return null;
  }
};

/** The nearest existing folder above `file`, or the file in the way where a folder should be; null for the first. */
function fileInTheWay(file: string): string | null {
  for (let at = path.dirname(path.resolve(file)); ; at = path.dirname(at)) {
    const found = statOf(at);
    if (found !== null) return found.isDirectory() ? null : at;
    if (path.dirname(at) === at) return null;
  }
}

function problemOf({ flag, file }: FileFlag, out: OutFolder | null): string | null {
  const full = path.resolve(file);
  if (out !== null && full === path.resolve(out.dir))
    return msg.fileFlagIsFolder(flag, file, 'the --out folder');
  if (statOf(full)?.isDirectory() === true) return msg.fileFlagIsFolder(flag, file, 'a folder');
  const through = fileInTheWay(full);
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
export function checkFileFlags(flags: readonly FileFlag[], out: OutFolder | null = null): void {
  flags.forEach((f, i) => {
    const problem = problemOf(f, out);
    if (problem !== null) throw new CliExit(exitCodes.badInput, problem);
    const earlier = flags.slice(0, i).find((e) => path.resolve(e.file) === path.resolve(f.file));
    if (earlier !== undefined)
      throw new CliExit(exitCodes.badInput, msg.fileFlagsSame(f.flag, earlier.flag, f.file));
  });
}
