import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isInside, openScenarioFile, readSmallOpened, streamChunkBytes } from '../../src/io/scenario-file.js';
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

describe('readSmallOpened', () => {
  async function opened(text: string) {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'bids.csv'), text, 'utf8');
    const file = await openScenarioFile(dir, 'bids.csv', 1 << 30);
    if (file.kind !== 'ok') throw new Error('not opened');
    return { ...file, grow: () => appendFile(path.join(dir, 'bids.csv'), 'more\n') };
  }

  test('a small file is its bytes, an empty one none', async () => {
    for (const text of ['bid_id\nB1\n', '']) {
      const file = await opened(text);
      expect((await readSmallOpened(file.handle, file.size))?.toString('utf8')).toBe(text);
      await file.handle.close();
    }
  });

  test('a file that grew after it was opened, or one chunk or more, is left to the stream', async () => {
    const grown = await opened('bid_id\nB1\n');
    await grown.grow();
    expect(await readSmallOpened(grown.handle, grown.size)).toBeNull();
    await grown.handle.close();
    const large = await opened('x'.repeat(streamChunkBytes));
    expect(await readSmallOpened(large.handle, large.size)).toBeNull();
    await large.handle.close();
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
