/**
 * `npm run bench:allocation [-- --top 30 --passes 3]`: what a batch worker allocates a variant.
 * The bundled Hertfordshire grid (504 variants) runs `--passes` times (2 unless told) in this
 * thread as a batch worker runs it (the batch's V8 flags, HiGHS from the pool's optimised compile,
 * the worker's memo), each pass but the last printing its CPU a variant, and the last pass
 * is sampled by V8's allocation profiler with the objects later collected kept in
 * (`HeapProfiler.startSampling`, both collected-object flags): every byte of JavaScript objects a variant makes, garbage included, not only
 * what is still alive at the end. Prints kB a variant in all and by JavaScript function
 * (a builtin's bytes go to the function that called it). Sampled every 16 kB, so two runs
 * of one build differ by about 1%; a measure of garbage, not of time.
 *
 * Garbage is what two workers side by side pay on their own threads (batch-gc.ts):
 * docs/performance.md, "session 18".
 */
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { optimiseOnlyLastingHotCode } from '../compare/batch-jit.js';
import { scavengeForThreads } from '../compare/batch-gc.js';
import runTask from '../compare/batch-worker.js';
import { compileSharedHighs } from '../solve/highs-shared.js';
import { useCompiledHighs } from '../solve/backend-highs.js';
import { benchVariants } from './batch-throughput.js';
import { checkBenchFlags, flagValue } from './bench-flag.js';

const scenarios = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** A node of V8's sampling heap profile. */
interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly ProfileNode[];
}

/** Bytes by JavaScript function; a builtin's (no url) go to the nearest function that has one. */
function bytesByFunction(root: ProfileNode): Map<string, number> {
  const bytes = new Map<string, number>();
  const visit = (node: ProfileNode, owner: string) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const here =
      url === ''
        ? owner
        : `${functionName || '(anonymous)'} ${url.replace(/.*\/(dist|node_modules)\//, '')}:${lineNumber + 1}`;
    bytes.set(here, (bytes.get(here) ?? 0) + node.selfSize);
    for (const child of node.children) visit(child, here);
  };
  visit(root, '(outside JavaScript)');
  return bytes;
}

const usage = 'npm run bench:allocation [-- --top 30 --passes 3]';

async function main(argv: readonly string[]): Promise<void> {
  checkBenchFlags(argv, usage);
  const top = Number(flagValue(argv, '--top') ?? '25');
  const warmPasses = Number(flagValue(argv, '--passes') ?? '2') - 1;
  if (!Number.isInteger(top) || top < 1 || !Number.isInteger(warmPasses) || warmPasses < 1) {
    console.error('bench:allocation: --top takes a whole number from 1, --passes one from 2');
    process.exitCode = 2;
    return;
  }
  optimiseOnlyLastingHotCode();
  scavengeForThreads(1);
  const variants = benchVariants(1);
  useCompiledHighs(await compileSharedHighs({ variants: variants.length, largestModel: 0 }, 'optimised'));
  const pass = async () => {
    for (const variant of variants) {
      const row = await runTask({
        variant,
        baseDir: path.join(scenarios, variant.base),
        timeLimit: 60,
        version: 'bench',
      });
      if (row.status === 'failed') throw new Error(`bench variant ${variant.id} failed: ${row.error}`);
    }
  };
  // Unsampled passes first, each one's CPU a variant printed (the first is a fresh thread's
  // warming up); the last pass allocates as a worker does once it has run a while.
  for (let n = 1; n <= warmPasses; n++) {
    const cpu = process.cpuUsage();
    await pass();
    const used = process.cpuUsage(cpu);
    console.log(
      `pass ${n}: ${((used.user + used.system) / 1000 / variants.length).toFixed(2)} ms of CPU a variant`,
    );
  }
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await pass();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
  session.disconnect();
  const bytes = bytesByFunction(profile.head);
  const total = [...bytes.values()].reduce((t, b) => t + b, 0);
  const kB = (b: number) => (b / variants.length / 1000).toFixed(1);
  console.log(`${variants.length} variants: ${kB(total)} kB allocated a variant`);
  for (const [place, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, top))
    console.log(`${kB(b).padStart(8)} kB  ${place}`);
}

await main(process.argv.slice(2));
