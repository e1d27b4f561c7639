import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import {
  bundleHash,
  decodeBundle,
  encodeBundle,
  isSafeBundlePath,
  packScenario,
  referencedFiles,
  unpackScenario,
} from '../../src/queue/scenario-bundle.js';
import { folderTables, scenarioWorkbook } from '../../src/io/scenario-workbook.js';
import { repoRoot } from '../helpers/cli.js';
import { goodFiles, tempDir, writeScenarioFolder } from '../helpers/scenario-folder.js';

const tiny = path.join(repoRoot, 'scenarios', 'tiny');

describe('scenario bundles', () => {
  test('a packed and unpacked scenario reads exactly like the folder it came from (same scenario, same input hash)', async () => {
    const bundle = await packScenario(tiny);
    const text = encodeBundle(bundle);
    const decoded = decodeBundle(text, bundle.hash);
    if (typeof decoded === 'string') throw new Error(decoded);
    const copy = await tempDir('zonal-bundle-');
    await unpackScenario(decoded, copy);
    const [original, unpacked] = await Promise.all([readScenario(tiny), readScenario(copy)]);
    expect(original.scenario).not.toBeNull();
    expect(unpacked.inputHash).toBe(original.inputHash);
    expect(unpacked.scenario).toEqual(original.scenario);
  });

  test('a workbook base travels as its one file and reads, unpacked, exactly like the workbook', async () => {
    // A batch file may name a workbook as its base; `--queue` ended "unexpected error: ENOTDIR".
    const tables = await folderTables(tiny);
    if (tables === null) throw new Error('scenarios/tiny did not read');
    const file = path.join(await tempDir('zonal-bundle-'), 'tender.xlsx');
    await writeFile(file, await scenarioWorkbook(tables));
    const bundle = await packScenario(file);
    expect(bundle.files.map((f) => f.path)).toEqual(['tender.xlsx']);
    const decoded = decodeBundle(encodeBundle(bundle), bundle.hash);
    if (typeof decoded === 'string') throw new Error(decoded);
    const copy = await tempDir('zonal-bundle-');
    const entry = await unpackScenario(decoded, copy);
    expect(entry).toBe(path.join(copy, 'tender.xlsx'));
    const [original, unpacked] = await Promise.all([readScenario(file), readScenario(entry)]);
    expect(original.scenario).not.toBeNull();
    expect(unpacked.scenario).toEqual(original.scenario);
  });

  test('only scenario.json and the files it names travel; a name outside the folder stays behind', async () => {
    const dir = await writeScenarioFolder({ ...goodFiles(), 'notes.txt': 'not part of the scenario\n' });
    const json = JSON.parse(await readFile(path.join(dir, 'scenario.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    json.files['current'] = '../../etc/passwd';
    await writeFile(path.join(dir, 'scenario.json'), JSON.stringify(json));
    const bundle = await packScenario(dir);
    expect(bundle.files.map((f) => f.path).sort()).toEqual([
      'areas.csv',
      'bids.csv',
      'demand.csv',
      'providers.csv',
      'scenario.json',
      'zones-two.csv',
    ]);
  });

  test('a link to a file outside the folder stays behind too', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    const outside = path.join(await tempDir('zonal-outside-'), 'secret.csv');
    await writeFile(outside, 'area_id,provider_id,hours_per_week\n');
    await symlink(outside, path.join(dir, 'current.csv'));
    const json = JSON.parse(await readFile(path.join(dir, 'scenario.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    json.files['current'] = 'current.csv';
    await writeFile(path.join(dir, 'scenario.json'), JSON.stringify(json));
    const bundle = await packScenario(dir);
    expect(bundle.files.map((f) => f.path)).not.toContain('current.csv');
    expect(bundle.files.map((f) => f.path)).toContain('bids.csv');
  });

  test('the hash names the contents: same files, same hash; one byte changed, another', async () => {
    const a = await packScenario(tiny);
    const b = await packScenario(tiny);
    expect(b.hash).toBe(a.hash);
    const changed = a.files.map((f, i) =>
      i === 0 ? { ...f, data: Buffer.concat([f.data, Buffer.from(' ')]) } : f,
    );
    expect(bundleHash(changed)).not.toBe(a.hash);
    expect(bundleHash([...a.files].reverse())).toBe(a.hash);
  });

  test('a worker refuses a bundle that does not match its hash, names a file twice, or would write outside its folder', async () => {
    const bundle = await packScenario(tiny);
    const tampered = encodeBundle({
      ...bundle,
      files: bundle.files.map((f) => ({ ...f, data: Buffer.from('x') })),
    });
    expect(decodeBundle(tampered, bundle.hash)).toMatch(/does not match its hash/);
    const twice = encodeBundle({ ...bundle, files: [...bundle.files, ...bundle.files.slice(0, 1)] });
    expect(decodeBundle(twice, bundle.hash)).toMatch(/names a file twice/);
    const escaping = JSON.stringify({ files: [{ path: '../evil.sh', data: 'eA==' }] });
    expect(decodeBundle(escaping, bundle.hash)).toMatch(
      /malformed: files\.0\.path is not a plain relative file name/,
    );
    expect(decodeBundle('{', bundle.hash)).toMatch(/not valid JSON/);
  });

  test('safe names are plain relative paths', () => {
    for (const p of ['a.csv', 'zones/z.csv', 'x-1_2.csv']) expect(isSafeBundlePath(p), p).toBe(true);
    for (const p of ['', '/etc/passwd', '../a', 'a/../../b', 'a//b', './a', 'C:/x', 'a\\b', 'a\0b'])
      expect(isSafeBundlePath(p), p).toBe(false);
  });

  test('referencedFiles reads "files" and "zonings", and nothing from JSON it cannot parse', () => {
    expect(
      referencedFiles(
        JSON.stringify({
          files: { areas: 'a.csv', bids: 'b.csv', extra: 3 },
          zonings: { one: 'z.csv', again: 'a.csv' },
        }),
      ),
    ).toEqual(['a.csv', 'b.csv', 'z.csv']);
    expect(referencedFiles('{ not json')).toEqual([]);
  });
});
