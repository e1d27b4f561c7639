/**
 * A scenario written as one workbook, the shape read-workbook.ts reads back:
 * an instructions sheet, a `scenario` sheet of settings (key, value, meaning)
 * and one sheet per table with the CSV files' columns. Columns get number
 * formats, and care types, rurality, roles and lot structures get drop-down
 * lists, so a spreadsheet user is steered away from the usual mistakes.
 * Used by `zonal init --xlsx` (the template) and to turn a folder into a workbook.
 */
import { withoutMoneySign } from '../model/money.js';
import { settingsCurrency } from '../model/scenario-schema.js';
import ExcelJS from 'exceljs';
import { careTypes, lotStructures, objectives, ruralities } from '../model/types.js';
import { structureOf } from '../structures/index.js';
import { addTableSheet, workbookBytes } from '../report/xlsx/exceljs-sheet.js';
import type { ColumnFormat, SheetCell } from '../report/xlsx/sheet.js';
import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { IssueList } from '../diagnostics/issues.js';
import type { CsvRecord, CsvTable } from './csv-read.js';
import { folderSource } from './read-scenario.js';
import { sheetNames } from './workbook-path.js';
import { tableRefs } from './scenario-settings.js';
import { requiredColumns } from '../model/row-schemas.js';

export interface ScenarioTables {
  /** scenario.json as parsed. */
  readonly settings: Record<string, unknown>;
  /** Sheet name (`areas`, `zones-two`, …) → table. */
  readonly tables: ReadonlyMap<string, CsvTable>;
}

const columnFormats: Readonly<Record<string, ColumnFormat>> = {
  lat: 'coordinate',
  lon: 'coordinate',
  population: 'integer',
  population_65_plus: 'integer',
  area_km2: 'decimal',
  hours_per_week: 'hours',
  hours_low: 'hours',
  hours_high: 'hours',
  max_hours_per_week: 'hours',
  min_viable_hours_per_week: 'hours',
  quality_score: 'score',
  price_per_hour: 'currency',
};

const columnLists: Readonly<Record<string, readonly string[]>> = {
  care_type: careTypes,
  rurality: ruralities,
  role: ['any', 'lead', 'secondary'],
};

const settingLists: Readonly<Record<string, readonly string[]>> = {
  geography: ['zone', 'county'],
  structure: lotStructures,
  objective: objectives,
  merge: ['standard'],
  backup: ['TRUE', 'FALSE'],
  rejectBelowLegalPay: ['TRUE', 'FALSE'],
};

const settingMeanings: Readonly<Record<string, string>> = {
  name: 'shown in every report',
  currency:
    'the currency of every price and money figure, as its three-letter code: GBP, EUR for euros (GBP)',
  weeksPerYear: 'turns hours a week into annual cost (52)',
  period: 'which demand rows are the design demand',
  zoning: 'the zoning to use: a sheet "zones-<name>" holds each zoning',
  geography: 'zone: one lot per zone; county: one lot for the whole county',
  structure: lotStructures.join(', '),
  ...Object.assign({}, ...lotStructures.map((k) => structureOf(k).meanings)),
  merge: '"standard" folds this care type into the standard lots',
  objective:
    'cost (lowest annual cost), meat (best price-quality) or whole-life (discounted cost over the contract)',
  qualityWeight: 'MEAT weight of quality; with priceWeight it should add up to 1 (70% = 0.7)',
  priceWeight: 'MEAT weight of price; with qualityWeight it should add up to 1 (30% = 0.3)',
  minQuality: 'bids below this quality score cannot win',
  maxShareOfTotalHours: 'most any provider may hold, as a share of all hours (25% = 0.25)',
  maxLotsPerProvider: 'most lots any provider may win (null: no limit)',
  minDistinctProviders: 'at least this many different providers must win',
  unmetPenaltyPerHour: 'cost per hour of leaving demand unmet',
  spotPricePerHour:
    "price an hour (in the scenario's currency) at which unmet hours would be bought on spot contracts (the all-in cost)",
  rejectBelowLegalPay: 'TRUE: a bid that cannot pay legal wages in a lot may not win it',
  maxAnnualBudget:
    "the most the award may pay its winners in the design year, in the scenario's currency (null: no budget)",
  // The whole contract (docs/contract.md).
  startPeriod: 'first contract year, e.g. 2027',
  years: 'years of the base term',
  extensions: 'extension periods in years, e.g. 2;2 for 6+2+2 (empty: none)',
  discountRate: 'discount rate a year (3.5% = 0.035, the Green Book rate)',
  kind: 'how prices rise each year: none, fixed or wage',
  percentPerYear: 'fixed indexation: the yearly uplift, percent',
  labourShare: 'wage indexation: the share of the price that is pay (0-1)',
  wageRisePercentPerYear: 'the wage rise every contract year, percent',
  mobilisationCostPerHour: "paid once per weekly hour that changes provider, in the scenario's currency",
  doubleRunningWeeks: 'weeks the old and the new provider are both paid for an hour that moves',
  maxMovedShare: "most of today's hours that may change provider, as a share",
  priceChange: 'TRUE: add the one-off cost of change to the objective',
  compare: 'payment models compared: hourly, core-reward, capitated, saved-hours (separated by ;)',
};

const instructions = [
  'zonal scenario workbook',
  '',
  'This workbook is a whole zonal scenario. Give it to zonal in place of a scenario folder:',
  '    zonal validate tender.xlsx        zonal solve tender.xlsx --out out',
  '',
  'Sheets:',
  '  scenario      the settings, one per row: a key (lots.standard.leadShare) and its value. Shares may be typed as 80%.',
  '  areas         one row per area: area_id, name, lat, lon, population, population_65_plus, rurality (urban, town, rural), area_km2 (optional)',
  '  zones-<name>  one sheet per zoning: area_id, zone_id; every area in exactly one zone',
  '  demand        area_id, care_type, period, hours_per_week (hours_low, hours_high optional)',
  '  providers     provider_id, name, max_hours_per_week, min_viable_hours_per_week, quality_score (0-100), base_area_id (optional)',
  '  bids          bid_id, provider_id, care_type, coverage (* or area/zone ids separated by ;), price_per_hour, max_hours_per_week, role, package_id',
  "  current       (optional) today's caseload: area_id, care_type, provider_id, hours_per_week",
  '',
  'The example rows are a small, valid scenario: replace them with your own. Keep the header row (row 1) of every sheet.',
  'Care types, rurality, roles and lot structures have drop-down lists. Ids use letters, digits, _ . - only.',
  'Problems are reported by sheet and cell, e.g. "tender.xlsx: bids!E7: price_per_hour is not a number".',
  'More: docs/spreadsheets.md in zonal.',
];

/** A CSV cell as a spreadsheet value: numbers in number columns, text elsewhere. */
function cellValue(column: string, text: string): SheetCell {
  if (text === '') return null;
  if (columnFormats[column] === undefined) return text;
  const n = Number(withoutMoneySign(text).replace(/,/g, ''));
  return Number.isFinite(n) ? n : text;
}

function listValidation(values: readonly string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Not in the list',
    error: `Choose one of: ${values.join(', ')}`,
  };
}

const spareRows = 300;

function addDataSheet(workbook: ExcelJS.Workbook, name: string, table: CsvTable, currency: string): void {
  const sheet = addTableSheet(
    workbook,
    {
      name,
      columns: table.header.map((h) => ({ header: h, format: columnFormats[h] ?? 'text' })),
      rows: table.records.map((r) => table.header.map((h) => cellValue(h, r.cells[h] ?? ''))),
    },
    currency,
  );
  table.header.forEach((h, i) => {
    const values = columnLists[h];
    if (values === undefined) return;
    for (let row = 2; row <= table.records.length + spareRows; row++)
      sheet.getCell(row, i + 1).dataValidation = listValidation(values);
  });
}

/** Settings as dotted key rows, in scenario.json's order; files and zonings come from the sheets. */
function flatten(value: unknown, prefix: string[] = []): { key: string[]; value: SheetCell }[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) =>
      prefix.length === 0 && (k === 'files' || k === 'zonings') ? [] : flatten(v, [...prefix, k]),
    );
  }
  const cell: SheetCell = Array.isArray(value)
    ? JSON.stringify(value)
    : value === null
      ? 'null'
      : (value as SheetCell);
  return [{ key: prefix, value: cell }];
}

function addSettingsSheet(workbook: ExcelJS.Workbook, settings: Record<string, unknown>): void {
  const rows = flatten(settings);
  const sheet = addTableSheet(
    workbook,
    {
      name: sheetNames.settings,
      columns: [
        { header: 'key', format: 'text' },
        { header: 'value', format: 'general' },
        { header: 'meaning', format: 'text' },
      ],
      rows: rows.map((r) => [r.key.join('.'), r.value, settingMeanings[r.key[r.key.length - 1] ?? ''] ?? '']),
    },
    settingsCurrency(settings),
  );
  rows.forEach((r, i) => {
    const cell = sheet.getCell(i + 2, 2);
    const last = r.key[r.key.length - 1] ?? '';
    const values = settingLists[last];
    if (values !== undefined) cell.dataValidation = listValidation(values);
    if (typeof r.value === 'number' && /share|weight/i.test(last)) cell.numFmt = '0%';
  });
}

export async function scenarioWorkbook(scenario: ScenarioTables): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const help = workbook.addWorksheet('instructions');
  help.getColumn(1).width = 130;
  instructions.forEach((line, i) => {
    const row = help.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  addSettingsSheet(workbook, scenario.settings);
  const currency = settingsCurrency(scenario.settings);
  for (const [name, table] of scenario.tables) addDataSheet(workbook, name, table, currency);
  return workbookBytes(workbook);
}

/** A scenario folder's settings and tables as workbook sheets (zonings become `zones-<name>`). */
export async function folderTables(dir: string): Promise<ScenarioTables | null> {
  const issues = new IssueList();
  const source = await folderSource(
    await realpath(path.resolve(dir)).catch(() => path.resolve(dir)),
    dir,
    issues,
    createHash('sha256'),
  );
  const refs = tableRefs(source?.settings);
  if (source === null || refs === null || typeof source.settings !== 'object' || source.settings === null)
    return null;
  type Sheet = [sheet: string, ref: string, table: keyof typeof requiredColumns];
  const file = (k: 'areas' | 'demand' | 'providers' | 'bids' | 'current'): Sheet[] => {
    const ref = refs.files[k];
    return ref === undefined ? [] : [[sheetNames[k], ref, k]];
  };
  // In the order a person fills them in: areas, their zones, then demand, providers and bids.
  const sheets: Sheet[] = [
    ...file('areas'),
    ...Object.entries(refs.zonings).map(
      ([name, ref]): Sheet => [`${sheetNames.zoningPrefix}${name}`, ref, 'zones'],
    ),
    ...file('demand'),
    ...file('providers'),
    ...file('bids'),
    ...file('current'),
  ];
  const tables = new Map<string, CsvTable>();
  for (const [sheet, ref, table] of sheets) {
    let header: readonly string[] = [];
    let headerLine = 1;
    const records: CsvRecord[] = [];
    const read = await source.table(ref, {
      required: requiredColumns[table],
      header: (h, line) => {
        header = h;
        headerLine = line;
        return true;
      },
      record: (r) => {
        records.push(r);
      },
    });
    if (!read) return null;
    tables.set(sheet, { header, headerLine, records });
  }
  return { settings: source.settings as Record<string, unknown>, tables };
}
