/**
 * `zonal serve` as a user runs it (the built CLI, a real port, the real
 * solver thread): it prints its address, answers the API, refuses another
 * origin, stops on SIGTERM; bad flags and folders are exit 2 with a message.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, repoRoot, zonal } from '../helpers/cli.js';

beforeAll(assertBuilt);

describe('zonal serve', () => {
  it('serves the bundled tiny scenario on a free port and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin/zonal.js'), 'serve', 'scenarios/tiny', '--port', '0'],
      { cwd: repoRoot },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        const m = /^zonal workbench: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`exited ${code} before printing its address`)));
    });
    try {
      const scenario = (await (await fetch(`${url}api/scenario`)).json()) as {
        zoning: string;
        zonings: Record<string, Record<string, string>>;
      };
      expect(scenario.zoning).toBe('two');
      const zones = scenario.zonings['two'];
      const solve = await fetch(`${url}api/solve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ zones }),
      });
      expect(solve.status).toBe(200);
      expect(((await solve.json()) as { status: string }).status).toBe('optimal');
      const foreign = await fetch(`${url}api/solve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://example.com' },
        body: JSON.stringify({ zones }),
      });
      expect(foreign.status).toBe(403);
      const script = await fetch(`${url}app/main.js`);
      expect(script.headers.get('content-type')).toContain('javascript');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a bad port and a folder that is not a scenario with exit 2', async () => {
    const port = await zonal(['serve', 'scenarios/tiny', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port eighty');
    // The workbench's solves keep the --time-limit range of every other command: Infinity meant no limit (explore12).
    const limit = await zonal(['serve', 'scenarios/tiny', '--time-limit', 'Infinity']);
    expect({ code: limit.code, stderr: limit.stderr }).toEqual({
      code: 2,
      stderr: '--time-limit Infinity: give a number of seconds above 0 and at most 86400 (a day)\n',
    });
    const folder = await zonal(['serve', 'no-such-folder']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('no-such-folder');
  });
});
