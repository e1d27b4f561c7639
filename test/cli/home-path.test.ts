/**
 * A `~` the shell left alone (the path was in quotes) means the home folder,
 * not a folder named `~` in the current one (src/cli/home-path.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { expandHome } from '../../src/cli/home-path.js';
import { assertBuilt, node, repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

beforeAll(() => assertBuilt());

describe('expandHome', () => {
  test('~ and ~/… become the home folder, alone or after --flag=; nothing else changes', () => {
    expect(
      expandHome(
        ['solve', '~/My County', '--out', '~', '--out=~/res', '~x', 'a~/b', '--name', '~user/x', '-'],
        '/home/me',
      ),
    ).toEqual([
      'solve',
      '/home/me/My County',
      '--out',
      '/home/me',
      '--out=/home/me/res',
      '~x',
      'a~/b',
      '--name',
      '~user/x',
      '-',
    ]);
  });
});

describe('a quoted ~ on the command line', () => {
  test('solve "~/…" reads the scenario from home and writes --out "~/…" there, not into ./~', async () => {
    const home = await tempDir('zonal-home-');
    const cwd = await tempDir('zonal-cwd-');
    const { cp } = await import('node:fs/promises');
    await cp(path.join(repoRoot, 'scenarios/tiny'), path.join(home, 'my county'), { recursive: true });
    const bin = path.join(repoRoot, 'bin/zonal.js');
    const r = await node([bin, 'solve', '~/my county', '--out', '~/results'], cwd, { HOME: home });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(home, 'results', 'result.json'))).toBe(true);
    expect(existsSync(path.join(cwd, '~'))).toBe(false);
  });
});
