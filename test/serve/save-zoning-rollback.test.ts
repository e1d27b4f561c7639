/**
 * A save whose scenario.json write fails after the CSV is written (a full disk, a file the
 * system will not replace): the CSV and the record of saves go back as they were. scenario.json
 * that cannot take the entry is refused before anything is written (save-zoning.test.ts), so the
 * failure here is the rename onto scenario.json itself, made to fail while `failing.on`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { saveZoning } from '../../src/serve/save-zoning.js';
import { tempDir } from '../helpers/scenario-folder.js';

const failing = vi.hoisted(() => ({ on: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof fs.rename = async (from, to) => {
    if (failing.on && String(to).endsWith('scenario.json'))
      throw Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC' });
    return fs.rename(from, to);
  };
  return { ...fs, rename, default: { ...fs, rename } };
});

let tiny: Scenario;
beforeAll(async () => {
  const read = await readScenario('scenarios/tiny');
  if (read.scenario === null) throw new Error('scenarios/tiny did not read');
  tiny = read.scenario;
});
afterEach(() => {
  failing.on = false;
});

const request = () => ({
  name: 'mine',
  zones: Object.fromEntries(tiny.zonings.get('two') ?? []),
  overwrite: false,
});

const emptySettings = '{\n  "zonings": {}\n}\n';

describe('saveZoning when scenario.json cannot be written', () => {
  test('a new zoning: the error, and the new CSV and the record removed again', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), emptySettings);
    failing.on = true;
    await expect(saveZoning(dir, tiny, request())).rejects.toThrow(/ENOSPC/);
    expect(await readdir(dir)).toEqual(['scenario.json']);
    expect(await readFile(path.join(dir, 'scenario.json'), 'utf8')).toBe(emptySettings);
  });

  test('replacing a saved zoning scenario.json does not name puts its file back as it was (review14)', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), emptySettings);
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ kind: 'saved' });
    const before = await readFile(path.join(dir, 'zones-mine.csv'), 'utf8');
    // The entry taken out of scenario.json by hand, and scenario.json then not written.
    await writeFile(path.join(dir, 'scenario.json'), emptySettings);
    const one = Object.fromEntries([...tiny.areas].map((a) => [a.id, 'Z-ONE']));
    failing.on = true;
    await expect(saveZoning(dir, tiny, { ...request(), zones: one, overwrite: true })).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await readFile(path.join(dir, 'zones-mine.csv'), 'utf8')).toBe(before);
    // The same when the scenario the workbench holds names the zoning since its first save, as zonal serve's does (review14b).
    const held: Scenario = {
      ...tiny,
      zonings: new Map([...tiny.zonings, ['mine', new Map<string, string>()]]),
    };
    await expect(saveZoning(dir, held, { ...request(), zones: one, overwrite: true })).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await readFile(path.join(dir, 'zones-mine.csv'), 'utf8')).toBe(before);
    // …and still the workbench's to replace, once scenario.json can be written.
    failing.on = false;
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ replaceable: true });
  });
});
