/**
 * Add zone files to a scenario folder and name them in its scenario.json
 * (`zonal zones`; the workbench's Save zoning edits scenario.json with the same functions),
 * keeping the rest of scenario.json as it was (jsonc-parser edits only the
 * `zonings` entries). Every file is written in full next to its target and
 * then renamed into place; scenario.json goes last, so a run stopped halfway
 * leaves at most an unused zone file, never a scenario that names a missing one.
 *
 * scenario.json is written back in its own encoding: UTF-8 as UTF-8, anything
 * else (a Windows-1252 file, which the reader accepts with a warning) byte for
 * byte through Latin-1, as the text added is ASCII (zoning names are ids).
 * Until 2026-12-01 it was read as UTF-8 whatever it was, so a Windows-1252
 * file's £ and accents became "�" for good.
 */
import { isUtf8 } from 'node:buffer';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { settingsNotJson, settingsNotObject, zoningsNotObject } from '../diagnostics/messages.js';
import { kindOfValue } from '../model/issue-text.js';
import { duplicateKey, jsonProblem, lineAt } from './json-problem.js';

export interface NewZoning {
  readonly name: string;
  /** File name inside the scenario folder. */
  readonly file: string;
  readonly csv: string;
}

/** scenario.json's text with the zonings added (pure). */
export function withZonings(jsonText: string, zonings: readonly Pick<NewZoning, 'name' | 'file'>[]): string {
  let text = jsonText;
  for (const z of zonings)
    text = applyEdits(
      text,
      modify(text, ['zonings', z.name], z.file, { formattingOptions: { insertSpaces: true, tabSize: 2 } }),
    );
  return text;
}

/**
 * Why scenario.json's text cannot take a `zonings` entry, or null: withZonings edits only JSON (text
 * edited since the workbench started into something else would be written back still broken, with the
 * entry in) whose settings are an object and whose zonings, if given, are an object (jsonc-parser
 * throws "Can not add index to parent of type array" for any other).
 */
export function zoningsEntryProblem(settingsText: string): string | null {
  // A byte order mark (Notepad's UTF-8) is no slip: zonal reads past it, and withZonings keeps it.
  const jsonText = settingsText.replace(/^\uFEFF/, '');
  const root = parseTree(jsonText);
  const notJson = jsonProblem(jsonText) ?? duplicateKey(jsonText, root);
  if (notJson !== null) return settingsNotJson(notJson.line, notJson.message);
  if (root === undefined) return null;
  if (root.type !== 'object') return settingsNotObject(lineAt(jsonText, root.offset), kindOfValue(root.type));
  const zonings = findNodeAtLocation(root, ['zonings']);
  if (zonings === undefined || zonings.type === 'object') return null;
  return zoningsNotObject(
    lineAt(jsonText, zonings.parent?.offset ?? zonings.offset),
    kindOfValue(zonings.type),
  );
}

/** scenario.json's text, and the encoding to write it back in (see the file comment). */
export async function readSettings(jsonFile: string): Promise<{ text: string; encoding: BufferEncoding }> {
  const bytes = await readFile(jsonFile);
  const encoding = isUtf8(bytes) ? 'utf8' : 'latin1';
  return { text: bytes.toString(encoding), encoding };
}

export async function addZonings(dir: string, zonings: readonly NewZoning[]): Promise<void> {
  const jsonFile = path.join(dir, 'scenario.json');
  const { text, encoding } = await readSettings(jsonFile);
  const json = withZonings(text, zonings);
  const files: [string, string, BufferEncoding][] = [
    ...zonings.map((z): [string, string, BufferEncoding] => [path.join(dir, z.file), z.csv, 'utf8']),
    [jsonFile, json, encoding],
  ];
  const temps = files.map(([target]) => `${target}.zonal-tmp-${process.pid}`);
  try {
    for (const [k, [, text, as]] of files.entries()) await writeFile(temps[k] as string, text, as);
    for (const [k, [target]] of files.entries()) await rename(temps[k] as string, target);
  } finally {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
  }
}
