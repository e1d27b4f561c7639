/**
 * `zonal zones` through the built binary: proposals written to --out or into
 * the scenario, the comparison, and every kind of impossible or bad request
 * (exit 2, nothing written).
 */
import { existsSync } from 'node:fs';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, repoRoot, zonal } from '../helpers/cli.js';
import { goodFiles, tempDir, withBoundaries, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

const outDir = async () => path.join(await tempDir('zonal-zones-'), 'out');

async function tinyCopy(): Promise<string> {
  const dir = path.join(await tempDir('zonal-zones-'), 'tiny');
  await cp(path.join(repoRoot, 'scenarios/tiny'), dir, { recursive: true });
  return dir;
}

const rowsOf = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

describe.concurrent('zonal zones', { timeout: 240_000 }, () => {
  test('--out: a zone file with every area once, the tables, the comparison, and the same map for the same seed', async () => {
    const out = await outDir();
    const r = await zonal(['zones', 'scenarios/tiny', '--out', out, '--seed', '3']);
    expect(r.code, r.stderr).toBe(0);
    const csv = await readFile(path.join(out, 'zones-designed.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('area_id,zone_id');
    expect(
      rowsOf(csv)
        .map(([a]) => a)
        .sort(),
    ).toEqual(['N1', 'N2', 'N3', 'S1', 'S2', 'S3']);
    expect(r.stdout).toMatch(/Zoning "designed": \d+ zones, exact, proven optimal/);
    expect(r.stdout).toMatch(/Every zoning against the same rules/);
    expect(r.stdout).toMatch(/lead-80-20\s+designed/);
    expect(existsSync(path.join(out, 'comparison.json'))).toBe(true);
    // The award report of the proposal draws its zones on the map.
    const report = await readFile(path.join(out, 'report-designed.html'), 'utf8');
    expect(report).toContain('zoning <strong>designed</strong>');
    expect(report).toContain('Z-DESIGNED-01');
    const again = await outDir();
    const r2 = await zonal([
      'zones',
      'scenarios/tiny',
      '--out',
      again,
      '--seed',
      '3',
      '--no-compare',
      '--method',
      'heuristic',
    ]);
    const _r3 = await zonal([
      'zones',
      'scenarios/tiny',
      '--out',
      `${again}-2`,
      '--seed',
      '3',
      '--no-compare',
      '--method',
      'heuristic',
    ]);
    expect(r2.code, r2.stderr).toBe(0);
    expect(await readFile(path.join(again, 'zones-designed.csv'), 'utf8')).toBe(
      await readFile(path.join(`${again}-2`, 'zones-designed.csv'), 'utf8'),
    );
  });

  test('--write adds the zone files and scenario.json entries, and the scenario still validates; a second run with the name is refused', async () => {
    const dir = await tinyCopy();
    const r = await zonal([
      'zones',
      dir,
      '--write',
      '--name',
      'proposal',
      '--alternatives',
      '2',
      '--no-compare',
      '--method',
      'heuristic',
      '--min-hours',
      '900',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(dir, 'scenario.json'), 'utf8')) as {
      zonings: Record<string, string>;
    };
    expect(json.zonings['proposal']).toBe('zones-proposal.csv');
    expect(json.zonings['two']).toBe('zones-two.csv');
    expect(rowsOf(await readFile(path.join(dir, 'zones-proposal.csv'), 'utf8')).length).toBe(6);
    const valid = await zonal(['validate', dir]);
    expect(valid.code, valid.stderr).toBe(0);
    const before = await readFile(path.join(dir, 'scenario.json'), 'utf8');
    const again = await zonal(['zones', dir, '--write', '--name', 'proposal', '--no-compare']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has a zoning "proposal"/);
    expect(await readFile(path.join(dir, 'scenario.json'), 'utf8')).toBe(before);
  });

  // The comparison's files went nowhere without a word when --write came without --out (explore12).
  test('--write with the comparison and no --out says where its report would have gone', async () => {
    const dir = await tinyCopy();
    const r = await zonal(['zones', dir, '--write', '--method', 'heuristic']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/lead-80-20\s+designed/);
    expect(r.stderr).toBe(
      'note: the comparison is printed, not written: with --write, add --out DIR to keep comparison.csv, comparison.xlsx, comparison.json, report.html and report-designed.html\n',
    );
    expect(existsSync(path.join(dir, 'zones-designed.csv'))).toBe(true);
  });

  test("--out onto the scenario's folder, where a zoning's file has the designed map's name: exit 2, the file unchanged", async () => {
    const dir = await tinyCopy();
    const settings = JSON.parse(await readFile(path.join(dir, 'scenario.json'), 'utf8')) as {
      zonings: Record<string, string>;
    };
    settings.zonings['two'] = 'zones-proposed.csv';
    await writeFile(path.join(dir, 'scenario.json'), JSON.stringify(settings));
    await cp(path.join(dir, 'zones-two.csv'), path.join(dir, 'zones-proposed.csv'));
    const before = await readFile(path.join(dir, 'zones-proposed.csv'), 'utf8');
    const r = await zonal(['zones', dir, '--out', dir, '--name', 'proposed', '--no-compare']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr: `--out ${dir}: zonal would write zones-proposed.csv there, over the scenario's own zones-proposed.csv; give an --out folder of its own (a folder inside the scenario folder, such as out, is fine). Nothing was written.\n`,
    });
    expect(await readFile(path.join(dir, 'zones-proposed.csv'), 'utf8')).toBe(before);
  });

  test('--write on a workbook: exit 2 before any work, the workbook unchanged', async () => {
    const dir = await tempDir();
    const workbook = path.join(dir, 'county.xlsx');
    const init = await zonal(['init', '--xlsx', workbook]);
    expect(init.code, init.stderr).toBe(0);
    const before = await readFile(workbook);
    const r = await zonal(['zones', workbook, '--write', '--no-compare']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `--write adds zone files to a scenario folder, and ${workbook} is a workbook, which zonal never changes: use --out DIR instead, then copy each zones-<name>.csv into the workbook as a sheet of that name\n`,
    );
    expect(r.stdout).toBe('');
    expect((await readFile(workbook)).equals(before)).toBe(true);
  });

  test.each([
    [['--min-hours', '99999'], /floor of 99,999 h\/week is above the total design demand of 4,550 h\/week/],
    [['--count', '7'], /--count 7 asks for more zones than there are areas \(6\)/],
    [['--within', 'nowhere'], /--within nowhere: the scenario has no such zoning; choose from two, one/],
    [
      ['--within', 'two', '--min-hours', '2200'],
      /--within two: 1 parent zone carries less than the floor of 2,200 h\/week/,
    ],
    [['--count', 'two'], /--count two: give a whole number of at least 1/],
    // The command-line ranges of docs/hardening.md, as solve, compare and batch keep them: Infinity ran
    // HiGHS with no limit, 0x10 was 16 h/week, and seeds 1e300 and 4294967296 gave seed 0's maps (explore12).
    [
      ['--time-limit', 'Infinity'],
      /^--time-limit Infinity: give a number of seconds above 0 and at most 86400/,
    ],
    [['--min-hours', '0x10'], /^--min-hours 0x10: give hours a week, a number of at least 0/],
    [['--max-hours', '1e400'], /^--max-hours 1e400: give hours a week, a number of at least 0/],
    [['--count', '0x5'], /^--count 0x5: give a whole number of at least 1/],
    [['--seed', '1e300'], /^--seed 1e300: give a whole number from 0 to 2147483647/],
    [['--seed', '4294967296'], /^--seed 4294967296: give a whole number from 0 to 2147483647/],
    [['--min-hours', '-5'], /--min-hours -5: give hours a week/],
    [['--name', 'bad name'], /--name "bad name": use only letters, digits/],
    [['--options', 'nonsense'], /^--options nonsense: no such option/],
    [['--options', ','], /^--options ",": give at least one name, e.g. --options sole,lead-80-20$/m],
  ])('bad request %j: exit 2, a message, nothing written', async (args, message) => {
    const out = await outDir();
    const r = await zonal(['zones', 'scenarios/tiny', '--out', out, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    // Told before any design is made and printed (a misspelt option came after the maps).
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  // The advice names a flag the user can change: --max-hours they never gave is set, not "raised" (explore9).
  test.each([
    [
      'scenarios/hertfordshire',
      ['--min-hours', '0'],
      'zonal zones: area DAC-HEM alone carries 2,689 h/week, above the ceiling of 2,585 h/week: set --max-hours to at least 2,689 h/week (the ceiling is its default, twice the mean zone), or raise --min-hours so that fewer, larger zones raise the default. Nothing was written.\n',
    ],
    [
      'scenarios/tiny',
      ['--max-hours', '1000', '--count', '5'],
      'zonal zones: area N1 alone carries 1,200 h/week, above the ceiling of 1,000 h/week: raise --max-hours to at least 1,200 h/week. Nothing was written.\n',
    ],
  ])(
    'an area above the ceiling in %s %j: the flag to change, exit 2, nothing written',
    async (scenario, args, message) => {
      const out = await outDir();
      const r = await zonal(['zones', scenario, '--out', out, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(message);
      expect(existsSync(out)).toBe(false);
    },
  );

  // The default ceiling is twice the mean of the most zones there can be, and no piece holds more zones than
  // areas: from ⌊4,550 / 400⌋ = 11 zones on 6 areas it was 827 h/week, so "N1 alone carries 1,200" (explore12).
  test('a low floor on few areas: the default ceiling counts at most one zone an area', async () => {
    const out = await outDir();
    const r = await zonal(['zones', 'scenarios/tiny', '--min-hours', '400', '--no-compare', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Floor 400 h/week (--min-hours); ceiling 1,517 h/week.');
    expect(r.stdout).toMatch(/Zoning "designed": 6 zones/);
  });

  // A zone with no demand is no lot to tender: --min-hours 0 proposed N3 and S3, which carry no standard care, as zones of 0 h/week.
  test('--min-hours 0 on areas with no demand: every zone carries some, and too many zones for them is refused', async () => {
    const dir = await tinyCopy();
    const demandCsv = path.join(dir, 'demand.csv');
    const rows = (await readFile(demandCsv, 'utf8')).split('\n');
    await writeFile(demandCsv, rows.filter((l) => !/^(N3|S3),standard,/.test(l)).join('\n'));
    const out = await outDir();
    const r = await zonal(['zones', dir, '--min-hours', '0', '--no-compare', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "Floor 600 h/week (--min-hours is 0; raised to the least demand of an area, S2's, as a zone with no demand is no lot to tender)",
    );
    const zones = rowsOf(await readFile(path.join(out, 'zones-designed.csv'), 'utf8'));
    const zoneOf = new Map(zones.map(([a, z]) => [a, z]));
    const withDemand = new Set(['N1', 'N2', 'S1', 'S2'].map((a) => zoneOf.get(a)));
    expect(new Set(zones.map(([, z]) => z))).toEqual(withDemand);
    const many = await zonal(['zones', dir, '--min-hours', '0', '--count', '5', '--out', await outDir()]);
    expect(many.code).toBe(2);
    expect(many.stderr).toBe(
      'zonal zones: --count 5 asks for more zones than there are areas with demand (4 of 6): a zone with no demand is no lot to tender; give at most 4. Nothing was written.\n',
    );
  });

  test('an island below the floor (boundaries with no shared edge) is named, exit 2, nothing written', async () => {
    const files = goodFiles();
    const square = (x: number, y: number) => [
      [
        [x, y],
        [x + 0.1, y],
        [x + 0.1, y + 0.1],
        [x, y + 0.1],
        [x, y],
      ],
    ];
    const dir = await writeScenarioFolder(
      withBoundaries(files, { A1: square(-1.2, 52.1), A2: square(-1.1, 52.1), A3: square(-1.5, 52.5) }),
    );
    const before = await readdir(dir);
    const r = await zonal(['zones', dir, '--write', '--min-hours', '45']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /area A3 is not connected to the rest of the county \(no neighbour link\) and carries only 40 h\/week, below the floor of 45 h\/week/,
    );
    expect(await readdir(dir)).toEqual(before);
  });
});
