/**
 * `npm run bench [-- --sizes S,M --repeats 3 ...]` (`usage` below lists every flag)
 * (`--sizes none` skips the solver cases; `--large-input-mb 0` skips the large input)
 *
 *   1. for each size, seed and backend: one case in its own process (clean peak memory)
 *   2. the command line: `node -e 0`, `zonal solve` (default outputs) and `zonal validate` on the
 *      bundled county, in turn, median of 5 or more: wall, CPU and the ratio to the bare start
 *   3. batch throughput with one and two workers, when that bench exists; how far the batch's
 *      own work scales from one thread to two without the batch around it (variant-scaling.ts);
 *      and how far the host itself scales from one thread to two (host-scaling.ts)
 *   4. a national-size demand file (about 50 MB) through `zonal validate`: time and peak memory
 *   5. a table (times as ratios to native CBC) and each goal of issue 16 with "met" or "not met",
 *      with the host's speed at the start and the end (host-speed.ts),
 *      printed and written to bench/results.md
 *
 * Not part of `npm test`: it measures, it does not check.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCbcAvailable } from '../solve/backend-cbc.js';
import { cliTimings, type CliTimings, type CommandTiming } from './cli-timing.js';
import { instanceSizes } from './generate.js';
import { type BatchMeasure, goalRows, goalsTable } from './goals.js';
import { benchLargeDemand, formatLargeInput } from './large-input.js';
import { hostSpeed, hostSpeedText } from './host-speed.js';
import { hostScaling, hostScalingText } from './host-scaling.js';
import { variantScaling, variantScalingText } from './variant-scaling.js';
import { benchBackends, type BenchBackend, type CaseSpec } from './run-case.js';
import { markdownTable, summarise, type MeasuredCase } from './summary.js';
import { checkBenchFlags, flagValue } from './bench-flag.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type SizeName = keyof typeof instanceSizes;

interface BenchArgs {
  readonly sizes: readonly SizeName[];
  readonly repeats: number;
  readonly timeLimit: number;
  readonly backends: readonly BenchBackend[];
  readonly out: string;
  /** For the highs-custom backend. */
  readonly highsOptions: Readonly<Record<string, number | string | boolean>>;
  /** Size of the generated demand file for step 4 (0: skip). */
  readonly largeInputMb: number;
}

const usage =
  'npm run bench [-- --sizes S,M,L,XL --repeats 3 --time-limit 60 --backends highs,highs-nostart,jslp,cbc --highs-options \'{"presolve":"off"}\' --large-input-mb 50 --out bench/results.md]';

function parseArgs(argv: readonly string[]): BenchArgs {
  checkBenchFlags(argv, usage);
  const get = (flag: string) => flagValue(argv, flag);
  const sizes =
    get('--sizes') === 'none'
      ? []
      : (get('--sizes') ?? 'S,M,L,XL').split(',').map((s) => s.trim().toUpperCase());
  const largeInputMb = Number(get('--large-input-mb') ?? '50');
  if (!(largeInputMb >= 0 && largeInputMb <= 1000))
    throw new Error('--large-input-mb must be from 0 (skip) to 1000');
  for (const s of sizes)
    if (!(s in instanceSizes))
      throw new Error(`--sizes: unknown size ${s}; choose from ${Object.keys(instanceSizes).join(',')}`);
  const backends = (get('--backends') ?? 'highs,highs-nostart,jslp,cbc').split(',');
  for (const b of backends)
    if (!(benchBackends as readonly string[]).includes(b))
      throw new Error(`--backends: unknown backend ${b}; choose from ${benchBackends.join(',')}`);
  const repeats = Number(get('--repeats') ?? '3');
  const timeLimit = Number(get('--time-limit') ?? '60');
  if (!(repeats >= 1) || !(timeLimit > 0))
    throw new Error('--repeats must be at least 1 and --time-limit above 0');
  return {
    sizes: sizes as SizeName[],
    repeats: Math.floor(repeats),
    timeLimit,
    backends: backends as BenchBackend[],
    out: get('--out') ?? path.join(root, 'bench/results.md'),
    highsOptions: JSON.parse(get('--highs-options') ?? '{}') as Record<string, number | string | boolean>,
    largeInputMb,
  };
}

/** javascript-lp-solver is for small models only (DESIGN.md §4): run it on S. */
const runsOn = (backend: BenchBackend, size: SizeName, cbc: boolean) =>
  backend === 'jslp' ? size === 'S' : backend === 'cbc' ? cbc : true;

function runInProcess(spec: CaseSpec): MeasuredCase {
  const script = path.join(root, 'dist/bench/case-process.js');
  const out = execFileSync(process.execPath, [script, JSON.stringify(spec)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as MeasuredCase;
}

/** Step 3: the batch helper's bench, only if it has been built. */
async function batchThroughput(): Promise<{ text: string; measure: BatchMeasure | null }> {
  try {
    const module = (await import(new URL('./batch-throughput.js', import.meta.url).href)) as {
      benchBatchThroughput?: () => Promise<BatchMeasure & { readonly detail?: string }>;
    };
    if (module.benchBatchThroughput === undefined)
      return { text: 'batch throughput: not measured (no benchBatchThroughput export)', measure: null };
    const r = await module.benchBatchThroughput();
    return {
      text: `Batch throughput (the Hertfordshire grid, 504 variants): one worker ${r.oneWorker.toFixed(1)} variants/s, two workers ${r.twoWorkers.toFixed(1)} variants/s, ratio ${r.ratio.toFixed(3)}. ${r.detail ?? ''}`,
      measure: r,
    };
  } catch (e) {
    return {
      text: `batch throughput: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      measure: null,
    };
  }
}

function cliText(t: CliTimings): string {
  const row = (c: CommandTiming) =>
    `| ${c.label} | ${c.wall === null ? 'failed' : c.wall.toFixed(3)} | ${c.cpu === null ? '-' : c.cpu.toFixed(3)} | ${c.wall === null || t.node.wall === null ? '-' : `${(c.wall / t.node.wall).toFixed(1)}×`} |`;
  return [
    `Command line (each run ${t.solve.runs} times, the three in turn; medians; load average ${t.loadAverage.toFixed(1)} at the end on ${os.availableParallelism()} cores):`,
    '',
    '| command | wall s | CPU s | × `node -e 0` (wall) |',
    '| --- | --- | --- | --- |',
    row(t.node),
    row(t.solve),
    row(t.validate),
  ].join('\n');
}

function machine(): string {
  const cbc =
    spawnSync('cbc', ['-quit'], { encoding: 'utf8' }).stdout?.match(/Version: (\S+)/)?.[1] ?? 'not installed';
  const highs = (
    JSON.parse(readFileSync(path.join(root, 'node_modules/highs/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const jslp = (
    JSON.parse(readFileSync(path.join(root, 'node_modules/javascript-lp-solver/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  return `${new Date().toISOString().slice(0, 10)}; ${os.availableParallelism()} cores (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; highs ${highs} (WASM), javascript-lp-solver ${jslp}, cbc ${cbc}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const speedAtStart = hostSpeed();
  const cbc = isCbcAvailable();
  const cases: MeasuredCase[] = [];
  for (const size of args.sizes) {
    for (let seed = 1; seed <= args.repeats; seed++) {
      for (const backend of args.backends.filter((b) => runsOn(b, size, cbc))) {
        const result = runInProcess({
          size,
          seed,
          backend,
          timeLimit: args.timeLimit,
          highsOptions: args.highsOptions,
        });
        process.stderr.write(
          `${size} seed ${seed} ${backend}: ${result.status} ${result.solveSeconds?.toFixed(3) ?? '-'} s${result.message === null ? '' : ` (${result.message})`}\n`,
        );
        cases.push(result);
      }
    }
  }
  const cli = cliTimings(root, Math.max(5, args.repeats));
  const batch = await batchThroughput();
  // Right after the batch, which its own work's scaling and the host's at the time help to read.
  const ownWork = await variantScaling().then(variantScalingText, (e: unknown) => {
    return `The batch's own work from one thread to two: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`;
  });
  const scaling = hostScalingText(await hostScaling());
  const goals = goalsTable(goalRows(cli, batch.measure, summarise(cases), args.timeLimit));
  const large =
    args.largeInputMb > 0
      ? formatLargeInput(await benchLargeDemand(args.largeInputMb))
      : 'Large input: not measured (--large-input-mb 0).';
  const text = [
    `# zonal benchmark`,
    '',
    `Machine: ${machine()}.`,
    '',
    `Host speed (the fastest of three tries each; lower is faster): ${hostSpeedText('at the start', speedAtStart)}; ${hostSpeedText('at the end', hostSpeed())}.`,
    '',
    `Sizes ${args.sizes.join(', ')}; seeds 1-${args.repeats}; time limit ${args.timeLimit} s; gap target 1e-6. Generated by src/bench/generate.ts; each case runs the whole pipeline in its own process.`,
    '',
    markdownTable(summarise(cases)),
    '',
    cliText(cli),
    '',
    batch.text,
    '',
    ownWork,
    '',
    scaling,
    '',
    '## Goals (issue 16)',
    '',
    goals,
    '',
    large,
    '',
  ].join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, text);
  writeFileSync(args.out.replace(/\.md$/, '.json'), JSON.stringify(cases, null, 1));
}

await main();
