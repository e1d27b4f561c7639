/**
 * Solve answers for the server: identical requests (undo, redo, back to an
 * earlier zoning) come from a small least-recently-used cache; the rest go
 * through the queue to the solver, one at a time.
 */
import stringify from 'safe-stable-stringify';
import type { SolveAnswer } from './solve-answer.js';
import { SolveQueue } from './solve-queue.js';
import type { Solver } from './solver.js';

export class Answers {
  readonly #queue: SolveQueue<unknown, SolveAnswer>;
  readonly #cache = new Map<string, SolveAnswer>();

  /** `cacheSize` 0 turns the cache off. */
  constructor(
    solver: Solver,
    private readonly cacheSize: number,
  ) {
    this.#queue = new SolveQueue((body) => solver.solve(body));
  }

  /** The answer to a request body; null when a newer request of the same stream superseded it. */
  async solve(body: unknown, stream: string | null): Promise<SolveAnswer | null> {
    const key = stringify(body) ?? '';
    const known = this.#cache.get(key);
    if (known !== undefined) {
      this.#cache.delete(key);
      this.#cache.set(key, known);
      return known;
    }
    const queued = await this.#queue.submit(body, stream);
    if (queued.kind === 'superseded') return null;
    // Only results are kept: a failure may not happen again.
    if (queued.value.kind === 'result' && this.cacheSize > 0) {
      this.#cache.set(key, queued.value);
      if (this.#cache.size > this.cacheSize) this.#cache.delete(this.#cache.keys().next().value ?? '');
    }
    return queued.value;
  }
}
