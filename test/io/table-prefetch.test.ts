import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { TablePrefetch } from '../../src/io/table-prefetch.js';

describe('TablePrefetch', () => {
  test('opens at most 32 files ahead, however many the settings name; the rest are left to the reader', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonal-prefetch-'));
    const zonings: Record<string, string> = {};
    for (let i = 0; i < 100; i++) {
      writeFileSync(path.join(dir, `z${i}.csv`), 'area,zone\na,1\n');
      zonings[`z${i}`] = `z${i}.csv`;
    }
    const prefetch = new TablePrefetch(dir, { zonings });
    const taken = Object.values(zonings).map((ref) => prefetch.take(ref));
    expect(taken.filter((t) => t !== undefined)).toHaveLength(32);
    expect(taken.slice(32).every((t) => t === undefined)).toBe(true);
    const first = await taken[0];
    expect(first?.opened.kind).toBe('ok');
    expect((await first?.whole)?.toString()).toBe('area,zone\na,1\n');
    if (first?.opened.kind === 'ok') await first.opened.handle.close();
    for (const t of taken.slice(1, 32)) {
      const file = await t;
      if (file?.opened.kind === 'ok') await file.opened.handle.close();
    }
  });

  test('a file named twice is opened once; close closes what was never taken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonal-prefetch-'));
    writeFileSync(path.join(dir, 'z.csv'), 'area,zone\n');
    const prefetch = new TablePrefetch(dir, {
      zonings: { a: 'z.csv', b: 'z.csv' },
      files: { demand: 'gone.csv' },
    });
    const missing = await prefetch.take('gone.csv');
    expect(missing?.opened).toMatchObject({ kind: 'bad', reason: 'missing' });
    await prefetch.close();
    expect(prefetch.take('z.csv')).toBeUndefined();
  });
});
