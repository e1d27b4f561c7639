import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { TablePrefetch, type PrefetchedFile } from '../../src/io/table-prefetch.js';

/** Files this process has open now. */
const openFiles = () => readdirSync('/proc/self/fd').length;

function folderWith(names: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonal-prefetch-'));
  for (const name of names) writeFileSync(path.join(dir, name), 'area_id,zone_id\na,1\n');
  return dir;
}

async function closeAll(files: readonly (PrefetchedFile | undefined)[]): Promise<void> {
  for (const file of files) if (file?.opened.kind === 'ok') await file.opened.handle.close();
}

describe.runIf(process.platform === 'linux')('TablePrefetch', () => {
  test('opens at most 32 files ahead, the tables before the zonings', async () => {
    const zoningFiles = Array.from({ length: 100 }, (_, i) => `z${i}.csv`);
    const dir = folderWith([...zoningFiles, 'demand.csv']);
    const zonings = Object.fromEntries(zoningFiles.map((f, i) => [`z${i}`, f]));
    const before = openFiles();
    const prefetch = new TablePrefetch(dir, { zonings, files: { demand: 'demand.csv' } });
    const demand = prefetch.take('demand.csv');
    const taken = zoningFiles.map((f) => prefetch.take(f)).filter((t) => t !== undefined);
    expect(demand).toBeDefined();
    expect(taken).toHaveLength(31);
    const files = await Promise.all([demand, ...taken]);
    expect((await files[0]?.whole)?.toString()).toBe('area_id,zone_id\na,1\n');
    expect(openFiles() - before).toBe(32);
    await closeAll(files);
    expect(openFiles() - before).toBe(0);
  });

  test('a file named twice is opened once; close closes what was never taken', async () => {
    const dir = folderWith(['z.csv']);
    const before = openFiles();
    const twice = new TablePrefetch(dir, { zonings: { a: 'z.csv', b: 'z.csv' } });
    const file = await twice.take('z.csv');
    expect(twice.take('z.csv')).toBeUndefined();
    expect(openFiles() - before).toBe(1);
    await closeAll([file]);
    const untaken = new TablePrefetch(dir, { zonings: { a: 'z.csv' }, files: { demand: 'gone.csv' } });
    await untaken.close();
    expect(openFiles() - before).toBe(0);
  });
});
