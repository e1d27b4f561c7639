/**
 * The files a command writes, listed once per command (`zonal solve`: each
 * result file in --out, --export-lp, --baseline-out; `zonal score`: --out and
 * the workbook beside it; `zonal zones`: its zone files) and checked once,
 * after the scenario is read and before any work, so a mistake in one never
 * leaves the others written: exit 2 with the reason.
 *
 * Every path is compared as the write will find it: its folder's real path,
 * symbolic links resolved. Until 2026-12-01 the flags were compared as typed
 * (`path.resolve`) and only the check against the scenario's own files used
 * real paths, so `--export-lp link/result.json`, with `link` a link to the
 * --out folder, was written and then silently replaced by the result file, and
 * a `score --out x.csv` whose workbook `x.xlsx` was a folder wrote x.csv and
 * then failed (exit 1).
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import * as msg from '../diagnostics/messages.js';
import { FileInTheWay, missingFolders } from '../io/make-folders.js';
import { isWorkFileName } from '../io/work-files.js';
import { CliExit, exitCodes } from './exit.js';

/** A file a command writes: the flag that says where, as typed, and the file's path. */
export interface Written {
  readonly flag: string;
  /** What the flag was given: a file (the one written, or the one a file written beside it is named after), or the folder it goes in. */
  readonly given: string;
  /** Whether the flag names a file or a folder. */
  readonly names: 'file' | 'folder';
  readonly file: string;
}

/** `at` with every link resolved; the part that does not exist yet is kept as given. */
async function realPath(at: string): Promise<string> {
  const full = path.resolve(at);
  const real = await realpath(full).catch(() => null);
  if (real !== null) return real;
  const up = path.dirname(full);
  return up === full ? full : path.join(await realPath(up), path.basename(full));
}

/** `realPath` for one command: each path resolved once, as every file in --out shares its folder. */
type RealPaths = (at: string) => Promise<string>;

function realPaths(): RealPaths {
  const known = new Map<string, Promise<string>>();
  return (at) => {
    const full = path.resolve(at);
    const real = known.get(full) ?? realPath(full);
    known.set(full, real);
    return real;
  };
}

/** Where a write of `file` lands: its folder's real path; the name itself is replaced in one rename, a link too, so it stays. */
const realTarget = async (file: string, real: RealPaths): Promise<string> =>
  path.join(await real(path.dirname(path.resolve(file))), path.basename(file));

interface Target extends Written {
  readonly real: string;
}

const isFolder = (at: string): Promise<boolean> =>
  stat(at).then(
    (found) => found.isDirectory(),
    () => false,
  );

/** The file standing where a folder above `file` should be (as the write would find it), or null; other errors are left to the write. */
const fileInTheWay = (file: string): Promise<string | null> =>
  missingFolders(path.dirname(path.resolve(file))).then(
    () => null,
    (e: unknown) => (e instanceof FileInTheWay ? e.file : null),
  );

/** `--out x.csv`, or `--out x.csv (x.xlsx beside it)` for a file written beside the one named. */
const subject = (w: Written): string =>
  path.resolve(w.file) === path.resolve(w.given)
    ? `${w.flag} ${w.given}`
    : `${w.flag} ${w.given} (${w.file})`;

/** Why a file a flag names cannot be written as asked, or null. */
async function fileProblem(
  w: Target,
  others: readonly Target[],
  folders: ReadonlySet<string>,
  real: RealPaths,
): Promise<string | null> {
  if (folders.has(await real(w.file))) return msg.fileFlagIsFolder(subject(w), 'the --out folder');
  if (await isFolder(w.real)) return msg.fileFlagIsFolder(subject(w), 'a folder');
  const through = await fileInTheWay(w.file);
  if (through !== null) return msg.fileFlagThroughFile(subject(w), through);
  const same = others.find((e) => e.real === w.real);
  if (same?.names === 'folder') return msg.fileFlagIsOutput(subject(w));
  if (same !== undefined) return msg.fileFlagsSame(subject(w), same.flag);
  if (folders.has(path.dirname(w.real)) && isWorkFileName(path.basename(w.real)))
    return msg.fileFlagIsOutput(subject(w));
  return null;
}

/**
 * Throws CliExit (bad input) for the first file in `writes` that cannot be written as asked:
 * a file flag naming a folder, a path through a file, a file another flag or the --out folder
 * already has; or any file the scenario is read from (`inputs`, real paths):
 * `zonal solve my-county --out my-county` wrote its providers.csv (the award's providers) over
 * the scenario's own providers.csv, and the scenario could not be read again.
 */
export async function checkWrites(writes: readonly Written[], inputs: readonly string[]): Promise<void> {
  const real = realPaths();
  const targets: Target[] = await Promise.all(
    writes.map(async (w) => ({ ...w, real: await realTarget(w.file, real) })),
  );
  const folders = new Set(
    await Promise.all(targets.filter((t) => t.names === 'folder').map((t) => real(t.given))),
  );
  const outputs = targets.filter((t) => t.names === 'folder');
  const read = new Set(inputs);
  for (const [i, w] of targets.entries()) {
    // Another file flag's file is named as the earlier flag's, as typed first.
    const others = [...outputs, ...targets.slice(0, i).filter((t) => t.names === 'file')];
    const problem = w.names === 'file' ? await fileProblem(w, others, folders, real) : null;
    if (problem !== null) throw new CliExit(exitCodes.badInput, problem);
    if (read.has(w.real))
      throw new CliExit(
        exitCodes.badInput,
        msg.outputOverInput(w.flag, w.given, path.basename(w.file), w.names),
      );
  }
}
