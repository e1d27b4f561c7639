/**
 * Figures the manual quotes from the bundled Hertfordshire scenario are the
 * lines zonal prints today: the headline of `npm start`, what each rule costs
 * and the flags (README.md, and the rule costs again in docs/scoring.md). The
 * verdict of `zonal compare` quoted in docs/compare-and-batch.md is checked
 * against the command's own output by test/compare/cli.test.ts (the e2e set),
 * which runs that comparison anyway. The messages docs/scenario-files.md shows
 * for its worked mistakes (each made on a copy of `zonal init`) are what the
 * built command prints for them. When a deliberate change moves them, the
 * tests print the lines to paste.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { runScenario } from '../../src/pipeline.js';
import { formatSummary } from '../../src/report/summary.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { assertBuilt, repoRoot, zonal } from '../helpers/cli.js';
import { expectQuoted } from '../helpers/quoted.js';
import { tempDir } from '../helpers/scenario-folder.js';

let herts: Scenario;
const run = { backend: highsBackend, timeLimit: 60, inputHash: 'readme', version: 'readme' };

beforeAll(async () => {
  const read = await readScenario(path.join(repoRoot, 'scenarios', 'hertfordshire'));
  if (read.scenario === null) throw new Error('hertfordshire does not read');
  herts = read.scenario;
});

describe('the manual quotes what zonal prints on the bundled county', () => {
  test('npm start: the headline figures, what each rule costs and the flags', async () => {
    const outcome = await runScenario(herts, { ...run, ruleCosts: true });
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const text = formatSummary(outcome.result).split('\n');
    const headline = text.filter((l) => l.startsWith('Annual cost ') || /^Risk \d+\/100/.test(l));
    const rules = text.filter((l) =>
      /^ {2}(share-cap|packages|lead-secondary|min-providers|quality-threshold|lots-cap) \(/.test(l),
    );
    const flags = text.filter((l) => l.startsWith('Flags ('));
    const contract = text.filter((l) => /^ {2}(term \d|paid [a-z-]+: )/.test(l));
    expect(contract).toHaveLength(4);
    expect(headline).toHaveLength(2);
    expect(rules.length).toBeGreaterThan(0);
    expectQuoted('README.md', [...headline, ...rules, ...flags, ...contract]);
    // docs/scoring.md names the money each binding rule costs, as the rule lines say it.
    const amounts = rules.flatMap((l) => [...l.matchAll(/£[\d,]+ a year/g)].map((m) => m[0]));
    expect(amounts.length).toBeGreaterThan(0);
    expectQuoted('docs/scoring.md', amounts);
  }, 180_000);
});

/** A copy of what `zonal init` writes, with each file's text changed by `edit`. */
async function initCopy(
  init: string,
  edit: Readonly<Record<string, (text: string) => string>>,
): Promise<string> {
  const dir = path.join(await tempDir('zonal-docs-'), 'bad');
  await cp(init, dir, { recursive: true });
  for (const [file, change] of Object.entries(edit)) {
    const where = path.join(dir, file);
    await writeFile(where, change(await readFile(where, 'utf8')), 'utf8');
  }
  return dir;
}

/**
 * The printed lines, each cut before `cut` when it holds it (the page quotes the
 * start, then "…"), and the count of problems without the advice after it.
 */
const linesOf = (printed: string, cut?: RegExp) =>
  printed
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (cut === undefined ? l : (l.split(cut)[0] ?? l)))
    .map((l) => /^\d+ problems found/.exec(l)?.[0] ?? l);

describe('docs/scenario-files.md quotes what zonal prints for its worked mistakes', () => {
  let init = '';
  beforeAll(async () => {
    assertBuilt();
    init = path.join(await tempDir('zonal-docs-init-'), 'init');
    const made = await zonal(['init', init]);
    expect(made.code, made.stderr).toBe(0);
  });

  const bad = {
    'bids.csv': (t: string) => t.replace('B02,P-BIRCH,standard,Z-NORTH,', 'B02,P-BIRCH,standard,Z9,'),
    'demand.csv': (t: string) => t.replace(/^N1,standard,2027,.*$/m, 'N1,standard,2027,100,110,1350.0'),
    'zones-two.csv': (t: string) => t.replace(/^N3,.*\n/m, ''),
  };
  const json = (change: (t: string) => string) => ({ 'scenario.json': change });

  test.concurrent.each([
    ['B02 to Z9, a low above central, N3 in no zone', bad, undefined],
    [
      'the same with "leadShare": 1.2',
      { ...bad, ...json((t) => t.replace('"leadShare": 0.8', '"leadShare": 1.2')) },
      undefined,
    ],
    [
      'a comma after "unmetPenaltyPerHour": 1000',
      json((t) => t.replace('"unmetPenaltyPerHour": 1000', '"unmetPenaltyPerHour": 1000,')),
      / \(JSON allows/,
    ],
    [
      '"zoning": "three" pasted below "zoning": "two"',
      json((t) => t.replace('"zoning": "two",', '"zoning": "two",\n  "zoning": "three",')),
      /: JSON keeps only/,
    ],
    [
      '"qualityWeight": 0.7 alone',
      json((t) =>
        t.replace(/\s*"priceWeight": 0.4,/, '').replace('"qualityWeight": 0.6', '"qualityWeight": 0.7'),
      ),
      /, not 100: /,
    ],
  ] as const)('zonal validate: %s', async (_name, edit, cut) => {
    const r = await zonal(['validate', await initCopy(init, edit)]);
    const printed = `${r.stderr}${r.stdout}`;
    const lines = linesOf(printed, cut).filter((l) =>
      /^(scenario\.json|[a-z-]+\.csv):\d|problems found/.test(l),
    );
    expect(lines.length, printed).toBeGreaterThan(0);
    expectQuoted('docs/scenario-files.md', lines);
  });

  test('zonal solve with award.minDistinctProviders 4: exit 3 and the way out', async () => {
    const dir = await initCopy(
      init,
      json((t) => t.replace('"minDistinctProviders": 2', '"minDistinctProviders": 4')),
    );
    const r = await zonal(['solve', dir, '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(3);
    const lines = linesOf(r.stdout).filter((l) => /^(Status: |This change| {2}1\. )/.test(l));
    expect(lines).toHaveLength(3);
    expectQuoted('docs/scenario-files.md', lines);
  });
});
