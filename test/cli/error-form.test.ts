/**
 * One form for every error (docs/commands.md, "Errors"): `where: what is
 * wrong; how to fix it`, where `where` is a file and line, a flag and its
 * value, a path, or `zonal <command>`; never commander's `error: …`, never a
 * bare `zonal: …`. A handful of different mistakes, each through the built binary.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, zonal } from '../helpers/cli.js';
import { goodFiles, tempDir, withLine, writeScenarioFolder } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

/** The one form: the first line starts with its place (a command, a flag and value, a path or file and line), then ": ". */
const oneForm = /^(?!(?:zonal|error):)(?:zonal [a-z]+|--[a-z][\w-]*(?: [^\s:]+)?|[\w./~-]+(?::\d+)?): \S/;

async function firstLine(args: readonly string[]): Promise<{ code: number | null; line: string }> {
  const r = await zonal(args);
  return { code: r.code, line: r.stderr.split('\n')[0] ?? '' };
}

describe('every error in one form', () => {
  test('flag mistakes commander catches are said in zonal words, each naming its flag', async () => {
    const tiny = 'scenarios/tiny';
    const out = path.join(await tempDir(), 'out');
    const cases: readonly [readonly string[], string][] = [
      [
        ['solve', tiny, '--objctive', 'meat', '--out', out],
        '--objctive: zonal solve has no such flag; did you mean --objective? (zonal solve --help lists its flags)',
      ],
      [
        ['solve', tiny, '--objective', 'x', '--out', out],
        '--objective x: choose one of cost, meat or whole-life',
      ],
      [
        ['solve', tiny, '--solver', 'gurobi', '--out', out],
        '--solver gurobi: choose one of highs, jslp or cbc',
      ],
      [['solve', tiny, '--out'], '--out: give its value after it (--out <dir>)'],
      [
        ['solve'],
        'zonal solve: the <scenario> is missing; give it after the command, as in zonal solve my-county (zonal solve --help says more)',
      ],
      [
        ['batch'],
        'zonal batch: the <batch> is missing; give it after the command, as in zonal batch my-batch.json (zonal batch --help says more)',
      ],
      [
        ['solve', 'My', 'County', '--out', out],
        'zonal solve: takes one argument, not 2: a name with spaces needs quotes ("My County"), and a flag\'s value goes right after the flag',
      ],
      [['slove', tiny], 'slove: zonal has no such command; did you mean solve? (zonal --help lists them)'],
      [
        ['--out', out, 'solve', tiny],
        '--out: zonal takes its flags after the command and its scenario, as in zonal solve my-county --out …',
      ],
    ];
    for (const [args, expected] of cases) {
      const r = await zonal(args);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 2, stderr: `${expected}\n` });
      expect(r.stderr).toMatch(oneForm);
    }
  });

  test('a bad scenario file, an unwritable --out, a zones request and a bad --zoning: the same form', async () => {
    const dir = await tempDir();
    const bids = goodFiles()['bids.csv'] ?? '';
    const badBids = await writeScenarioFolder({
      ...goodFiles(),
      'bids.csv': withLine(bids, 3, 'B2,P9,standard,Z1,25,500,any,'),
    });
    const settings = goodFiles()['scenario.json'] ?? '';
    const twice = settings.replace('"period": "2027",', '"period": "2027",\n  "period": "2028",');
    const periodLine = twice.split('\n').findIndex((l) => l.includes('"2028"')) + 1;
    const twiceKey = await writeScenarioFolder({ ...goodFiles(), 'scenario.json': twice });
    const afile = path.join(dir, 'afile');
    await writeFile(afile, 'mine', 'utf8');
    const runs = [
      ['validate', badBids],
      ['validate', twiceKey],
      ['solve', 'scenarios/tiny', '--out', afile],
      ['zones', 'scenarios/tiny', '--count', '50', '--out', path.join(dir, 'z')],
      ['solve', 'scenarios/tiny', '--zoning', 'nope', '--out', path.join(dir, 'o')],
      ['compare', 'scenarios/tiny', '--zonings', 'nope', '--out', path.join(dir, 'c')],
      ['compare', 'scenarios/tiny', '--zonings', 'two,one,two', '--out', path.join(dir, 'c')],
      ['init', 'scenarios/tiny'],
    ] as const;
    const lines = [];
    for (const args of runs) {
      const { code, line } = await firstLine(args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(line).toMatch(oneForm);
      lines.push(line);
    }
    expect(lines).toEqual([
      'bids.csv:3: unknown provider "P9": it is not in providers.csv',
      `scenario.json:${periodLine}: "period" is given twice at the top of the file (first at line ${periodLine - 1}): JSON keeps only the last, so the first is lost; give each key once`,
      `${afile}: is a file, not a folder; give --out a folder (it is made if missing). Nothing was changed there.`,
      'zonal zones: --count 50 asks for more zones than there are areas (6): give at most 6. Nothing was written.',
      '--zoning nope: the scenario has no such zoning; choose from two, one',
      '--zonings nope: no such zoning; choose from two, one. Nothing was written.',
      '--zonings two,one,two: "two" is named more than once; name each zoning once, from two, one. Nothing was written.',
      'scenarios/tiny: is not empty (8 items); give a new or empty folder so nothing is overwritten',
    ]);
    expect(await readdir(dir)).toEqual(['afile']);
  });
});
