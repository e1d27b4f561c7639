/**
 * A running batch's files: each row appended to batch.jsonl and batch.csv the
 * moment it lands (so a killed run keeps every finished row for --resume), and
 * all three files rewritten in variant order at the start and the end.
 *
 * Each row's lines are formatted once, when it lands, and reused by the final
 * rewrite; the two journal files stay open while the batch runs, so a row costs
 * two writes and no opening of files (the main thread shares the cores with the
 * workers: docs/performance.md, "Batch").
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { writeOutputsAtomically } from '../io/write-outputs.js';
import { batchWorkbook } from './batch-workbook.js';
import { batchCsvHeaderLine, batchCsvRows, jsonlLine } from './batch-output.js';
import type { BatchRow } from './run-variant.js';

export const batchFiles = { jsonl: 'batch.jsonl', csv: 'batch.csv', xlsx: 'batch.xlsx' } as const;

/** A row with its line of batch.jsonl and of batch.csv. */
export interface JournalLine {
  readonly row: BatchRow;
  readonly jsonl: string;
  readonly csv: string;
}

export function journalLine(row: BatchRow): JournalLine {
  return { row, jsonl: jsonlLine(row), csv: batchCsvRows([row]) };
}

/** What batch.xlsx says of the batch as a whole: its batch file's name, and how many variants it has. */
export interface BatchBook {
  readonly name: string | null;
  readonly total: number;
  /** The currency each base prices in, by base. */
  readonly currencies: ReadonlyMap<string, string>;
}

/** All three files, rows in variant order, each file whole or not at all. */
export async function rewriteBatchFiles(
  outDir: string,
  lines: readonly JournalLine[],
  book: BatchBook,
): Promise<void> {
  const sorted = [...lines].sort((a, b) => a.row.index - b.row.index);
  await writeOutputsAtomically(
    outDir,
    new Map<string, string | Uint8Array>([
      [batchFiles.jsonl, sorted.map((l) => l.jsonl).join('')],
      [batchFiles.csv, batchCsvHeaderLine() + sorted.map((l) => l.csv).join('')],
      [
        batchFiles.xlsx,
        await batchWorkbook(
          book.name,
          sorted.map((l) => l.row),
          book.total,
          book.currencies,
        ),
      ],
    ]),
    undefined,
    [],
    'batch',
  );
}

/** batch.jsonl and batch.csv open for appending while the batch runs. */
export interface Journal {
  append(line: JournalLine): void;
  close(): void;
}

export function openJournal(outDir: string): Journal {
  const jsonl = openSync(path.join(outDir, batchFiles.jsonl), 'a');
  let csv: number;
  try {
    csv = openSync(path.join(outDir, batchFiles.csv), 'a');
  } catch (e) {
    closeSync(jsonl);
    throw e;
  }
  return {
    append(line) {
      writeSync(jsonl, line.jsonl);
      writeSync(csv, line.csv);
    },
    close() {
      closeSync(jsonl);
      closeSync(csv);
    },
  };
}
