import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isInside, openScenarioFile } from '../../src/io/scenario-file.js';
import { tempDir } from '../helpers/scenario-folder.js';

describe('openScenarioFile', () => {
  test('a file over the size cap is refused with its size, before reading', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'demand.csv'), 'x'.repeat(3 * 1024 * 1024), 'utf8');
    const opened = await openScenarioFile(dir, 'demand.csv', 2 * 1024 * 1024);
    expect(opened).toEqual({
      kind: 'bad',
      reason: 'refused',
      message: expect.stringContaining('is 3.0 MB, more than the 2.0 MB zonal reads from one file'),
    });
  });

  test('a folder where a file should be is refused', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'bids.csv'));
    expect(await openScenarioFile(dir, 'bids.csv', 1000)).toMatchObject({
      kind: 'bad',
      message: expect.stringContaining('is a folder, not a regular file'),
    });
  });

  test('a missing file and a path outside are told apart', async () => {
    const dir = await tempDir();
    expect(await openScenarioFile(dir, 'nope.csv', 1000)).toMatchObject({ kind: 'bad', reason: 'missing' });
    expect(await openScenarioFile(dir, '/etc/passwd', 1000)).toMatchObject({
      kind: 'bad',
      reason: 'outside',
    });
    expect(await openScenarioFile(dir, 'a/../../x.csv', 1000)).toMatchObject({
      kind: 'bad',
      reason: 'outside',
    });
  });

  test('a regular file inside opens with its size', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '..bids.csv'), 'a,b\n', 'utf8');
    const opened = await openScenarioFile(dir, '..bids.csv', 1000);
    expect(opened).toMatchObject({ kind: 'ok', size: 4 });
    if (opened.kind === 'ok') await opened.handle.close();
  });
});

describe('isInside', () => {
  test.each([
    ['/s', '/s/a.csv', true],
    ['/s', '/s/..a.csv', true],
    ['/s', '/s/sub/../a.csv', true],
    ['/s', '/s', true],
    ['/s', '/a.csv', false],
    ['/s', '/s2/a.csv', false],
    ['/s', '/s/../t/a.csv', false],
  ])('%s contains %s: %s', (parent, child, inside) =>
    expect(isInside(parent, path.resolve(child))).toBe(inside),
  );
});
