import { describe, expect, it } from 'vitest';
import { defaultScoringSettings, parseScoringSettings } from '../../src/scoring/settings.js';

/** Every problem of raw settings in one line, or null. */
const problems = (raw: { costModel: unknown; scoring: unknown }) => {
  const parsed = parseScoringSettings(raw);
  return parsed.kind === 'ok' ? null : parsed.issues.map((i) => i.text).join('; ');
};

describe('parseScoringSettings', () => {
  it('completes empty settings with the documented defaults', () => {
    const parsed = parseScoringSettings({ costModel: {}, scoring: {} });
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(parsed.settings).toEqual(defaultScoringSettings);
    expect(parsed.settings.costModel.travelMinutesPerContactHour).toEqual({ urban: 8, town: 15, rural: 22 });
    expect(parsed.settings.scoring.riskWeights.supply).toBe(0.2);
  });

  it('keeps given values and fills the rest', () => {
    const parsed = parseScoringSettings({
      costModel: { wagePerHour: 13, travelMinutesPerContactHour: { rural: 30 } },
      scoring: { viabilityWeights: { volume: 1 } },
    });
    expect(parsed.kind === 'ok' && parsed.settings.costModel.travelMinutesPerContactHour).toEqual({
      urban: 8,
      town: 15,
      rural: 30,
    });
    expect(parsed.kind === 'ok' && parsed.settings.scoring.viabilityWeights.margin).toBe(0.3);
  });

  it('names every bad setting with its path', () => {
    const parsed = parseScoringSettings({
      costModel: { wagePerHour: -1, wage: 12 },
      scoring: {
        riskWeights: {
          supply: 0,
          n1: 0,
          price: 0,
          stretch: 0,
          concentration: 0,
          transition: 0,
          surge: 0,
          growth: 0,
          cherryPicking: 0,
        },
      },
    });
    expect(parsed.kind).toBe('bad');
    if (parsed.kind !== 'bad') return;
    const texts = parsed.issues.map((i) => i.text);
    expect(texts.some((i) => i.startsWith('costModel.wagePerHour'))).toBe(true);
    // An unknown key in zonal's words (zod's were 'costModel Unrecognized key: "wage"'), at its own key path.
    expect(parsed.issues).toContainEqual({
      text: 'costModel has an unknown key "wage" (did you mean "wagePerHour"?): remove it or correct its name',
      keyPath: ['costModel', 'wage'],
      about: 'key',
    });
    expect(texts.some((i) => i.startsWith('scoring.riskWeights') && i.includes('at least one weight'))).toBe(
      true,
    );
    expect(problems({ costModel: { surplus: 2 }, scoring: {} })).toMatch(/costModel.surplus/);
    expect(problems({ costModel: {}, scoring: {} })).toBeNull();
  });

  it('says why riskWeights.unmet is no longer a weight, instead of ignoring it', () => {
    expect(problems({ costModel: {}, scoring: { riskWeights: { unmet: 0.1 } } })).toMatch(
      /scoring\.riskWeights\.unmet is no longer a weight: unmet hours always count in full/,
    );
  });
});
