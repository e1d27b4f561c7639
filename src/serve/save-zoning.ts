/**
 * Save a workbench zoning into the scenario folder: `zones-<name>.csv` and a
 * `zonings` entry in scenario.json. Each file is written to a temporary file
 * beside it and renamed over: the workbench's record of its saves first, then
 * the CSV, then scenario.json, so scenario.json never names a file that is not
 * there. A zoning the workbench saved (save-record.ts says
 * which, across restarts) is refused unless `overwrite`; any other zone map,
 * the scenario's own above all, is never replaced (until 2026-12-01 the page's
 * Replace button rewrote the council's own zones-districts.csv, with no undo).
 * A workbook scenario is never changed: the CSV is written beside it, to be
 * copied in as a sheet of that name (until 2026-12-01 the save failed with
 * the system's ENOTDIR).
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import {
  zoningChangedSince,
  zoningExists,
  zoningFileCapitalsTwin,
  zoningFileNotSaved,
  zoningFileShared,
  zoningIsScenarios,
  zoningNameNotId,
} from '../diagnostics/messages.js';
import { readSettings, withZonings, zoningsEntryProblem } from '../io/add-zonings.js';
import { isWorkbookPath } from '../io/workbook-path.js';
import { idPattern } from '../model/row-schemas.js';
import type { Scenario, Zoning } from '../model/types.js';
import {
  folderScenario,
  readSaveRecord,
  recordWith,
  saveRecordFile,
  whoWrote,
  type SaveRecord,
  type SavedFor,
} from './save-record.js';
import { zoningFrom } from './solve-request.js';
import { distinctZoneIds } from './zoning-ids.js';

export type SaveOutcome =
  | {
      readonly kind: 'saved';
      readonly name: string;
      readonly file: string;
      readonly zoning: Zoning;
      readonly renamed: Readonly<Record<string, string>>;
      /** Where the zoning went: into scenario.json, or beside a workbook (which zonal never changes). */
      readonly addedTo: 'scenario.json' | 'beside the workbook';
    }
  | {
      readonly kind: 'exists';
      readonly error: string;
      /** True when saving again with `overwrite` replaces it (the page offers to): only for a zoning the workbench saved, unchanged since. */
      readonly replaceable: boolean;
    }
  | { readonly kind: 'bad-request'; readonly error: string }
  /** scenario.json, edited since the workbench started, cannot take the zoning's entry: nothing is written. */
  | { readonly kind: 'settings-problem'; readonly error: string };

export interface SaveRequest {
  readonly name: string;
  readonly zones: Readonly<Record<string, string>>;
  readonly overwrite: boolean;
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

async function writeAtomically(file: string, text: string, encoding: BufferEncoding = 'utf8'): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding, flag: 'wx' });
    await rename(temp, file);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

function zoningCsv(scenario: Scenario, zoning: Zoning): string {
  return `area_id,zone_id\n${scenario.areas.map((a) => `${a.id},${zoning.get(a.id) ?? ''}\n`).join('')}`;
}

/**
 * Where a save goes: a scenario folder, whose scenario.json text is edited, or beside a
 * workbook, which is never changed (so there is no settings text to edit).
 */
type SaveTarget =
  | {
      readonly kind: 'folder';
      readonly folder: string;
      readonly jsonFile: string;
      readonly jsonText: string;
      /** scenario.json's own: a Windows-1252 file is written back in it (until 2026-12-02 its £ and accents became "\uFFFD"). */
      readonly encoding: BufferEncoding;
    }
  | { readonly kind: 'workbook'; readonly folder: string; readonly workbook: string };

async function targetOf(dir: string): Promise<SaveTarget> {
  if (isWorkbookPath(dir))
    return { kind: 'workbook', folder: path.dirname(dir), workbook: path.basename(dir) };
  const jsonFile = path.join(dir, 'scenario.json');
  const { text, encoding } = await readSettings(jsonFile);
  return { kind: 'folder', folder: dir, jsonFile, jsonText: text, encoding };
}

/** The scenario of the folder a save is for, as the record of saves names it. */
const savedFor = (target: SaveTarget): SavedFor =>
  target.kind === 'workbook' ? target.workbook : folderScenario;

/** scenario.json's zonings, name → file (a workbook's zonings are all in the scenario already: none here). */
function settingsZonings(target: SaveTarget): Map<string, string> {
  if (target.kind === 'workbook') return new Map();
  const zonings =
    (parse(target.jsonText) as { zonings?: Record<string, unknown> } | undefined)?.zonings ?? {};
  return new Map(
    Object.entries(zonings).map(([name, file]) => [
      name,
      typeof file === 'string' ? file : `zones-${name}.csv`,
    ]),
  );
}

/**
 * Another zoning of scenario.json whose file is `fileName`: saving over it would change that
 * zoning too (until 2026-12-02 a zoning the workbench saved, then renamed by hand in
 * scenario.json, was replaced as the council's own "final").
 */
function sharingFile(target: SaveTarget, name: string, fileName: string): string | undefined {
  return [...settingsZonings(target)].find(
    ([other, file]) => other !== name && path.normalize(file) === fileName,
  )?.[0];
}

/**
 * Why a zoning the workbench did not save is not saved over, in words a page user can act on:
 * one of the scenario's own zone maps, or a file the workbench did not write.
 */
function notOurs(target: SaveTarget, name: string, listed: string | undefined, named: boolean): string {
  const fileName = `zones-${name}.csv`;
  const workbook = target.kind === 'workbook';
  if (!named) return zoningFileNotSaved(name, fileName, workbook);
  return zoningIsScenarios(name, workbook ? null : (listed ?? fileName));
}

/** Adds `zonings.<name>` to scenario.json. */
async function addToSettings(
  target: Extract<SaveTarget, { kind: 'folder' }>,
  name: string,
  fileName: string,
): Promise<void> {
  await writeAtomically(
    target.jsonFile,
    withZonings(target.jsonText, [{ name, file: fileName }]),
    target.encoding,
  );
}

/**
 * Puts the zoning's file back as it was before a save that failed: the text it had (a zoning
 * the workbench saved before, replaced), or no file. Until 2026-12-02 it was removed, so a
 * replaced zoning that scenario.json did not name was lost with the failed save (review14).
 */
async function restoreCsv(file: string, previous: string | null): Promise<void> {
  await (previous === null ? unlink(file) : writeAtomically(file, previous)).catch(() => undefined);
}

/** Puts the record back as it was (removes it if there was none); a failure here leaves only a zoning unreplaceable. */
async function restoreRecord(folder: string, record: SaveRecord): Promise<void> {
  const file = path.join(folder, saveRecordFile);
  await (record.text === null ? unlink(file) : writeAtomically(file, record.text)).catch(() => undefined);
}

/**
 * Writes the record first, then the CSV, then scenario.json: a record that names a
 * fingerprint no file has protects that zoning, the safe way to fail; the record is put
 * back whenever the CSV is not left written.
 */
async function write(target: SaveTarget, record: SaveRecord, save: NewSave): Promise<void> {
  const { name, fileName, csv, listed } = save;
  await writeAtomically(
    path.join(target.folder, saveRecordFile),
    recordWith(record, { name, fileName, csv }, savedFor(target)),
  );
  const file = path.join(target.folder, fileName);
  const previous = await readFile(file, 'utf8').catch(() => null);
  let csvWritten = false;
  try {
    await writeAtomically(file, csv);
    csvWritten = true;
    if (target.kind === 'folder') await addToSettings(target, name, fileName);
  } catch (e) {
    // scenario.json names the zoning's file already, and the record matches the new text: the save stands.
    // Otherwise the file and the record go back as they were (the workbench's own scenario may name the
    // zoning since its last save while scenario.json no longer does: review14b).
    if (csvWritten && !listed) await restoreCsv(file, previous);
    if (!csvWritten || !listed) await restoreRecord(target.folder, record);
    throw e;
  }
}

interface NewSave {
  readonly name: string;
  readonly fileName: string;
  readonly csv: string;
  /** scenario.json names this zoning's file already: a failure to add it again leaves the save standing. */
  readonly listed: boolean;
}

/**
 * Whether `name` may be saved: an `exists` outcome when it may not (or only with
 * `overwrite`), else whether scenario.json `listed` it already. Only a file the workbench wrote, and
 * that scenario.json (if it names it) names as its own, is ever replaced.
 */
async function mayWrite(
  target: SaveTarget,
  scenario: Scenario,
  record: SaveRecord,
  request: SaveRequest,
): Promise<Extract<SaveOutcome, { kind: 'exists' }> | { readonly kind: 'free'; readonly listed: boolean }> {
  const { name } = request;
  const fileName = `zones-${name}.csv`;
  // Windows and macOS match file names whatever their capitals: zones-Two.csv would be another zoning's zones-two.csv.
  const twin = (await readdir(target.folder).catch(() => [] as string[])).find(
    (f) => f !== fileName && f.toLowerCase() === fileName.toLowerCase(),
  );
  if (twin !== undefined)
    return {
      kind: 'exists',
      replaceable: false,
      error: zoningFileCapitalsTwin(name, fileName, twin),
    };
  const listed = settingsZonings(target).get(name);
  const named = scenario.zonings.has(name) || listed !== undefined;
  if (!named && !(await exists(path.join(target.folder, fileName)))) return { kind: 'free', listed: false };
  const sharing = sharingFile(target, name, fileName);
  if (sharing !== undefined)
    return {
      kind: 'exists',
      replaceable: false,
      error: zoningFileShared(name, fileName, sharing),
    };
  const wrote = await whoWrote(record, target.folder, name, fileName, savedFor(target));
  const ours = wrote === 'saved' && (listed === undefined || path.normalize(listed) === fileName);
  if (!ours)
    return {
      kind: 'exists',
      replaceable: false,
      error: wrote === 'changed' ? zoningChangedSince(name, fileName) : notOurs(target, name, listed, named),
    };
  if (request.overwrite) return { kind: 'free', listed: listed !== undefined };
  return {
    kind: 'exists',
    replaceable: true,
    error: zoningExists(name, named ? null : fileName, target.kind === 'workbook'),
  };
}

/** Checks, then writes; the caller runs one save at a time. */
export async function saveZoning(
  dir: string,
  scenario: Scenario,
  request: SaveRequest,
): Promise<SaveOutcome> {
  const { name } = request;
  if (!idPattern.test(name) || name.length > 64)
    return {
      kind: 'bad-request',
      error: zoningNameNotId(name),
    };
  const given = zoningFrom(scenario, request.zones);
  if (typeof given === 'string') return { kind: 'bad-request', error: given };
  const target = await targetOf(dir);
  const problem = target.kind === 'folder' ? zoningsEntryProblem(target.jsonText) : null;
  if (problem !== null) return { kind: 'settings-problem', error: problem };
  const record = await readSaveRecord(target.folder);
  const allowed = await mayWrite(target, scenario, record, request);
  if (allowed.kind === 'exists') return allowed;
  const others = [...scenario.zonings].filter(([n]) => n !== name).map(([, z]) => z);
  const { zoning, renamed } = distinctZoneIds(given, others, name, new Set(scenario.areas.map((a) => a.id)));
  const fileName = `zones-${name}.csv`;
  await write(target, record, { name, fileName, csv: zoningCsv(scenario, zoning), listed: allowed.listed });
  const addedTo = target.kind === 'folder' ? 'scenario.json' : 'beside the workbook';
  return { kind: 'saved', name, file: fileName, zoning, renamed, addedTo };
}
