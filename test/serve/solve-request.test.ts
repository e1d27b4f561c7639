/**
 * The workbench's request messages name the scenario's tables as the scenario holds them:
 * areas.csv for a folder, the areas sheet of a workbook.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { folderTables, scenarioWorkbook } from '../../src/io/scenario-workbook.js';
import { zoningFrom } from '../../src/serve/solve-request.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

const tinyFolder = path.join(repoRoot, 'scenarios', 'tiny');

async function tinyAs(kind: 'folder' | 'workbook') {
  let source = tinyFolder;
  if (kind === 'workbook') {
    const tables = await folderTables(tinyFolder);
    if (tables === null) throw new Error('scenarios/tiny did not read');
    source = path.join(await tempDir(), 'tender.xlsx');
    await writeFile(source, await scenarioWorkbook(tables));
  }
  const { scenario } = await readScenario(source);
  if (scenario === null) throw new Error(`tiny as a ${kind} did not read`);
  return scenario;
}

describe('zoningFrom names where the area ids are (tidy10)', () => {
  test.each([
    ['folder', 'use area ids from areas.csv'],
    ['workbook', 'use area ids from the areas sheet of tender.xlsx'],
  ] as const)('a %s: an unknown area says %s', async (kind, hint) => {
    const scenario = await tinyAs(kind);
    const zones = Object.fromEntries([...scenario.areas.map((a) => [a.id, 'Z1']), ['NOWHERE', 'Z1']]);
    expect(zoningFrom(scenario, zones)).toBe(`zones names unknown area(s) "NOWHERE": ${hint}`);
  });
});
