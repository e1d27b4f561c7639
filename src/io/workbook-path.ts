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
