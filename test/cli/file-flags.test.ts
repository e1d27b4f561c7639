/**
 * The files a command writes are checked once per command (cli/file-flags.ts):
 * the --out folder, which every result file shares, is resolved once, not once per file.
 */
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkWrites, type Written } from '../../src/cli/file-flags.js';
import { removeTempDirs, tempDir } from '../helpers/scenario-folder.js';

afterAll(removeTempDirs);

/** The paths `realpath` was asked for while `run` ran. */
async function realpathsAsked(run: () => Promise<void>): Promise<string[]> {
  const asked: string[] = [];
  const real = fsp.realpath;
  fsp.realpath = ((at: Parameters<typeof real>[0], ...rest: []) => {
    asked.push(String(at));
    return real(at, ...rest);
  }) as typeof real;
  syncBuiltinESMExports();
  try {
    await run();
  } finally {
    fsp.realpath = real;
    syncBuiltinESMExports();
  }
  return asked;
}

test('the --out folder is resolved once for all the files written in it', async () => {
  const out = path.join(await tempDir(), 'out');
  await fsp.mkdir(out);
  const files = ['awards.csv', 'lots.csv', 'result.json', 'report.html', 'scores.csv', 'summary.txt'];
  const writes: Written[] = files.map((file) => ({
    flag: '--out',
    given: out,
    names: 'folder',
    file: path.join(out, file),
  }));
  const asked = await realpathsAsked(() => checkWrites(writes, []));
  expect(asked.filter((at) => at === out)).toHaveLength(1);
});

test('still refuses a result file over a file the scenario is read from', async () => {
  const out = await tempDir();
  const writes: Written[] = [
    { flag: '--out', given: out, names: 'folder', file: path.join(out, 'providers.csv') },
  ];
  await expect(checkWrites(writes, [path.join(await fsp.realpath(out), 'providers.csv')])).rejects.toThrow(
    /providers\.csv/,
  );
});
