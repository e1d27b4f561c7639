/**
 * `zonal zones --write` edits scenario.json in place: the new zonings are added and every
 * other byte is kept, whatever the file's encoding (explore12: a Windows-1252 file lost its
 * £ and accents, turned into "�" for good).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addZonings } from '../../src/io/add-zonings.js';
import { removeTempDirs, tempDir } from '../helpers/scenario-folder.js';

afterAll(() => removeTempDirs());

const settings = (name: string) =>
  `{\n  "name": "${name}",\n  "zonings": {\n    "two": "zones-two.csv"\n  }\n}\n`;
const added = { name: 'designed', file: 'zones-designed.csv', csv: 'area_id,zone_id\nN1,Z-DESIGNED-01\n' };

async function addedTo(bytes: Buffer): Promise<Buffer> {
  const dir = await tempDir('zonal-add-zonings-');
  await writeFile(path.join(dir, 'scenario.json'), bytes);
  await addZonings(dir, [added]);
  expect(await readFile(path.join(dir, 'zones-designed.csv'), 'utf8')).toBe(added.csv);
  return readFile(path.join(dir, 'scenario.json'));
}

describe('addZonings', () => {
  it('keeps a Windows-1252 scenario.json in Windows-1252, its £ and accents unchanged', async () => {
    const before = Buffer.from(settings('Café county £'), 'latin1');
    const after = await addedTo(before);
    expect(after.toString('latin1')).toContain('"name": "Café county £"');
    expect(after.toString('latin1')).toContain('"designed": "zones-designed.csv"');
    expect(after.includes(Buffer.from('\u{fffd}', 'utf8'))).toBe(false);
  });

  it('keeps a UTF-8 scenario.json in UTF-8, its byte order mark too', async () => {
    const before = Buffer.from(`\u{feff}${settings('Café county £')}`, 'utf8');
    const after = await addedTo(before);
    expect(after.toString('utf8')).toMatch(/^\u{feff}\{\n {2}"name": "Café county £"/u);
    expect(JSON.parse(after.toString('utf8').slice(1))).toEqual({
      name: 'Café county £',
      zonings: { two: 'zones-two.csv', designed: 'zones-designed.csv' },
    });
  });
});
