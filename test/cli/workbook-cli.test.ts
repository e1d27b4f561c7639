/**
 * Workbooks through the built binary: init --xlsx, every command on a
 * workbook, the result workbooks, and the award written as next year's
 * current.csv.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, repoRoot, zonal } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

let dir = '';
let tender = '';

beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('zonal-wb-cli-');
  tender = path.join(dir, 'tender.xlsx');
  const r = await zonal(['init', '--xlsx', tender]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`Wrote a template workbook (the small example scenario) to ${tender}.`);
});

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  return wb.worksheets.map((s) => s.name);
}

describe('zonal on workbooks', () => {
  test('init --xlsx never overwrites, and wants an .xlsx name', async () => {
    const again = await zonal(['init', '--xlsx', tender]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; give a new file name so nothing is overwritten');
    const csv = await zonal(['init', '--xlsx', path.join(dir, 'tender.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('the file name must end in .xlsx');
  });

  test('validate and solve take a workbook; solve writes result.xlsx with a summary and one sheet per table', async () => {
    expect((await zonal(['validate', tender])).code).toBe(0);
    const out = path.join(dir, 'out');
    const r = await zonal(['solve', tender, '--out', out]);
    expect(r.code).toBe(0);
    expect(await sheetNames(path.join(out, 'result.xlsx'))).toEqual([
      'summary',
      'allocations',
      'lots',
      'providers',
      'flags',
      'warnings',
    ]);
  });

  test('a bad cell in a workbook: exit 2, sheet!cell in the message, nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(tender)) as unknown as ArrayBuffer);
    wb.getWorksheet('areas')!.getCell('G3').value = 'city';
    const bad = path.join(dir, 'bad.xlsx');
    await writeFile(bad, new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = path.join(dir, 'out-bad');
    const r = await zonal(['solve', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.xlsx: areas!G3: rurality must be one of urban, town, rural (got "city")');
    expect(existsSync(out)).toBe(false);
  });

  test('score and compare on a workbook write scores.xlsx and comparison.xlsx', async () => {
    const scores = path.join(dir, 'score', 'scores.csv');
    expect((await zonal(['score', tender, '--out', scores])).code).toBe(0);
    expect(await sheetNames(path.join(dir, 'score', 'scores.xlsx'))).toEqual(['summary', 'scores']);
    const out = path.join(dir, 'compare');
    expect((await zonal(['compare', tender, '--out', out, '--options', 'lead-80-20,sole'])).code).toBe(0);
    expect(await sheetNames(path.join(out, 'comparison.xlsx'))).toEqual(['summary', 'options']);
  });

  /** `zonal score` on the bundled county, once: what it printed, scores.csv's cells and scores.xlsx. */
  let county: Promise<{ stdout: string; csv: string[][]; workbook: ExcelJS.Workbook }> | null = null;
  const scoredCounty = () => {
    county ??= (async () => {
      const out = path.join(dir, 'score-herts');
      const r = await zonal([
        'score',
        path.join(repoRoot, 'scenarios', 'hertfordshire'),
        '--out',
        path.join(out, 'scores.csv'),
      ]);
      expect(r.code, r.stderr).toBe(0);
      const csv = (await readFile(path.join(out, 'scores.csv'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(path.join(out, 'scores.xlsx'))) as unknown as ArrayBuffer);
      return { stdout: r.stdout, csv, workbook };
    })();
    return county;
  };

  test('scores.xlsx holds the scores of scores.csv, to the hundredth the ranks are made from (rounded to 0.1, bids 0.04 apart could show one score beside two ranks)', async () => {
    const { csv, workbook } = await scoredCounty();
    const sheet = workbook.getWorksheet('scores')!;
    const header = csv[0] ?? [];
    const scoreColumns = ['quality', 'price_score', 'quality_score', 'total_score'].map((c) =>
      header.indexOf(c),
    );
    expect(scoreColumns.every((i) => i >= 0)).toBe(true);
    expect(csv.length).toBeGreaterThan(90);
    for (const [n, row] of csv.slice(1).entries())
      for (const i of scoreColumns)
        expect(sheet.getRow(n + 2).getCell(i + 1).value, `${header[i]} of ${row[1]} on ${row[0]}`).toBe(
          Number(row[i]),
        );
  });

  test('score says why a bid needs explaining: abnormally low, not merely below the cost floor, which every county bid is', async () => {
    const { stdout, csv, workbook } = await scoredCounty();
    const rows = csv.slice(1);
    // price_per_hour (column 5) below cost_floor_per_hour (column 11): every bid, yet two are flagged.
    expect(rows.filter((c) => Number(c[4]) < Number(c[10])).length).toBe(rows.length);
    expect(stdout).toContain(
      `${rows.length} bid × lot scores; 5 must be rejected (below legal pay), 2 need an explanation (abnormally low: below the cost floor and well below the other providers' bids).`,
    );
    expect(stdout).toMatch(/B-SWI-S-WAT .* explain: abnormally low\n/);
    const labels = workbook.getWorksheet('summary')!.getColumn(1).values;
    expect(labels).toContain(
      "Need an explanation (abnormally low: below the cost floor and well below the other providers' bids)",
    );
  });

  test('score --out naming the workbook: the workbook there, the CSV beside it', async () => {
    // It wrote the CSV text into scores.xlsx (which Excel will not open) and the workbook to scores.xlsx.xlsx.
    const wanted = path.join(dir, 'score-xlsx', 'scores.xlsx');
    const r = await zonal(['score', tender, '--out', wanted]);
    expect(r.code, r.stderr).toBe(0);
    expect(await sheetNames(wanted)).toEqual(['summary', 'scores']);
    const csv = path.join(dir, 'score-xlsx', 'scores.csv');
    expect((await readFile(csv, 'utf8')).split('\n')[0]).toMatch(/^lot_id,/);
    expect(existsSync(`${wanted}.xlsx`)).toBe(false);
    expect(r.stdout).toContain(`Written: ${csv}, ${wanted}`);
  });

  test('score --out naming a CSV beside the workbook it reads: refused as a file name, the workbook untouched', async () => {
    const before = await readFile(tender);
    const csv = tender.replace(/\.xlsx$/, '.csv');
    const r = await zonal(['score', tender, '--out', csv]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr: `--out ${csv}: zonal would write tender.xlsx there, over the scenario's own tender.xlsx; give another file name. Nothing was written.\n`,
    });
    expect(await readFile(tender)).toEqual(before);
  });

  test('batch on a workbook base writes batch.xlsx: readable variant names, one column per setting, rounded numbers', async () => {
    const batch = path.join(dir, 'batch.json');
    await writeFile(
      batch,
      JSON.stringify({
        base: 'tender.xlsx',
        grid: { zoning: ['two', 'one'], 'lots.standard.leadShare': [0.7] },
      }),
    );
    const out = path.join(dir, 'batch-out');
    const r = await zonal(['batch', batch, '--out', out, '--workers', '1']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path.join(out, 'batch.xlsx'))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('variants');
    const header = ((ws?.getRow(1).values ?? []) as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(0, 7)).toEqual([
      'index',
      'name',
      'id',
      'base',
      'zoning',
      'lots.standard.leadShare',
      'status',
    ]);
    expect(ws?.getRow(2).getCell(2).value).toBe('two, lead 70%');
    expect(ws?.getRow(3).getCell(5).value).toBe('one');
    const cost = ws?.getRow(2).getCell(header.indexOf('cost_per_hour') + 1).value;
    expect(typeof cost === 'number' && Math.round(cost * 100) === cost * 100).toBe(true);
  });

  test("solve --baseline-out writes the award as a current.csv that validates as next year's baseline", async () => {
    const baseline = path.join(dir, 'next-current.csv');
    const r = await zonal([
      'solve',
      'scenarios/tiny',
      '--out',
      path.join(dir, 'out-tiny'),
      '--baseline-out',
      baseline,
    ]);
    expect(r.code).toBe(0);
    expect((await readFile(baseline, 'utf8')).split('\n')[0]).toBe(
      'area_id,care_type,provider_id,hours_per_week',
    );
    const next = path.join(dir, 'next-year');
    await cp(path.join(repoRoot, 'scenarios', 'tiny'), next, { recursive: true });
    await cp(baseline, path.join(next, 'current.csv'));
    const json = JSON.parse(await readFile(path.join(next, 'scenario.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    json.files['current'] = 'current.csv';
    await writeFile(path.join(next, 'scenario.json'), JSON.stringify(json));
    const again = await zonal(['solve', next, '--out', path.join(dir, 'out-next'), '--format', 'json']);
    expect(again.code).toBe(0);
    const lots = (JSON.parse(again.stdout) as { lots: { risk: Record<string, number> }[] }).lots;
    expect(lots.every((l) => l.risk['transition'] === 0)).toBe(true);
  });
});
