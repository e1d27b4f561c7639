/**
 * One batch variant as a queue job: what goes on the queue, the schema a
 * worker checks it with before solving (it never trusts the queue), the job
 * id that makes a re-queued variant the same job, and the row that comes back.
 * Pure.
 */
import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import { z } from 'zod';
import { idSchema, samplesSchema, seedSchema, type Variant } from '../compare/batch-file.js';
import { isBatchRow } from '../compare/batch-output.js';
import { overridesSchema } from '../compare/overrides-schema.js';
import { failedRow, type BatchRow } from '../compare/run-variant.js';

/**
 * The BullMQ queue of one zonal build (keys `bull:zonal-batch-0.1.0+1a2b3c4d:*`, see solver-build.ts):
 * a worker takes jobs only from its own version's queue, so a worker left on
 * an older version beside up-to-date ones takes no job instead of failing
 * every job it grabs. (BullMQ queue names cannot hold ":".)
 */
export function queueNameOf(version: string): string {
  return `zonal-batch-${version.replace(/[^\w.+-]/g, '_')}`;
}

/** Redis key of a scenario bundle (see scenario-bundle.ts). */
export function scenarioKey(hash: string): string {
  return `zonal:scenario:${hash}`;
}

/** How long finished jobs and scenario bundles stay in Redis: long enough for a --resume after a weekend. */
export const keepSeconds = 7 * 24 * 3600;

export const variantJobSchema = z.strictObject({
  variant: z.strictObject({
    id: idSchema,
    index: z.number().int().min(0),
    base: z.string().min(1),
    overrides: overridesSchema,
    samples: samplesSchema.nullable(),
    seed: seedSchema,
  }),
  /** Content hash of the base scenario's bundle. */
  scenario: z.string().regex(/^[0-9a-f]{64}$/, 'must be a scenario hash (64 hex digits)'),
  timeLimit: z.number().gt(0).max(86_400),
  /** zonal version and solver fingerprint of the coordinator (solver-build.ts): a worker of another refuses the job. */
  version: z.string().min(1),
});

export type VariantJob = z.output<typeof variantJobSchema>;

export function variantJob(
  variant: Variant,
  scenario: string,
  timeLimit: number,
  version: string,
): VariantJob {
  return { variant: { ...variant }, scenario, timeLimit, version };
}

/**
 * The same variant of the same scenario with the same settings is the same
 * job, whichever batch or coordinator queues it: adding it twice is a no-op
 * in BullMQ, so a re-queued or resumed batch never solves a variant twice
 * and never gets two rows. (The position in the batch is left out: it is the
 * coordinator's business.)
 */
export function jobId(job: VariantJob): string {
  const { index: _index, ...variant } = job.variant;
  const definition = stableStringify({ ...job, variant }) ?? '';
  return `zonal-${createHash('sha256').update(definition).digest('hex').slice(0, 32)}`;
}

/**
 * A worker's answer as the coordinator's row: checked (a worker is trusted no
 * more than the queue) and placed at the coordinator's index.
 */
export function rowFromResult(result: unknown, variant: Variant): BatchRow {
  if (!isBatchRow(result))
    return failedRow(
      variant,
      'a worker returned something that is not a result row: check that every worker runs this version of zonal',
    );
  if (result.id !== variant.id)
    return failedRow(variant, `a worker returned the row of variant "${result.id}" for this one`);
  return { ...result, index: variant.index, base: variant.base };
}

/**
 * Times a job may stall (its worker stop answering: killed, out of memory, cut off from Redis)
 * and go back on the queue; once more and it is given up (BullMQ's `maxStalledCount`), rather
 * than kill worker after worker.
 */
export const maxStalls = 2;

/** BullMQ's reason for a job given up after more than `maxStalls` stalls. */
const stalledTooOften = 'job stalled more than allowable limit';

export function rowFromFailure(reason: string, variant: Variant): BatchRow {
  return failedRow(
    variant,
    reason === stalledTooOften
      ? `the queue gave it up: the workers solving it stopped answering ${maxStalls + 1} times (killed, out of memory or cut off from Redis), and it may be what stops them: run it again with --resume`
      : `the queue job failed: ${reason}`,
  );
}
