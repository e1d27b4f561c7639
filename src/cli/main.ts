/**
 * The command line: argv → options → command → exit code. The only place
 * that exits the process.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../diagnostics/issues.js';
import { solveCommand } from './commands/solve.js';
import { validateCommand } from './commands/validate.js';
import { CliExit, badInput, exitCodes } from './exit.js';
import { solverNames } from './backends.js';
import { version } from './version.js';

function program(): Command {
  const cli = new Command('zonal')
    .description('Award home-care lots by geographic zone: exact, verified, explained.')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  cli.command('validate')
    .description('check a scenario folder; print every problem as file:line: message')
    .argument('<scenario>', 'scenario folder (holds scenario.json)')
    .action((dir: string) => validateCommand(dir));

  cli.command('solve')
    .description('award the lots optimally, verify the award, write result files and print a summary')
    .argument('<scenario>', 'scenario folder (holds scenario.json)')
    .option('--out <dir>', 'output folder', 'out')
    .option('--zoning <name>', 'zoning to use instead of the scenario\'s "zoning"')
    .addOption(new Option('--objective <kind>', 'cost (default) or meat').choices(['cost', 'meat']))
    .addOption(new Option('--format <format>', 'what to print').choices(['text', 'json']).default('text'))
    .option('--time-limit <seconds>', 'stop the solver after this many seconds and report the best plan and its gap', '60')
    .addOption(new Option('--solver <name>', 'solver backend').choices([...solverNames]).default('highs'))
    .option('--export-lp <file>', 'also write the award model in CPLEX LP format')
    .action((dir: string, flags) => solveCommand(dir, flags));

  // Further commands register themselves here, one line each.

  return cli;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv], { from: 'user' });
    return exitCodes.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? exitCodes.ok : exitCodes.badInput;
    if (e instanceof CliExit) {
      process.stderr.write(`${e.message}\n`);
      return e.code;
    }
    if (e instanceof InputError) {
      const exit = badInput(e.issues);
      process.stderr.write(`${exit.message}\n`);
      return exit.code;
    }
    process.stderr.write(`zonal: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env['ZONAL_DEBUG'] !== undefined && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    return exitCodes.failure;
  }
}

process.exitCode = await main(process.argv.slice(2));
