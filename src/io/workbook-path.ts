/**
 * What marks a workbook scenario, kept apart from the workbook reader so that
 * reading a folder never loads exceljs (it takes a good part of a second).
 */

export const isWorkbookPath = (p: string): boolean => /\.xlsx$/i.test(p);

/** Sheet names of a workbook scenario (the CSV file names without `.csv`). */
export const sheetNames = {
  settings: 'scenario',
  areas: 'areas',
  demand: 'demand',
  providers: 'providers',
  bids: 'bids',
  current: 'current',
  zoningPrefix: 'zones-',
} as const;

/**
 * The zoning a sheet holds, or null: `zones-<name>` in any case, or, when its header is a
 * zoning's (`hasZoningHeader`), as people type it too (`Zones two`, `zones_two`); a sheet of
 * notes called `Zones overview` stays a sheet zonal ignores.
 */
export function zoningOfSheet(sheetName: string, hasZoningHeader: boolean): string | null {
  const pattern = hasZoningHeader ? /^\s*zones\s*[-_ ]\s*(\S.*?)\s*$/i : /^\s*zones-(\S.*?)\s*$/i;
  return pattern.exec(sheetName)?.[1] ?? null;
}
