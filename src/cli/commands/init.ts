/**
 * `zonal init <dir>`: write a small, valid example scenario to start from (a
 * copy of the bundled scenarios/tiny, with its README). Refuses to write into
 * a folder that already holds files, or an empty name (the current folder);
 * the folder appears complete or not at all.
 */
import { standardOut } from '../terminal.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFolderAtomically, writeFileAtomically } from '../../io/write-outputs.js';
import { isWorkbookPath } from '../../io/workbook-path.js';
import { folderTables, scenarioWorkbook } from '../../io/scenario-workbook.js';
import { CliExit, exitCodes } from '../exit.js';
import { packageRoot } from '../version.js';
import { counted } from '../../model/counted.js';

/** src/cli/commands → package root → scenarios/tiny (the same from dist/cli/commands). */
export const templateDir = fileURLToPath(new URL('scenarios/tiny/', packageRoot));

async function templateFiles(): Promise<Map<string, string>> {
  const names = (await readdir(templateDir, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(path.join(templateDir, name), 'utf8'));
  return files;
}

async function refuseNonEmpty(dir: string): Promise<void> {
  if (dir.trim() === '')
    throw new CliExit(
      exitCodes.badInput,
      'zonal init: needs a folder name, e.g. `zonal init my-county`: an empty name would mean the current folder',
    );
  const info = await stat(dir).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory())
    throw new CliExit(exitCodes.badInput, `${dir}: is a file, not a folder; give a new folder name`);
  const entries = await readdir(dir);
  if (entries.length > 0)
    throw new CliExit(
      exitCodes.badInput,
      `${dir}: is not empty (${counted(entries.length, 'item')}); give a new or empty folder so nothing is overwritten`,
    );
}

/** A path as it can be pasted into a shell. */
const shellWord = (p: string) => (/^[\w./:@+-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

/** zonal's own documentation, for links from a copied README that pointed into the checkout. */
const docsDir = fileURLToPath(new URL('docs/', packageRoot));

/**
 * The example's README as the copy's own: its commands name the new folder,
 * not scenarios/tiny (which exists only inside zonal's checkout), and its
 * links to zonal's docs point at them wherever the copy is.
 */
function readmeFor(text: string, dir: string): string {
  const folder = shellWord(dir);
  return text
    .replace(
      /--out out\/tiny([\w-]*)/g,
      (_, suffix: string) => `--out ${shellWord(path.join(dir, `out${suffix}`))}`,
    )
    .replaceAll('scenarios/tiny', folder)
    .replaceAll('](../../docs/', `](${docsDir}`);
}

export interface InitFlags {
  readonly xlsx?: string;
  readonly from?: string;
}

export async function initCommand(dir: string | undefined, flags: InitFlags = {}): Promise<void> {
  if (flags.xlsx !== undefined) return initWorkbook(flags.xlsx, flags.from, dir);
  if (flags.from !== undefined)
    throw new CliExit(
      exitCodes.badInput,
      '--from: works with --xlsx FILE only; it names the scenario folder to write as a workbook',
    );
  if (dir === undefined || dir.trim() === '')
    throw new CliExit(
      exitCodes.badInput,
      'zonal init: needs a folder name, e.g. `zonal init my-county` (or --xlsx FILE for a workbook): an empty name would mean the current folder',
    );
  await refuseNonEmpty(dir);
  const files = await templateFiles();
  const readme = files.get('README.md');
  if (readme !== undefined) files.set('README.md', readmeFor(readme, dir));
  if (!files.has('scenario.json'))
    throw new CliExit(exitCodes.failure, `${templateDir}: the example scenario is missing; reinstall zonal`);
  await createFolderAtomically(dir, files);
  standardOut().write(
    `Wrote an example scenario to ${dir}:\n${[...files.keys()].map((f) => `  ${f}\n`).join('')}` +
      `README.md explains every file. Next (\`zonal\` is \`node bin/zonal.js\` in a checkout of zonal):\n  zonal validate ${shellWord(dir)}\n  zonal solve ${shellWord(dir)} --out ${shellWord(path.join(dir, 'out'))}\n`,
  );
}

/** `zonal init --xlsx FILE [--from DIR]`: the example (or a folder's scenario) as one workbook; never overwrites. */
async function initWorkbook(file: string, from: string | undefined, dir: string | undefined): Promise<void> {
  if (dir !== undefined)
    throw new CliExit(
      exitCodes.badInput,
      `zonal init: give either a folder (${dir}) or --xlsx ${file}, not both`,
    );
  if (!isWorkbookPath(file))
    throw new CliExit(exitCodes.badInput, `--xlsx ${file}: the file name must end in .xlsx`);
  if (
    await stat(file).then(
      () => true,
      () => false,
    )
  )
    throw new CliExit(
      exitCodes.badInput,
      `--xlsx ${file}: already exists; give a new file name so nothing is overwritten`,
    );
  const tables = await folderTables(from ?? templateDir);
  if (tables === null)
    throw new CliExit(
      exitCodes.badInput,
      `${from ?? templateDir}: could not be read as a scenario folder; run \`zonal validate ${shellWord(from ?? templateDir)}\` to see why`,
    );
  await writeFileAtomically(file, await scenarioWorkbook(tables));
  standardOut().write(
    `Wrote ${from === undefined ? 'a template workbook (the small example scenario)' : `the scenario in ${from} as a workbook`} to ${file}.\n` +
      `Its "instructions" sheet explains every sheet. Next (\`zonal\` is \`node bin/zonal.js\` in a checkout of zonal):\n  zonal validate ${shellWord(file)}\n  zonal solve ${shellWord(file)} --out out\n`,
  );
}
