/**
 * HiGHS (WebAssembly) backend. One runtime is loaded per process and reused;
 * every model is disposed after its solve, since WASM memory is not collected.
 *
 * Options (measured in docs/performance.md): the time limit, the relative gap, a fixed
 * random seed, and no feasibility jump on programs of a county's size
 * (`feasibilityJumpBelow`); a start plan is handed over when given. HiGHS's
 * other defaults stay: scaling the objective (`user_objective_scale`, which
 * HiGHS suggests for annual costs of 1e5-1e8) did not speed anything up and,
 * with the absolute gap tolerance, let small MEAT objectives stop 1e-5 short
 * of the optimum, so it is not used.
 */
import highsModule, { type Highs } from 'highs';
import { solverFoundNoPlan } from '../diagnostics/messages.js';
import {
  isBetterPlan,
  startPlan,
  type Program,
  type SolveOptions,
  type SolverBackend,
  type SolverOutcome,
} from './program.js';
import { compileWasmEagerly, tieringFor, useWasmTiering, type WasmTiering } from './wasm-tiering.js';
import { type CompiledWasm, compileHighsWasm, instantiatingFrom } from './highs-shared.js';
import { blockStart, gapTo, type BlockStart } from './block-start.js';
import { searchNeighbourhoods } from './neighbourhood-search.js';
import { toModelData } from './highs-model.js';

/** The package's types describe a CommonJS default; at run time ESM gives the loader itself. */
type Loader = (options?: object) => Promise<Highs>;
const loadHighs = ((highsModule as unknown as { default?: Loader }).default ??
  highsModule) as unknown as Loader;

interface Runtime {
  /** 'shared': instantiated from a module compiled elsewhere (useCompiledHighs). */
  readonly tiering: WasmTiering | 'shared';
  readonly highs: Promise<Highs>;
}

let runtime: Runtime | null = null;
/** Set by the first solve: from then on the process keeps its runtime. */
let settled = false;

/**
 * Load this thread's HiGHS runtime from a module compiled elsewhere (a batch
 * worker gets the main thread's optimised compile: highs-shared.ts) instead
 * of compiling highs.wasm itself. Call before the first solve.
 */
export function useCompiledHighs(module: CompiledWasm): void {
  const highs = loadHighs(instantiatingFrom(module));
  highs.catch(() => undefined); // awaited by the first solve; a worker stopped before it must not leave a stray rejection
  runtime = { tiering: 'shared', highs };
  settled = true;
}

function load(tiering: WasmTiering): Runtime {
  useWasmTiering(tiering);
  // Compiled before Emscripten's loader starts, which then only instantiates it.
  const highs = compileHighsWasm(true).then((module) => loadHighs(instantiatingFrom(module)));
  // A warm-up nobody waits for (the command stopped at bad input) must not become an unhandled rejection.
  highs.catch(() => undefined);
  return { tiering, highs };
}

/**
 * Start compiling HiGHS now, guessing that the first model is no larger than
 * a county's or a region's (most are): `zonal solve` calls this first thing,
 * so V8 compiles the WebAssembly on its background threads while the
 * scenario is read, and compiles all of it there rather than function by
 * function during the first solve (wasm-tiering.ts). A first model too large
 * for the guess compiles HiGHS again with V8's default tiering.
 */
function warmUp(): void {
  if (runtime !== null) return;
  compileWasmEagerly();
  runtime = load(tieringFor(0));
}

/**
 * The process's HiGHS runtime. The first model's size decides how V8
 * compiles it (wasm-tiering.ts): baseline code for models up to a large
 * county's, V8's default tiering for regional and national ones, which solve for seconds.
 */
function highs(firstVariables: number): Promise<Highs> {
  const wanted = tieringFor(firstVariables);
  if (runtime === null || (!settled && runtime.tiering !== wanted)) runtime = load(wanted);
  settled = true;
  return runtime.highs;
}

/** HiGHS option values, by native option name. */
type HighsOptionValues = Readonly<Record<string, number | string | boolean>>;

export interface HighsBackendSettings {
  /** Further native options, applied last (for experiments, e.g. the bench's --highs-options). @defaultValue {} */
  readonly options: HighsOptionValues;
  /**
   * Variables from which a solve first proves a bound by provider blocks and starts
   * HiGHS from the award its packings give (block-start.ts; docs/performance.md,
   * "Lever 5"): the bench's XL (10,644) but not L (2,336) nor any county. Never for a
   * solve with a node limit (its answer must not depend on the clock).
   * @defaultValue 5000
   */
  readonly blockBoundFrom: number;
  /**
   * The least time limit (seconds) a solve takes that path with: the bound and the award
   * from its packings take up to 60% of it, and with less HiGHS is left too little time to
   * improve its own award (XL seed 2 at 10 s: £1,200,377,287 a year against £1,088,013,337 for
   * HiGHS alone; seed 1 on MEAT at 20 s, `zonal serve`'s default, a worse award too; review15b).
   * @defaultValue 30
   */
  readonly blockBoundMinSeconds: number;
}

const defaultHighsBackendSettings: HighsBackendSettings = {
  options: {},
  blockBoundFrom: 5000,
  blockBoundMinSeconds: 30,
};

/** Share of the time limit HiGHS keeps, however long the bound and the award took. */
const highsShare = 0.4;

/**
 * Whether a solve first proves a bound by provider blocks: a program of `blockBoundFrom`
 * variables or more, given `blockBoundMinSeconds` or more, and limited by seconds only (a
 * solve limited by nodes asks for the same answer on a busy machine and an idle one).
 */
export function usesBlocks(program: Program, options: SolveOptions, settings: HighsBackendSettings): boolean {
  return (
    options.nodeLimit === undefined &&
    options.timeLimit >= settings.blockBoundMinSeconds &&
    program.variables.length >= settings.blockBoundFrom
  );
}

/** The plan of lower objective in the program's sense (higher when maximised); a missing one loses. */
function betterPlan(
  program: Program,
  a: readonly number[] | undefined,
  b: Float64Array | null | undefined,
): readonly number[] | undefined {
  if (b === null || b === undefined) return a;
  return a === undefined || isBetterPlan(program, b, a) ? Array.from(b) : a;
}

/**
 * The plan HiGHS starts from after the blocks: the better of the given start and the
 * packings' award, improved by a search of its neighbourhoods (neighbourhood-search.ts)
 * until HiGHS's own share of the time limit is all that is left.
 */
function startAfterBlocks(
  h: Highs,
  program: Program,
  options: SolveOptions & { readonly start?: readonly number[] },
  blocks: BlockStart,
  started: number,
): readonly number[] | undefined {
  const start = betterPlan(program, options.start, blocks.plan);
  if (start === undefined) return undefined;
  return searchNeighbourhoods(h, program, start, {
    until: started + (1 - highsShare) * options.timeLimit * 1000,
    settled: (objective) => gapTo(program, objective, Number.NaN, blocks.bound) <= options.relativeGap,
  });
}

/** Stops HiGHS once its award is within the gap of the blocks' bound. */
function stopAtBlockBound(h: Highs, program: Program, blocks: BlockStart, relativeGap: number) {
  return {
    [h.constants.callbackType.mipInterrupt]: (event: {
      readonly data: { readonly mip_primal_bound?: number; readonly mip_dual_bound?: number };
      interrupt(): void;
    }) => {
      const award = event.data.mip_primal_bound;
      if (award === undefined || !Number.isFinite(award)) return undefined;
      const highsBound = event.data.mip_dual_bound ?? blocks.bound;
      if (gapTo(program, award, highsBound, blocks.bound) <= relativeGap) event.interrupt();
      return undefined;
    },
  };
}

/**
 * Award programs below this many variables are solved without HiGHS's feasibility jump, the
 * heuristic it runs for a first plan before the root of every MIP. On the county's programs
 * it took about a third of HiGHS's time and the award was the same: over the bench grid's 504
 * variants in one thread, HiGHS 9.0-11.1 ms a variant with it against 5.4-6.9 without, the
 * variant's CPU 14.5-18.5 against 10.8-14.2 ms, every row alike (docs/performance.md,
 * session 19). It is only a search for a first plan (the greedy start gives one): the proof of
 * the best award is HiGHS's bound either way. Kept from here up, and for maps of zones, where
 * it pays: the bench's L tender (2,336 variables) took 6.7 and 4.9 s with it against 8.1 and
 * 5.5 s without (seeds 1 and 2, one run each), and `npm run bench:zones`' exact maps of 10, 15
 * and 20 areas 39.3 s in all with it against 48.8 s without.
 */
const feasibilityJumpBelow = 1_000;

/** Whether HiGHS skips its searches for a first plan on `program` (`feasibilityJumpBelow`, `firstPlanSearchesOff`). */
export const skipsFeasibilityJump = (program: Program, options: SolveOptions) =>
  options.decides !== 'zones' && program.variables.length < feasibilityJumpBelow;

/**
 * HiGHS's searches for a first plan left out where skipsFeasibilityJump says: the feasibility
 * jump, and the root reduced-cost heuristic (a sub-MIP on variables fixed by their reduced costs
 * at the root). The county's award and its four rule-cost re-solves, each proved at the root,
 * took 63.8-65.1 ms of HiGHS with it and 55.4-56.5 ms without, the same five objectives; the
 * bundled county, the small example and all 504 rows of the bundled batch came out the same
 * (docs/performance.md, session 25).
 */
const firstPlanSearchesOff = {
  mip_heuristic_run_feasibility_jump: false,
  mip_heuristic_run_root_reduced_cost: false,
} as const;

/** The HiGHS options of a solve of `program`. */
export function highsOptionsFor(
  program: Program,
  options: SolveOptions,
  settings: HighsBackendSettings = defaultHighsBackendSettings,
): HighsOptionValues {
  const nodes = options.nodeLimit === undefined ? {} : { mip_max_nodes: options.nodeLimit };
  const searches = skipsFeasibilityJump(program, options) ? firstPlanSearchesOff : {};
  return {
    output_flag: false,
    time_limit: options.timeLimit,
    mip_rel_gap: options.relativeGap,
    random_seed: 0,
    ...nodes,
    ...searches,
    ...settings.options,
  };
}

function run(
  h: Highs,
  program: Program,
  options: SolveOptions & { readonly start?: readonly number[] },
  settings: HighsBackendSettings,
  started: number,
): SolverOutcome {
  const seconds = () => (performance.now() - started) / 1000;
  if (program.variables.length === 0)
    return { status: 'optimal', values: [], objective: 0, gap: 0, seconds: seconds() };
  const blocks = usesBlocks(program, options, settings) ? blockStart(h, program, options) : null;
  const start = blocks === null ? options.start : startAfterBlocks(h, program, options, blocks, started);
  const model = h.createModel(toModelData(h, program));
  try {
    model.options.set(highsOptionsFor(program, options, settings));
    if (blocks !== null)
      model.options.set({
        time_limit: Math.max(highsShare * options.timeLimit, options.timeLimit - seconds()),
      });
    if (start !== undefined) model.setSolution({ colValue: Float64Array.from(start) });
    model.run(blocks === null ? undefined : stopAtBlockBound(h, program, blocks, options.relativeGap));
    const status = model.getModelStatus();
    const s = h.constants.modelStatus;
    if (status === s.infeasible) return { status: 'infeasible', seconds: seconds() };
    const info = model.info;
    const hasPlan = Number(info.get('primal_solution_status')) === 2;
    if (!hasPlan)
      return {
        status: 'error',
        message: solverFoundNoPlan(status, status === s.timeLimit ? options.timeLimit : null),
        seconds: seconds(),
      };
    const values = Array.from(model.getSolution().colValue);
    const objective = model.getObjectiveValue();
    if (blocks !== null) {
      // the better of HiGHS's bound and the blocks': optimal only within the same tolerance
      const gap = gapTo(program, objective, Number(info.get('mip_dual_bound')), blocks.bound);
      const proven = status === s.optimal || gap <= options.relativeGap;
      return { status: proven ? 'optimal' : 'feasible', values, objective, gap, seconds: seconds() };
    }
    const rawGap = Number(info.get('mip_gap'));
    const gap = Number.isFinite(rawGap) ? Math.max(0, rawGap) : 0;
    if (status === s.optimal) return { status: 'optimal', values, objective, gap, seconds: seconds() };
    return {
      status: 'feasible',
      values,
      objective,
      gap: Number.isFinite(rawGap) ? gap : NaN,
      seconds: seconds(),
    };
  } finally {
    model.dispose();
  }
}

export function createHighsBackend(settings: Partial<HighsBackendSettings> = {}): SolverBackend {
  const complete: HighsBackendSettings = { ...defaultHighsBackendSettings, ...settings };
  return {
    name: 'highs',
    warmUp,
    async solve(program, options) {
      // The start is worked out before waiting for HiGHS, which may still be compiling.
      const { start: _rule, ...rest } = options;
      const start = startPlan(program, options);
      const h = await highs(program.variables.length);
      return run(h, program, start === undefined ? rest : { ...rest, start }, complete, performance.now());
    },
  };
}

export const highsBackend: SolverBackend = createHighsBackend();
