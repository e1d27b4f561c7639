/**
 * A failure to write outputs, with a message a user can act on. `mistake`:
 * the command line asked for something that cannot work (an --out that is a
 * file), which is bad input (exit 2), not a failure of the machine (exit 1).
 */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly mistake = false,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

/** What a write that ran out of room says, by its error code: no file can grow there now. */
const outOfRoom: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'a file would be larger than this system allows',
};

/** Why a write failed, in words, by its error code (`ENOSPC`), or undefined for a code not known here. */
export const writeFailureReason = (code: string): string | undefined =>
  ({
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the drive is read-only',
    ...outOfRoom,
    ENAMETOOLONG: 'a name is too long',
    ENOTDIR: 'part of the path is a file, not a folder',
    EEXIST: 'a file is in the way',
    ENOENT: 'a folder cannot be made there',
  })[code];

/** Why a write ran out of room (a full disk, a quota, a file size limit), or null for any other error. */
export function outOfRoomReason(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in outOfRoom ? `${outOfRoom[code]} (${code})` : null;
}
