/**
 * comparison.xlsx: what a committee reads first (the cheapest and least risky
 * options, which are dominated, which cannot be bought as specified), then every option as a formatted row, the
 * same columns as comparison.csv. Pure apart from exceljs building the bytes.
 */
import { peopleTable } from '../report/xlsx/people-table.js';
import { tablesWorkbook, type SummaryLine } from '../report/xlsx/sheet.js';
import { realChoices, type Comparison } from './compare.js';
import { comparisonCsvHeader, comparisonCsvRow, noBuyableOption, tiedText } from './comparison-output.js';

function optionText(c: Comparison, key: string | null): string {
  const row = c.rows.find((r) => r.key === key);
  if (row === undefined || row.metrics === null) return noBuyableOption;
  return `${row.option} (${row.label}${row.zoning === null ? '' : `; zoning "${row.zoning}"`})`;
}

function costOf(c: Comparison, key: string | null): number | null {
  return c.rows.find((r) => r.key === key)?.metrics?.annualCost ?? null;
}

export function comparisonWorkbook(c: Comparison, currency: string): Promise<Uint8Array> {
  const summary: SummaryLine[] = [
    { label: 'Period', value: c.period },
    { label: 'Options compared', value: c.rows.length, format: 'integer' },
    { label: 'Cheapest', value: `${optionText(c, c.cheapest)}${tiedText(c, c.cheapest)}` },
    { label: 'Cheapest: annual cost', value: costOf(c, c.cheapest), format: 'currency' },
    { label: 'Least risky', value: `${optionText(c, c.leastRisky)}${tiedText(c, c.leastRisky)}` },
    { label: 'Least risky: annual cost', value: costOf(c, c.leastRisky), format: 'currency' },
    { label: 'Dominated (beaten on cost, risk and unmet hours)', value: c.dominated.join(', ') || 'none' },
    { label: 'Not dominated (the real choices)', value: realChoices(c).join(', ') || 'none' },
    { label: 'Cannot be bought as specified', value: c.notBuyable.join(', ') || 'none' },
    {
      label: 'Failed',
      value:
        c.rows
          .filter((r) => r.error !== null)
          .map((r) => r.key)
          .join(', ') || 'none',
    },
  ];
  return tablesWorkbook(
    c.scenario,
    summary,
    [peopleTable('options', comparisonCsvHeader, c.rows.map(comparisonCsvRow))],
    currency,
  );
}
