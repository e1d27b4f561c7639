/**
 * saveZoning's two targets: a scenario folder (zones-<name>.csv, then scenario.json edited)
 * and beside a workbook (the CSV only, no settings read or edited).
 */
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { saveZoning } from '../../src/serve/save-zoning.js';
import { tempDir } from '../helpers/scenario-folder.js';

let tiny: Scenario;
beforeAll(async () => {
  const read = await readScenario('scenarios/tiny');
  if (read.scenario === null) throw new Error('scenarios/tiny did not read');
  tiny = read.scenario;
});

/** A save refused with no offer to replace: the page shows the error and no Replace button. */
const refused = (error: string) => ({ kind: 'exists', replaceable: false, error });

const request = () => ({
  name: 'mine',
  zones: Object.fromEntries(tiny.zonings.get('two') ?? []),
  overwrite: false,
});

describe('saveZoning', () => {
  test('a folder: the CSV, then scenario.json names it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), '{\n  "zonings": { "two": "zones-two.csv" }\n}\n');
    const saved = await saveZoning(dir, tiny, request());
    expect(saved).toMatchObject({ kind: 'saved', file: 'zones-mine.csv', addedTo: 'scenario.json' });
    expect(JSON.parse(await readFile(path.join(dir, 'scenario.json'), 'utf8'))).toEqual({
      zonings: { two: 'zones-two.csv', mine: 'zones-mine.csv' },
    });
    expect(await readFile(path.join(dir, 'zones-mine.csv'), 'utf8')).toMatch(/^area_id,zone_id\n/);
  });

  test("a scenario.json in Windows-1252 (Notepad's ANSI) is written back in it: £ and accents kept", async () => {
    const dir = await tempDir();
    const settings = '{\n  "name": "Café budget £57m",\n  "zonings": {\n    "two": "zones-two.csv"\n  }\n}\n';
    await writeFile(path.join(dir, 'scenario.json'), Buffer.from(settings, 'latin1'));
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ kind: 'saved' });
    // Until 2026-12-02 the workbench read it as UTF-8 and wrote back "Caf\uFFFD budget \uFFFD57m" for good.
    expect(await readFile(path.join(dir, 'scenario.json'))).toEqual(
      Buffer.from(
        settings.replace('"zones-two.csv"\n', '"zones-two.csv",\n    "mine": "zones-mine.csv"\n'),
        'latin1',
      ),
    );
  });

  test("a scenario.json saved with a byte order mark (Notepad's UTF-8) is edited, the mark kept", async () => {
    const dir = await tempDir();
    const settings = '\uFEFF{\n  "zonings": {\n    "two": "zones-two.csv"\n  }\n}\n';
    await writeFile(path.join(dir, 'scenario.json'), settings);
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ kind: 'saved' });
    expect(await readFile(path.join(dir, 'scenario.json'), 'utf8')).toBe(
      settings.replace('"zones-two.csv"\n', '"zones-two.csv",\n    "mine": "zones-mine.csv"\n'),
    );
  });

  // Until 2026-12-02 jsonc-parser's own words reached the page ("Can not add index to parent of type array"), as a 500.
  test.each([
    [
      '{\n  "name": "x",\n  "zonings": ["zones-two.csv"]\n}\n',
      'scenario.json:3: zonings must name each zoning\'s file ({ "districts": "zones-districts.csv" }), not be a list ([…]): correct it, then save again',
    ],
    [
      '{ "zonings": null }',
      'scenario.json:1: zonings must name each zoning\'s file ({ "districts": "zones-districts.csv" }), not be null: correct it, then save again',
    ],
    [
      '[]',
      'scenario.json:1: must be the settings as an object ({…}), not a list ([…]): correct it, then save again',
    ],
    // Until 2026-12-02 text that was no longer JSON was edited as it stood: still broken, now with the entry in.
    [
      '{\n  "name": "x",\n  "zonings": { "two": "zones-two.csv", }\n}\n',
      'scenario.json:3: has a comma after the last item of a list or {…}: remove it (JSON allows no comma before } or ]), then save again',
    ],
    [
      '{\n  "zonings": { "two": "zones-two.csv" \n',
      'scenario.json:3: a { or [ is not closed before the end: add the missing } or ], then save again',
    ],
    [
      '',
      'scenario.json: is empty: it needs the settings as JSON (`zonal init` writes an example), then save again',
    ],
    // A key given twice: zonal reads the last, jsonc-parser would have edited the first (review15).
    [
      '{\n  "zonings": ["zones-two.csv"],\n  "zonings": { "two": "zones-two.csv" }\n}\n',
      'scenario.json:3: "zonings" is given twice at the top of the file (first at line 2): JSON keeps only the last, so the first is lost; give each key once, then save again',
    ],
  ])(
    'a folder whose scenario.json cannot take the entry (%s): one message, nothing written',
    async (settings, error) => {
      const dir = await tempDir();
      await writeFile(path.join(dir, 'scenario.json'), settings);
      expect(await saveZoning(dir, tiny, request())).toEqual({ kind: 'settings-problem', error });
      expect(await readdir(dir)).toEqual(['scenario.json']);
      expect(await readFile(path.join(dir, 'scenario.json'), 'utf8')).toBe(settings);
    },
  );

  test('a workbook: the CSV beside it, no scenario.json read or written', async () => {
    const dir = await tempDir();
    const saved = await saveZoning(path.join(dir, 'tender.xlsx'), tiny, request());
    expect(saved).toMatchObject({ kind: 'saved', file: 'zones-mine.csv', addedTo: 'beside the workbook' });
    expect((await readdir(dir)).sort()).toEqual(['workbench-saves.json', 'zones-mine.csv']);
    // Saved by the workbench: the page may offer to replace it.
    expect(await saveZoning(path.join(dir, 'tender.xlsx'), tiny, request())).toMatchObject({
      kind: 'exists',
      replaceable: true,
      error: expect.stringContaining('(zones-mine.csv beside it)') as unknown,
    });
    // One of the workbook's own zonings: never replaced (its sheet stays what zonal solve reads).
    expect(
      await saveZoning(path.join(dir, 'tender.xlsx'), tiny, { ...request(), name: 'two', overwrite: true }),
    ).toEqual(
      refused('"two" is one of the workbook\'s zone maps (used by zonal solve): choose another name'),
    );
    // A file the workbench did not write (nothing records it): never replaced, even when asked.
    await writeFile(path.join(dir, 'zones-other.csv'), 'area_id,zone_id\n');
    for (const overwrite of [false, true])
      expect(
        await saveZoning(path.join(dir, 'tender.xlsx'), tiny, { ...request(), name: 'other', overwrite }),
      ).toEqual(
        refused(
          '"other": zones-other.csv is already beside the workbook, and the workbench did not save it: choose another name',
        ),
      );
  });

  test('a zoning the workbench saved earlier (the record beside it says so) is replaced when asked, as after a restart', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), '{\n  "zonings": { "two": "zones-two.csv" }\n}\n');
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ kind: 'saved' });
    // Nothing is held in memory between saves: the second call is what a restarted workbench does.
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ kind: 'exists', replaceable: true });
    const one = Object.fromEntries([...tiny.areas].map((a) => [a.id, 'Z-ONE']));
    expect(await saveZoning(dir, tiny, { ...request(), zones: one, overwrite: true })).toMatchObject({
      kind: 'saved',
    });
    expect(await readFile(path.join(dir, 'zones-mine.csv'), 'utf8')).toMatch(/,Z-ONE\n$/);
    // Replaced again: the record follows the file it wrote last.
    expect(await saveZoning(dir, tiny, { ...request(), overwrite: true })).toMatchObject({ kind: 'saved' });
  });

  test('a saved zoning is not replaced once its file was edited, nor once scenario.json names another file for it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), '{\n  "zonings": {}\n}\n');
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ kind: 'saved' });
    const settings = await readFile(path.join(dir, 'scenario.json'), 'utf8');
    await writeFile(path.join(dir, 'scenario.json'), settings.replace('zones-mine.csv', 'maps/mine.csv'));
    expect(await saveZoning(dir, tiny, { ...request(), overwrite: true })).toEqual(
      refused(
        '"mine" is one of the scenario\'s zone maps (maps/mine.csv, used by zonal solve): choose another name',
      ),
    );
    await writeFile(path.join(dir, 'scenario.json'), settings);
    await appendFile(path.join(dir, 'zones-mine.csv'), 'ZZ,Z-X\n');
    expect(await saveZoning(dir, tiny, { ...request(), overwrite: true })).toEqual(
      refused(
        '"mine": zones-mine.csv was changed after the workbench saved it, and saving over it would lose those changes: choose another name',
      ),
    );
    expect(await readFile(path.join(dir, 'zones-mine.csv'), 'utf8')).toMatch(/ZZ,Z-X\n$/);
  });

  test('a saved zoning whose file scenario.json also names for another zoning is not replaced: that zoning would change too (review14)', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), '{\n  "zonings": {}\n}\n');
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ kind: 'saved' });
    const settings = await readFile(path.join(dir, 'scenario.json'), 'utf8');
    // The council renames it by hand: "final" is now the workbench's zones-mine.csv.
    await writeFile(path.join(dir, 'scenario.json'), settings.replace('"mine"', '"final"'));
    const before = await readFile(path.join(dir, 'zones-mine.csv'), 'utf8');
    const one = Object.fromEntries([...tiny.areas].map((a) => [a.id, 'Z-ONE']));
    for (const overwrite of [false, true])
      expect(await saveZoning(dir, tiny, { ...request(), zones: one, overwrite })).toEqual(
        refused(
          '"mine": zones-mine.csv is also the scenario\'s zoning "final" (in scenario.json), and saving over it would change that zoning too: choose another name',
        ),
      );
    expect(await readFile(path.join(dir, 'zones-mine.csv'), 'utf8')).toBe(before);
  });

  test("two workbooks in one folder: a zoning saved beside one is not the other's to replace (review14)", async () => {
    const dir = await tempDir();
    expect(await saveZoning(path.join(dir, 'a.xlsx'), tiny, request())).toMatchObject({ kind: 'saved' });
    const before = await readFile(path.join(dir, 'zones-mine.csv'), 'utf8');
    const one = Object.fromEntries([...tiny.areas].map((a) => [a.id, 'Z-ONE']));
    for (const overwrite of [false, true])
      expect(
        await saveZoning(path.join(dir, 'b.xlsx'), tiny, { ...request(), zones: one, overwrite }),
      ).toEqual(
        refused(
          '"mine": zones-mine.csv is already beside the workbook, and the workbench did not save it: choose another name',
        ),
      );
    expect(await readFile(path.join(dir, 'zones-mine.csv'), 'utf8')).toBe(before);
    // a.xlsx's own save is still its to replace.
    expect(await saveZoning(path.join(dir, 'a.xlsx'), tiny, request())).toMatchObject({ replaceable: true });
  });

  test('a record that cannot be read protects every zoning', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), '{\n  "zonings": {}\n}\n');
    expect(await saveZoning(dir, tiny, request())).toMatchObject({ kind: 'saved' });
    await writeFile(path.join(dir, 'workbench-saves.json'), '{ not json');
    expect(await saveZoning(dir, tiny, { ...request(), overwrite: true })).toMatchObject({
      kind: 'exists',
      replaceable: false,
    });
  });

  test('a zoning that came with the scenario is never replaced, even with overwrite: the page offers no Replace', async () => {
    const dir = await tempDir();
    const settings = '{\n  "zonings": { "two": "maps/two.csv" }\n}\n';
    await writeFile(path.join(dir, 'scenario.json'), settings);
    for (const overwrite of [false, true])
      expect(await saveZoning(dir, tiny, { ...request(), name: 'two', overwrite })).toEqual(
        refused(
          '"two" is one of the scenario\'s zone maps (maps/two.csv, used by zonal solve): choose another name',
        ),
      );
    expect(await readdir(dir)).toEqual(['scenario.json']);
    expect(await readFile(path.join(dir, 'scenario.json'), 'utf8')).toBe(settings);
  });

  test('a file zones-<name>.csv the workbench did not write is not saved over', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), '{\n  "zonings": {}\n}\n');
    await writeFile(path.join(dir, 'zones-mine.csv'), 'area_id,zone_id\n');
    expect(await saveZoning(dir, tiny, { ...request(), overwrite: true })).toEqual(
      refused(
        '"mine": zones-mine.csv is already in the scenario folder, and the workbench did not save it: choose another name',
      ),
    );
    expect(await readFile(path.join(dir, 'zones-mine.csv'), 'utf8')).toBe('area_id,zone_id\n');
  });

  test('a name that differs from a zoning only in capitals is refused, even with overwrite: on Windows and macOS both would be one file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scenario.json'), '{\n  "zonings": { "two": "zones-two.csv" }\n}\n');
    await writeFile(path.join(dir, 'zones-two.csv'), 'area_id,zone_id\n');
    for (const overwrite of [false, true])
      expect(await saveZoning(dir, tiny, { ...request(), name: 'Two', overwrite })).toEqual(
        refused(
          'zoning "Two": its file zones-Two.csv differs from zones-two.csv, which is there, only in capitals, and on Windows and macOS the two are one file: choose another name',
        ),
      );
    expect((await readdir(dir)).sort()).toEqual(['scenario.json', 'zones-two.csv']);
  });
});
