/**
 * `npm run bench:zones [-- --gap-sizes 10,15,20 --seeds 5 --growth-sizes 50,100,200,500,1000,2000 --time-limit 60]`
 *
 *   1. gap: on generated maps small enough for the exact program, the
 *      heuristic's map against the exact one (max-p and a fixed count)
 *   2. growth: the heuristic's time as the map grows from 50 to 2,000 areas
 *   3. both tables printed and written to bench/zones.md
 *
 * The maps come from zone-maps.ts. Not part of `npm test`: it measures, it
 * does not check.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { highsBackend } from '../solve/backend-highs.js';
import { exactMap } from '../zones/exact.js';
import { defaultHeuristic, heuristicMaps } from '../zones/heuristic.js';
import { generatedMap } from './zone-maps.js';
import { checkBenchFlags, flagValue } from './bench-flag.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const numbers = (text: string) => text.split(',').map(Number);
const seconds = (start: number) => (performance.now() - start) / 1000;

interface GapRow {
  areas: number;
  seed: number;
  kind: string;
  heuristicZones: number;
  exactZones: number | null;
  heuristicCost: number;
  exactCost: number | null;
  exactStatus: string;
  gap: number | null;
  heuristicSeconds: number;
  exactSeconds: number;
}

async function gapRow(
  areas: number,
  seed: number,
  count: number | null,
  timeLimit: number,
): Promise<GapRow | null> {
  const p = generatedMap(areas, seed, count);
  let start = performance.now();
  const heuristic = heuristicMaps(p, defaultHeuristic);
  const heuristicSeconds = seconds(start);
  if (heuristic.kind !== 'found') return null;
  const best = heuristic.maps[0];
  if (best === undefined) return null;
  start = performance.now();
  // No start plan: the exact program must find its own way, so it is an independent yardstick.
  const exact = await exactMap(p, { backend: highsBackend, timeLimit, start: null });
  const exactSeconds = seconds(start);
  const solved = exact.status === 'optimal' || exact.status === 'feasible';
  const exactCost = solved ? exact.cost : null;
  const exactZones = solved ? new Set(exact.assignment).size : null;
  const comparable = exactCost !== null && exactZones === best.zoneCount;
  return {
    areas,
    seed,
    kind: count === null ? 'max-p' : `count ${count}`,
    heuristicZones: best.zoneCount,
    exactZones,
    heuristicCost: best.cost,
    exactCost,
    exactStatus: exact.status,
    gap: comparable ? (best.cost - (exactCost ?? 0)) / (exactCost ?? 1) : null,
    heuristicSeconds,
    exactSeconds,
  };
}

const f1 = (x: number) => x.toFixed(1);
/** A gap; rounding noise around zero (±1e-6) prints as 0.00%. */
const pct = (x: number | null) => (x === null ? '-' : `${(100 * (Math.abs(x) < 1e-6 ? 0 : x)).toFixed(2)}%`);

const usage =
  'npm run bench:zones [-- --gap-sizes 10,15,20 --seeds 5 --growth-sizes 50,100,200,500,1000,2000 --time-limit 60 --out bench/zones.md]';

async function main(argv: readonly string[]): Promise<void> {
  checkBenchFlags(argv, usage);
  const timeLimit = Number(flagValue(argv, '--time-limit') ?? '60');
  const seeds = Number(flagValue(argv, '--seeds') ?? '5');
  const lines: string[] = [
    '# Zone design benchmark',
    '',
    `Written by \`npm run bench:zones\` (${new Date().toISOString().slice(0, 10)}; exact time limit ${timeLimit} s).`,
    '',
    '## Heuristic against the exact program',
    '',
    '| areas | seed | request | zones (heuristic / exact) | heuristic hour-km | exact hour-km | exact status | gap | heuristic s | exact s |',
    '| ---: | ---: | --- | --- | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  const gaps: number[] = [];
  for (const areas of numbers(flagValue(argv, '--gap-sizes') ?? '10,15,20')) {
    for (let seed = 1; seed <= seeds; seed++) {
      for (const count of [null, Math.floor(areas / 4)]) {
        const r = await gapRow(areas, seed, count, timeLimit);
        if (r === null) continue;
        if (r.gap !== null && r.exactStatus === 'optimal') gaps.push(r.gap);
        const line = `| ${r.areas} | ${r.seed} | ${r.kind} | ${r.heuristicZones} / ${r.exactZones ?? '-'} | ${f1(r.heuristicCost)} | ${r.exactCost === null ? '-' : f1(r.exactCost)} | ${r.exactStatus} | ${pct(r.gap)} | ${r.heuristicSeconds.toFixed(2)} | ${r.exactSeconds.toFixed(2)} |`;
        lines.push(line);
        process.stdout.write(`${line}\n`);
      }
    }
  }
  const sorted = [...gaps].sort((a, b) => a - b);
  lines.push(
    '',
    `Proven optima compared: ${gaps.length}; heuristic equal to the optimum in ${gaps.filter((g) => g < 1e-9).length}; mean gap ${pct(gaps.reduce((t, g) => t + g, 0) / Math.max(1, gaps.length))}, worst ${pct(sorted[sorted.length - 1] ?? null)}.`,
    '',
    '## Heuristic time as the map grows',
    '',
    '| areas | zones | hour-km | constructions | seconds |',
    '| ---: | ---: | ---: | ---: | ---: |',
  );
  for (const areas of numbers(flagValue(argv, '--growth-sizes') ?? '50,100,200,500,1000,2000')) {
    const p = generatedMap(areas, 1, null);
    const start = performance.now();
    const out = heuristicMaps(p, defaultHeuristic);
    const line = `| ${areas} | ${out.kind === 'found' ? (out.maps[0]?.zoneCount ?? '-') : '-'} | ${out.kind === 'found' ? f1(out.maps[0]?.cost ?? 0) : '-'} | ${out.constructions} | ${seconds(start).toFixed(2)} |`;
    lines.push(line);
    process.stdout.write(`${line}\n`);
  }
  writeFileSync(flagValue(argv, '--out') ?? path.join(root, 'bench/zones.md'), `${lines.join('\n')}\n`);
}

await main(process.argv.slice(2));
