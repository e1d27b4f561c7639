/**
 * Figures the manual quotes from the bundled Hertfordshire scenario are the
 * lines zonal prints today: the status line and headline of `npm start`, what
 * each rule costs and the flags (README.md, and the rule costs again in
 * docs/scoring.md, with its worked Broxbourne cost floor and the count
 * `zonal score` ends with; the rows of its award as a baseline, in
 * docs/spreadsheets.md), and the bundled scenarios' sizes (README.md and
 * docs/sources.md). The
 * verdict of `zonal compare` quoted in docs/compare-and-batch.md is checked
 * against the command's own output by test/compare/cli.test.ts (the e2e set),
 * which runs that comparison anyway. The messages docs/scenario-files.md,
 * docs/hardening.md and docs/contract.md show for their worked mistakes (each
 * made on a copy of `zonal init` or of the county) are what the built command
 * prints for them. When a deliberate change moves them, the
 * tests print the lines to paste.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { runScenario } from '../../src/pipeline.js';
import { awardAsCurrent } from '../../src/report/baseline-csv.js';
import { formatSummary } from '../../src/report/summary.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { assertBuilt, repoRoot, zonal } from '../helpers/cli.js';
import { expectQuoted } from '../helpers/quoted.js';
import { tempDir } from '../helpers/scenario-folder.js';
import { lotEntry } from '../helpers/scenario-builder.js';

let herts: Scenario;
const run = { backend: highsBackend, timeLimit: 60, inputHash: 'readme', version: 'readme' };

beforeAll(async () => {
  const read = await readScenario(path.join(repoRoot, 'scenarios', 'hertfordshire'));
  if (read.scenario === null) throw new Error('hertfordshire does not read');
  herts = read.scenario;
});

describe('the manual quotes what zonal prints on the bundled county', () => {
  test('the bundled scenarios: areas, zone maps, providers and bids, and the batch grid', async () => {
    const read = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (read.scenario === null) throw new Error('tiny does not read');
    const tiny = read.scenario;
    const tinyZones = new Set(tiny.zonings.get(tiny.zoning)?.values()).size;
    const batch = JSON.parse(
      await readFile(path.join(repoRoot, 'scenarios/hertfordshire-batch.json'), 'utf8'),
    ) as {
      grid: Record<string, unknown[]>;
    };
    const variants = Object.values(batch.grid).reduce((n, values) => n * values.length, 1);
    const quoted = [
      `(${herts.areas.length} areas)`,
      `${herts.providers.length} fictional providers`,
      `${herts.bids.length} bids`,
      `${tiny.areas.length} areas, ${tinyZones} zones, ${tiny.providers.length} providers, ${tiny.bids.length} bids`,
      `${variants}-variant grid`,
    ];
    expectQuoted('README.md', quoted);
    expectQuoted(
      'docs/sources.md',
      quoted.map((q) => q.replace(' fictional providers', ' fictional')),
    );
  });

  test('npm start: the headline figures, what each rule costs and the flags', async () => {
    const outcome = await runScenario(herts, { ...run, ruleCosts: true });
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const text = formatSummary(outcome.result).split('\n');
    const headline = text.filter((l) => l.startsWith('Annual cost ') || /^Risk \d+\/100/.test(l));
    const rules = text.filter((l) =>
      /^ {2}(share-cap|packages|lead-secondary|min-providers|quality-threshold|lots-cap) \(/.test(l),
    );
    const flags = text.filter((l) => l.startsWith('Flags ('));
    // The status line's model size is quoted too; the solve time is the one figure that varies.
    const status = text
      .filter((l) => l.startsWith('Status: '))
      .map((l) => l.replace(/, [\d.]+ s, /, ', 0.35 s, '));
    expect(status).toHaveLength(1);
    const contract = text.filter((l) => /^ {2}(term \d|paid [a-z-]+: )/.test(l));
    expect(contract).toHaveLength(4);
    expect(headline).toHaveLength(2);
    expect(rules.length).toBeGreaterThan(0);
    expectQuoted('README.md', [...status, ...headline, ...rules, ...flags, ...contract]);
    // docs/scoring.md names the money each binding rule costs, as the rule lines say it.
    const amounts = rules.flatMap((l) => [...l.matchAll(/£[\d,]+ a year/g)].map((m) => m[0]));
    expect(amounts.length).toBeGreaterThan(0);
    expectQuoted('docs/scoring.md', amounts);
    // docs/scoring.md works Broxbourne's cost floor out step by step.
    const brx = outcome.result.lots.find((l) => l.lotId === 'standard:Z-BRX')?.costFloor;
    if (brx === undefined) throw new Error('no cost floor for standard:Z-BRX');
    const p = brx.parts;
    const cost = p.contactPay + p.travelPay + p.onCosts + p.mileage + p.overhead;
    expectQuoted('docs/scoring.md', [
      `= ${brx.mix.urban.toFixed(3)}`,
      `= ${brx.spreadKm.toFixed(2)} km`,
      `= ${brx.travelMinutesPerContactHour.toFixed(2)} |`,
      `= ${brx.milesPerContactHour.toFixed(2)} |`,
      `= £${p.travelPay.toFixed(2)} |`,
      `= £${p.onCosts.toFixed(2)} |`,
      `= £${p.mileage.toFixed(2)} |`,
      `| cost | £${cost.toFixed(2)} |`,
      `= £${p.surplus.toFixed(2)} |`,
      `**£${brx.perHour.toFixed(2)} per contact hour**`,
      `= **£${brx.wageFloorPerHour.toFixed(2)}**`,
    ]);
    // docs/scoring.md works Stevenage's risk out component by component.
    const ste = outcome.result.lots.find((l) => l.lotId === 'standard:Z-STE');
    const detail = ste?.riskDetail;
    if (ste === undefined || detail === undefined) throw new Error('no risk detail for standard:Z-STE');
    const keys = ['supply', 'n1', 'price', 'stretch', 'concentration', 'transition', 'surge', 'growth'];
    expectQuoted('docs/scoring.md', [
      ...keys.map((k) => `| \`${k}\` | ${detail[k]?.value.toFixed(2)} | ${detail[k]?.weight.toFixed(2)} |`),
      `**${ste.riskScore.toFixed(1)}**`,
      /[\d,]+ h\/week of today's [\d,]+ h\/week/.exec(detail['transition']?.reason ?? '')?.[0] ??
        'no transition',
    ]);
    // docs/spreadsheets.md says how many rows the county's award gives as next year's current.csv.
    const baseline = awardAsCurrent(outcome.result, herts, outcome.lots);
    expectQuoted('docs/spreadsheets.md', [`Hertfordshire's award gives ${baseline.length} rows`]);
  }, 180_000);

  test("docs/scoring.md: sole-backup@districts' risk and Z-SA's supply, as the back-ups' take-over counts them now", async () => {
    const lotPlan = { ...herts.lotPlan, standard: lotEntry({ structure: 'sole', backup: true }) };
    const outcome = await runScenario({ ...herts, zoning: 'districts', lotPlan }, run);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const sa = outcome.result.lots.find((l) => l.lotId === 'standard:Z-SA');
    expectQuoted('docs/scoring.md', [
      `Z-SA's supply 0.75, now ${sa?.risk['supply']?.toFixed(2)}`,
      `the option's risk 37.6, then 38.3, now ${outcome.result.totals.riskScore.toFixed(1)} since`,
    ]);
  }, 60_000);

  test('zonal score: the count of scores and flags docs/scoring.md quotes', async () => {
    assertBuilt();
    const out = path.join(await tempDir('zonal-docs-score-'), 'scores.csv');
    const r = await zonal(['score', 'scenarios/hertfordshire', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const count = r.stdout.split('\n').filter((l) => / bid × lot scores; /.test(l));
    expect(count).toHaveLength(1);
    expectQuoted('docs/scoring.md', count);
  });
});

/** A copy of the folder `from`, with each file's text changed by `edit`. */
async function copyOf(
  from: string,
  edit: Readonly<Record<string, (text: string) => string>>,
): Promise<string> {
  const dir = path.join(await tempDir('zonal-docs-'), 'bad');
  await cp(from, dir, { recursive: true });
  for (const [file, change] of Object.entries(edit)) {
    const where = path.join(dir, file);
    const before = await readFile(where, 'utf8');
    const after = change(before);
    expect(after, `the recipe changes nothing in ${file}`).not.toBe(before);
    await writeFile(where, after, 'utf8');
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

type Edit = Readonly<Record<string, (text: string) => string>>;
const json = (change: (t: string) => string): Edit => ({ 'scenario.json': change });

/** The mistakes a page works through: on what it is made (a copy of `zonal init`, or of the county), the change, and where the page's quote stops. */
const mistakes: readonly (readonly [string, string, 'init' | 'county', Edit, RegExp | undefined])[] = (() => {
  const bad: Edit = {
    'bids.csv': (t) => t.replace('B02,P-BIRCH,standard,Z-NORTH,', 'B02,P-BIRCH,standard,Z9,'),
    'demand.csv': (t) => t.replace(/^N1,standard,2027,.*$/m, 'N1,standard,2027,100,110,1350.0'),
    'zones-two.csv': (t) => t.replace(/^N3,.*\n/m, ''),
  };
  return [
    ['docs/scenario-files.md', 'B02 to Z9, a low above central, N3 in no zone', 'init', bad, undefined],
    [
      'docs/scenario-files.md',
      'the same with "leadShare": 1.2',
      'init',
      { ...bad, ...json((t) => t.replace('"leadShare": 0.8', '"leadShare": 1.2')) },
      undefined,
    ],
    [
      'docs/scenario-files.md',
      'a comma after "unmetPenaltyPerHour": 1000',
      'init',
      json((t) => t.replace('"unmetPenaltyPerHour": 1000', '"unmetPenaltyPerHour": 1000,')),
      / \(JSON allows/,
    ],
    [
      'docs/scenario-files.md',
      '"zoning": "three" pasted below "zoning": "two"',
      'init',
      json((t) => t.replace('"zoning": "two",', '"zoning": "two",\n  "zoning": "three",')),
      /: JSON keeps only/,
    ],
    [
      'docs/scenario-files.md',
      '"qualityWeight": 0.7 alone',
      'init',
      json((t) =>
        t.replace(/\s*"priceWeight": 0.4,/, '').replace('"qualityWeight": 0.6', '"qualityWeight": 0.7'),
      ),
      /, not 100: /,
    ],
    [
      'docs/hardening.md',
      'a note under areas.csv and a totals row under demand.csv',
      'init',
      {
        'areas.csv': (t) => `${t}Source: ONS mid-2021 estimates\n`,
        'demand.csv': (t) => `${t}Total,,,4914\n`,
      },
      undefined,
    ],
    [
      'docs/hardening.md',
      'the county with rurality "Urbn" on line 2 of areas.csv',
      'county',
      { 'areas.csv': (t) => t.replace(/^(BRX-CHE,.*),urban,/m, '$1,Urbn,') },
      undefined,
    ],
    [
      'docs/contract.md',
      'the county with "startPeriod": "27", "yers": 5, "years": 0 and "discountRate": 0.35',
      'county',
      json((t) =>
        t
          .replace('"startPeriod": "2027",', '"startPeriod": "27",\n    "yers": 5,')
          .replace('"years": 5,', '"years": 0,')
          .replace('"discountRate": 0.035', '"discountRate": 0.35'),
      ),
      undefined,
    ],
    [
      'docs/contract.md',
      'the county with "maxAnnualBudget": 0',
      'county',
      json((t) =>
        t.replace('"unmetPenaltyPerHour": 1000', '"unmetPenaltyPerHour": 1000,\n    "maxAnnualBudget": 0'),
      ),
      undefined,
    ],
    [
      'docs/contract.md',
      'the county with a "transition" and no files.current',
      'county',
      json((t) =>
        t
          .replace(',\n    "current": "current.csv"', '')
          .replace('\n  "payment": {', '\n  "transition": {},\n  "payment": {'),
      ),
      / \(today's caseload/,
    ],
  ];
})();

describe('the pages quote what zonal validate prints for their worked mistakes', () => {
  let init = '';
  beforeAll(async () => {
    assertBuilt();
    init = path.join(await tempDir('zonal-docs-init-'), 'init');
    const made = await zonal(['init', init]);
    expect(made.code, made.stderr).toBe(0);
  });

  test.concurrent.each(mistakes)('%s: %s', async (page, _name, base, edit, cut) => {
    const from = base === 'init' ? init : path.join(repoRoot, 'scenarios', 'hertfordshire');
    const r = await zonal(['validate', await copyOf(from, edit)]);
    const printed = `${r.stderr}${r.stdout}`;
    const lines = linesOf(printed, cut).filter((l) =>
      /^(scenario\.json|[a-z-]+\.csv):\d|problems found/.test(l),
    );
    expect(lines.length, printed).toBeGreaterThan(0);
    expectQuoted(page, lines);
  });

  test('docs/structures.md: the county with prime-secondaries lots, exit 3 and why', async () => {
    const prime =
      '"standard": { "geography": "zone", "structure": "prime-secondaries", "primeShare": 0.6, "secondaries": 2 }';
    const dir = await copyOf(
      path.join(repoRoot, 'scenarios', 'hertfordshire'),
      json((t) => t.replace(/"standard": \{[^}]*\}/, prime)),
    );
    const r = await zonal(['solve', dir, '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(3);
    const ways = linesOf(r.stdout).filter((l) => /^ {2}\d\. /.test(l));
    expect(ways.length).toBeGreaterThan(0);
    expectQuoted(
      'docs/structures.md',
      ways.map((l) => l.trim()),
    );
  });

  test('docs/scenario-files.md: zonal solve with award.minDistinctProviders 4, exit 3 and the way out', async () => {
    const dir = await copyOf(
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
