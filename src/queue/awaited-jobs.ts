/**
 * The coordinator's list of jobs it still waits for: each lands exactly once,
 * whether its result comes by event, by a sweep, or both.
 */
import type { Variant } from '../compare/batch-file.js';
import type { BatchRow } from '../compare/run-variant.js';
import type { VariantJob } from './variant-job.js';

export interface QueuedVariant {
  readonly id: string;
  readonly job: VariantJob;
  readonly variant: Variant;
}

export class AwaitedJobs {
  private readonly byId = new Map<string, QueuedVariant>();
  private finish: () => void = () => undefined;
  /** Resolves when every job has landed. */
  readonly allLanded = new Promise<void>((resolve) => (this.finish = resolve));

  constructor(
    entries: readonly QueuedVariant[],
    private readonly land: (row: BatchRow) => void,
  ) {
    for (const e of entries) this.byId.set(e.id, e);
    if (this.byId.size === 0) this.finish();
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  get(id: string): QueuedVariant | undefined {
    return this.byId.get(id);
  }

  /** Land the job's row, unless it has landed already. */
  settle(id: string, row: (v: Variant) => BatchRow): void {
    const entry = this.byId.get(id);
    if (entry === undefined) return;
    this.byId.delete(id);
    this.land(row(entry.variant));
    if (this.byId.size === 0) this.finish();
  }
}
