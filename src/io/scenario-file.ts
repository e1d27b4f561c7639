/**
 * Open a file named by scenario.json, safely: only a regular file inside the
 * scenario folder once every link is resolved, and no bigger than a cap. A
 * link to /etc/passwd, a named pipe (which would block a read forever) or
 * /dev/zero (which never ends) is refused with a message, before any read.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import * as msg from '../diagnostics/messages.js';

const MiB = 1024 * 1024;

/** Largest file zonal reads, by kind (docs/hardening.md, "Limits"). */
export const fileSizeLimits = {
  /** scenario.json and batch files: a few kB in practice. */
  json: 4 * MiB,
  /** Each CSV file: a national LSOA-level demand file is tens of MB. */
  table: 512 * MiB,
  /** A boundaries GeoJSON file (parsed whole, so held in memory). */
  boundaries: 256 * MiB,
  /** A scenario workbook (.xlsx, unzipped whole in memory by exceljs). */
  workbook: 256 * MiB,
} as const;

export type OpenedFile =
  | { readonly kind: 'ok'; readonly handle: FileHandle; readonly size: number }
  /** 'outside' is the name in scenario.json at fault (report it there); the others are the file's. */
  | { readonly kind: 'bad'; readonly reason: 'outside' | 'missing' | 'refused'; readonly message: string };

/** `child` is `parent` or lies under it ("..bids.csv" is a legal name inside). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

const megabytes = (bytes: number) => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;

/**
 * Open `ref` (relative to the scenario folder `dir`) for reading. The caller
 * closes the handle. `dir` should already be a real path (see realpath).
 */
/**
 * A file beside a missing one whose name is close ("areas.csv" for "Areas.csv",
 * which a Windows or Mac drive would have opened, or for "areas"), or null.
 * Read only when the file is missing.
 */
async function nearName(full: string): Promise<string | null> {
  const names = await readdir(path.dirname(full)).catch(() => []);
  const wanted = path.basename(full).toLowerCase();
  return (
    names.find((n) => n.toLowerCase() === wanted) ??
    names.find((n) => n.toLowerCase().replace(/\.[^.]*$/, '') === wanted.replace(/\.[^.]*$/, '')) ??
    null
  );
}

export async function openScenarioFile(dir: string, ref: string, maxBytes: number): Promise<OpenedFile> {
  const full = path.resolve(dir, ref);
  if (path.isAbsolute(ref) || !isInside(dir, full))
    return {
      kind: 'bad',
      reason: 'outside',
      message: msg.fileOutsideFolder(ref),
    };
  const real = await realpath(full).catch(() => null);
  if (real === null)
    return {
      kind: 'bad',
      reason: 'missing',
      message: msg.fileNamedMissing(await nearName(full)),
    };
  if (!isInside(dir, real))
    return {
      kind: 'bad',
      reason: 'refused',
      message: msg.linkOutsideFolder(real),
    };
  return openRegular(real, maxBytes);
}

/** Open a file already resolved to its real path: a regular file no bigger than `maxBytes`, or why not. */
async function openRegular(real: string, maxBytes: number): Promise<OpenedFile> {
  // O_NONBLOCK: opening a named pipe must not wait for a writer; O_NOFOLLOW: the name must not turn into a link after realpath.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch(
    () => null,
  );
  if (handle === null) return { kind: 'bad', reason: 'refused', message: msg.fileCannotOpen() };
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    return {
      kind: 'bad',
      reason: 'refused',
      message: msg.notRegularFile(kindOf(info)),
    };
  }
  if (info.size > maxBytes) {
    await handle.close();
    return {
      kind: 'bad',
      reason: 'refused',
      message: msg.fileTooLarge(megabytes(info.size), megabytes(maxBytes)),
    };
  }
  return { kind: 'ok', handle, size: info.size };
}

/** A read stream's chunk size: a file smaller than this is one chunk. */
export const streamChunkBytes = MiB;

/**
 * A file smaller than one stream chunk, read with one read call instead of
 * a stream's several (the same bytes, in the one chunk the stream would have
 * given; each read waits for Node's file thread, which for the ten small
 * files of a scenario was a tenth of a `zonal validate`). `size` is the
 * file's size when opened; null when it is not that small or has grown since
 * (then stream it).
 */
export async function readSmallOpened(handle: FileHandle, size: number): Promise<Buffer | null> {
  if (size >= streamChunkBytes) return null;
  const buffer = Buffer.allocUnsafe(size + 1);
  const { bytesRead } = await handle.read(buffer, 0, size + 1, 0);
  return bytesRead <= size ? buffer.subarray(0, bytesRead) : null;
}

/** Read a whole opened file as UTF-8 text, stopping at `maxBytes` (a file that grows while read). */
export async function readOpened(handle: FileHandle, maxBytes: number, size?: number): Promise<Buffer> {
  const small = size === undefined || size > maxBytes ? null : await readSmallOpened(handle, size);
  if (small !== null) return small;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of handle.createReadStream({ highWaterMark: streamChunkBytes })) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new Error(msg.fileGrew(megabytes(maxBytes)));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A whole file named on the command line (a batch file, a workbook): a regular file only, links followed. */
export async function readRegularBytes(
  file: string,
  maxBytes: number,
): Promise<{ readonly kind: 'ok'; readonly bytes: Buffer } | Extract<OpenedFile, { kind: 'bad' }>> {
  const real = await realpath(file).catch(() => null);
  if (real === null) return { kind: 'bad', reason: 'missing', message: msg.pathMissing() };
  const opened = await openRegular(real, maxBytes);
  if (opened.kind === 'bad') return opened;
  try {
    return { kind: 'ok', bytes: await readOpened(opened.handle, maxBytes, opened.size) };
  } catch (e) {
    return { kind: 'bad', reason: 'refused', message: msg.fileCannotBeRead((e as Error).message) };
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}
