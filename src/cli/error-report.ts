/**
 * Every error the command line prints goes through here, in one form:
 * `where: what is wrong; how to fix it`. `where` is what the user has to
 * change: a file and line (`bids.csv:4`), a flag and its value
 * (`--objective x`), a path, or the command itself (`zonal zones`) when the
 * request as a whole cannot be done. No `zonal:` or `error:` before it: the
 * first word is the place to look (docs/commands.md, "Errors").
 */
import { CommanderError } from 'commander';
import { InputError } from '../diagnostics/issues.js';
import * as msg from '../diagnostics/messages.js';
// Its own module: write-outputs.js would load node:crypto for every command.
import { OutputError, outOfRoomReason } from '../io/output-error.js';
import { commanderErrorText } from './commander-errors.js';
import { CliExit, badInput, exitCodes } from './exit.js';
import { standardErr, writeErr } from './terminal.js';

/** Print `e` in the one form and return the exit code. `command`: the command typed, or null before one. */
export function reportError(e: unknown, command: string | null): number {
  if (e instanceof CommanderError) {
    // --help and --version end in a CommanderError too, with exit code 0 and their text already printed.
    if (e.exitCode === 0 || e.code === 'commander.help' || e.code === 'commander.helpDisplayed')
      return e.exitCode === 0 ? exitCodes.ok : exitCodes.badInput;
    writeErr(`${commanderErrorText(e, command)}\n`);
    return exitCodes.badInput;
  }
  if (e instanceof CliExit) {
    writeErr(`${e.message}\n`);
    return e.code;
  }
  if (e instanceof OutputError) {
    writeErr(`${e.message}\n`);
    return e.mistake ? exitCodes.badInput : exitCodes.failure;
  }
  if (e instanceof InputError) {
    const exit = badInput(e.issues);
    writeErr(`${exit.message}\n`);
    return exit.code;
  }
  const where = command === null ? 'zonal' : `zonal ${command}`;
  // Not a fault in zonal: the machine ran out of room while a file grew (a batch's rows, say).
  const room = outOfRoomReason(e);
  if (room !== null) {
    writeErr(`${msg.stoppedOutOfRoom(where, room, command === 'batch')}\n`);
    return exitCodes.failure;
  }
  writeErr(
    `${where}: unexpected error: ${e instanceof Error ? e.message : String(e)} (a fault in zonal, not in your files; ZONAL_DEBUG=1 shows where)\n`,
  );
  if (process.env['ZONAL_DEBUG'] !== undefined && e instanceof Error)
    standardErr().write(`${e.stack ?? ''}\n`);
  return exitCodes.failure;
}
