/**
 * `zonal compare`, `zonal batch` and `zonal solve --samples` through the built binary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, repoRoot, spawnZonal, zonal, zonalWithFileLimit } from '../helpers/cli.js';
import { expectQuoted, verdictLines } from '../helpers/quoted.js';
import { tempDir } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

async function outDir(): Promise<string> {
  return path.join(await tempDir('zonal-out-'), 'out');
}

interface JsonRow {
  key: string;
  error: string | null;
  metrics: { status: string; annualCost: number; riskScore: number } | null;
  dominatedBy: string[];
}

/**
 * The rows of docs/zones.md's award table (`| option @ zoning | annual cost | £/hour |
 * unmet | risk | viability mean / worst | providers | largest share | HHI |`) that
 * differ from the printed comparison, each with the row as printed now.
 */
function zonesPageRows(printed: string): string[] {
  const now = new Map<string, string>();
  for (const line of printed.split('\n')) {
    const c = line.trim().split(/\s+/);
    if (c.length < 14 || !/^\d+$/.test(c[0] ?? '')) continue;
    const [, option, zoning, , cost, , perHour, unmet, risk, mean, worst, providers, largest, hhi] = c;
    now.set(
      `${option} @ ${zoning}`,
      `| ${option} @ ${zoning} | ${cost} | ${perHour} | ${unmet} | ${risk} | ${mean} / ${worst} | ${providers} | ${largest} | ${hhi} |`,
    );
  }
  const page = readFileSync(path.join(repoRoot, 'docs/zones.md'), 'utf8');
  const rows = page.split('\n').filter((l) => /^\| (?!option @)[a-z0-9-]+ @ [a-z0-9-]+ \|/.test(l));
  expect(rows.length).toBeGreaterThan(0);
  return rows
    .filter((row) => now.get(/^\| (.+?) \|/.exec(row)?.[1] ?? '') !== row)
    .map(
      (row) => `${row}\n  printed now: ${now.get(/^\| (.+?) \|/.exec(row)?.[1] ?? '') ?? 'no such option'}`,
    );
}

describe.concurrent('zonal compare', () => {
  test('on the bundled scenario: every option × zoning ranked, with the verdict printed and both files written', async () => {
    const out = await outDir();
    const r = await zonal(['compare', 'scenarios/hertfordshire', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(out, 'comparison.json'), 'utf8')) as {
      rows: JsonRow[];
      cheapest: string;
      leastRisky: string;
      dominated: string[];
      notBuyable: string[];
    };
    expect(json.rows.length).toBe(7 * 4 + 1); // 4 zonings: districts, twelve, quadrants, designed
    // Contract: notBuyable lists the options that leave hours unmet; cheapest and leastRisky never name one.
    expect(Array.isArray(json.notBuyable)).toBe(true);
    expect(json.notBuyable.length).toBeGreaterThan(0);
    expect(json.notBuyable).not.toContain(json.cheapest);
    expect(json.notBuyable).not.toContain(json.leastRisky);
    expect(r.stdout).toContain('Cannot be bought as specified');
    for (const row of json.rows) expect(row.error, row.key).toBeNull();
    const cheapest = json.rows.find((row) => row.key === json.cheapest);
    expect(r.stdout).toContain(`Cheapest: ${json.cheapest.split('@')[0] ?? ''}`);
    expect(r.stdout).toContain(`Least risky: ${json.leastRisky.split('@')[0] ?? ''}`);
    expect(r.stdout).toMatch(/Dominated/);
    expect(cheapest?.dominatedBy).toEqual([]);
    const csv = (await readFile(path.join(out, 'comparison.csv'), 'utf8')).trim().split('\n');
    expect(csv.length).toBe(json.rows.length + 1);
    const report = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(report).toContain('comparison of options');
    // docs/compare-and-batch.md quotes this verdict and the number of options, as printed now.
    const verdict = verdictLines(r.stdout);
    expect(verdict.length).toBeGreaterThan(5);
    expectQuoted('docs/compare-and-batch.md', [...verdict, `(${json.rows.length} options:`]);
    // docs/zones.md sets the designed map beside the hand-drawn ones with rows of this table.
    expect(zonesPageRows(r.stdout)).toEqual([]);
  }, 180_000); // 29 solves of the county (four zonings): slow on a busy machine

  test('--zonings and --options pick a subset; --format json prints comparison.json', async () => {
    const out = await outDir();
    const r = await zonal([
      'compare',
      'scenarios/tiny',
      '--zonings',
      'two',
      '--options',
      'sole,lead-50-50',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { rows: JsonRow[] };
    expect(json.rows.map((row) => row.key).sort()).toEqual(['lead-50-50@two', 'sole@two']);
  });

  test('an unknown zoning: exit 2, nothing written', async () => {
    const out = await outDir();
    const r = await zonal(['compare', 'scenarios/tiny', '--zonings', 'nine', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--zonings nine: no such zoning; choose from two, one/);
    expect(existsSync(out)).toBe(false);
  });

  test('a list of no names is bad input, not a comparison of nothing (or of the county framework alone)', async () => {
    const out = await outDir();
    for (const [flag, example] of [
      ['--zonings', 'districts,twelve'],
      ['--options', 'sole,lead-80-20'],
    ] as const) {
      const r = await zonal(['compare', 'scenarios/tiny', flag, ',', '--out', out]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({
        code: 2,
        stderr: `${flag} ",": give at least one name, e.g. ${flag} ${example}\n`,
      });
    }
    expect(existsSync(out)).toBe(false);
  });
});

/** A copy of the tiny scenario at `base` whose `table`'s first row has `value` in `column`. */
async function tinyWith(base: string, table: string, column: string, value: string): Promise<void> {
  await cp(path.join(repoRoot, 'scenarios/tiny'), base, { recursive: true });
  const lines = (await readFile(path.join(base, table), 'utf8')).split('\n');
  const row = (lines[1] ?? '').split(',');
  row[(lines[0] ?? '').split(',').indexOf(column)] = value;
  lines[1] = row.join(',');
  await writeFile(path.join(base, table), lines.join('\n'));
}

/** `zonal batch` on a batch.json over the tiny scenario whose grid holds `lines` (from line 4): what it printed, and whether it wrote its --out folder. */
async function tinyGridRefused(lines: readonly string[]) {
  const dir = await tempDir('zonal-batch-');
  const file = path.join(dir, 'batch.json');
  const base = JSON.stringify(path.join(repoRoot, 'scenarios', 'tiny'));
  await writeFile(
    file,
    ['{', `  "base": ${base},`, '  "grid": {', ...lines.map((l) => `    ${l}`), '  }', '}'].join('\n'),
  );
  const r = await zonal(['batch', file, '--out', path.join(dir, 'out')]);
  return { code: r.code, stderr: r.stderr, stdout: r.stdout, written: existsSync(path.join(dir, 'out')) };
}

/** A batch.json over the tiny scenario with `body` (its variants or grid), in a fresh folder. */
async function tinyBatchFile(body: Record<string, unknown>) {
  const dir = await tempDir('zonal-batch-');
  const file = path.join(dir, 'batch.json');
  await writeFile(file, JSON.stringify({ base: path.join(repoRoot, 'scenarios', 'tiny'), ...body }));
  return { dir, file };
}

describe.concurrent('zonal batch', () => {
  test('runs every variant, reports the failing one and still exits 0', async () => {
    const dir = await tempDir('zonal-batch-');
    const file = path.join(dir, 'batch.json');
    await writeFile(
      file,
      JSON.stringify({
        base: path.join(repoRoot, 'scenarios', 'tiny'),
        // A combination the base cannot take (a lead share on the lot the shared option makes "sole");
        // a name the base lacks, or a variant wrong on its own (mend17b), is told before the run.
        overrides: { option: 'sole' },
        variants: [{ id: 'bad', overrides: { lots: { standard: { leadShare: 0.7 } } } }],
        grid: { demandMultiplier: [1, 1.05] },
      }),
    );
    const r = await zonal(['batch', file, '--workers', '2', '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 variants: ran 3 with 2 workers/);
    expect(r.stdout).toMatch(/1 variant failed/);
    expect(r.stderr).toBe('');
    const jsonl = (await readFile(path.join(dir, 'out', 'batch.jsonl'), 'utf8')).trim().split('\n');
    expect(jsonl.map((l) => (JSON.parse(l) as { status: string }).status)).toEqual([
      'failed',
      'optimal',
      'optimal',
    ]);
    const resumed = await zonal([
      'batch',
      file,
      '--workers',
      '2',
      '--resume',
      '--out',
      path.join(dir, 'out'),
    ]);
    // the failed variant runs again (issue 10); the finished ones are skipped, and one
    // variant left to run starts one thread, not the two asked for
    expect(resumed.stdout).toMatch(/3 variants \(2 already done, skipped\): ran 1 with 1 worker in /);
  });

  test('--resume where no earlier run wrote rows (a mistyped --out) says so before it runs every variant', async () => {
    const dir = await tempDir('zonal-batch-');
    const file = path.join(dir, 'batch.json');
    await writeFile(
      file,
      JSON.stringify({ base: path.join(repoRoot, 'scenarios', 'tiny'), grid: { zoning: ['one', 'two'] } }),
    );
    const typo = path.join(dir, 'ot');
    const r = await zonal(['batch', file, '--workers', '1', '--resume', '--out', typo]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `note: --resume found no batch.jsonl in ${typo}: no earlier rows to keep, so every variant runs (is --out the earlier run's folder?)\n`,
    );
    expect(r.stdout).toMatch(/^2 variants: ran 2 with 1 worker in /);
    // Where an earlier run wrote its files, --resume says nothing more.
    const again = await zonal(['batch', file, '--workers', '1', '--resume', '--out', typo]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^2 variants \(2 already done, skipped\): ran 0 /);
  });

  test('--resume after a base changed counts the rows run again in words that fit one or many', async () => {
    const dir = await tempDir('zonal-batch-');
    const base = path.join(dir, 'county');
    const file = path.join(dir, 'batch.json');
    const out = path.join(dir, 'out');
    const run = (resume: boolean) =>
      zonal(['batch', file, '--workers', '1', ...(resume ? ['--resume'] : []), '--out', out]);
    await tinyWith(base, 'bids.csv', 'price_per_hour', '25');
    await writeFile(file, JSON.stringify({ base: 'county', variants: [{ id: 'a' }] }));
    expect((await run(false)).code).toBe(0);
    await tinyWith(base, 'bids.csv', 'price_per_hour', '26');
    expect((await run(true)).stdout).toMatch(
      /^1 variant \(1 solved from an earlier version of its base, run again\): ran 1 /,
    );
    await writeFile(file, JSON.stringify({ base: 'county', variants: [{ id: 'a' }, { id: 'b', seed: 2 }] }));
    expect((await run(false)).code).toBe(0);
    await tinyWith(base, 'bids.csv', 'price_per_hour', '27');
    expect((await run(true)).stdout).toMatch(
      /^2 variants \(2 solved from an earlier version of their base, run again\): ran 2 /,
    );
  });

  test('mistakes of different kinds in one batch file are all told in one run, each once at its line (explore21)', async () => {
    // A misspelt key, a value of the wrong kind, a zoning the base lacks and a value wrong on its
    // own: until 2026-12-02 the batch told the first kind, and the next only once that was fixed.
    const r = await tinyGridRefused([
      '"zoning": ["one", "three"],',
      '"lots.standard.leadShare": [0.8, 80],',
      '"award.maxShareOfTotalHours": [0.5, "yes"],',
      '"award.minQualty": [50]',
    ]);
    expect(r.code).toBe(2);
    expect(r.written).toBe(false);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('batch.json:'))).toEqual([
      'batch.json:4: grid "zoning" value "three": zoning "three" is not in the scenario: choose one of two, one',
      'batch.json:5: grid "lots.standard.leadShare" value 80: lots.standard.leadShare is 80: it must be at least 0.5 and less than 1 (0.8 means 80/20); for 80% write 0.8 or "80%"',
      'batch.json:6: grid "award.maxShareOfTotalHours" value "yes": award.maxShareOfTotalHours must be a number, not text (a share may also be written "80%")',
      'batch.json:7: grid "award.minQualty" is not an award rule (did you mean "award.minQuality"?): remove it or correct its name',
    ]);
    expect(r.stderr).toContain('4 problems found: nothing was run.');
  });

  test('a bad batch.json: file:line: message, exit 2, nothing written', async () => {
    const dir = await tempDir('zonal-batch-');
    const file = path.join(dir, 'batch.json');
    await writeFile(
      file,
      ['{', '  "base": "x",', '  "grid": {', '    "demandMultiplier": [1, "lots"]', '  }', '}'].join('\n'),
    );
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^batch\.json:4: grid "demandMultiplier" value "lots"/m);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('a batch file saved as UTF-16 (Windows PowerShell\'s ">") is told so, once, exit 2, nothing written (explore11)', async () => {
    const dir = await tempDir('zonal-batch-');
    const file = path.join(dir, 'batch.json');
    const text = '\uFEFF{ "base": "tiny", "variants": [{ "id": "a" }] }\r\n';
    await writeFile(file, Buffer.from(text, 'utf16le'));
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^batch\.json: is saved as UTF-16 \("Unicode Text"\): save it as UTF-8/m);
    expect(r.stderr).not.toMatch(/not valid JSON/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('a file that cannot grow mid-batch (a full disk; here a file size limit) is one message in the form, exit 1, no stack trace, the rows so far kept (explore11)', async () => {
    const multipliers = Array.from({ length: 20 }, (_, i) => 0.8 + i / 50);
    const { dir, file } = await tinyBatchFile({
      grid: { demandMultiplier: multipliers, 'award.maxShareOfTotalHours': [0.5, 0.6, 0.7, 0.8, 0.9, 1] },
    });
    const out = path.join(dir, 'out');
    // The batch's first files fit in 40 KiB, its 120 rows do not.
    const r = await zonalWithFileLimit(40, ['batch', file, '--workers', '1', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^zonal batch: stopped, as a file could not be written: a file would be larger than this system allows \(EFBIG\); free some space, or choose another --out folder, and run again \(with --resume, the rows finished so far are kept\)$/m,
    );
    expect(r.stderr).not.toMatch(/^\s+at |node:fs|unexpected error/m);
    expect((await readFile(path.join(out, 'batch.csv'), 'utf8')).split('\n').length).toBeGreaterThan(2);
  });

  test("a batch stopped by SIGTERM (a scheduler's timeout) says how far it got and how to finish, exit 143 (explore11)", async () => {
    const dir = await tempDir('zonal-batch-');
    const out = path.join(dir, 'out');
    const child = spawnZonal([
      'batch',
      path.join(repoRoot, 'scenarios', 'hertfordshire-batch.json'),
      '--workers',
      '1',
      '--out',
      out,
    ]);
    // Once a row has landed, stop it as `timeout` would.
    const journal = path.join(out, 'batch.jsonl');
    while (!existsSync(journal) || (await readFile(journal, 'utf8')).length === 0)
      await new Promise((r) => setTimeout(r, 50));
    child.process.kill('SIGTERM');
    const r = await child.done;
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(
      /^zonal batch: stopped \(SIGTERM\) with \d+ of 504 variants done: batch\.csv and batch\.jsonl hold them; run the same command with --resume to finish the rest$/m,
    );
  });

  test('a grid value naming a zoning the base lacks: one message at its line, exit 2, nothing run (not a failed row per variant)', async () => {
    expect(
      await tinyGridRefused(['"zoning": ["two", "ones"],', '"demandMultiplier": [1, 1.1, 1.2]']),
    ).toEqual({
      code: 2,
      stderr:
        'batch.json:4: grid "zoning" value "ones": zoning "ones" is not in the scenario (did you mean "one"?): choose one of two, one\n1 problem found: nothing was run. Fix it and run again.\n',
      stdout: '',
      written: false,
    });
  });

  test('a grid value wrong on its own (a lead share of 1.5): one message at its line, exit 2, nothing run (not a failed row per variant)', async () => {
    expect(
      await tinyGridRefused(['"lots.standard.leadShare": [0.7, 1.5],', '"demandMultiplier": [1, 1.1]']),
    ).toEqual({
      code: 2,
      stderr:
        'batch.json:4: grid "lots.standard.leadShare" value 1.5: lots.standard.leadShare is 1.5: it must be at least 0.5 and less than 1 (0.8 means 80/20)\n1 problem found: nothing was run. Fix it and run again.\n',
      stdout: '',
      written: false,
    });
  });

  test("a base with a mistake: its file:line once, exit 2, nothing run, ending as a batch file's mistakes end (not a failed row per variant)", async () => {
    const dir = await tempDir('zonal-batch-');
    await tinyWith(path.join(dir, 'my county'), 'demand.csv', 'hours_per_week', '-5');
    const file = path.join(dir, 'batch.json');
    await writeFile(file, JSON.stringify({ base: 'my county', grid: { demandMultiplier: [1, 1.1, 1.2] } }));
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'my county/demand.csv:2: hours_per_week must not be negative (got "-5")\n1 problem found: nothing was run. Fix it and run again.\n',
    );
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('a base with a mistake and a batch file with one: both told in one run (explore21)', async () => {
    // Until 2026-12-02 the base's mistake alone was told, and the batch file's only once it was fixed.
    const dir = await tempDir('zonal-batch-');
    await tinyWith(path.join(dir, 'my county'), 'demand.csv', 'hours_per_week', '-5');
    const file = path.join(dir, 'batch.json');
    await writeFile(file, '{\n  "base": "my county",\n  "grid": { "demandMultiplier": [1, "1,1"] }\n}\n');
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        // mend17b: until then "must be a number, not text", without the decimal comma's hint.
        'batch.json:3: grid "demandMultiplier" value "1,1": demandMultiplier must be a number: "1,1" uses a comma as the decimal point: write 1.1 (commas may only separate thousands, as in 1,200)',
        'my county/demand.csv:2: hours_per_week must not be negative (got "-5")',
        // One ending for one command: until 2026-12-02 "nothing was written" here, "nothing was run" without the base's.
        '2 problems found: nothing was run. Fix them and run again.',
        '',
      ].join('\n'),
    );
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test("a base's warning is printed once, with its folder, and the batch runs", async () => {
    const dir = await tempDir('zonal-batch-');
    await tinyWith(path.join(dir, 'county'), 'providers.csv', 'max_hours_per_week', '0');
    const file = path.join(dir, 'batch.json');
    await writeFile(file, JSON.stringify({ base: 'county', grid: { demandMultiplier: [1, 1.1, 1.2] } }));
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/warning/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/^county\/providers\.csv:2: warning: max_hours_per_week is 0/m);
    expect(r.stdout).toMatch(/3 variants: ran 3/);
  });

  test("a batch file read as Windows-1252 is told to check its bases' currency, once they are read: € for a base that prices in euros", async () => {
    // Until 2026-12-02 it said "check that £ …" whatever the bases' currency.
    const dir = await tempDir('zonal-batch-');
    await cp(path.join(repoRoot, 'scenarios', 'tiny'), path.join(dir, 'county'), { recursive: true });
    const json = path.join(dir, 'county', 'scenario.json');
    // With its cost model and spot price written (the figures it means in euros): left out, they are a warning of their own (explore22).
    await writeFile(
      json,
      (await readFile(json, 'utf8'))
        .replace(
          '"currency": "GBP"',
          '"currency": "EUR", "costModel": {"wagePerHour": 12.71, "mileageRatePerMile": 0.45, "overheadPerHour": 9.49}',
        )
        .replace('"unmetPenaltyPerHour": 1000', '"unmetPenaltyPerHour": 1000, "spotPricePerHour": 32.14'),
    );
    const file = path.join(dir, 'batch.json');
    const batch =
      '{\n  "name": "Café grid",\n  "base": "county",\n  "grid": { "demandMultiplier": [1] }\n}\n';
    await writeFile(file, Buffer.from(batch, 'latin1'));
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      'batch.json:2: warning: is not UTF-8, so it was read as Windows-1252 (what an older Notepad saves as "ANSI"): check that € and accented names look right, or save it as UTF-8 (in Notepad: File > Save As, Encoding "UTF-8")\n',
    );
  });

  // explore22: until then nothing said a cross-border batch's rows were in two currencies.
  test('a batch over a base in euros and one in pounds says, after its outcome, that money adds up only within one currency', async () => {
    const dir = await tempDir('zonal-batch-');
    await cp(path.join(repoRoot, 'scenarios', 'tiny'), path.join(dir, 'ie'), { recursive: true });
    await cp(path.join(repoRoot, 'scenarios', 'tiny'), path.join(dir, 'ni'), { recursive: true });
    const json = path.join(dir, 'ie', 'scenario.json');
    await writeFile(json, (await readFile(json, 'utf8')).replace('"currency": "GBP"', '"currency": "EUR"'));
    const file = path.join(dir, 'batch.json');
    await writeFile(file, '{ "base": "ie", "variants": [ { "id": "a" }, { "id": "b", "base": "ni" } ] }\n');
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out'), '--workers', '1'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "No variant failed.\nThe bases price in more than one currency: EUR (ie), GBP (ni). Each row's money is in its base's currency (the currency column of batch.csv, batch.jsonl and batch.xlsx's variants sheet): compare or add up money only between rows of one currency\nWritten: ",
    );
    // mend17b: until then batch.csv and batch.jsonl did not say it, and a reader had to look up each base.
    const csv = (await readFile(path.join(dir, 'out', 'batch.csv'), 'utf8')).trim().split('\n');
    expect(csv.map((line) => line.split(',').at(-1))).toEqual(['currency', 'EUR', 'GBP']);
    const jsonl = (await readFile(path.join(dir, 'out', 'batch.jsonl'), 'utf8')).trim().split('\n');
    expect(jsonl.map((line) => (JSON.parse(line) as { currency?: string }).currency)).toEqual(['EUR', 'GBP']);
  });

  test("a base's tender warning (a distinct-winners rule no bids can meet) is printed once, at its line, before the run", async () => {
    const dir = await tempDir('zonal-batch-');
    const base = path.join(dir, 'county');
    await cp(path.join(repoRoot, 'scenarios/tiny'), base, { recursive: true });
    const json = await readFile(path.join(base, 'scenario.json'), 'utf8');
    await writeFile(
      path.join(base, 'scenario.json'),
      json.replace('"minDistinctProviders": 2', '"minDistinctProviders": 5'),
    );
    const line = json.split('\n').findIndex((l) => l.includes('minDistinctProviders')) + 1;
    const file = path.join(dir, 'batch.json');
    await writeFile(file, JSON.stringify({ base: 'county', grid: { demandMultiplier: [1, 1.1] } }));
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `county/scenario.json:${line}: warning: award.minDistinctProviders is 5, but only 3 providers have an eligible bid for any lot: no award can meet it; lower it to 3, or see which bids were rejected\n`,
    );
    expect(r.stdout).toMatch(/2 variants: ran 2/);
  });

  test('one variant is "1 variant", not "1 variants"', async () => {
    const { dir, file } = await tinyBatchFile({ variants: [{}] });
    const r = await zonal(['batch', file, '--workers', '1', '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^1 variant: ran 1 with 1 worker in /);
  });

  test('no more worker threads start than there are variants: --workers 16 (or a 16-core default) for 2 variants starts 2 (explore11)', async () => {
    const { dir, file } = await tinyBatchFile({
      variants: [{ id: 'a' }, { id: 'b', overrides: { zoning: 'one' } }],
    });
    const r = await zonal(['batch', file, '--workers', '16', '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2 variants: ran 2 with 2 workers in /);
  });

  test("a base that is not a scenario folder is told at the line that names it, as the batch file's other mistakes", async () => {
    const dir = await tempDir('zonal-batch-');
    const file = path.join(dir, 'batch.json');
    const tiny = JSON.stringify(path.join(repoRoot, 'scenarios', 'tiny'));
    await writeFile(
      file,
      `{\n  "base": ${tiny},\n  "variants": [\n    { "id": "a" },\n    { "id": "b", "base": "countee" }\n  ]\n}\n`,
    );
    const out = path.join(dir, 'out');
    const r = await zonal(['batch', file, '--out', out]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr: `batch.json:5: base "countee" is not a scenario folder or workbook (no scenario.json in ${path.join(dir, 'countee')}): give a folder or .xlsx file relative to the batch file\n1 problem found: nothing was run. Fix it and run again.\n`,
    });
    expect(existsSync(out)).toBe(false);
    // A scenario folder beside it with a name close to the one written is offered.
    await cp(path.join(repoRoot, 'scenarios', 'tiny'), path.join(dir, 'hertfordshire'), { recursive: true });
    await writeFile(file, '{\n  "base": "hertfordshir",\n  "variants": [{ "id": "a" }]\n}\n');
    const near = await zonal(['batch', file, '--out', out]);
    expect(near.stderr).toBe(
      `batch.json:2: base "hertfordshir" is not a scenario folder or workbook (no scenario.json in ${path.join(dir, 'hertfordshir')}; did you mean "hertfordshire"?): give a folder or .xlsx file relative to the batch file\n1 problem found: nothing was run. Fix it and run again.\n`,
    );
  });

  // mend17b: until then the first missing base alone was told, after the file's other mistakes whatever their lines.
  test("every base that is not a scenario folder is told, each at its line, in the file's order with its other mistakes", async () => {
    const dir = await tempDir('zonal-batch-');
    await cp(path.join(repoRoot, 'scenarios', 'tiny'), path.join(dir, 'tiny'), { recursive: true });
    const file = path.join(dir, 'batch.json');
    await writeFile(
      file,
      [
        '{',
        '  "base": "tiny",',
        '  "variants": [',
        '    { "id": "a", "base": "tinny" },',
        '    { "id": "b", "base": "nowhere" }',
        '  ],',
        '  "grid": { "zonning": ["one", "two"] }',
        '}',
      ].join('\n'),
    );
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr: [
        `batch.json:4: base "tinny" is not a scenario folder or workbook (no scenario.json in ${path.join(dir, 'tinny')}; did you mean "tiny"?): give a folder or .xlsx file relative to the batch file`,
        `batch.json:5: base "nowhere" is not a scenario folder or workbook (no scenario.json in ${path.join(dir, 'nowhere')}): give a folder or .xlsx file relative to the batch file`,
        'batch.json:7: grid "zonning" is not an override (did you mean "zoning"?): remove it or correct its name',
        '3 problems found: nothing was run. Fix them and run again.',
        '',
      ].join('\n'),
    });
  });

  // mend17b: until then "tender.xlsx:1: is not valid JSON at column 1 (InvalidSymbol): check the quotes, commas and brackets there".
  test('a workbook given as the batch file is told how to make a batch of it, and how to solve it once', async () => {
    const dir = await tempDir('zonal-batch-');
    const workbook = path.join(dir, 'tender.xlsx');
    expect((await zonal(['init', '--xlsx', workbook])).code).toBe(0);
    const r = await zonal(['batch', workbook, '--out', path.join(dir, 'out')]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr:
        'tender.xlsx: is a workbook, not a batch file: a batch file is JSON that names the workbook as its "base", e.g. {"base": "tender.xlsx", "grid": {"demandMultiplier": [1, 1.1]}}: save it as batch.json beside the workbook and run zonal batch on it (docs/compare-and-batch.md, "The batch file"); to solve the workbook as it is, run zonal solve tender.xlsx\n1 problem found: nothing was run. Fix it and run again.\n',
    });
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('a base that is not a scenario folder, and --workers 0: exit 2', async () => {
    const dir = await tempDir('zonal-batch-');
    const file = path.join(dir, 'batch.json');
    await writeFile(file, JSON.stringify({ base: 'nowhere', grid: { zoning: ['one'] } }));
    const r = await zonal(['batch', file, '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/base "nowhere" is not a scenario folder/);
    const w = await zonal(['batch', file, '--workers', '0']);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/--workers 0/);
  });
});

describe.concurrent('zonal solve --samples', () => {
  test('the same seed gives the same demand-samples.json', async () => {
    const [a, b] = [await outDir(), await outDir()];
    const ra = await zonal(['solve', 'scenarios/tiny', '--samples', '200', '--seed', '11', '--out', a]);
    const rb = await zonal(['solve', 'scenarios/tiny', '--samples', '200', '--seed', '11', '--out', b]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code).toBe(0);
    expect(ra.stdout).toMatch(/Demand uncertainty \(200 samples, seed 11/);
    const sa = JSON.parse(await readFile(path.join(a, 'demand-samples.json'), 'utf8')) as {
      samples: number;
      probUnmet: number;
    };
    expect(sa.samples).toBe(200);
    expect(await readFile(path.join(b, 'demand-samples.json'), 'utf8')).toBe(
      await readFile(path.join(a, 'demand-samples.json'), 'utf8'),
    );
  });

  test('--samples 0: exit 2', async () => {
    const r = await zonal(['solve', 'scenarios/tiny', '--samples', '0', '--out', await outDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--samples 0: give a whole number from 1 to 100000/);
  });
});
