/**
 * report.html and result.xlsx made in a worker thread (render-worker.ts).
 * `zonal solve` starts the thread first thing, so the chart and workbook
 * libraries compile on the second core while the main thread reads the
 * scenario and solves; the result is posted when ready. A thread that fails
 * (or stops) becomes a RenderError with the reason, never a hang.
 */
import { Worker } from 'node:worker_threads';
import type { Result } from '../model/result.js';
import type { Scenario } from '../model/types.js';
import type { RenderedFiles } from './rendered-files.js';
import { renderWorkerEntry, takeEarlyRenderThread } from './early-render-thread.js';

/**
 * What the main thread posts (structured-cloned): the scenario as soon as it
 * is read, with the zoning it will be solved on, then the award. An award
 * sent without its scenario is the prepared one's.
 */
export type RenderRequest =
  | { readonly kind: 'scenario'; readonly scenario: Scenario; readonly zoning: string }
  | { readonly kind: 'award'; readonly result: Result; readonly scenario?: Scenario };

export type RenderReply =
  | { readonly kind: 'rendered'; readonly files: RenderedFiles }
  | { readonly kind: 'failed'; readonly error: string };

/** report.html and result.xlsx could not be made; the message says why. */
export class RenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderError';
  }
}

export interface RenderThread {
  /**
   * Hand over the scenario as soon as it is read, so the thread draws the
   * maps' shapes (which do not depend on the award) while the award is solved.
   */
  prepare(scenario: Scenario, zoning: string): void;
  /** Post the award; resolves with the two files, or rejects with a RenderError. Once per thread: it stops after answering. */
  render(result: Result, scenario: Scenario): Promise<RenderedFiles>;
  /** Stop the thread (whether or not it rendered). */
  close(): Promise<void>;
}

export interface RenderThreadOptions {
  /**
   * The thread's young generation, in MB. Each page of memory a process touches for the
   * first time costs a page fault (about 20 µs on the 2-core machine zonal is measured
   * on), and the report of a county makes short-lived garbage, so a small young
   * generation, swept more often, touches fewer new pages; a national report keeps more
   * alive and is faster with V8's default (docs/performance.md, "The county, fifth round").
   * @defaultValue V8's (up to 16)
   */
  readonly youngGenerationMb?: number;
}

/**
 * Start the thread now, or take the one launch.cjs started for `scenarioPath` with these options
 * (early-render-thread.ts), released when first posted to; `worker` is the entry file (tests give
 * one that fails).
 */
export function startRenderThread(
  worker?: URL,
  options: RenderThreadOptions = {},
  scenarioPath?: string,
): RenderThread {
  const limits =
    options.youngGenerationMb === undefined
      ? {}
      : { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } };
  const early =
    worker === undefined && scenarioPath !== undefined
      ? takeEarlyRenderThread(scenarioPath, options.youngGenerationMb)
      : undefined;
  const thread =
    early?.worker ??
    (worker === undefined
      ? new Worker(renderWorkerEntry.file, { argv: renderWorkerEntry.argv, ...limits })
      : new Worker(worker, limits));
  /** Post to the thread, letting a held one load its code first: the solve has set its V8 flags by now. */
  const post = (request: RenderRequest) => {
    early?.release();
    thread.postMessage(request);
  };
  let prepared: Scenario | null = null;
  let stopped: string | null = null;
  let settle: ((reply: RenderReply) => void) | null = null;
  const fail = (error: string) => {
    stopped ??= error;
    settle?.({ kind: 'failed', error });
    settle = null;
  };
  thread.on('message', (reply: RenderReply) => {
    settle?.(reply);
    settle = null;
  });
  thread.on('messageerror', (e) => fail(`the report thread could not read a message: ${e.message}`));
  thread.on('error', (e) => fail(`the report thread failed: ${e.message}`));
  thread.on('exit', (code) => fail(`the report thread stopped (exit code ${code})`));
  const close = async () => {
    stopped ??= 'the report thread has already rendered its one award';
    thread.removeAllListeners();
    await thread.terminate();
  };
  return {
    prepare(scenario, zoning) {
      try {
        post({ kind: 'scenario', scenario, zoning });
        prepared = scenario;
      } catch {
        // Not handed over: render() sends the scenario with the award, and reports a failure then.
      }
    },
    async render(result, scenario) {
      if (stopped !== null) throw new RenderError(stopped);
      const reply = await new Promise<RenderReply>((resolve) => {
        settle = resolve;
        try {
          const award: RenderRequest =
            prepared === scenario ? { kind: 'award', result } : { kind: 'award', result, scenario };
          post(award);
        } catch (e) {
          fail(
            `the award could not be handed to the report thread: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      });
      // Its one render done, the thread stops now: its teardown overlaps the writing of the files.
      close().catch(() => undefined);
      if (reply.kind === 'failed') throw new RenderError(reply.error);
      return reply.files;
    },
    close,
  };
}
