import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeOutputsAtomically } from '../../src/io/write-outputs.js';
import { tempDir } from '../helpers/scenario-folder.js';

describe('writeOutputsAtomically', () => {
  test('writes every file, replaces older ones, leaves other files and no temporary folder', async () => {
    const out = path.join(await tempDir(), 'nested', 'out');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'a.txt'), 'old', 'utf8');
    await writeFile(path.join(out, 'keep.txt'), 'mine', 'utf8');
    await writeOutputsAtomically(out, new Map([['a.txt', 'new'], ['b.csv', 'x,y\n']]));
    expect((await readdir(out)).sort()).toEqual(['a.txt', 'b.csv', 'keep.txt']);
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('new');
    expect(await readFile(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
