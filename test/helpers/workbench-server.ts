/** The built `zonal serve` on a free port, for the browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './cli.js';

/** Start `zonal serve` on a free port; resolves with its printed address. */
export function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin/zonal.js'), 'serve', dir, '--port', '0'],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } },
    );
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /zonal workbench: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1] !== undefined) resolve({ child, url: m[1] });
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('exit', (code) =>
      reject(new Error(`zonal serve exited (${code}) before printing its address: ${err}`)),
    );
  });
}
