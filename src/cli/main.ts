/**
 * The command line: argv → options → command → exit code. The only place
 * that exits the process. Each command's modules load only when it runs
 * (the report's chart libraries alone take half a second to load).
 */
import './zod-settings.js';
import { homedir } from 'node:os';
import { Command, Option } from 'commander';
import { reportError } from './error-report.js';
import { exitCodes } from './exit.js';
import { nonEmptyPath } from './flags.js';
import { expandHome } from './home-path.js';
import { objectives } from '../model/types.js';
import { solverNames } from '../solve/solver-names.js';
import { writeErr } from './terminal.js';
import { version } from './version.js';

function program(): Command {
  const cli = new Command('zonal')
    .description('Award home-care lots by geographic zone: exact, verified, explained.')
    .version(version)
    .exitOverride()
    // Commander's own error text is not printed: reportError says it in zonal's form.
    .configureOutput({ writeErr: (text) => writeErr(text), outputError: () => undefined });

  cli
    .command('validate')
    .description('check a scenario folder or workbook; print every problem as file:line: message')
    .argument(
      '<scenario>',
      'scenario folder (holds scenario.json) or .xlsx workbook',
      nonEmptyPath('scenario'),
    )
    .action(async (dir: string) => (await import('./commands/validate.js')).validateCommand(dir));

  cli
    .command('solve')
    .description('award the lots optimally, verify the award, write result files and print a summary')
    .argument(
      '<scenario>',
      'scenario folder (holds scenario.json) or .xlsx workbook',
      nonEmptyPath('scenario'),
    )
    .option('--out <dir>', 'output folder', nonEmptyPath('--out'), 'out')
    .option('--zoning <name>', 'zoning to use instead of the scenario\'s "zoning"')
    .addOption(
      new Option(
        '--objective <kind>',
        'award on this instead of the scenario\'s objective (whole-life needs a "contract")',
      ).choices([...objectives]),
    )
    .addOption(new Option('--format <format>', 'what to print').choices(['text', 'json']).default('text'))
    .option(
      '--time-limit <seconds>',
      'stop the solver after this many seconds and report the best plan and its gap',
      '60',
    )
    .addOption(new Option('--solver <name>', 'solver backend').choices([...solverNames]).default('highs'))
    .option(
      '--export-lp <file>',
      'also write the award model in CPLEX LP format',
      nonEmptyPath('--export-lp'),
    )
    .option(
      '--samples <n>',
      "draw demand N times from each area's low/central/high range and report the chance of unmet hours and of providers over capacity or below minimum volume",
    )
    .option('--seed <s>', 'random seed for --samples (same seed, same numbers)', '1')
    .option(
      '--baseline-out <file>',
      "also write the award as a current.csv (area, care type, provider, hours): next year's transition baseline",
      nonEmptyPath('--baseline-out'),
    )
    .action(async (dir: string, flags) => {
      // The solver's compile and the report thread start before the command's own code loads.
      const started = (await import('./commands/solve-start.js')).startSolve(flags.solver, dir);
      await (await import('./commands/solve.js')).solveCommand(dir, flags, started);
    });

  // Further commands register themselves here, one line each.
  cli
    .command('score')
    .description(
      'MEAT scores of every bid for every lot it could serve: rank per lot and abnormally-low-tender flags; CSV and a table',
    )
    .argument(
      '<scenario>',
      'scenario folder (holds scenario.json) or .xlsx workbook',
      nonEmptyPath('scenario'),
    )
    .option(
      '--out <file>',
      'CSV file to write (atomically), scores.xlsx beside it; or name the .xlsx, and the CSV goes beside it',
      nonEmptyPath('--out'),
      'scores.csv',
    )
    .option('--zoning <name>', 'zoning to use instead of the scenario\'s "zoning"')
    .action(async (dir: string, flags) => (await import('./commands/score.js')).scoreCommand(dir, flags));

  cli
    .command('init')
    .description(
      'write a small, valid example scenario to start from (a folder, or with --xlsx one workbook)',
    )
    .argument('[dir]', 'a new or empty folder')
    .option(
      '--xlsx <file>',
      'write the scenario as one Excel workbook (a template with instructions, drop-down lists and number formats) instead of a folder',
    )
    .option(
      '--from <scenario>',
      'with --xlsx: the scenario folder to put in the workbook (default: the small example)',
    )
    .action(async (dir: string | undefined, flags) =>
      (await import('./commands/init.js')).initCommand(dir, flags),
    );

  cli
    .command('compare')
    .description(
      "solve every zoning × standard lot-structure option and the scenario's own lot plan, rank them, say which is cheapest, least risky and dominated",
    )
    .argument(
      '<scenario>',
      'scenario folder (holds scenario.json) or .xlsx workbook',
      nonEmptyPath('scenario'),
    )
    .option('--out <dir>', 'output folder', nonEmptyPath('--out'), 'out')
    .option('--zonings <names>', 'comma-separated zonings to compare (default: all)')
    .option(
      '--options <names>',
      'comma-separated option names, as-set for the lot plan in scenario.json (default: all; see docs/compare-and-batch.md, "The standard options")',
    )
    .addOption(new Option('--format <format>', 'what to print').choices(['text', 'json']).default('text'))
    .option('--time-limit <seconds>', 'time limit of each solve', '60')
    .addOption(new Option('--solver <name>', 'solver backend').choices([...solverNames]).default('highs'))
    .action(async (dir: string, flags) => (await import('./commands/compare.js')).compareCommand(dir, flags));

  cli
    .command('batch')
    .description(
      'run many variants of scenarios in parallel worker threads; rows stream to batch.csv and batch.jsonl',
    )
    .argument(
      '<batch>',
      'batch file (JSON): a base scenario and a list or grid of overrides',
      nonEmptyPath('batch'),
    )
    .option('--out <dir>', 'output folder', nonEmptyPath('--out'), 'out')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--resume', 'skip variants already finished in <out>/batch.jsonl')
    .option('--max-variants <n>', 'run a batch of more than 10,000 variants (up to 1,000,000)')
    .option('--time-limit <seconds>', 'time limit of each solve', '60')
    .option(
      '--queue [url]',
      'run the variants on `zonal worker`s through Redis (redis://HOST:PORT/DB; default: $ZONAL_REDIS_URL); see docs/queue.md',
    )
    .action(async (file: string, flags) => (await import('./commands/batch.js')).batchCommand(file, flags));

  cli
    .command('zones')
    .description(
      "propose contiguous zone maps whose every zone can keep a provider viable; compare them with the scenario's own; write zones-<name>.csv",
    )
    .argument(
      '<scenario>',
      'scenario folder (holds scenario.json) or .xlsx workbook (with --out, not --write)',
      nonEmptyPath('scenario'),
    )
    .option('--count <n>', 'exactly this many zones (default: as many as the floor allows)')
    .option(
      '--min-hours <h>',
      'least design demand of a zone, hours a week (default: the largest provider minimum viable volume)',
    )
    .option('--max-hours <h>', 'most design demand of a zone, hours a week (default: twice the mean zone)')
    .option('--within <zoning>', 'never cross a zone of this zoning (e.g. districts)')
    .option(
      '--name <name>',
      'name of the new zoning (zones-<name>.csv); default designed, or designed2, … if the scenario has it',
    )
    .option('--alternatives <k>', 'propose up to K different maps, best first', '1')
    .option('--seed <s>', 'random seed of the heuristic (same seed, same map)', '1')
    .option(
      '--out <dir>',
      'write the zone files and the comparison here (default out, unless --write)',
      nonEmptyPath('--out'),
    )
    .option('--write', 'add the zone files to the scenario folder and name them in scenario.json')
    .addOption(
      new Option(
        '--method <method>',
        'auto: the exact program (HiGHS) too on up to 15 areas; exact: whatever the size',
      )
        .choices(['auto', 'heuristic', 'exact'])
        .default('auto'),
    )
    .option('--time-limit <seconds>', 'time limit of each exact solve', '60')
    .option('--options <names>', 'compare the proposals under these standard options', 'lead-80-20')
    .option('--no-compare', 'do not solve the awards of the proposals')
    .action(async (dir: string, flags) => (await import('./commands/zones.js')).zonesCommand(dir, flags));
  cli
    .command('worker')
    .description(
      'take batch variants from a Redis queue and solve them until stopped (Ctrl-C finishes the jobs in hand); see docs/queue.md',
    )
    .argument(
      '[url]',
      'Redis URL, redis://HOST:PORT/DB or rediss:// for TLS (default: $ZONAL_REDIS_URL; password also from $ZONAL_REDIS_PASSWORD)',
    )
    .option('--concurrency <n>', 'variants solved at once, one solver thread each (default: one per core)')
    .option(
      '--lock-seconds <s>',
      "how long a job stays locked without a sign of life: a killed worker's jobs are retried elsewhere after about twice this",
      '30',
    )
    .action(async (url: string | undefined, flags) =>
      (await import('./commands/worker.js')).workerCommand(url, flags),
    );
  cli
    .command('serve')
    .description('the workbench: redraw the zones on a map in your browser and see the award change at once')
    .argument('[scenario]', 'scenario folder (holds scenario.json) or .xlsx workbook', '.')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8765')
    .option('--host <host>', 'address to listen on (127.0.0.1 keeps it to this machine)', '127.0.0.1')
    .option('--time-limit <seconds>', 'time limit of each solve', '20')
    .action(async (dir: string, flags) => (await import('./commands/serve.js')).serveCommand(dir, flags));

  return cli;
}

export async function main(argv: readonly string[]): Promise<number> {
  const cli = program();
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return exitCodes.ok;
  } catch (e) {
    return reportError(e, commandTyped(cli, argv));
  }
}

/** The command typed, or null when the first word is none (a flag, a typo). */
function commandTyped(cli: Command, argv: readonly string[]): string | null {
  const typed = argv[0];
  return cli.commands.some((c) => c.name() === typed) ? (typed ?? null) : null;
}

/**
 * A failure no command awaited (a write that failed in a callback while a batch ran) is told
 * in the one form too, and ends the run: not Node's stack trace.
 */
function reportStrayFailures(argv: readonly string[]): void {
  const stray = (e: unknown) => exitWhenWritten(reportError(e, commandTyped(program(), argv)));
  process.on('unhandledRejection', stray);
  process.on('uncaughtException', stray);
}

/**
 * Commands whose work is all done when their action returns (no server, no
 * worker thread still running, no file still being written): the process ends
 * as soon as their output is written, rather than after a last garbage
 * collection V8 had scheduled and Node's teardown of the heap, about 10 ms of a
 * `zonal validate` (docs/performance.md, "validate, fourth round"). `zonal solve`
 * stops its report thread and awaits every file before its action returns
 * (commands/solve.ts): from its printed result to the process's end, 19.4 → 16.9
 * ms (docs/performance.md, session 25).
 */
const endsWhenDone = new Set(['validate', 'solve']);

/** Exit once standard output and standard error have written everything (pipes are asynchronous on Windows). */
function exitWhenWritten(code: number): void {
  let open = 2;
  const written = () => {
    open--;
    if (open === 0) process.exit(code);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

// Not top-level await: the command line is bundled as CommonJS (src/cli/launch.ts).
const argv = expandHome(process.argv.slice(2), homedir());
reportStrayFailures(argv);
void main(argv).then((code) => {
  process.exitCode = code;
  if (endsWhenDone.has(argv[0] ?? '')) exitWhenWritten(code);
});
