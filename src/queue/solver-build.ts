/**
 * What a queue job and a worker must agree on: the zonal version and a
 * fingerprint of the code that solves a variant. Two checkouts of different
 * commits both say 0.1.0 in package.json, so the version alone would let a
 * worker pulled last week solve part of today's batch with other code. The
 * fingerprint is a hash of the batch worker's bundle, which loads its chunks
 * by names that are hashes of their contents, so it changes with any of them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { workerEntry } from '../compare/batch-run.js';

let fingerprint: string | undefined;

/** The batch worker's code, hashed once (a bundle of about 0.5 MB: a millisecond). */
function solverFingerprint(): string {
  if (fingerprint === undefined) {
    const entry = workerEntry();
    const [bundled] = entry.argv;
    const file = bundled === undefined ? entry.filename : path.join(path.dirname(entry.filename), bundled);
    fingerprint = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 8);
  }
  return fingerprint;
}

/** `0.1.0+1a2b3c4d`: the version a job carries, a worker takes, and messages show. */
export function solverBuild(version: string): string {
  return `${version}+${solverFingerprint()}`;
}
