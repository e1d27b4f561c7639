/**
 * `npm run bench:workbench [-- --scenario scenarios/hertfordshire --moves 120 --seed 1]`
 *
 * The workbench's answer time after an edit, as the page sees it: a real
 * server on a free port with its solver thread, the result cache off, and
 * N random single-area moves from the starting zoning (a random area to a
 * random other zone of that zoning), each POSTed to /api/solve and timed
 * from request to parsed answer. Prints p50/p95/max, the solver's own share,
 * the CPU time each answer took (server and solver thread together: what
 * the wall time would be on an idle machine, near enough, as the solve is
 * single-threaded), and the machine's core count and load (wall times on a
 * shared machine depend on both).
 */
import os from 'node:os';
import path from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { mersenne } from 'pure-rand/generator/mersenne';
import { readScenario } from '../io/read-scenario.js';
import { buildWorkbench } from '../serve/server.js';
import { solverThread } from '../serve/solver.js';
import { version } from '../cli/version.js';
import { checkBenchFlags, flagValue } from './bench-flag.js';

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const usage = 'npm run bench:workbench [-- --scenario scenarios/hertfordshire --moves 120 --seed 1]';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  checkBenchFlags(argv, usage);
  const seed = flagValue(argv, '--seed') ?? '1';
  const dir = path.resolve(flagValue(argv, '--scenario') ?? 'scenarios/hertfordshire');
  const moves = Number(flagValue(argv, '--moves') ?? '120');
  const rng = mersenne(Number(seed));
  const { scenario, inputHash } = await readScenario(dir);
  if (scenario === null) throw new Error(`${dir} does not read cleanly: run zonal validate on it`);
  const solver = solverThread({ dir, inputHash, version, timeLimit: 20 });
  const app = await buildWorkbench({ dir, scenario, solver, cacheSize: 0, version });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/api/solve`;
  const start = Object.fromEntries(scenario.zonings.get(scenario.zoning) ?? new Map<string, string>());
  const zones = [...new Set(Object.values(start))].sort();
  const areas = Object.keys(start).sort();
  const solve = async (body: unknown) => {
    const began = performance.now();
    const cpu = process.cpuUsage();
    const reply = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await reply.json()) as { status?: string; run?: { solveSeconds: number }; error?: string };
    if (reply.status !== 200) throw new Error(`solve answered ${reply.status}: ${json.error ?? ''}`);
    const used = process.cpuUsage(cpu);
    return {
      ms: performance.now() - began,
      cpuMs: (used.user + used.system) / 1000,
      solverMs: (json.run?.solveSeconds ?? 0) * 1000,
      status: json.status ?? '',
    };
  };
  // The page's first request (the starting award) meets a thread still warming up.
  const warm = await solve({ zones: start });
  await solver.warmed;
  const times: number[] = [];
  const solverTimes: number[] = [];
  const cpuTimes: number[] = [];
  const statuses = new Map<string, number>();
  for (let i = 0; i < moves; i++) {
    const area = areas[uniformInt(rng, 0, areas.length - 1)] ?? '';
    const others = zones.filter((z) => z !== start[area]);
    const to = others[uniformInt(rng, 0, others.length - 1)] ?? '';
    const answer = await solve({ zones: { ...start, [area]: to } });
    times.push(answer.ms);
    solverTimes.push(answer.solverMs);
    cpuTimes.push(answer.cpuMs);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  }
  await app.close();
  const sorted = [...times].sort((a, b) => a - b);
  const solverSorted = [...solverTimes].sort((a, b) => a - b);
  const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  process.stdout.write(
    [
      `workbench re-solve after one random area move: ${path.relative(process.cwd(), dir) || dir}, ${moves} moves, seed ${seed}`,
      `  answer (HTTP round trip): p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted[sorted.length - 1] ?? NaN)}`,
      `  of which the MIP solve:   p50 ${ms(percentile(solverSorted, 50))}, p95 ${ms(percentile(solverSorted, 95))}`,
      `  CPU time of the answer (server and solver thread, all cores): p50 ${ms(percentile(cpuSorted, 50))}, p95 ${ms(percentile(cpuSorted, 95))}, max ${ms(cpuSorted[cpuSorted.length - 1] ?? NaN)}`,
      `  first solve (thread warming up): ${ms(warm.ms)}; statuses: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`,
      `  machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (1/5/15 min), node ${process.version}`,
      '',
    ].join('\n'),
  );
}

await main();
