import { spawnSync } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { OutputError } from '../../src/io/output-error.js';
import {
  createFolderAtomically,
  writeFileAtomically,
  writeOutputsAtomically,
} from '../../src/io/write-outputs.js';
import { assertBuilt, repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

const visible = async (dir: string) => (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
const hidden = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('.')).sort();

const oldSet = new Map([
  ['a.txt', 'old a'],
  ['b.csv', 'old b'],
  ['gone.json', 'old gone'],
]);
const newSet = new Map([
  ['a.txt', 'new a'],
  ['b.csv', 'new b'],
  ['added.json', 'new added'],
]);

/** Which set the folder shows: 'old', 'new', or a description of the mix. */
async function shownSet(out: string, before: ReadonlyMap<string, string> = oldSet): Promise<string> {
  const names = [...new Set([...before.keys(), ...newSet.keys()])];
  const seen = await Promise.all(names.map((n) => readFile(path.join(out, n), 'utf8').catch(() => null)));
  const matches = (set: ReadonlyMap<string, string>) =>
    names.every((n, i) => seen[i] === (set.get(n) ?? null));
  if (matches(before)) return 'old';
  if (matches(newSet)) return 'new';
  return `a mix: ${names.map((n, i) => `${n}=${seen[i] ?? '(absent)'}`).join(', ')}`;
}

describe('writeOutputsAtomically', () => {
  test('writes every file, replaces older ones, leaves other files and no temporary folder', async () => {
    const out = path.join(await tempDir(), 'nested', 'out');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'a.txt'), 'old', 'utf8');
    await writeFile(path.join(out, 'keep.txt'), 'mine', 'utf8');
    await writeOutputsAtomically(
      out,
      new Map([
        ['a.txt', 'new'],
        ['b.csv', 'x,y\n'],
      ]),
    );
    expect(await visible(out)).toEqual(['a.txt', 'b.csv', 'keep.txt']);
    expect(await hidden(out)).toEqual(['.zonal-current', '.zonal-sets']);
    expect(await readdir(path.join(out, '.zonal-sets'))).toHaveLength(1);
    expect(await readFile(path.join(out, 'a.txt'), 'utf8')).toBe('new');
    expect(await readFile(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect((await lstat(path.join(out, 'keep.txt'))).isFile()).toBe(true);
  });

  test('a name the new set does not have disappears; the old set is removed', async () => {
    const out = await tempDir();
    await writeOutputsAtomically(out, oldSet);
    expect(await shownSet(out)).toBe('old');
    await writeOutputsAtomically(out, newSet);
    expect(await shownSet(out)).toBe('new');
    expect(await visible(out)).toEqual(['a.txt', 'added.json', 'b.csv']);
    expect(await readdir(path.join(out, '.zonal-sets'))).toHaveLength(1);
  });

  test('two commands writing into one folder each keep their own set', async () => {
    const out = await tempDir();
    await writeOutputsAtomically(
      out,
      new Map([
        ['result.json', 'solve 1'],
        ['report.html', 'solve report'],
      ]),
    );
    await writeOutputsAtomically(
      out,
      new Map([
        ['comparison.json', 'compare 1'],
        ['report.html', 'compare report'],
      ]),
      undefined,
      [],
      'compare',
    );
    expect(await visible(out)).toEqual(['comparison.json', 'report.html', 'result.json']);
    expect(await readFile(path.join(out, 'result.json'), 'utf8')).toBe('solve 1');
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe('compare report');
    await writeOutputsAtomically(out, new Map([['result.json', 'solve 2']]));
    expect(await visible(out)).toEqual(['comparison.json', 'report.html', 'result.json']);
    expect(await readFile(path.join(out, 'comparison.json'), 'utf8')).toBe('compare 1');
    expect(await readdir(path.join(out, '.zonal-sets'))).toHaveLength(2);
  });

  test('a folder where zonal needs a file: a clear OutputError, nothing changed', async () => {
    const out = await tempDir();
    await mkdir(path.join(out, 'a.txt'));
    await expect(writeOutputsAtomically(out, newSet)).rejects.toThrow(/a\.txt: is a folder/);
    expect(await visible(out)).toEqual(['a.txt']);
  });

  // root may write anywhere, so the case cannot arise for root
  test.skipIf(process.getuid?.() === 0)(
    'an unwritable folder: OutputError saying why, not raw errno text',
    async () => {
      const parent = await tempDir();
      await chmod(parent, 0o500);
      const err = await writeOutputsAtomically(path.join(parent, 'out'), newSet).catch((e: unknown) => e);
      await chmod(parent, 0o700);
      expect(err).toBeInstanceOf(OutputError);
      expect((err as Error).message).toMatch(/: cannot write there: permission denied \(EACCES\)/);
    },
  );
});

describe('a kill at any step of the output write leaves the old or the new set, whole', () => {
  beforeAll(assertBuilt);
  const module = pathToFileURL(path.join(repoRoot, 'dist/io/write-outputs.js')).href;

  /** Write `files` in a child process; with `killAfter`, it kills itself (SIGKILL) right after that step. */
  function childWrite(out: string, files: ReadonlyMap<string, string>, killAfter = ''): number | null {
    const script = `
      const { writeOutputsAtomically } = await import(${JSON.stringify(module)});
      await writeOutputsAtomically(${JSON.stringify(out)}, new Map(${JSON.stringify([...files])}),
        (s) => { if (s === ${JSON.stringify(killAfter)}) process.kill(process.pid, 'SIGKILL'); });`;
    return spawnSync(process.execPath, ['--input-type=module', '-e', script]).status;
  }

  /** Each lays out an old set and returns it. An older zonal never marked its files, so there only names the new set shares count as its own. */
  const layouts = {
    'a set written by zonal': async (out: string) => {
      expect(childWrite(out, oldSet)).toBe(0);
      return oldSet;
    },
    'plain files of an older zonal': async (out: string) => {
      const shared = new Map([...oldSet].filter(([name]) => newSet.has(name)));
      for (const [name, text] of shared) await writeFile(path.join(out, name), text, 'utf8');
      return shared;
    },
  };
  const cases = Object.keys(layouts).flatMap((layout) =>
    [
      ['set-written', 'old'],
      ['links-ready', 'old'],
      ['committed', 'new'],
      ['cleaned', 'new'],
    ].map(([step, set]) => [layout, step, set] as const),
  );

  test.each(cases)('over %s, killed after %s: the %s set', async (layout, step, expected) => {
    const out = await tempDir();
    const before = await layouts[layout as keyof typeof layouts](out);
    await writeFile(path.join(out, 'mine.txt'), 'user file', 'utf8');
    expect(childWrite(out, newSet, step)).toBe(null); // killed by the signal, so no exit code
    expect(await shownSet(out, before)).toBe(expected);
    // the next run clears what the killed one left and writes its set
    expect(childWrite(out, oldSet)).toBe(0);
    expect(await shownSet(out)).toBe('old');
    expect((await readdir(out)).filter((n) => n.startsWith('.zonal-tmp-'))).toEqual([]);
    expect(await readdir(path.join(out, '.zonal-sets'))).toHaveLength(1);
    expect(await readFile(path.join(out, 'mine.txt'), 'utf8')).toBe('user file');
  });

  test('a temporary folder left by an older zonal that was killed is removed', async () => {
    const out = await tempDir();
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    await mkdir(path.join(out, `.zonal-tmp-${deadPid}-1700000000000`));
    await writeFile(path.join(out, `.zonal-tmp-${deadPid}-1700000000000`, 'result.json'), '{}', 'utf8');
    await writeOutputsAtomically(out, newSet);
    expect((await readdir(out)).filter((n) => n.startsWith('.zonal-tmp-'))).toEqual([]);
  });
});

describe('single files and new folders', () => {
  test('writeFileAtomically replaces one file and leaves no temporary', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'scores.csv'), 'old', 'utf8');
    await writeFileAtomically(path.join(dir, 'scores.csv'), 'new');
    expect(await readdir(dir)).toEqual(['scores.csv']);
    expect(await readFile(path.join(dir, 'scores.csv'), 'utf8')).toBe('new');
  });

  test('createFolderAtomically makes the folder whole, and refuses a folder with files in it', async () => {
    const parent = await tempDir();
    await createFolderAtomically(path.join(parent, 'new'), new Map([['x.txt', 'x']]));
    expect(await readdir(path.join(parent, 'new'))).toEqual(['x.txt']);
    await expect(createFolderAtomically(path.join(parent, 'new'), new Map([['y.txt', 'y']]))).rejects.toThrow(
      OutputError,
    );
    expect(await readdir(parent)).toEqual(['new']);
  });

  test('createFolderAtomically fills an existing empty folder in place (zonal init . in an empty folder)', async () => {
    const dir = await tempDir();
    await createFolderAtomically(
      dir,
      new Map([
        ['x.txt', 'x'],
        ['y.txt', 'y'],
      ]),
    );
    expect((await readdir(dir)).sort()).toEqual(['x.txt', 'y.txt']);
  });
});
