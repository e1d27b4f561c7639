/**
 * The run's input hash: the scenario files' hash together with every option
 * that can change the answer, so two runs share a hash only when they must
 * give the same result.json (apart from timings).
 */
import { createHash } from 'node:crypto';

export interface RunSettings {
  readonly zoning: string | null;
  readonly objective: string | null;
  readonly timeLimitSeconds: number;
  readonly solver: string;
  readonly solverVersion: string;
  readonly version: string;
  readonly ruleCosts: boolean;
}

export function runHash(filesHash: string, settings: RunSettings): string {
  const canonical = JSON.stringify([
    filesHash,
    settings.zoning,
    settings.objective,
    settings.timeLimitSeconds,
    settings.solver,
    settings.solverVersion,
    settings.version,
    settings.ruleCosts,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
