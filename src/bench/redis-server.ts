/**
 * A private redis-server for the queue tests and benchmark: started on a
 * free loopback port with no persistence, stopped after. Debian's
 * `redis-server` must be installed (scripts/ensure-redis.sh); without it this
 * fails with a message saying so, it does not skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface LocalRedis {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

const binary = process.env['ZONAL_REDIS_SERVER'] ?? 'redis-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function waitForReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`redis-server on port ${port} did not start within 20 s:\n${output}`)),
      20_000,
    );
    const onData = (d: Buffer) => {
      output += d.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server on port ${port} exited with code ${String(code)}:\n${output}`));
    });
  });
}

/** @param port - where to listen (say, to restart a server on the port it had). @defaultValue a free port */
export async function startRedis(port?: number): Promise<LocalRedis> {
  if (spawnSync(binary, ['--version']).status !== 0) {
    throw new Error(
      `${binary} is not installed: run scripts/ensure-redis.sh (Debian: apt-get install redis-server); the queue tests need a real server`,
    );
  }
  port ??= await freePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForReady(child, port);
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
