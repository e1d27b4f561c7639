/**
 * A scenario folder as one value that travels through Redis, so workers need
 * no shared disk: scenario.json and every file it names (or a workbook), keyed by a hash of
 * their contents. The coordinator packs a base folder once per batch; a
 * worker fetches each bundle once, checks it (names, hash), writes it to a
 * folder of its own and reads it with the same reader as any scenario, so
 * the files are validated by the same schemas before anything is solved.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { makeFolders } from '../io/make-folders.js';
import { withoutByteOrderMark } from '../io/text-decode.js';
import { isWorkbookPath } from '../io/workbook-path.js';
import path from 'node:path';
import { z } from 'zod';
import { byText } from '../model/order.js';

export interface ScenarioFile {
  /** Relative to the scenario folder, with "/" between folders. */
  readonly path: string;
  readonly data: Buffer;
}

export interface ScenarioBundle {
  /** sha256 of the files (names and contents), in hex. */
  readonly hash: string;
  readonly files: readonly ScenarioFile[];
}

const maxBundleFiles = 1000;

/** A name a worker may write: relative, inside its folder, no tricks. */
export function isSafeBundlePath(p: string): boolean {
  if (
    p === '' ||
    p.length > 500 ||
    p.includes('\0') ||
    p.includes('\\') ||
    p.startsWith('/') ||
    /^[A-Za-z]:/.test(p)
  )
    return false;
  return p.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

export function bundleHash(files: readonly ScenarioFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => byText(a.path, b.path))) {
    hash.update(`${f.path}\0${f.data.length}\0`);
    hash.update(f.data);
  }
  return hash.digest('hex');
}

/**
 * The files scenario.json names (under "files" and "zonings"). Unreadable
 * JSON names none: the worker's reader then reports it exactly as a local
 * run would.
 */
export function referencedFiles(scenarioJson: string): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(withoutByteOrderMark(scenarioJson));
  } catch {
    return [];
  }
  const strings = (x: unknown): string[] =>
    typeof x === 'object' && x !== null && !Array.isArray(x)
      ? Object.values(x).filter((v): v is string => typeof v === 'string')
      : [];
  const json = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return [...new Set([...strings(json['files']), ...strings(json['zonings'])])];
}

/**
 * The file's contents if it is a regular file whose real path (links
 * resolved) lies inside the scenario folder: nothing from outside the folder
 * ever travels.
 */
async function readIfInside(realRoot: string, full: string): Promise<Buffer | null> {
  const real = await realpath(full).catch(() => null);
  const rel = real === null ? '..' : path.relative(realRoot, real);
  if (real === null || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const isFile = await stat(real).then(
    (s) => s.isFile(),
    () => false,
  );
  return isFile ? readFile(real) : null;
}

/**
 * Pack a scenario folder, or a workbook (the one file, by its own name). A named file that
 * is missing, outside the folder or a link to outside it is left out, so the worker
 * reports it missing.
 */
export async function packScenario(dir: string): Promise<ScenarioBundle> {
  if (isWorkbookPath(dir)) return packWorkbook(dir);
  const root = path.resolve(dir);
  const realRoot = await realpath(root);
  const json = await readFile(path.join(root, 'scenario.json'));
  const files: ScenarioFile[] = [{ path: 'scenario.json', data: json }];
  for (const ref of referencedFiles(json.toString('utf8'))) {
    const rel = path.relative(root, path.resolve(root, ref));
    const name = rel.split(path.sep).join('/');
    if (path.isAbsolute(ref) || !isSafeBundlePath(name) || files.some((f) => f.path === name)) continue;
    const data = await readIfInside(realRoot, path.join(root, rel));
    if (data !== null) files.push({ path: name, data });
  }
  return { hash: bundleHash(files), files };
}

async function packWorkbook(file: string): Promise<ScenarioBundle> {
  const full = path.resolve(file);
  const data = await readIfInside(await realpath(path.dirname(full)), full);
  if (data === null) throw new Error(`${file}: is not a regular file inside its folder`);
  const files = [{ path: path.basename(full), data }];
  return { hash: bundleHash(files), files };
}

const encodedSchema = z.strictObject({
  files: z
    .array(
      z.strictObject({
        path: z.string().refine(isSafeBundlePath, 'is not a plain relative file name'),
        data: z.base64(),
      }),
    )
    .min(1)
    .max(maxBundleFiles),
});

export function encodeBundle(bundle: ScenarioBundle): string {
  return JSON.stringify({
    files: bundle.files.map((f) => ({ path: f.path, data: f.data.toString('base64') })),
  });
}

/** Text from Redis → a bundle whose contents match `hash`, or why not. */
export function decodeBundle(text: string, hash: string): ScenarioBundle | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return `scenario ${hash.slice(0, 12)} on the queue is not valid JSON`;
  }
  const parsed = encodedSchema.safeParse(raw);
  if (!parsed.success)
    return `scenario ${hash.slice(0, 12)} on the queue is malformed: ${parsed.error.issues
      .map((i) => `${i.path.join('.')} ${i.message}`)
      .slice(0, 3)
      .join('; ')}`;
  const files = parsed.data.files.map((f) => ({ path: f.path, data: Buffer.from(f.data, 'base64') }));
  if (new Set(files.map((f) => f.path)).size !== files.length)
    return `scenario ${hash.slice(0, 12)} on the queue names a file twice`;
  if (bundleHash(files) !== hash)
    return `scenario ${hash.slice(0, 12)} on the queue does not match its hash: it was changed after it was queued`;
  return { hash, files };
}

/**
 * Write a checked bundle's files under `dir` (which must be new or empty). Returned: what to
 * read as the scenario: `dir`, or the workbook in it when the bundle is one workbook.
 */
export async function unpackScenario(bundle: ScenarioBundle, dir: string): Promise<string> {
  for (const f of bundle.files) {
    const full = path.join(dir, ...f.path.split('/'));
    await makeFolders(path.dirname(full));
    await writeFile(full, f.data);
  }
  const [only] = bundle.files;
  return bundle.files.length === 1 && only !== undefined && isWorkbookPath(only.path)
    ? path.join(dir, only.path)
    : dir;
}
