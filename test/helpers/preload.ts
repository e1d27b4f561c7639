/**
 * The built command line run with a preload: a script that `node --require` runs first in
 * every thread, to watch what a run loads or calls (test/cli/*-on-use.test.ts,
 * jsonc-bundled.test.ts).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { node, repoRoot, type CliRun } from './cli.js';
import { tempDir } from './scenario-folder.js';

export interface Preloaded {
  /** A folder of the test's own, for the run's outputs. */
  readonly dir: string;
  /** `node --require <preload> ...args`. */
  readonly node: (args: readonly string[]) => Promise<CliRun>;
  /** `zonal ...args` with the preload. */
  readonly zonal: (args: readonly string[]) => Promise<CliRun>;
}

export async function withPreload(prefix: string, source: string): Promise<Preloaded> {
  const dir = await tempDir(prefix);
  const preload = path.join(dir, 'watch.cjs');
  await writeFile(preload, source);
  const run = (args: readonly string[]) => node(['--require', preload, ...args], repoRoot);
  return { dir, node: run, zonal: (args) => run(['bin/zonal.js', ...args]) };
}

/**
 * A preload that says on stderr, in any thread, when a module whose request or file name ends
 * with a key is loaded: the key's value. It watches Node's `require` (by request: `node:`
 * modules and packages) and each module's `load` (by file name), which launch.cjs calls for
 * the bundle's own files without Node's `require` (src/cli/launch.ts).
 */
export const loadWatch = (
  said: Readonly<Record<string, string>>,
): string => `const Module = require('node:module');
const said = ${JSON.stringify(said)};
const tell = (name) => {
  for (const [file, message] of Object.entries(said))
    if (String(name).endsWith(file)) process.stderr.write(message + '\\n');
};
const load = Module._load;
Module._load = function (request) {
  tell(request);
  return load.apply(this, arguments);
};
const loadFile = Module.prototype.load;
Module.prototype.load = function (filename) {
  tell(filename);
  return loadFile.apply(this, arguments);
};
`;
