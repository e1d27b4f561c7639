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
 * zoning's (`hasZoningHeader`), as people type it too (`Zones two`, `zones_two`, `Zones (two)`,
 * `Zones "two"`); a sheet of notes called `Zones overview` stays a sheet zonal ignores.
 */
export function zoningOfSheet(sheetName: string, hasZoningHeader: boolean): string | null {
  if (!hasZoningHeader) return /^\s*zones-(\S.*?)\s*$/i.exec(sheetName)?.[1] ?? null;
  const name = /^\s*zones\s*[-_ ]\s*(\S.*?)\s*$/i.exec(sheetName)?.[1];
  if (name === undefined) return null;
  // A name in brackets or quotes is the name: "(two)" is the zoning "two", not a name zonal refuses.
  const quoted = /^(?:\((.+)\)|"(.+)")$/.exec(name);
  return (quoted?.[1] ?? quoted?.[2] ?? name).trim();
}
