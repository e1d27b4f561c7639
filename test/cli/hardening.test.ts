/**
 * Hostile and out-of-range input through the built binary (issue 10): reads
 * stay inside the scenario folder, numbers are read exactly, every number has
 * a range, work is bounded, and nothing raw reaches the terminal.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, repoRoot, zonal } from '../helpers/cli.js';
import {
  goodFiles,
  tempDir,
  withJson,
  withLine,
  writeScenarioFolder,
  type ScenarioFiles,
} from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

const outDir = async () => path.join(await tempDir('zonal-out-'), 'out');
const patch = (files: ScenarioFiles, file: string, line: number, text: string): ScenarioFiles => ({
  ...files,
  [file]: withLine(files[file] ?? '', line, text),
});

/** solve must exit 2, name the place, say `expected`, and write nothing. */
async function expectBadInput(
  files: ScenarioFiles,
  place: string,
  expected: string | RegExp,
): Promise<string> {
  const out = await outDir();
  const r = await zonal(['solve', await writeScenarioFolder(files), '--out', out]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(place);
  expect(r.stderr).toMatch(expected);
  expect(existsSync(out)).toBe(false);
  return r.stderr;
}

describe.concurrent('reads only regular files inside the scenario folder', () => {
  test('a CSV that is a link to a file outside is refused, not read', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    const outside = path.join(await tempDir(), 'secret.csv');
    await writeFile(outside, goodFiles()['bids.csv'] ?? '', 'utf8');
    await symlink(outside, path.join(dir, 'linked-bids.csv'));
    await writeFile(
      path.join(dir, 'scenario.json'),
      (goodFiles()['scenario.json'] ?? '').replace('"bids.csv"', '"linked-bids.csv"'),
      'utf8',
    );
    const r = await zonal(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`linked-bids.csv: is a link to ${outside}, outside the scenario folder`);
  });

  test('a link to /etc/passwd is refused', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    await rm(path.join(dir, 'bids.csv'));
    await symlink('/etc/passwd', path.join(dir, 'bids.csv'));
    const r = await zonal(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bids.csv: is a link to /etc/passwd, outside the scenario folder');
    expect(r.stderr).not.toContain('root:');
  });

  test('a link inside the folder is fine', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    await mkdir(path.join(dir, 'data'));
    await writeFile(path.join(dir, 'data', 'b.csv'), goodFiles()['bids.csv'] ?? '', 'utf8');
    await rm(path.join(dir, 'bids.csv'));
    await symlink(path.join('data', 'b.csv'), path.join(dir, 'bids.csv'));
    expect((await zonal(['validate', dir])).code).toBe(0);
  });

  test('a named pipe is refused at once (it used to hang validate forever)', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    await rm(path.join(dir, 'areas.csv'));
    execFileSync('mkfifo', [path.join(dir, 'areas.csv')]);
    const r = await zonal(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('areas.csv: is a named pipe, not a regular file');
  });

  test('a link to /dev/zero is refused before any read', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    await rm(path.join(dir, 'demand.csv'));
    await symlink('/dev/zero', path.join(dir, 'demand.csv'));
    const r = await zonal(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('demand.csv: is a link to /dev/zero, outside the scenario folder');
  });

  test('a real file named ..bids.csv is inside the folder and is read', async () => {
    const files = goodFiles();
    const dir = await writeScenarioFolder({
      ...withJson(files, (j) => ((j['files'] as Record<string, string>)['bids'] = '..bids.csv')),
      '..bids.csv': files['bids.csv'] ?? '',
    });
    const r = await zonal(['validate', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('a path that climbs out of the folder is refused at its line in scenario.json', async () => {
    const files = withJson(
      goodFiles(),
      (j) => ((j['files'] as Record<string, string>)['bids'] = '../bids.csv'),
    );
    await expectBadInput(files, 'scenario.json:', /file "\.\.\/bids\.csv" is outside the scenario folder/);
  });
});

describe.concurrent('numbers are read exactly', () => {
  test('a decimal comma is an error with a hint, not £2,695 an hour', async () => {
    await expectBadInput(
      patch(goodFiles(), 'bids.csv', 2, 'B1,P1,standard,Z1,"26,95",500,any,'),
      'bids.csv:2:',
      /price_per_hour uses a comma as the decimal point: write 26\.95/,
    );
  });

  test.each([['2,6,5,0'], ['1,2,3']])(
    '%s is an error, not a number with its commas dropped',
    async (cell) => {
      await expectBadInput(
        patch(goodFiles(), 'providers.csv', 2, `P1,First Care,"${cell}",50,70`),
        'providers.csv:2:',
        /max_hours_per_week (has commas in the wrong places|uses a comma)/,
      );
    },
  );

  test('thousands separators in their places are read', async () => {
    const dir = await writeScenarioFolder(
      patch(goodFiles(), 'providers.csv', 2, 'P1,First Care,"1,500",50,70'),
    );
    expect((await zonal(['validate', dir])).code).toBe(0);
  });
});

describe.concurrent('every number has a range: exit 2 at its place, never a solver failure or Infinity', () => {
  test('demand of 1e15 hours a week', async () => {
    await expectBadInput(
      patch(goodFiles(), 'demand.csv', 2, 'A1,standard,2027,1e15,,'),
      'demand.csv:2:',
      /hours_per_week must be at most 1,000,000/,
    );
  });

  test('demand that adds up to more than the national limit', async () => {
    const files = goodFiles();
    const extra = Array.from({ length: 9 }, (_, i) => `X${i}`);
    const more = {
      ...files,
      'areas.csv': `${files['areas.csv'] ?? ''}${extra.map((a) => `${a},Extra,52.1,-1.2,1000,200,urban\n`).join('')}`,
      'zones-two.csv': `${files['zones-two.csv'] ?? ''}${extra.map((a) => `${a},Z2\n`).join('')}`,
      'demand.csv': `area_id,care_type,period,hours_per_week\n${['A1', 'A2', 'A3', ...extra].map((a) => `${a},standard,2027,1000000\n`).join('')}`,
    };
    await expectBadInput(
      more,
      'demand.csv:',
      /period 2027 adds up to 12,000,000 hours a week \(high estimates\), more than zonal's limit of 10,000,000/,
    );
  });

  test('costModel.wagePerHour 1e308 (it printed £Infinitym)', async () => {
    const stderr = await expectBadInput(
      withJson(goodFiles(), (j) => (j['costModel'] = { wagePerHour: 1e308 })),
      'scenario.json',
      /costModel\.wagePerHour must be at most 1000/,
    );
    expect(stderr).not.toContain('Infinity');
  });

  test('award.unmetPenaltyPerHour and a price out of range', async () => {
    await expectBadInput(
      withJson(goodFiles(), (j) => (j['award'] = { unmetPenaltyPerHour: 1e12 })),
      'scenario.json',
      /unmetPenaltyPerHour must be at most 1000000/,
    );
    await expectBadInput(
      patch(goodFiles(), 'bids.csv', 2, 'B1,P1,standard,Z1,50000,500,any,'),
      'bids.csv:2:',
      /price_per_hour must be at most 10,000/,
    );
  });
  // out-of-range options (--time-limit Infinity, --seed 1e300): rows of the options table in test/cli/cli.test.ts
});

describe.concurrent('bounded work', () => {
  test('a tiny batch file with a ten-million-variant grid is refused before it is expanded', async () => {
    const dir = await tempDir();
    const values = (n: number) => Array.from({ length: n }, (_, i) => 0.5 + i / (2 * n));
    const file = path.join(dir, 'batch.json');
    await writeFile(
      file,
      JSON.stringify({
        base: path.resolve('scenarios/tiny'),
        grid: {
          'award.maxShareOfTotalHours': values(100),
          'award.qualityWeight': values(100),
          'award.priceWeight': values(1000),
        },
      }),
      'utf8',
    );
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /makes 10,000,000 variants .* more than the limit of 10,000: trim the grid, or raise the limit with --max-variants/,
    );
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const raised = await zonal(['batch', file, '--max-variants', '2000000', '--out', path.join(dir, 'out')]);
    expect(raised.stderr).toContain('--max-variants 2000000: give a whole number from 1 to 1000000');
  });

  test('--workers 1000 is refused with the reason', async () => {
    const r = await zonal([
      'batch',
      'scenarios/hertfordshire-batch.json',
      '--workers',
      '1000',
      '--out',
      path.join(await tempDir(), 'out'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers 1000: give a whole number from 1 to 64');
  });

  test.each([
    ['--concurrency', '0x10', '--concurrency 0x10: give a whole number from 1 to 64'],
    ['--concurrency', '1000', '--concurrency 1000: give a whole number from 1 to 64'],
    ['--lock-seconds', 'Infinity', '--lock-seconds Infinity: give a whole number from 1 to 86400'],
  ])(
    'zonal worker %s %s is refused before Redis is tried, as --workers is',
    async (flag, value, expected) => {
      // Port 1: nothing listens there, so a flag that got through would end in "cannot reach Redis" (exit 1).
      const r = await zonal(['worker', 'redis://127.0.0.1:1/0', flag, value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(expected);
    },
  );

  test('a batch file that is a named pipe is refused, not waited on', async () => {
    const dir = await tempDir();
    execFileSync('mkfifo', [path.join(dir, 'batch.json')]);
    const r = await zonal(['batch', path.join(dir, 'batch.json'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a named pipe, not a regular file');
  });
});

describe.concurrent('untrusted text and the terminal', () => {
  test('a terminal escape in a provider name is an error, and is shown escaped', async () => {
    const stderr = await expectBadInput(
      patch(goodFiles(), 'providers.csv', 2, 'P1,\u001b[2J\u001b]0;pwned\u0007First,500,50,70'),
      'providers.csv:2:',
      /name contains a control character/,
    );
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(stderr).toContain('\\u001b[2J');
  });

  test('a line break or tab inside a quoted name (RFC 4180, Excel Alt+Enter) is read as a space, shown on one line everywhere', async () => {
    // Line 3 first: once line 2 holds a line break, the file's line 3 is its second half.
    const tabbed = patch(goodFiles(), 'providers.csv', 3, 'P2,"Second\tCare",500,50,80');
    const files = patch(tabbed, 'providers.csv', 2, 'P1,"First\r\n  Care",500,50,70');
    const out = await outDir();
    const r = await zonal(['solve', await writeScenarioFolder(files), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}P1 +First Care +\d/m);
    expect(r.stdout).toMatch(/^ {2}P2 +Second Care +\d/m);
    const result = JSON.parse(await readFile(path.join(out, 'result.json'), 'utf8')) as {
      providers: { providerId: string; name: string }[];
    };
    expect(result.providers.map((p) => p.name)).toEqual(['First Care', 'Second Care']);
    expect(await readFile(path.join(out, 'providers.csv'), 'utf8')).toMatch(/^P1,First Care,/m);
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toContain('First Care');
  });

  test('a NUL in a quoted provider name is still an error', async () => {
    await expectBadInput(
      patch(goodFiles(), 'providers.csv', 2, 'P1,"First\u0000\nCare",500,50,70'),
      'providers.csv:2:',
      /name contains a control character/,
    );
  });

  test('a NUL in the scenario name is an error (it was kept in result.json and dropped from the CSVs)', async () => {
    await expectBadInput(
      withJson(goodFiles(), (j) => (j['name'] = 'County\u0000')),
      'scenario.json',
      /name contains a control character/,
    );
  });

  test('an escape in a bad cell echoed in a message is shown escaped', async () => {
    const stderr = await expectBadInput(
      patch(goodFiles(), 'bids.csv', 2, 'B1,P1,standard,Z1,\u001b[31m25,500,any,'),
      'bids.csv:2:',
      /price_per_hour is not a number/,
    );
    expect(stderr).not.toContain('\u001b');
  });
});

describe.concurrent('output folders', () => {
  test('init "" refuses instead of writing into the current folder', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'README.md'), 'mine', 'utf8');
    const r = await zonal(['init', ''], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zonal init: needs a folder name');
    expect(await readdir(cwd)).toEqual(['README.md']);
    expect(await readFile(path.join(cwd, 'README.md'), 'utf8')).toBe('mine');
  });

  test.skipIf(process.getuid?.() === 0)(
    'an --out folder zonal may not write: exit 1 with the reason, not raw errno text',
    async () => {
      const parent = await tempDir();
      await chmod(parent, 0o500);
      const r = await zonal(['solve', 'scenarios/tiny', '--out', path.join(parent, 'out')]);
      await chmod(parent, 0o700);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^\/.*: cannot write there: permission denied \(EACCES\); choose another --out folder/,
      );
    },
  );

  test('an --out path through a file: exit 2 naming the file (also when run as root)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'afile');
    await writeFile(file, 'x', 'utf8');
    const r = await zonal(['solve', 'scenarios/tiny', '--out', path.join(file, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${path.join(file, 'out')}: cannot write there: ${file} is a file, not a folder; give --out a folder (it is made if missing). Nothing was changed there.\n`,
    );
    const score = await zonal(['score', 'scenarios/tiny', '--out', path.join(file, 'scores.csv')]);
    expect(score.code).toBe(2);
    expect(score.stderr).toBe(
      `--out ${path.join(file, 'scores.csv')}: ${file} is a file, not a folder; give a file name in a folder (folders are made if missing). Nothing was written.\n`,
    );
  });

  test("a file flag naming a folder, the --out folder, a path through a file, a result file or the other flag's file: exit 2 before any work, nothing written", async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const afile = path.join(dir, 'afile');
    await writeFile(afile, 'mine', 'utf8');
    const solve = ['solve', 'scenarios/tiny', '--out', out];
    for (const [args, message] of [
      [
        [...solve, '--export-lp', out],
        `--export-lp ${out}: that is the --out folder; give the name of a file to write.`,
      ],
      [
        [...solve, '--baseline-out', dir],
        `--baseline-out ${dir}: that is a folder; give the name of a file to write.`,
      ],
      [
        ['score', 'scenarios/tiny', '--out', dir],
        `--out ${dir}: that is a folder; give the name of a file to write.`,
      ],
      [
        [...solve, '--baseline-out', path.join(afile, 'x.csv')],
        `--baseline-out ${path.join(afile, 'x.csv')}: ${afile} is a file, not a folder; give a file name in a folder (folders are made if missing).`,
      ],
      [
        [...solve, '--baseline-out', path.join(out, 'result.json')],
        `--baseline-out ${path.join(out, 'result.json')}: zonal writes a file of that name in the --out folder; give another name.`,
      ],
      [
        [...solve, '--export-lp', path.join(dir, 'x'), '--baseline-out', path.join(dir, 'x')],
        `--baseline-out ${path.join(dir, 'x')}: --export-lp names the same file; give each its own.`,
      ],
    ] as const) {
      const r = await zonal([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${message} Nothing was written.\n`);
      expect(await readdir(dir)).toEqual(['afile']);
    }
    const lp = path.join(dir, 'award.lp');
    const written = await zonal(['solve', 'scenarios/tiny', '--out', out, '--export-lp', lp]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain(lp);
    expect(await readFile(lp, 'utf8')).toMatch(/^Minimize\n/);
  });

  test('a file reached through a symbolic link is checked as the file the write reaches: exit 2 before any work, nothing written', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const folder = path.join(dir, 'folder');
    const scenario = path.join(dir, 'county');
    await mkdir(out);
    await mkdir(folder);
    await mkdir(path.join(dir, 'scores.xlsx'));
    await cp(path.join(repoRoot, 'scenarios/tiny'), scenario, { recursive: true });
    for (const [link, to] of [
      ['to-out', out],
      ['to-folder', folder],
      ['to-county', scenario],
    ] as const)
      await symlink(to, path.join(dir, link));
    const names = (await readdir(dir)).sort();
    const at = (...parts: string[]) => path.join(dir, ...parts);
    const solve = ['solve', 'scenarios/tiny', '--out', out];
    for (const [args, message] of [
      [
        [...solve, '--export-lp', at('to-out', 'result.json')],
        `--export-lp ${at('to-out', 'result.json')}: zonal writes a file of that name in the --out folder; give another name.`,
      ],
      [
        [...solve, '--export-lp', at('to-out')],
        `--export-lp ${at('to-out')}: that is the --out folder; give the name of a file to write.`,
      ],
      [
        [...solve, '--export-lp', at('to-folder', 'x'), '--baseline-out', at('folder', 'x')],
        `--baseline-out ${at('folder', 'x')}: --export-lp names the same file; give each its own.`,
      ],
      [
        ['score', 'scenarios/tiny', '--out', at('scores.csv')],
        `--out ${at('scores.csv')} (${at('scores.xlsx')}): that is a folder; give the name of a file to write.`,
      ],
      [
        ['solve', scenario, '--out', at('to-county')],
        `--out ${at('to-county')}: zonal would write providers.csv there, over the scenario's own providers.csv; give an --out folder of its own (a folder inside the scenario folder, such as out, is fine).`,
      ],
    ] as const) {
      const r = await zonal([...args]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({
        code: 2,
        stderr: `${message} Nothing was written.\n`,
      });
      expect((await readdir(dir)).sort()).toEqual(names);
      expect([...(await readdir(out)), ...(await readdir(folder))]).toEqual([]);
    }
  });

  test("an --out onto the scenario's own files (--out of the scenario folder, score --out providers.csv): exit 2, every file as it was", async () => {
    const dir = path.join(await tempDir(), 'my county');
    await cp(path.join(repoRoot, 'scenarios/tiny'), dir, { recursive: true });
    const before = await readFile(path.join(dir, 'providers.csv'), 'utf8');
    const names = (await readdir(dir)).sort();
    for (const [args, message] of [
      [
        ['solve', dir, '--out', dir],
        `--out ${dir}: zonal would write providers.csv there, over the scenario's own providers.csv; give an --out folder of its own (a folder inside the scenario folder, such as out, is fine). Nothing was written.`,
      ],
      [
        ['score', dir, '--out', path.join(dir, 'providers.csv')],
        `--out ${path.join(dir, 'providers.csv')}: zonal would write providers.csv there, over the scenario's own providers.csv; give another file name. Nothing was written.`,
      ],
      [
        ['solve', dir, '--out', path.join(dir, 'out'), '--baseline-out', path.join(dir, 'areas.csv')],
        `--baseline-out ${path.join(dir, 'areas.csv')}: zonal would write areas.csv there, over the scenario's own areas.csv; give another file name. Nothing was written.`,
      ],
    ] as const) {
      const r = await zonal([...args]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `${message}\n` });
    }
    expect((await readdir(dir)).sort()).toEqual(names);
    expect(await readFile(path.join(dir, 'providers.csv'), 'utf8')).toBe(before);
    const inside = await zonal(['solve', dir, '--out', path.join(dir, 'out')]);
    expect(inside.code, inside.stderr).toBe(0);
  });

  test('an --out that is a file: exit 2, the file untouched', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'mine', 'utf8');
    for (const command of [
      ['solve', 'scenarios/tiny'],
      ['batch', 'scenarios/hertfordshire-batch.json'],
    ]) {
      const r = await zonal([...command, '--out', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `${file}: is a file, not a folder; give --out a folder (it is made if missing). Nothing was changed there.\n`,
      );
      expect(await readFile(file, 'utf8')).toBe('mine');
    }
  });

  test.runIf(existsSync('/proc/self'))(
    'an --out folder the system refuses to make (under /proc): exit 1 with the reason, not a hang',
    async () => {
      const r = await zonal(['solve', 'scenarios/tiny', '--out', '/proc/zonal-nope/out']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        '/proc/zonal-nope/out: cannot write there: a folder cannot be made there (ENOENT); choose another --out folder or free it. Nothing was changed there.\n',
      );
      const score = await zonal(['score', 'scenarios/tiny', '--out', '/proc/zonal-nope/scores.csv']);
      expect(score.code).toBe(1);
      expect(score.stderr).toBe(
        '/proc/zonal-nope/scores.csv: cannot write there: a folder cannot be made there (ENOENT); choose another file name or folder, or free it. Nothing was changed there.\n',
      );
    },
  );

  test.each([
    ['solve', ['solve', 'scenarios/tiny']],
    ['solve --format json', ['solve', 'scenarios/tiny', '--format', 'json']],
    ['compare', ['compare', 'scenarios/tiny']],
  ])(
    '%s into a pipe its reader has closed (`| head -1`): the files are written, no stack trace',
    async (_, args) => {
      const out = await outDir();
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(repoRoot, 'bin/zonal.js'), ...args, '--out', out], {
          cwd: repoRoot,
        });
        child.stdout.destroy(); // the reader goes before zonal has printed anything
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect((await readdir(out)).length).toBeGreaterThanOrEqual(3);
    },
  );

  test('solve with a warning into a closed standard error: the files are written, exit 0', async () => {
    const out = await outDir();
    const folder = await writeScenarioFolder(
      withJson(goodFiles(), (json) => {
        json['surplus'] = 1; // an unknown top-level key: a warning on standard error
      }),
    );
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join(repoRoot, 'bin/zonal.js'), 'solve', folder, '--out', out],
        {
          cwd: repoRoot,
        },
      );
      child.stderr.destroy(); // the reader goes before zonal has warned
      child.stdout.resume();
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    expect((await readdir(out)).length).toBeGreaterThanOrEqual(3);
  });

  test('solve twice into a folder with a file of the user: both sets whole, the user file untouched', async () => {
    const out = await outDir();
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'notes.txt'), 'mine', 'utf8');
    expect((await zonal(['solve', 'scenarios/tiny', '--out', out])).code).toBe(0);
    expect((await zonal(['solve', 'scenarios/tiny', '--out', out, '--objective', 'meat'])).code).toBe(0);
    const result = JSON.parse(await readFile(path.join(out, 'result.json'), 'utf8')) as {
      objective: { kind: string };
    };
    expect(result.objective.kind).toBe('meat');
    expect((await readdir(out)).filter((n) => !n.startsWith('.')).sort()).toEqual([
      'allocations.csv',
      'lots.csv',
      'notes.txt',
      'providers.csv',
      'report.html',
      'result.json',
      'result.xlsx',
    ]);
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
