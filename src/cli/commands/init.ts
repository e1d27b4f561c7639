/**
 * `zonal init <dir>`: write a small, valid example scenario to start from (a
 * copy of the bundled scenarios/tiny, with its README). Refuses to write into
 * a folder that already holds files, or an empty name (the current folder);
 * the folder appears complete or not at all.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFolderAtomically } from '../../io/write-outputs.js';
import { CliExit, exitCodes } from '../exit.js';

/** src/cli/commands → package root → scenarios/tiny (the same from dist/cli/commands). */
export const templateDir = fileURLToPath(new URL('../../../scenarios/tiny/', import.meta.url));

async function templateFiles(): Promise<Map<string, string>> {
  const names = (await readdir(templateDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(path.join(templateDir, name), 'utf8'));
  return files;
}

async function refuseNonEmpty(dir: string): Promise<void> {
  if (dir.trim() === '') throw new CliExit(exitCodes.badInput, 'init needs a folder name, e.g. `zonal init my-county`: an empty name would mean the current folder');
  const info = await stat(dir).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) throw new CliExit(exitCodes.badInput, `${dir} is a file, not a folder: give a new folder name`);
  const entries = await readdir(dir);
  if (entries.length > 0) throw new CliExit(exitCodes.badInput, `${dir} is not empty (${entries.length} item(s)): give a new or empty folder so nothing is overwritten`);
}

/** A path as it can be pasted into a shell. */
const shellWord = (p: string) => (/^[\w./:@+-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

export async function initCommand(dir: string): Promise<void> {
  await refuseNonEmpty(dir);
  const files = await templateFiles();
  if (!files.has('scenario.json')) throw new CliExit(exitCodes.failure, `the example scenario is missing from ${templateDir}: reinstall zonal`);
  await createFolderAtomically(dir, files);
  process.stdout.write(
    `Wrote an example scenario to ${dir}:\n${[...files.keys()].map((f) => `  ${f}\n`).join('')}` +
      `README.md explains every file. Next (\`zonal\` is \`node bin/zonal.js\` in a checkout of zonal):\n  zonal validate ${shellWord(dir)}\n  zonal solve ${shellWord(dir)} --out ${shellWord(path.join(dir, 'out'))}\n`,
  );
}
