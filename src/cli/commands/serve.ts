/**
 * `zonal serve`: the commissioner's workbench on a local web server. Runs
 * until interrupted (Ctrl+C), then closes the server and the solver thread.
 */
import { standardOut } from '../terminal.js';
import path from 'node:path';
import { buildWorkbench } from '../../serve/server.js';
import { solverThread } from '../../serve/solver.js';
import { CliExit, exitCodes } from '../exit.js';
import { loadScenario } from '../load.js';
import { version } from '../version.js';
import { timeLimitFlag } from '../flags.js';

export interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly timeLimit: string;
}

function parseFlags(flags: ServeFlags): { port: number; timeLimit: number } {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliExit(
      exitCodes.badInput,
      `--port ${flags.port}: give a port number from 1 to 65535 (0 picks a free one)`,
    );
  return { port, timeLimit: timeLimitFlag(flags.timeLimit) };
}

export async function serveCommand(dirArg: string, flags: ServeFlags): Promise<void> {
  const { port, timeLimit } = parseFlags(flags);
  const dir = path.resolve(dirArg);
  const { scenario, inputHash } = await loadScenario(dir);
  const solver = solverThread({ dir, inputHash, version, timeLimit });
  const app = await buildWorkbench({ dir, scenario, solver, host: flags.host, version });
  try {
    await app.listen({ port, host: flags.host });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    const said =
      code === 'EADDRINUSE'
        ? `--port ${port}: is in use; choose another port, or 0 for a free one`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `--host ${flags.host}: is not an address of this machine; use --host 127.0.0.1`
          : `zonal serve: ${(e as Error).message}`;
    throw new CliExit(exitCodes.badInput, said);
  }
  const address = app.server.address();
  const boundPort = address !== null && typeof address === 'object' ? address.port : port;
  const shownHost =
    flags.host === '0.0.0.0' || flags.host === '::'
      ? '127.0.0.1'
      : flags.host.includes(':')
        ? `[${flags.host}]`
        : flags.host;
  standardOut().write(`zonal workbench: http://${shownHost}:${boundPort}/\n(Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void app.close().then(resolve, resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
