/**
 * Solves one at a time, in order. A request may name an edit stream (the
 * page sends one): a newer request of the same stream supersedes an older
 * one still waiting, which is answered `superseded` without being solved.
 * Requests without a stream are never superseded.
 */
export type Queued<R> = { readonly kind: 'done'; readonly value: R } | { readonly kind: 'superseded' };

interface Waiting<T, R> {
  readonly task: T;
  readonly stream: string | null;
  readonly settle: (outcome: Promise<Queued<R>> | Queued<R>) => void;
}

export class SolveQueue<T, R> {
  readonly #waiting: Waiting<T, R>[] = [];
  #running = false;

  constructor(private readonly run: (task: T) => Promise<R>) {}

  submit(task: T, stream: string | null = null): Promise<Queued<R>> {
    if (stream !== null) {
      for (const older of this.#waiting.filter((w) => w.stream === stream)) {
        this.#waiting.splice(this.#waiting.indexOf(older), 1);
        older.settle({ kind: 'superseded' });
      }
    }
    const answer = new Promise<Queued<R>>((settle) => this.#waiting.push({ task, stream, settle }));
    this.#next();
    return answer;
  }

  /** Requests waiting (not counting the one being solved). */
  get waiting(): number {
    return this.#waiting.length;
  }

  #next(): void {
    if (this.#running) return;
    const head = this.#waiting.shift();
    if (head === undefined) return;
    this.#running = true;
    // A run that throws at once (the solver thread cannot take the body) is a failed
    // promise like any other, so the queue goes on to the next task.
    const done = new Promise<R>((resolve) => resolve(this.run(head.task))).then(
      (value): Queued<R> => ({ kind: 'done', value }),
    );
    head.settle(done);
    void done
      .catch(() => undefined)
      .finally(() => {
        this.#running = false;
        this.#next();
      });
  }
}
