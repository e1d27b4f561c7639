/**
 * Scoring settings as the scoring stage uses them. The schemas live in
 * model/scoring-settings.ts: a scenario carries its settings parsed once,
 * when it is read.
 */
import type { Scenario } from '../model/types.js';
import {
  parseScoringSettings,
  type ScoringSettings,
  type ScoringWeights,
} from '../model/scoring-settings.js';

export {
  costModelSchema,
  parseScoringSettings,
  type CostModel,
  type ScoringSettings,
  type ScoringWeights,
} from '../model/scoring-settings.js';

/** The two thresholds of the abnormally-low-tender test. */
export const lowTenderThresholds = (s: ScoringWeights) => ({
  tolerance: s.lowTenderTolerance,
  belowMedian: s.lowTenderBelowMedian,
});

/** A scenario's settings (parsed when it was read). */
export function scoringSettings(scenario: Pick<Scenario, 'costModel' | 'scoring'>): ScoringSettings {
  return { costModel: scenario.costModel, scoring: scenario.scoring };
}

/** The documented defaults. */
export const defaultScoringSettings: ScoringSettings = (() => {
  const parsed = parseScoringSettings({ costModel: {}, scoring: {} });
  if (parsed.kind === 'bad')
    throw new Error(
      `the default scoring settings do not parse: ${parsed.issues.map((i) => i.text).join('; ')}`,
    );
  return parsed.settings;
})();
