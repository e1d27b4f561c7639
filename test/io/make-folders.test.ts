import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeFolders } from '../../src/io/make-folders.js';

describe('makeFolders', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'zonal-folders-'));

  test('makes every missing folder, and accepts folders that exist', async () => {
    const deep = path.join(root, 'a', 'b', 'c');
    await makeFolders(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await makeFolders(deep);
    await makeFolders(path.join(root, 'a'));
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  test('a file in the path, or as the folder itself, is named', async () => {
    const file = path.join(root, 'file');
    writeFileSync(file, 'x');
    await expect(makeFolders(path.join(file, 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR', file });
    await expect(makeFolders(file)).rejects.toMatchObject({ code: 'ENOTDIR', file });
  });

  // Node 20's recursive mkdir never returns here: /proc exists but refuses new folders with ENOENT.
  test.runIf(existsSync('/proc/self'))(
    'a folder the system refuses ends with its error, not a hang',
    async () => {
      await expect(makeFolders('/proc/zonal-nope/deeper')).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );
});
