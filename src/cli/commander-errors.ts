/**
 * Commander's own errors (an unknown flag, a value not among a flag's
 * choices, a missing argument), said in zonal's one form for every error,
 * `where: what is wrong; how to fix it`, instead of commander's
 * `error: option '--objective <kind>' argument 'x' is invalid. …`.
 *
 * Commander gives only its message and a code, so the names are read back
 * from its quotes; test/cli/error-form.test.ts pins every code used here, so a
 * commander that words them otherwise fails a test rather than a user.
 */
import type { CommanderError } from 'commander';

/** The quoted names in commander's message, in order: `unknown option '--x'` → ['--x']. */
const quotedNames = (message: string) => [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');

/** Commander's "(Did you mean solve?)" as "; did you mean solve?", or nothing. */
function suggestion(message: string): string {
  const guess = /\(Did you mean (.+?)\?\)/.exec(message)?.[1];
  return guess === undefined ? '' : `; did you mean ${guess}?`;
}

/** "Allowed choices are cost, meat." → "choose cost or meat". */
function choices(reason: string): string {
  const listed = /Allowed choices are (.*)\.$/.exec(reason)?.[1];
  if (listed === undefined) return reason;
  const names = listed.split(', ');
  return names.length <= 2
    ? `choose ${names.join(' or ')}`
    : `choose one of ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * `e` as one line in zonal's form. `command`: the command typed (`solve`), or
 * null when the mistake came before one.
 */
export function commanderErrorText(e: CommanderError, command: string | null): string {
  const where = command === null ? 'zonal' : `zonal ${command}`;
  const names = quotedNames(e.message);
  const first = names[0] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return command === null
        ? `${first}: zonal takes its flags after the command and its scenario, as in zonal solve my-county ${first} …${suggestion(e.message)}`
        : `${first}: ${where} has no such flag${suggestion(e.message)} (${where} --help lists its flags)`;
    case 'commander.unknownCommand':
      return `${first}: zonal has no such command${suggestion(e.message)} (zonal --help lists them)`;
    case 'commander.invalidArgument': {
      const flag = first.split(' ')[0] ?? first;
      const reason = e.message.split(' is invalid. ')[1] ?? '';
      return `${flag} ${names[1] ?? ''}: ${choices(reason)}`;
    }
    case 'commander.optionMissingArgument':
      return `${first.split(' ')[0]}: give its value after it (${first})`;
    case 'commander.missingArgument':
      return `${where}: the <${first}> is missing; give it after the command, as in ${where} ${first === 'batch' ? 'my-batch.json' : 'my-county'} (${where} --help says more)`;
    case 'commander.excessArguments': {
      const [, expected, got] = /Expected (\d+) arguments? but got (\d+)/.exec(e.message) ?? [];
      return `${where}: takes ${expected === '1' ? 'one argument' : `${expected} arguments`}, not ${got}: a name with spaces needs quotes ("My County"), and a flag's value goes right after the flag`;
    }
    default:
      return `${where}: ${e.message.replace(/^error: /, '')}`;
  }
}
