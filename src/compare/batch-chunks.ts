/**
 * Which variants one worker runs together. A worker remembers the models it
 * has solved (solve/solve-memo.ts), so variants likely to build the same
 * model should meet in one worker: neighbours in the batch that differ only
 * in their award rules (a grid's last key, often a share cap that no award
 * reaches). With one variant per task, two workers would split such
 * neighbours between them and each solve the model once.
 *
 * Chunks only decide where a variant runs, never what its row says: every
 * variant is still solved (or its answer reused) on its own.
 */
import type { Variant } from './batch-file.js';
import { sharedOverrides } from './overrides.js';

/** Most variants in one task, so that the last tasks of a batch still spread over the workers. */
const largestChunk = 8;

/** What a variant shares with its neighbours in a chunk: everything but its award rules, id and name. */
function neighbourhood(variant: Variant): string {
  return `${variant.base}\n${variant.samples}\n${variant.seed}\n${sharedOverrides(variant.overrides).key}`;
}

/**
 * Variants with the same neighbourhood, each chunk at most 8 long and short
 * enough that every worker gets about four chunks (so a small batch still
 * spreads over the workers). Neighbours need not be next to each other in the
 * batch (a grid whose award rules are not its last key): each neighbourhood's
 * chunks come where its first variant is, its variants in batch order.
 *
 * With several workers, the last `workers` chunks run one variant a task, so
 * that the workers finish together: a worker that took the last whole chunk
 * kept the others waiting for up to a chunk's time (the bundled grid's 504
 * variants on two workers: one worker idle 88 ms of 3.7 s at the end, in
 * session 16's timeline). Their variants still meet neighbours in each worker
 * (the workers take them in turn), and with one worker nothing is split.
 */
export function chunkVariants(variants: readonly Variant[], workers: number): Variant[][] {
  const size = Math.max(1, Math.min(largestChunk, Math.floor(variants.length / (workers * 4))));
  const neighbourhoods = new Map<string, Variant[]>();
  for (const variant of variants) {
    const key = neighbourhood(variant);
    const group = neighbourhoods.get(key);
    if (group === undefined) neighbourhoods.set(key, [variant]);
    else group.push(variant);
  }
  const chunks: Variant[][] = [];
  for (const group of neighbourhoods.values())
    for (let at = 0; at < group.length; at += size) chunks.push(group.slice(at, at + size));
  if (workers < 2) return chunks;
  const last = chunks.splice(-workers);
  return [...chunks, ...last.flat().map((v) => [v])];
}
