/**
 * A workbook is a scenario: the same scenario as its folder, and problems
 * placed at sheet!cell.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/diagnostics/issues.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { tenderLots, tenderWarnings } from '../../src/lots/tender-lots.js';
import { folderTables, scenarioWorkbook } from '../../src/io/scenario-workbook.js';
import type { Scenario } from '../../src/model/types.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

const { places: _tiny, ...tinyScenario } =
  (await readScenario(path.join(repoRoot, 'scenarios', 'tiny'))).scenario ?? {};

/** The tiny scenario as a workbook, changed by `edit`, saved as tender.xlsx; returns its path. */
async function workbook(edit: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<string> {
  const tables = await folderTables(path.join(repoRoot, 'scenarios', 'tiny'));
  if (tables === null) throw new Error('scenarios/tiny did not read');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await scenarioWorkbook(tables)).buffer as ArrayBuffer);
  edit(wb);
  const file = path.join(await tempDir(), 'tender.xlsx');
  await writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
};

/** A copy of the sheet `from` named `name`, cell values only, as an officer's duplicate or update of it. */
const copySheet = (wb: ExcelJS.Workbook, from: string, name: string) => {
  const copy = wb.addWorksheet(name);
  sheet(wb, from).eachRow((row, n) => {
    copy.getRow(n).values = row.values as ExcelJS.CellValue[];
  });
  return copy;
};

async function problems(file: string) {
  const { scenario, issues } = await readScenario(file);
  return { scenario, errors: issues.errors.map(formatIssue), warnings: issues.warnings.map(formatIssue) };
}

describe('a workbook is a scenario', () => {
  test('the template holds the tiny scenario: reading it gives the same scenario as the folder', async () => {
    const { scenario, errors } = await problems(await workbook());
    expect(errors).toEqual([]);
    const { places, ...rest } = scenario ?? {};
    expect(rest).toEqual(tinyScenario);
    expect(places?.bids.get('B01')).toEqual({ file: 'tender.xlsx', line: 2, cell: 'bids!E2' });
  });

  test('the template has instructions, drop-down lists and number formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await workbook());
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'instructions',
      'scenario',
      'areas',
      'zones-two',
      'zones-one',
      'demand',
      'providers',
      'bids',
    ]);
    expect(sheet(wb, 'bids').getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"standard,complex,reablement"'],
    });
    expect(sheet(wb, 'areas').getCell('G40').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"urban,town,rural"'],
    });
    expect(sheet(wb, 'bids').getCell('E2').numFmt).toBe('£#,##0.00');
    const structureRow = sheet(wb, 'scenario').getColumn(1).values.indexOf('lots.standard.structure');
    expect(sheet(wb, 'scenario').getCell(structureRow, 2).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"sole,lead-secondary,framework,prime-secondaries"'],
    });
  });

  test('every setting on the scenario sheet says what it means, the contract and payment ones too', async () => {
    // A scenario with a contract, payment models and the MEAT weights written as a workbook
    // (init --xlsx --from): the contract and payment rows had an empty "meaning" cell.
    const tables = await folderTables(path.join(repoRoot, 'scenarios', 'hertfordshire'));
    if (tables === null) throw new Error('scenarios/hertfordshire did not read');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await scenarioWorkbook(tables)).buffer as ArrayBuffer);
    const rows: [string, string][] = [];
    sheet(wb, 'scenario').eachRow((row, i) => {
      if (i > 1) rows.push([String(row.getCell(1).value), String(row.getCell(3).value ?? '')]);
    });
    expect(rows.filter(([, meaning]) => meaning === '').map(([key]) => key)).toEqual([]);
    expect(new Map(rows).get('award.qualityWeight')).toMatch(/add up to 1/);
    // explore22: it said "for reports (GBP)", but the currency is every money figure's, typed as its code.
    expect(new Map(rows).get('currency')).toBe(
      'the currency of every price and money figure, as its three-letter code: GBP, EUR for euros (GBP)',
    );
  });

  test('a bad cell is reported at sheet!cell, with the same words as for a CSV file', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').getCell('E3').value = 'cheap';
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: bids!E3: price_per_hour is not a number: give the price per hour (got "cheap")',
    ]);
  });

  test('"4.500" typed as text in an hours or capacity cell is told at its cell: read as 4.5, write 4500 if 4,500 was meant (tidy10)', async () => {
    const { scenario, warnings } = await problems(
      await workbook((wb) => {
        sheet(wb, 'providers').getCell('C2').value = '4.500';
        sheet(wb, 'providers').getCell('C3').value = 3000.5; // a number cell: what Excel shows is what it holds
      }),
    );
    expect(scenario).not.toBeNull();
    expect(warnings).toContain(
      'tender.xlsx: providers!C2: warning: max_hours_per_week "4.500" is read as 4.5: if you meant 4,500 write 4500',
    );
    expect(warnings.filter((w) => w.includes('is read as'))).toHaveLength(1);
  });

  test('cross-table problems name the sheet and cell too', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').getCell('B4').value = 'P-NOBODY';
      }),
    );
    // A workbook has no providers.csv: the message named it until 2026-12-01.
    expect(errors).toEqual([
      'tender.xlsx: bids!B4: unknown provider "P-NOBODY": it is not on the providers sheet',
    ]);
  });

  test('an id mistyped by one slip names the id it most likely meant, as in a folder of CSV files', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').getCell('B4').value = 'P-ALDR';
        sheet(wb, 'bids').getCell('D3').value = 'Z-NROTH';
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: bids!D3: coverage names unknown area or zone id(s) "Z-NROTH": use * or ids from the areas sheet and the zones-<name> sheets, separated by ; (did you mean "Z-NORTH"?)',
      'tender.xlsx: bids!B4: unknown provider "P-ALDR": it is not on the providers sheet (did you mean "P-ALDER"?)',
    ]);
  });

  test('an unknown area or provider names the sheet it is not on, with the id meant in its capitals', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').getCell('B4').value = 'p-alder';
        sheet(wb, 'demand').getCell('A3').value = 'n2';
        sheet(wb, 'providers').getCell('F2').value = 'N9';
        sheet(wb, 'bids').getCell('D3').value = 'z-north';
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: demand!A3: unknown area "n2": it is not on the areas sheet (the areas sheet has "N2": ids must match capitals too; write "N2")',
      'tender.xlsx: providers!F2: base_area_id "N9" is not on the areas sheet',
      // A coverage id names the sheets too, not areas.csv and zone files a workbook does not have (explore9).
      'tender.xlsx: bids!D3: coverage names unknown area or zone id(s) "z-north": use * or ids from the areas sheet and the zones-<name> sheets, separated by ; (ids must match capitals too: write "Z-NORTH")',
      'tender.xlsx: bids!B4: unknown provider "p-alder": it is not on the providers sheet (the providers sheet has "P-ALDER": ids must match capitals too; write "P-ALDER")',
    ]);
  });

  test('settings: "80%" typed on the scenario sheet is 0.8; a bad setting names its key path and cell', async () => {
    const row = (wb: ExcelJS.Workbook, key: string) => sheet(wb, 'scenario').getColumn(1).values.indexOf(key);
    const good = await problems(
      await workbook((wb) => {
        sheet(wb, 'scenario').getCell(row(wb, 'lots.standard.leadShare'), 2).value = '70%';
      }),
    );
    expect(good.errors).toEqual([]);
    expect(good.scenario?.lotPlan.standard).toMatchObject({ leadShare: 0.7 });
    let at = 0;
    const bad = await problems(
      await workbook((wb) => {
        at = row(wb, 'lots.standard.leadShare');
        sheet(wb, 'scenario').getCell(at, 2).value = 1.5;
      }),
    );
    expect(bad.errors).toEqual([
      `tender.xlsx: scenario!B${at}: lots.standard.leadShare is 1.5: it must be at least 0.5 and less than 1 (0.8 means 80/20)`,
    ]);
  });

  test('settings: a number typed as text is the number, and a name typed as a number is the name, as in a table (explore9)', async () => {
    // A cell's type follows its format in Excel, not what was meant: "2" in a cell formatted as text,
    // a scenario named 2027 in a General cell. Each was "must be a number, not text" or "must be text, not a number".
    const at = (wb: ExcelJS.Workbook, key: string) =>
      sheet(wb, 'scenario').getCell(sheet(wb, 'scenario').getColumn(1).values.indexOf(key), 2);
    const { scenario, errors } = await problems(
      await workbook((wb) => {
        at(wb, 'name').value = 2027;
        at(wb, 'award.minDistinctProviders').value = '3';
        at(wb, 'award.unmetPenaltyPerHour').value = '1,500';
        at(wb, 'lots.standard.leadShare').value = '0.7';
        at(wb, 'weeksPerYear').value = ' 52 ';
      }),
    );
    expect(errors).toEqual([]);
    expect(scenario?.name).toBe('2027');
    expect(scenario?.award).toMatchObject({ minDistinctProviders: 3, unmetPenaltyPerHour: 1500 });
    expect(scenario?.lotPlan.standard).toMatchObject({ leadShare: 0.7 });
    expect(scenario?.weeksPerYear).toBe(52);
    // Text that is no number is still told, at its cell, once.
    let row = 0;
    const bad = await problems(
      await workbook((wb) => {
        row = sheet(wb, 'scenario').getColumn(1).values.indexOf('award.minDistinctProviders');
        sheet(wb, 'scenario').getCell(row, 2).value = 'two';
      }),
    );
    expect(bad.errors).toEqual([
      `tender.xlsx: scenario!B${row}: award.minDistinctProviders must be a number, not text`,
    ]);
  });

  test('the year typed in period cells formatted as dates (shown as 19/07/1905) is told so, not "set period to one of 1905-07-19" (explore9)', async () => {
    let at = 0;
    const { errors } = await problems(
      await workbook((wb) => {
        at = sheet(wb, 'scenario').getColumn(1).values.indexOf('period');
        const demand = sheet(wb, 'demand');
        for (let row = 2; row <= demand.actualRowCount; row++) {
          const cell = demand.getCell(row, 3);
          cell.value = 2027;
          cell.numFmt = 'dd/mm/yyyy';
        }
      }),
    );
    expect(errors).toEqual([
      `tender.xlsx: scenario!B${at}: period "2027" has no rows in demand, whose period column says "1905-07-19": the year 2027 was typed in cells formatted as dates, which show it as 19/07/1905; format the period column as text and type 2027 again`,
    ]);
  });

  // explore22: until then each was "must be a number (…)" or "must be a number, not text": only the
  // settings whose message was zonal's plain one were read as the number they show.
  test.each([
    ['award.maxAnnualBudget', '6,500,000', (s: Scenario) => s.award.maxAnnualBudget, 6_500_000],
    ['award.maxAnnualBudget', '€6,500,000', (s: Scenario) => s.award.maxAnnualBudget, 6_500_000],
    ['costModel.wagePerHour', '14.15', (s: Scenario) => s.costModel.wagePerHour, 14.15],
    ['costModel.onCosts.pension', '0.03', (s: Scenario) => s.costModel.onCosts.pension, 0.03],
    ['scoring.marginBand', '0.2', (s: Scenario) => s.scoring.marginBand, 0.2],
  ])(
    'a setting %s typed as text %j in a cell formatted as text is the number it shows',
    async (key, typed, read, value) => {
      const { scenario, errors } = await problems(
        await workbook((wb) => {
          sheet(wb, 'scenario').addRow([key, typed]);
        }),
      );
      expect(errors).toEqual([]);
      expect(scenario === null ? null : read(scenario)).toBe(value);
    },
  );

  // mend17b: until then "must be a number, not text", without the hint a table cell's decimal comma gets.
  test.each([
    [
      'costModel.wagePerHour',
      '€30,00',
      'costModel.wagePerHour must be a number: "€30,00" uses a comma as the decimal point: write 30.00 (commas may only separate thousands, as in 1,200) (see docs/scoring.md)',
    ],
    [
      'award.spotPricePerHour',
      '32,14',
      'award.spotPricePerHour must be a number: "32,14" uses a comma as the decimal point: write 32.14 (commas may only separate thousands, as in 1,200)',
    ],
  ])(
    'a money setting %s typed with a decimal comma (%j) is told to be written with a point, at its cell',
    async (key, typed, message) => {
      let at = 0;
      const { errors } = await problems(
        await workbook((wb) => {
          at = sheet(wb, 'scenario').addRow([key, typed]).number;
        }),
      );
      expect(errors).toEqual([`tender.xlsx: scenario!B${at}: ${message}`]);
    },
  );

  // explore22: until then "period "1905-07-19" has no rows in demand: set period to one of 2027".
  test.each([
    [
      2027,
      'dd/mm/yyyy',
      'period "1905-07-19" has no rows in demand, whose period column says "2027": the year 2027 was typed in a cell formatted as a date, which shows it as 19/07/1905; format the cell as text and type 2027 again',
    ],
    [
      new Date(Date.UTC(2027, 0, 1)),
      'dd/mm/yyyy',
      'period "2027-01-01" has no rows in demand, whose period column says "2027": the period is a date; set it to 2027 (in a workbook, format the cell as text first)',
    ],
  ])(
    'the period setting typed in a cell formatted as a date (%s) is told so',
    async (value, format, message) => {
      let at = 0;
      const { errors } = await problems(
        await workbook((wb) => {
          const settings = sheet(wb, 'scenario');
          at = settings.getColumn(1).values.indexOf('period');
          settings.getCell(at, 2).value = value;
          settings.getCell(at, 2).numFmt = format;
        }),
      );
      expect(errors).toEqual([`tender.xlsx: scenario!B${at}: ${message}`]);
    },
  );

  test("a warning about a setting names the setting's cell, not scenario.json", async () => {
    let at = 0;
    const { scenario } = await problems(
      await workbook((wb) => {
        at = sheet(wb, 'scenario').getColumn(1).values.indexOf('award.minDistinctProviders');
        sheet(wb, 'scenario').getCell(at, 2).value = 5;
      }),
    );
    if (scenario === null) throw new Error('the workbook did not read');
    const { lots, rejections } = tenderLots(scenario);
    expect(tenderWarnings(scenario, lots, rejections)).toEqual([
      `tender.xlsx: scenario!B${at}: award.minDistinctProviders is 5, but only 3 providers have an eligible bid for any lot: no award can meet it; lower it to 3, or see which bids were rejected`,
    ]);
  });

  test('MEAT weights with only priceWeight given: the warning is at the priceWeight cell', async () => {
    let at = 0;
    const { errors, warnings } = await problems(
      await workbook((wb) => {
        const column = sheet(wb, 'scenario').getColumn(1).values;
        sheet(wb, 'scenario').getCell(column.indexOf('award.qualityWeight'), 2).value = null;
        at = column.indexOf('award.priceWeight');
        sheet(wb, 'scenario').getCell(at, 2).value = 0.5;
      }),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^tender\\.xlsx: scenario!B${at}: warning: award\\.priceWeight is 0\\.5 and qualityWeight 0\\.6: they add up to 1\\.1`,
        ),
      ),
    ]);
  });

  test('messages about demand and lots name the sheets, not demand.csv or scenario.json a workbook does not have (explore9)', async () => {
    const demandRows = (wb: ExcelJS.Workbook) =>
      [...Array(sheet(wb, 'demand').actualRowCount - 1).keys()].map((i) => i + 2);
    const complex = await problems(
      await workbook((wb) => {
        sheet(wb, 'demand').getRow(14).values = ['N1', 'complex', '2027', 50, 40, 60];
      }),
    );
    expect(complex.errors).toEqual([
      'tender.xlsx: scenario!B7: lots has no entry for "complex" but the demand sheet has 50 h/week of it: add rows lots.complex.geography and lots.complex.structure, or lots.complex.merge set to standard',
    ]);
    const zero = await problems(
      await workbook((wb) => {
        for (const row of demandRows(wb))
          for (const col of [4, 5, 6]) sheet(wb, 'demand').getCell(row, col).value = 0;
      }),
    );
    expect(zero.errors).toEqual([
      'tender.xlsx: sheet demand: every row of period 2027 has 0 in hours_per_week: there is nothing to tender; check hours_per_week, or the period on the scenario sheet',
    ]);
    const south = await problems(
      await workbook((wb) => {
        for (const row of demandRows(wb))
          if (String(sheet(wb, 'demand').getCell(row, 1).value).startsWith('S'))
            for (const col of [4, 5, 6]) sheet(wb, 'demand').getCell(row, col).value = 0;
      }),
    );
    if (south.scenario === null) throw new Error('the workbook did not read');
    const { lots, rejections } = tenderLots(south.scenario);
    expect(tenderWarnings(south.scenario, lots, rejections)).toContain(
      'zone Z-SOUTH (areas S1, S2, S3) has no demand in period 2027: no lot is tendered there; check the demand sheet of tender.xlsx if that is not meant',
    );
  });

  test('a note and a totals row under the tables are one message each, at their rows', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'areas').getCell('A10').value = 'Source: ONS mid-2021 estimates';
        sheet(wb, 'demand').getCell('A15').value = 'Total';
        sheet(wb, 'demand').getCell('D15').value = { formula: 'SUM(D2:D13)', result: 4914 };
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: areas row 10: only area_id is filled in: if it is a note, move it out of the table; if it is a row, fill in its other cells (got "Source: ONS mid-2021 estimates")',
      'tender.xlsx: demand row 15: a totals row (area_id says so): delete it; zonal adds up the rows itself (got "Total")',
    ]);
  });

  test("settings: a misspelt key is told at its key's cell (column A), a bad value at its value's (column B)", async () => {
    const rowOf = (wb: ExcelJS.Workbook, key: string) =>
      sheet(wb, 'scenario').getColumn(1).values.indexOf(key);
    const rows: Record<string, number> = {};
    const { errors, warnings } = await problems(
      await workbook((wb) => {
        const ws = sheet(wb, 'scenario');
        rows['share'] = rowOf(wb, 'award.maxShareOfTotalHours');
        ws.getCell(rows['share'], 1).value = 'award.maxShareOfTotalHour';
        rows['zoning'] = rowOf(wb, 'zoning');
        ws.getCell(rows['zoning'], 2).value = 'three';
        rows['notes'] = ws.rowCount + 1;
        ws.getCell(rows['notes'], 1).value = 'notes';
        ws.getCell(rows['notes'], 2).value = 'for the panel';
        rows['wage'] = ws.rowCount + 1;
        ws.getCell(rows['wage'], 1).value = 'costModel.hourlyWage';
        ws.getCell(rows['wage'], 2).value = 12;
      }),
    );
    expect(errors).toEqual([
      `tender.xlsx: scenario!A${rows['share']}: award has an unknown key "maxShareOfTotalHour" (did you mean "maxShareOfTotalHours"?): remove it or correct its name`,
    ]);
    expect(warnings).toEqual([
      `tender.xlsx: scenario!A${rows['notes']}: warning: "notes" is not a zonal setting and is ignored`,
    ]);
    const fixed = await problems(
      await workbook((wb) => {
        const ws = sheet(wb, 'scenario');
        ws.getCell(rowOf(wb, 'zoning'), 2).value = 'three';
        rows['wage'] = ws.rowCount + 1;
        ws.getCell(rows['wage'], 1).value = 'costModel.hourlyWage';
        ws.getCell(rows['wage'], 2).value = 12;
      }),
    );
    expect(fixed.errors).toEqual([
      `tender.xlsx: scenario!B${rows['zoning']}: zoning "three" is not one of the scenario's zonings: choose one of two, one`,
      // mend17b: until then without the keys costModel has, when none is close to the one written.
      `tender.xlsx: scenario!A${rows['wage']}: costModel has an unknown key "hourlyWage": remove it, or correct its name to one of wagePerHour, onCosts, travelMinutesPerContactHour, milesPerContactHour, spreadMinutesPerKm, spreadMilesPerKm, mileageRatePerMile, overheadPerHour, surplus (see docs/scoring.md)`,
    ]);
  });

  test("a formula is read as its saved value; one saved without its value (by a program, not Excel) is told so, not 'is empty'", async () => {
    const saved = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').getCell('E2').value = { formula: 'E3*0.97', result: 24.44 };
      }),
    );
    expect(saved.errors).toEqual([]);
    expect(saved.scenario?.bids.find((b) => b.id === 'B01')?.price).toBe(24.44);
    const unsaved = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').getCell('E2').value = { formula: 'E3*0.97', date1904: false };
      }),
    );
    expect(unsaved.errors).toEqual([
      'tender.xlsx: bids!E2: price_per_hour is a formula saved without its value: give the price per hour as a number, or open and save the workbook in Excel or LibreOffice, which keep each formula\'s value (got "=E3*0.97")',
    ]);
  });

  test('a formula saved without its value on the scenario sheet is told as a formula, as in a table', async () => {
    let at = 0;
    const { errors } = await problems(
      await workbook((wb) => {
        const ws = sheet(wb, 'scenario');
        at = ws.getColumn(1).values.indexOf('award.maxShareOfTotalHours');
        ws.getCell(`B${at}`).value = { formula: 'B3/2', date1904: false };
      }),
    );
    expect(errors).toEqual([
      `tender.xlsx: scenario!B${at}: award.maxShareOfTotalHours is a formula saved without its value: give the value as a number, or open and save the workbook in Excel or LibreOffice, which keep each formula's value (got "=B3/2")`,
    ]);
  });

  test("a setting left out is told at the row of what misses it, not at another setting's value cell", async () => {
    let at = 0;
    const { errors } = await problems(
      await workbook((wb) => {
        const ws = sheet(wb, 'scenario');
        ws.spliceRows(ws.getColumn(1).values.indexOf('lots.standard.leadShare'), 1);
        at = ws.getColumn(1).values.indexOf('lots.standard.geography');
      }),
    );
    expect(errors).toEqual([
      `tender.xlsx: scenario row ${at}: lots.standard.leadShare is missing: lead-secondary needs leadShare, e.g. 0.8 for 80/20 or 0.5 for an even split`,
    ]);
  });

  test('a header pushed down by empty rows is told at its own row', async () => {
    const misnamed = await problems(
      await workbook((wb) => {
        const ws = sheet(wb, 'providers');
        ws.getCell('C1').value = 'max_hours';
        ws.spliceRows(1, 0, [], []);
      }),
    );
    expect(misnamed.errors).toEqual([
      expect.stringMatching(/^tender\.xlsx: providers!C3: missing column\(s\) max_hours_per_week/),
    ]);
    const titled = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').spliceRows(1, 0, [], ['Bids received']);
      }),
    );
    expect(titled.errors).toEqual([
      expect.stringMatching(/^tender\.xlsx: bids row 2: holds only "Bids received", not the header/),
    ]);
  });

  test('a title above the header is one message saying so; an empty row above it is skipped', async () => {
    const titled = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').spliceRows(1, 0, ['Bids received for the 2027 retender']);
      }),
    );
    expect(titled.errors).toEqual([
      'tender.xlsx: bids row 1: holds only "Bids received for the 2027 retender", not the header: if it is a title, delete it (keep titles on another sheet), so that the header (bid_id, provider_id, care_type, …) comes first',
    ]);
    const merged = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').spliceRows(1, 0, ['Bids received']);
        sheet(wb, 'bids').mergeCells('A1:H1');
      }),
    );
    expect(merged.errors).toEqual([
      'tender.xlsx: bids row 1: holds only "Bids received", not the header: if it is a title, delete it (keep titles on another sheet), so that the header (bid_id, provider_id, care_type, …) comes first',
    ]);
    const spaced = await problems(
      await workbook((wb) => {
        sheet(wb, 'providers').spliceRows(1, 0, []);
      }),
    );
    expect(spaced.errors).toEqual([]);
    expect(spaced.scenario?.providers.map((p) => p.id)).toEqual(['P-ALDER', 'P-BIRCH', 'P-CEDAR']);
  });

  test('a zoning sheet named "zones two", "Zones_two" or "Zones (two)" is the zoning "two"; a zoning named in another case is told with the name meant', async () => {
    // "Zones (two)" was `sheet scenario: zonings: "(two)" is not a valid name`, at a sheet the user never touched (explore9).
    for (const name of ['zones two', 'Zones_two', 'ZONES - two', 'Zones (two)', 'Zones "two"']) {
      const { errors, scenario } = await problems(
        await workbook((wb) => {
          sheet(wb, 'zones-two').name = name;
        }),
      );
      expect(errors, name).toEqual([]);
      expect([...(scenario?.zonings.keys() ?? [])].sort(), name).toEqual(['one', 'two']);
    }
    const notes = await problems(
      await workbook((wb) => {
        wb.addWorksheet('Zones overview').getCell('A1').value = 'Two zones: north and south';
      }),
    );
    expect(notes.errors).toEqual([]);
    let at = 0;
    const { errors } = await problems(
      await workbook((wb) => {
        // exceljs, as Excel, refuses a new name that differs only in case: rename in two steps.
        sheet(wb, 'zones-two').name = 'renaming';
        sheet(wb, 'renaming').name = 'Zones-Two';
        at = sheet(wb, 'scenario').getColumn(1).values.indexOf('zoning');
      }),
    );
    expect(errors).toEqual([
      `tender.xlsx: scenario!B${at}: zoning "two" is not one of the scenario's zonings (did you mean "Two"?): choose one of Two, one`,
    ]);
  });

  test('zone ids meaning other areas in another zoning are one message, at the zoning sheet', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        // zones-one reuses both zone ids of zones-two, split otherwise.
        const ws = sheet(wb, 'zones-one');
        for (let row = 2; row <= 7; row++) ws.getCell(row, 2).value = row <= 3 ? 'Z-NORTH' : 'Z-SOUTH';
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: sheet zones-one: zones "Z-NORTH", "Z-SOUTH" have different areas in zonings "two" and "one": use different zone ids in one of them',
    ]);
  });

  test('a problem found across rows or sheets names the cell it is in, not only its row', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').getCell('A3').value = 'B01';
        sheet(wb, 'providers').getCell('F2').value = 'N9';
        sheet(wb, 'demand').getCell('E2').value = 1300;
        sheet(wb, 'zones-one').getCell('B2').value = 'N2';
      }),
    );
    expect(errors.map((e) => e.split(': ').slice(0, 2).join(': '))).toEqual([
      'tender.xlsx: zones-one!B2',
      'tender.xlsx: demand!E2',
      'tender.xlsx: providers!F2',
      'tender.xlsx: bids!A3',
    ]);
  });

  test.each([
    [
      'bids',
      'bidz',
      'has no sheet "bids": rename the sheet "bidz" to "bids" if it holds the bids; else add a "bids" sheet whose header row is bid_id, provider_id, care_type, coverage, price_per_hour, max_hours_per_week, role, package_id',
    ],
    // Until 2026-12-02 it ended "with the same columns as bids.csv", a file a workbook user does not have.
    [
      'bids',
      'Bids (2)',
      'has no sheet "bids": rename the sheet "Bids (2)" to "bids" if it holds the bids; else add a "bids" sheet whose header row is bid_id, provider_id, care_type, coverage, price_per_hour, max_hours_per_week, role, package_id',
    ],

    // Found by its header row, not its name (explore22): a sheet renamed in Irish was "add it, with the header row …".
    [
      'providers',
      'Soláthraithe',
      'has no sheet "providers": rename the sheet "Soláthraithe" to "providers": it holds the providers (its header row names provider_id, name, max_hours_per_week, min_viable_hours_per_week, quality_score)',
    ],
    [
      'bids',
      'Tairiscintí',
      'has no sheet "bids": rename the sheet "Tairiscintí" to "bids": it holds the bids (its header row names bid_id, provider_id, care_type, coverage, price_per_hour, max_hours_per_week, role, package_id)',
    ],
    // Found by its rows, not its name (tidy10): until then "add one with the settings as key, value rows".
    [
      'scenario',
      'Settings',
      'has no "scenario" sheet: rename the sheet "Settings" to "scenario": it holds the settings (name, period, lots, …) as key, value rows',
    ],
  ])('a missing sheet %s is named, with the sheet probably meant (%s)', async (name, renamed, message) => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, name).name = renamed;
      }),
    );
    expect(errors).toEqual([`tender.xlsx: ${message}`]);
  });

  // Until explore22 each was "currency must be a three-letter currency code such as GBP", not saying which.
  test.each([
    ['€', 'EUR'],
    ['eur', 'EUR'],
    ['Euro', 'EUR'],
    ['£', 'GBP'],
    ['Sterling', 'GBP'],
    ['chf', 'CHF'],
  ])('a currency typed %j, not as its code, is told the code to write (%s)', async (typed, code) => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'scenario').getCell('B3').value = typed;
      }),
    );
    expect(errors).toEqual([
      `tender.xlsx: scenario!B3: currency must be a three-letter currency code such as GBP or EUR: write ${code} (got "${typed}")`,
    ]);
  });

  // Until explore22 a price pasted in pounds into a tender in euros was read as that many euros, without a word.
  test("a price written with another currency's sign than the scenario's is one error at its first cell, with the rows that repeat it", async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'scenario').getCell('B3').value = 'EUR';
        sheet(wb, 'bids').getCell('E2').value = '£24.50';
        sheet(wb, 'bids').getCell('E3').value = '25.20 £';
        sheet(wb, 'bids').getCell('E4').value = '€23.90';
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: bids!E2: price_per_hour is written in £, but the scenario prices in EUR (€): give the price in EUR, as a number or with €; convert a price in another currency first (got "£24.50"); the same in 1 more row: 3',
    ]);
  });

  test("a sign that is the scenario's own, or none, is no mistake", async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'bids').getCell('E2').value = '£24.50';
        sheet(wb, 'bids').getCell('E3').value = '25.20';
      }),
    );
    expect(errors).toEqual([]);
  });

  test('a currency that is no code and no known currency is told so, with what was typed', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        sheet(wb, 'scenario').getCell('B3').value = 'punt';
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: scenario!B3: currency must be a three-letter currency code such as GBP or EUR (got "punt")',
    ]);
  });

  // Until 2026-12-02 they were read as 0.75 points of 100, so every bid scored almost no quality.
  test('quality scores typed out of 1 (0.75, not 75) are one error at the first, naming the sheet and its scale', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        const bids = sheet(wb, 'bids');
        bids.getCell('I1').value = 'quality_score';
        for (let row = 2; row <= 13; row++) bids.getCell(`I${row}`).value = [0.75, 0.8, 0.65][row % 3] ?? 0.7;
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: bids!I2: quality_score is 0.65, and every quality score on the bids sheet is 1 or less: a quality score is points from 0 to 100 (docs/scoring.md), so 0.65 scores 0.65 of 100 points, almost no quality; if the scores are out of 1, write them out of 100 (65 for 0.65)',
    ]);
  });

  test('a table sheet not there at all is told with the header row it needs, not a CSV file', async () => {
    const { errors } = await problems(
      await workbook((wb) => {
        wb.removeWorksheet(sheet(wb, 'bids').id);
      }),
    );
    expect(errors).toEqual([
      'tender.xlsx: has no sheet "bids": add it, with the header row bid_id, provider_id, care_type, coverage, price_per_hour, max_hours_per_week, role, package_id',
    ]);
  });

  test('a file that is not a workbook is told so', async () => {
    const file = path.join(await tempDir(), 'tender.xlsx');
    await writeFile(file, 'area_id,name\n');
    const { errors } = await problems(file);
    expect(errors).toEqual([
      `${file}: is not an Excel workbook (.xlsx): save it from your spreadsheet program as "Excel Workbook (.xlsx)", or give a scenario folder`,
    ]);
  });
});

describe('a copy of a table sheet ("Bids (2)", as Excel names a duplicated sheet)', () => {
  /** The bids sheet copied to `name`, its first price changed, as an officer edits the copy. */
  const withCopy = (name: string, hide = false) =>
    workbook((wb) => {
      copySheet(wb, 'bids', name).getCell('E2').value = 1;
      if (hide) sheet(wb, 'bids').state = 'hidden';
    });

  test('is one error naming both sheets, not the original read and the copy ignored', async () => {
    const { scenario, errors } = await problems(await withCopy('Bids (2)'));
    expect(scenario).toBeNull();
    expect(errors).toEqual([
      'tender.xlsx: sheet Bids (2): is a second bids sheet beside "bids", and zonal reads only "bids": ' +
        'delete the sheet you do not mean, or keep it under a name that is no copy of "bids" (old bids, say)',
    ]);
  });

  test('is told when the bids sheet is hidden too, and for "Copy of bids"', async () => {
    expect((await problems(await withCopy('Bids (2)', true))).errors[0]).toMatch(
      /sheet Bids \(2\): is a second bids sheet beside "bids" \(hidden\)/,
    );
    expect((await problems(await withCopy('Copy of bids'))).errors).toHaveLength(1);
  });

  test('"Bids 2" and "Bids_" are copies too, and the sheet read is the first, "bids"', async () => {
    for (const name of ['Bids 2', 'Bids_']) {
      expect((await problems(await withCopy(name))).errors).toEqual([
        expect.stringContaining(`tender.xlsx: sheet ${name}: is a second bids sheet beside "bids"`),
      ]);
    }
  });

  test('a copy of the scenario sheet is told as well, not its settings left out', async () => {
    const file = await workbook((wb) => {
      copySheet(wb, 'scenario', 'scenario (2)');
    });
    const { scenario, errors } = await problems(file);
    expect(scenario).toBeNull();
    expect(errors).toEqual([
      expect.stringContaining(
        'tender.xlsx: sheet scenario (2): is a second scenario sheet beside "scenario"',
      ),
    ]);
  });

  test.each(['zones-two (2)', 'Zones_two'])(
    'a copy of a zoning sheet ("%s") is told as a copy, not as a zoning with a bad name',
    async (name) => {
      const file = await workbook((wb) => {
        copySheet(wb, 'zones-two', name);
      });
      expect((await problems(file)).errors).toEqual([
        expect.stringContaining(`tender.xlsx: sheet ${name}: is a second zones-two sheet beside "zones-two"`),
      ]);
    },
  );

  test('a sheet of notes under another name is still ignored', async () => {
    const { errors } = await problems(await withCopy('old bids'));
    expect(errors).toEqual([]);
  });
});

describe('hidden rows (hidden by hand, or filtered out) on a table sheet', () => {
  test('are read, with one warning that names them, not read silently as if shown', async () => {
    const file = await workbook((wb) => {
      for (const n of [3, 5]) sheet(wb, 'bids').getRow(n).hidden = true;
    });
    const { scenario, errors, warnings } = await problems(file);
    expect(errors).toEqual([]);
    expect(scenario?.bids).toEqual((await problems(await workbook())).scenario?.bids);
    expect(warnings).toEqual([
      'tender.xlsx: bids row 3: warning: the row is hidden (or filtered out), and zonal reads it as any other; ' +
        'delete the row if it is no longer meant (a withdrawn bid, say); the same in 1 more row: 5',
    ]);
  });
});

describe('merged cells in the header row', () => {
  test('a group title row above the header ("Bid" over A:D, "Price" over E:H) is one message that says so', async () => {
    const file = await workbook((wb) => {
      const bids = sheet(wb, 'bids');
      bids.spliceRows(1, 0, ['Bid', '', '', '', 'Price', '', '', '']);
      bids.mergeCells('A1:D1');
      bids.mergeCells('E1:H1');
    });
    expect((await problems(file)).errors).toEqual([
      'tender.xlsx: bids row 1: cells A1:D1, E1:H1 are merged, so the row is no header (a header names each column in its own cell): ' +
        'if it is a group title above the header, delete the row; else unmerge the cells and name each column',
    ]);
  });

  test('two header cells merged is told as merged, not as a missing column', async () => {
    const file = await workbook((wb) => sheet(wb, 'bids').mergeCells('A1:B1'));
    expect((await problems(file)).errors).toEqual([
      expect.stringContaining('bids row 1: cells A1:B1 are merged'),
    ]);
  });

  test('a title merged across the table is still told as a title', async () => {
    const file = await workbook((wb) => {
      const bids = sheet(wb, 'bids');
      bids.spliceRows(1, 0, ['Bids received']);
      bids.mergeCells('A1:H1');
    });
    expect((await problems(file)).errors).toEqual([
      expect.stringContaining('holds only "Bids received", not the header'),
    ]);
  });
});

describe('a number in a cell formatted as a percentage, on a table sheet', () => {
  test('a quality score typed as 75% (held as 0.75) is told at its cell, not scored as 0.75 points', async () => {
    const file = await workbook((wb) => {
      const cell = sheet(wb, 'providers').getCell('E2');
      cell.value = 0.75;
      cell.style = { ...cell.style, numFmt: '0%' };
    });
    const { scenario, errors } = await problems(file);
    expect(scenario).toBeNull();
    expect(errors).toEqual([
      'tender.xlsx: providers!E2: quality_score is a percentage, not a number: give a quality score from 0 to 100 ' +
        'as a number (75 for 75%), in a cell formatted as a number (got "75%")',
    ]);
  });
});

describe('a hidden table sheet beside a shown sheet with its columns', () => {
  test('is one error, not the hidden sheet read and the shown one ignored', async () => {
    const file = await workbook((wb) => {
      copySheet(wb, 'bids', 'Bids final').getCell('E2').value = 1;
      sheet(wb, 'bids').state = 'hidden';
    });
    const { scenario, errors } = await problems(file);
    expect(scenario).toBeNull();
    expect(errors).toEqual([
      'tender.xlsx: sheet bids: is hidden, and zonal reads it, not the sheet "Bids final" with the same columns: ' +
        'delete the sheet you do not mean, or rename "Bids final" to "bids" if it holds the bids',
    ]);
  });

  test('a hidden table sheet alone, or beside another table sheet with its columns, is read as it is', async () => {
    const file = await workbook((wb) => {
      sheet(wb, 'bids').state = 'hidden';
      sheet(wb, 'zones-one').state = 'hidden';
    });
    expect((await problems(file)).errors).toEqual([]);
  });
});

describe('ids pasted with a character that cannot be seen', () => {
  test('name the character, and down a column are one message', async () => {
    const file = await workbook((wb) => {
      const bids = sheet(wb, 'bids');
      for (const n of [2, 3]) bids.getCell(`B${n}`).value = `${String(bids.getCell(`B${n}`).value)}\u200b`;
    });
    expect((await problems(file)).errors).toEqual([
      'tender.xlsx: bids!B2: provider_id is not a valid id: use only letters, digits, _ . and -; it holds U+200B, ' +
        'a character that cannot be seen, after "P-ALDER": retype the id (got "P-ALDER\u200b"); the same in 1 more row: 3',
    ]);
  });
});
