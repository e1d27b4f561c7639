/**
 * A better award near a given one, for national tenders (a large neighbourhood
 * search): the award the bound by provider blocks gives (block-start.ts) is within
 * 0.005% of the bound on the bench's XL, and HiGHS, started from it, found nothing
 * better in the time left (docs/performance.md, "Lever 6"). Each round frees the lots
 * of a few providers who compete for the same lots, fixes every other variable at the
 * award's value and has HiGHS solve what is left, a small program, exactly or within
 * the round's seconds; the award changes only when a round finds a better one, so the
 * search never makes it worse, and the pipeline's verifier checks whatever is awarded.
 *
 * Freed in a round: every variable of the lots the chosen providers serve in the award,
 * and of the lots with unmet hours they bid for (so those lots may go to any provider
 * with room), and every variable of no lot: the packages and the providers' `wins`
 * indicators (so a provider who wins nothing now may win a freed lot, and a package
 * may be taken up or given up where its lots allow). The providers: one drawn at
 * random among those who serve something, and others drawn among those with an offer
 * for its lots: swapping lots between providers whose capacities are full is where the
 * award loses against the bound (the providers' capacity rows, "Where the gap is").
 */
import type { Highs } from 'highs';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { mersenne } from 'pure-rand/generator/mersenne';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { toModelData } from './highs-model.js';
import { planObjective, type Program } from './program.js';

export interface SearchLimits {
  /** When to stop, on `performance.now()`'s clock (ms). */
  readonly until: number;
  /** Whether a plan of this objective (offset excluded) is good enough to stop at: within the solve's gap of its bound. */
  readonly settled: (objective: number) => boolean;
}

/**
 * Providers freed together. On XL (seeds 1-3, 18 s of search after the blocks' award, one run
 * each) 8, 12, 16 and 24 ended at gaps of 0.0030%, 0.0031%, 0.0027% and 0.0031% on average:
 * close, with 16 best on two seeds of three (docs/performance.md, "Lever 6").
 */
const providersFreed = 16;
/** The longest a round may take: on XL a round of 16 providers took about 0.1 s on average. */
const roundSeconds = 2;
/**
 * Rounds in a row without a better award after which the search stops: each provider drawn
 * first twice, on average (XL: 600 rounds, more than a 60 s solve leaves time for; in the
 * scratch runs of docs/performance.md a better award came at most 81 rounds after the last),
 * and a small tender's search ends in a fraction of a second.
 */
const stallRounds = (layout: Layout) => Math.max(20, 2 * layout.providers);
/** The seed of the providers' draws: the same rounds in the same order on every run. */
const drawSeed = 16;

/** The program's lots and providers, by index, as its variables' meanings name them. */
interface Layout {
  /** Each variable's lot (-1: none). */
  readonly lotOf: Int32Array;
  /** Each variable's provider (-1: none). */
  readonly providerOf: Int32Array;
  /** Each lot's variables. */
  readonly variablesOf: readonly (readonly number[])[];
  /** Each lot's providers (those with a variable of it). */
  readonly providersOf: readonly (readonly number[])[];
  /** How many providers have variables. */
  readonly providers: number;
  /** Variables of no lot, which every round frees: packages and `wins` indicators. */
  readonly alwaysFree: readonly number[];
  /** Variables of the kinds that leave a lot's hours unmet. */
  readonly unmet: ReadonlySet<number>;
}

function layoutOf(program: Program): Layout {
  const lots = new Map<string, number>();
  const providers = new Map<string, number>();
  const indexOf = (ids: Map<string, number>, id: string) =>
    ids.get(id) ?? ids.set(id, ids.size).get(id) ?? -1;
  const lotOf = new Int32Array(program.variables.length).fill(-1);
  const providerOf = new Int32Array(program.variables.length).fill(-1);
  const alwaysFree: number[] = [];
  const unmet = new Set<number>();
  program.variables.forEach(({ meaning }, j) => {
    if ('lotId' in meaning) lotOf[j] = indexOf(lots, meaning.lotId);
    if ('providerId' in meaning && meaning.kind !== 'wins')
      providerOf[j] = indexOf(providers, meaning.providerId);
    if (!('lotId' in meaning)) alwaysFree.push(j);
    if (meaning.kind === 'unmet' || meaning.kind === 'areaUnmet') unmet.add(j);
  });
  const variablesOf = Array.from({ length: lots.size }, (): number[] => []);
  const providerSets = Array.from({ length: lots.size }, () => new Set<number>());
  lotOf.forEach((lot, j) => {
    if (lot < 0) return;
    variablesOf[lot]?.push(j);
    const provider = providerOf[j] ?? -1;
    if (provider >= 0) providerSets[lot]?.add(provider);
  });
  const providersOf = providerSets.map((s) => [...s]);
  return { lotOf, providerOf, variablesOf, providersOf, providers: providers.size, alwaysFree, unmet };
}

/** Each provider's lots in the award, and the lots with unmet hours. */
function servedIn(layout: Layout, plan: ArrayLike<number>) {
  const served = new Map<number, Set<number>>();
  const short = new Set<number>();
  layout.lotOf.forEach((lot, j) => {
    if (lot < 0 || (plan[j] ?? 0) <= 1e-6) return;
    if (layout.unmet.has(j)) short.add(lot);
    const provider = layout.providerOf[j] ?? -1;
    if (provider < 0) return;
    const lots = served.get(provider) ?? new Set<number>();
    served.set(provider, lots.add(lot));
  });
  return { served, short };
}

const draw = <T>(items: readonly T[], rng: RandomGenerator): T | undefined =>
  items[uniformInt(rng, 0, items.length - 1)];

/** The lots one round frees: those of a drawn provider and of competitors for its lots. */
function lotsToFree(layout: Layout, award: ReturnType<typeof servedIn>, rng: RandomGenerator): Set<number> {
  const first = draw([...award.served.keys()], rng);
  if (first === undefined) return new Set(award.short);
  const rivals = new Set<number>();
  for (const lot of award.served.get(first) ?? [])
    for (const p of layout.providersOf[lot] ?? []) rivals.add(p);
  rivals.delete(first);
  const chosen = [first];
  const pool = [...rivals];
  while (chosen.length < providersFreed && pool.length > 0) {
    const i = uniformInt(rng, 0, pool.length - 1);
    chosen.push(pool[i] ?? first);
    pool.splice(i, 1);
  }
  const lots = new Set<number>();
  for (const p of chosen) for (const lot of award.served.get(p) ?? []) lots.add(lot);
  const bidders = new Set(chosen);
  for (const lot of award.short) if (layout.providersOf[lot]?.some((p) => bidders.has(p))) lots.add(lot);
  return lots;
}

/** Whether `found` beats `award` by more than rounding: lower when minimised, higher when maximised. */
function beats(program: Program, found: readonly number[], award: readonly number[]): boolean {
  const [a, b] = [planObjective(program, award), planObjective(program, found)];
  const gain = program.sense === 'min' ? a - b : b - a;
  return gain > 1e-9 * Math.max(1, Math.abs(a));
}

/** The plan with its integer variables rounded, so that fixing them fixes whole values. */
const rounded = (program: Program, values: ArrayLike<number>): number[] =>
  program.variables.map((v, j) => (v.integer ? Math.round(values[j] ?? 0) : (values[j] ?? 0)));

type ModelData = ReturnType<typeof toModelData>;

/** Bounds that fix every variable at the award's value but those of the freed lots and of no lot. */
function roundBounds(layout: Layout, data: ModelData, award: readonly number[], free: ReadonlySet<number>) {
  const lower = Float64Array.from(award);
  const upper = Float64Array.from(award);
  const release = (j: number) => {
    lower[j] = data.colLower[j] ?? 0;
    upper[j] = data.colUpper[j] ?? 0;
  };
  for (const lot of free) for (const j of layout.variablesOf[lot] ?? []) release(j);
  for (const j of layout.alwaysFree) release(j);
  return { lower, upper };
}

/**
 * The best plan the search finds from `start` (a feasible plan of `program`) by `limits.until`:
 * `start` itself (its integers rounded) if no round finds better.
 */
export function searchNeighbourhoods(
  h: Highs,
  program: Program,
  start: ArrayLike<number>,
  limits: SearchLimits,
): number[] {
  let award = rounded(program, start);
  if (performance.now() >= limits.until || limits.settled(planObjective(program, award))) return award;
  const layout = layoutOf(program);
  const data = toModelData(h, program);
  const model = h.createModel(data);
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 1e-6, random_seed: 0 });
    const rng = mersenne(drawSeed);
    let served = servedIn(layout, award);
    const stall = stallRounds(layout);
    for (let stalled = 0; stalled < stall && performance.now() < limits.until; stalled++) {
      const free = lotsToFree(layout, served, rng);
      const { lower, upper } = roundBounds(layout, data, award, free);
      model.changeColsBounds({ kind: 'range', from: 0, to: data.numCols - 1 }, lower, upper);
      model.setSolution({ colValue: Float64Array.from(award) });
      const left = (limits.until - performance.now()) / 1000;
      model.options.set({ time_limit: Math.max(0.01, Math.min(roundSeconds, left)) });
      model.run();
      const found =
        Number(model.info.get('primal_solution_status')) === 2
          ? rounded(program, model.getSolution().colValue)
          : null;
      if (found !== null && beats(program, found, award)) {
        award = found;
        served = servedIn(layout, award);
        stalled = -1;
        if (limits.settled(planObjective(program, award))) break;
      }
      // With every lot free (and every variable of no lot), the round was the whole program.
      if (
        free.size === layout.variablesOf.length &&
        model.getModelStatus() === h.constants.modelStatus.optimal
      )
        break;
    }
    return award;
  } finally {
    model.dispose();
  }
}
