/**
 * The table files a folder's scenario.json names, opened and (when small)
 * read side by side as soon as the settings are read. Each open, stat and
 * read waits for one of Node's file threads; one file after another, that
 * waiting was about a tenth of a `zonal validate` on the county. The reader
 * still takes each file's result in its own order (read-scenario.ts), so
 * every check and message comes as before; `close` closes what it never took.
 */
import { tableFileKeys } from '../model/scenario-schema.js';
import { fileSizeLimits, openScenarioFile, readSmallOpened, type OpenedFile } from './scenario-file.js';

export interface PrefetchedFile {
  readonly opened: OpenedFile;
  /** The whole file when small (see readSmallOpened); rejects with the read's error, for the reader to report. */
  readonly whole: Promise<Buffer | null>;
}

const record = (x: unknown): Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};

/**
 * The files named in unchecked settings, read without a schema (zod is loaded only when a
 * message needs it: model/settings-plan.ts): `files`' values for `keys` (all of them when
 * not given), then the zonings'.
 */
export function namedFiles(settings: unknown, keys?: readonly string[]): string[] {
  const files = record(record(settings)['files']);
  return [
    ...(keys ?? Object.keys(files)).map((k) => files[k]),
    ...Object.values(record(record(settings)['zonings'])),
  ].filter((ref): ref is string => typeof ref === 'string');
}

/** The table files named in unchecked settings, the tables first (the demand is the largest file), then the zonings: the first 32 are opened ahead (boundaries are not tables). */
const tableRefs = (settings: unknown): string[] => namedFiles(settings, tableFileKeys);

async function fetchFile(dir: string, ref: string): Promise<PrefetchedFile> {
  const opened = await openScenarioFile(dir, ref, fileSizeLimits.table);
  const whole = opened.kind === 'ok' ? readSmallOpened(opened.handle, opened.size) : Promise.resolve(null);
  whole.catch(() => undefined); // awaited (and its error reported) by the reader, or dropped by close
  return { opened, whole };
}

/**
 * Files opened ahead at most: a scenario names about ten. A scenario.json
 * naming thousands (a zoning per file, or a mistake) must not hold thousands
 * of files open at once, where the system's limit on open files would make
 * a good file fail to open; the ones past this are read in turn.
 */
const prefetchAtMost = 32;

export class TablePrefetch {
  readonly #files = new Map<string, Promise<PrefetchedFile>>();

  /** `dir` is the folder's real path; `settings` the parsed scenario.json, not yet checked. */
  constructor(dir: string, settings: unknown) {
    for (const ref of tableRefs(settings)) {
      if (this.#files.size >= prefetchAtMost) break;
      if (this.#files.has(ref)) continue;
      const file = fetchFile(dir, ref);
      file.catch(() => undefined); // a failure is the reader's to report when it takes the file, or close's to drop
      this.#files.set(ref, file);
    }
  }

  /** The file's open and read, to the first caller only; undefined when not prefetched. */
  take(ref: string): Promise<PrefetchedFile> | undefined {
    const file = this.#files.get(ref);
    this.#files.delete(ref);
    return file;
  }

  /** Close the files never taken. */
  async close(): Promise<void> {
    const left = [...this.#files.values()];
    this.#files.clear();
    await Promise.all(
      left.map(async (file) => {
        const fetched = await file.catch(() => null);
        if (fetched === null) return;
        await fetched.whole.catch(() => null);
        if (fetched.opened.kind === 'ok') await fetched.opened.handle.close().catch(() => undefined);
      }),
    );
  }
}
