import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scenarioWithin } from '../../src/io/folder-size.js';

describe('scenarioWithin', () => {
  test('counts the files of subfolders too, a workbook by its size, and a missing path as large', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonal-size-'));
    writeFileSync(path.join(dir, 'scenario.json'), 'x'.repeat(100));
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'demand.csv'), 'x'.repeat(1000));
    expect(scenarioWithin(dir, 1100)).toBe(true);
    expect(scenarioWithin(dir, 1099)).toBe(false);
    expect(scenarioWithin(path.join(dir, 'data', 'demand.csv'), 1000)).toBe(true);
    expect(scenarioWithin(path.join(dir, 'nowhere'), 1e9)).toBe(false);
  });
});
