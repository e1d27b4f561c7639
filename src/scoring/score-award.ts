/**
 * Placeholder until the viability and risk model lands (issue 3): no scores.
 */
import type { AwardScores, AwardToScore } from './award-scores.js';

export function scoreAward(_award: AwardToScore): AwardScores {
  return { lots: new Map(), providers: new Map(), flags: [], riskScore: 0, viabilityScore: 0, detail: {} };
}
