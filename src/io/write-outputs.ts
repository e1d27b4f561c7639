/**
 * Write a set of output files so that the set changes in one step: a reader
 * (or a kill at any moment) sees the whole old set or the whole new set,
 * never a mix. Other files in the output folder are left alone.
 *
 * Layout of an output folder (docs/hardening.md, "Output folders"):
 *
 *   out/result.json      → .zonal-current/result.json   (a symbolic link per file)
 *   out/.zonal-current   → .zonal-sets/<id>              (the one link that switches)
 *   out/.zonal-sets/<id>/result.json …                   (the complete set)
 *
 * Each command has its own switching link (`.zonal-current` for solve,
 * `.zonal-compare`, `.zonal-batch`), so a compare and a solve into one folder
 * each keep their set.
 *
 *   1. clear what an interrupted run left (sets and temporaries of dead processes)
 *   2. write the new set in full into its own folder under .zonal-sets
 *   3. give every new name a link through .zonal-current (old content still shows)
 *   4. switch .zonal-current to the new set with one rename: the commit
 *   5. remove the old set and the links of names the new set no longer has
 *
 * Where symbolic links cannot be made (some network or FAT drives), each file
 * is renamed into place instead: no file is ever half written, but the set
 * then changes file by file.
 *
 * `owned` names every file a command may write there: one the new set does not
 * have (an infeasible tender has no allocations.csv) is removed with the old
 * set, so an earlier run's file is never read as this run's.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFile,
  lstat,
  open,
  readdir,
  readlink,
  rename,
  rm,
  rmdir,
  stat,
  symlink,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';
import * as msg from '../diagnostics/messages.js';
import { OutputError, writeFailureReason } from './output-error.js';
import { FileInTheWay, makeFolders } from './make-folders.js';
import { isWorkFileName, workPrefix } from './work-files.js';

/** Called after each step; tests kill the process here to check that any moment is safe. */
export type StepHook = (step: 'set-written' | 'links-ready' | 'committed' | 'cleaned') => void;

const setsDir = `${workPrefix}sets`;
const pointerOf = (kind: string) => `${workPrefix}${kind}`;
const tempPrefix = `${workPrefix}tmp-`;

const uniqueName = () => `${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}`;

function ownerAlive(name: string): boolean {
  const pid = Number(/^(?:\.zonal-tmp-)?(\d+)-/.exec(name)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function currentSet(target: string, pointer: string): Promise<string | null> {
  const link = await readlink(path.join(target, pointer)).catch(() => null);
  return link === null ? null : path.basename(link);
}

/** Step 1: sets and temporaries left by runs that were killed (their process is gone); a set some command's link names stays. */
async function removeStrays(target: string): Promise<void> {
  const names = await readdir(target).catch(() => []);
  const live = new Set<string>();
  for (const name of names) {
    if (name.startsWith(tempPrefix)) {
      if (!ownerAlive(name)) await rm(path.join(target, name), { recursive: true, force: true });
    } else if (isWorkFileName(name) && name !== setsDir) {
      const set = await currentSet(target, name);
      if (set !== null) live.add(set);
    }
  }
  for (const name of await readdir(path.join(target, setsDir)).catch(() => [])) {
    if (!live.has(name) && !ownerAlive(name))
      await rm(path.join(target, setsDir, name), { recursive: true, force: true });
  }
}

/** File contents: text (written as UTF-8) or bytes (a workbook). */
export type FileContent = string | Uint8Array;

async function writeSynced(file: string, content: FileContent): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Every file of a set written and synced at once, so their syncs overlap (one
 * after another they took 30-75 ms of a county solve); the first failure, in
 * the files' order, once all have settled (nothing is left writing when the set is removed).
 */
async function writeAll(dir: string, files: ReadonlyMap<string, FileContent>): Promise<void> {
  const written = await Promise.allSettled(
    [...files].map(([name, text]) => writeSynced(path.join(dir, name), text)),
  );
  const failed = written.find((w) => w.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

/** Make `name` a link to `to`, replacing whatever is there in one rename. */
async function linkInPlace(target: string, name: string, to: string): Promise<void> {
  const temp = path.join(target, `${tempPrefix}${uniqueName()}`);
  await symlink(to, temp);
  await rename(temp, path.join(target, name));
}

const isOurLink = async (file: string, name: string, pointer: string) =>
  (await readlink(file).catch(() => null)) === path.join(pointer, name);

/**
 * A folder written by an older zonal (plain files, no .zonal-current): make
 * its files a set first, copying each, so every name keeps its content.
 */
async function adoptPlainFiles(target: string, names: readonly string[], pointer: string): Promise<void> {
  if ((await currentSet(target, pointer)) !== null) return;
  const plain = [];
  for (const name of names)
    if ((await lstat(path.join(target, name)).catch(() => null))?.isFile() === true) plain.push(name);
  if (plain.length === 0) return;
  const set = uniqueName();
  await makeFolders(path.join(target, setsDir, set));
  for (const name of plain) await copyFile(path.join(target, name), path.join(target, setsDir, set, name));
  await linkInPlace(target, pointer, path.join(setsDir, set));
}

async function refuseFolders(target: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const info = await lstat(path.join(target, name)).catch(() => null);
    if (info?.isDirectory() === true)
      throw new OutputError(
        `${path.join(target, name)}: is a folder, and zonal needs that name for a file; move the folder or choose another --out`,
      );
  }
}

async function linkedSwap(
  target: string,
  set: string,
  names: readonly string[],
  owned: readonly string[],
  pointer: string,
  onStep: StepHook,
): Promise<void> {
  await adoptPlainFiles(target, [...new Set([...names, ...owned])], pointer);
  for (const name of names)
    if (!(await isOurLink(path.join(target, name), name, pointer)))
      await linkInPlace(target, name, path.join(pointer, name));
  // An earlier run's file this set does not have goes through the current set too, so it leaves with it.
  for (const name of owned) {
    if (!names.includes(name) && (await lstat(path.join(target, name)).catch(() => null))?.isFile() === true)
      await linkInPlace(target, name, path.join(pointer, name));
  }
  onStep('links-ready');
  const before = await currentSet(target, pointer);
  await linkInPlace(target, pointer, path.join(setsDir, set));
  onStep('committed');
  if (before !== null && before !== set)
    await rm(path.join(target, setsDir, before), { recursive: true, force: true });
  for (const name of await readdir(target)) {
    const file = path.join(target, name);
    if (
      !names.includes(name) &&
      (await isOurLink(file, name, pointer)) &&
      (await stat(file).catch(() => null)) === null
    )
      await unlink(file);
  }
  onStep('cleaned');
}

/** Without symbolic links: rename each file into place (each file whole, the set file by file). */
async function renameEach(
  target: string,
  setPath: string,
  names: readonly string[],
  owned: readonly string[],
): Promise<void> {
  for (const name of names) await rename(path.join(setPath, name), path.join(target, name));
  for (const name of owned) if (!names.includes(name)) await rm(path.join(target, name), { force: true });
  await rm(setPath, { recursive: true, force: true });
  await rmdir(path.join(target, setsDir)).catch(() => undefined);
}

async function symlinksWork(target: string): Promise<boolean> {
  const probe = path.join(target, `${tempPrefix}${uniqueName()}`);
  try {
    await symlink(setsDir, probe);
    await unlink(probe);
    return true;
  } catch {
    return false;
  }
}

/** `asked`: what the command line named, a folder (--out DIR) or a file (score's --out FILE). */
function explain(target: string, e: unknown, asked: 'folder' | 'file' = 'folder'): never {
  if (e instanceof OutputError) throw e;
  if (e instanceof FileInTheWay) throw new OutputError(msg.fileInTheWay(target, e.file, asked), true);
  const code = (e as NodeJS.ErrnoException).code ?? '';
  throw new OutputError(
    msg.cannotWriteOutput(target, writeFailureReason(code) ?? (e as Error).message, code, asked),
  );
}

/**
 * Write `files` (name → text or bytes) into `outDir` as one set (see the top of
 * this file). `kind` names the command's set: `current` (solve), `compare`, `batch`.
 */
export async function writeOutputsAtomically(
  outDir: string,
  files: ReadonlyMap<string, FileContent>,
  onStep: StepHook = () => undefined,
  owned: readonly string[] = [],
  kind = 'current',
): Promise<void> {
  const target = path.resolve(outDir);
  const pointer = pointerOf(kind);
  const names = [...files.keys()];
  const set = uniqueName();
  const setPath = path.join(target, setsDir, set);
  try {
    await makeFolders(target);
    await removeStrays(target);
    await refuseFolders(target, names);
    await makeFolders(setPath);
    await writeAll(setPath, files);
    onStep('set-written');
    if (await symlinksWork(target)) await linkedSwap(target, set, names, owned, pointer, onStep);
    else await renameEach(target, setPath, names, owned);
  } catch (e) {
    if ((await currentSet(target, pointer).catch(() => null)) !== set)
      await rm(setPath, { recursive: true, force: true }).catch(() => undefined);
    explain(target, e);
  }
}

/** One file, replaced in one rename (a temporary beside it, so on the same drive). */
export async function writeFileAtomically(file: string, text: FileContent): Promise<void> {
  const full = path.resolve(file);
  const temp = path.join(path.dirname(full), `${tempPrefix}${uniqueName()}`);
  try {
    await makeFolders(path.dirname(full));
    await writeSynced(temp, text);
    await rename(temp, full);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    explain(full, e, 'file');
  }
}

/**
 * A new folder with `files`, made whole beside it and renamed into place, so
 * it appears complete or not at all. An existing empty folder (perhaps the
 * current one, `zonal init .`) is filled file by file instead, each file whole.
 */
export async function createFolderAtomically(
  dir: string,
  files: ReadonlyMap<string, FileContent>,
): Promise<void> {
  const full = path.resolve(dir);
  const existing = await lstat(full).catch(() => null);
  if (existing?.isDirectory() === true) {
    if ((await readdir(full)).length > 0)
      throw new OutputError(`${full}: is not empty; give a new or empty folder so nothing is overwritten`);
    for (const [name, text] of files) await writeFileAtomically(path.join(full, name), text);
    return;
  }
  const temp = path.join(path.dirname(full), `${tempPrefix}${uniqueName()}`);
  try {
    await makeFolders(temp);
    await writeAll(temp, files);
    await rename(temp, full);
  } catch (e) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    explain(full, e);
  }
}
