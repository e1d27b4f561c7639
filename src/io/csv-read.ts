import { parseString } from 'fast-csv';

/** One data record of a CSV file, by column name, with the line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
  /** How many cells the row really had (to spot rows longer than the header). */
  readonly width: number;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

/**
 * Physical line on which each record starts. fast-csv does not report
 * positions, and quoted fields may hold line breaks, so we scan once for
 * record boundaries outside quotes.
 */
function recordStartLines(text: string): number[] {
  const starts = [1];
  let line = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n') {
      line++;
      if (!inQuotes) starts.push(line);
    }
  }
  return starts;
}

function parseRows(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { headers: false, ignoreEmpty: false, trim: true })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

/** Parse CSV text (UTF-8 BOM, CRLF and quoted fields allowed); blank lines are skipped. */
export async function parseCsv(text: string): Promise<CsvTable> {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = await parseRows(clean);
  const lines = recordStartLines(clean);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const records: CsvRecord[] = [];
  rows.slice(1).forEach((row, i) => {
    if (row.every((cell) => cell === '')) return;
    const cells: Record<string, string> = {};
    header.forEach((name, c) => {
      cells[name] = row[c] ?? '';
    });
    records.push({ line: lines[i + 1] ?? i + 2, cells, width: row.length });
  });
  return { header, records };
}
