/**
 * The workbench's record of the zonings it saved: `workbench-saves.json`, beside
 * the `zones-<name>.csv` files, names each zoning with its file and a fingerprint
 * (SHA-256) of the text the workbench wrote. A save may replace a zoning only
 * while its file still has that fingerprint, so the zoning saved yesterday can
 * be replaced after `zonal serve` restarts, but a zone map the workbench did not
 * write never is: the scenario's own, one from `zonal zones` or a spreadsheet,
 * and a saved one edited by hand since (the edits would be lost). Until
 * 2026-12-02 the workbench remembered its saves in memory only, so after a
 * restart none of them could be replaced.
 *
 * A record that is missing or cannot be read protects every zoning: the safe
 * way to be wrong.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const saveRecordFile = 'workbench-saves.json';

const about =
  'Zonings the zonal workbench (zonal serve) saved in this folder, each with a fingerprint of its file as written. ' +
  'The workbench replaces a zoning only while its file still matches; remove an entry to keep the workbench from replacing that zoning.';

/**
 * Which scenario of the folder a zoning was saved for: its scenario.json, or the workbook (by
 * file name) it waits beside to be copied into. Two workbooks in one folder each have their own
 * saves: a zoning saved for a.xlsx is not b.xlsx's to replace.
 */
export type SavedFor = string;
export const folderScenario: SavedFor = 'scenario.json';

const recordSchema = z.object({
  zonings: z.record(
    z.string(),
    z.object({ file: z.string(), sha256: z.string(), scenario: z.string().default(folderScenario) }),
  ),
});

export interface SaveRecord {
  /** The record file's text as read, to put back if the save fails; null when there was none. */
  readonly text: string | null;
  readonly zonings: Readonly<
    Record<string, { readonly file: string; readonly sha256: string; readonly scenario: SavedFor }>
  >;
}

const fingerprint = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export async function readSaveRecord(folder: string): Promise<SaveRecord> {
  const text = await readFile(path.join(folder, saveRecordFile), 'utf8').catch(() => null);
  if (text === null) return { text, zonings: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const record = recordSchema.safeParse(parsed);
  return { text, zonings: record.success ? record.data.zonings : {} };
}

/**
 * Who wrote `fileName` for zoning `name` of scenario `scenario`: the workbench (`saved`), the
 * workbench but edited since (`changed`), or someone else (`unknown`, also when the file is not
 * there, and when the workbench saved it for another scenario of the folder).
 */
export async function whoWrote(
  record: SaveRecord,
  folder: string,
  name: string,
  fileName: string,
  scenario: SavedFor,
): Promise<'saved' | 'changed' | 'unknown'> {
  const entry = record.zonings[name];
  if (!Object.hasOwn(record.zonings, name) || entry?.file !== fileName || entry.scenario !== scenario)
    return 'unknown';
  const bytes = await readFile(path.join(folder, fileName)).catch(() => null);
  if (bytes === null) return 'unknown';
  return fingerprint(bytes) === entry.sha256 ? 'saved' : 'changed';
}

/** The record's text with zoning `name` of scenario `scenario` saved as `fileName` holding `csv`. */
export function recordWith(
  record: SaveRecord,
  save: { readonly name: string; readonly fileName: string; readonly csv: string },
  scenario: SavedFor,
): string {
  const { name, fileName, csv } = save;
  const zonings = { ...record.zonings, [name]: { file: fileName, sha256: fingerprint(csv), scenario } };
  return `${JSON.stringify({ about, zonings }, null, 2)}\n`;
}
