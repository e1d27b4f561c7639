/**
 * A count and its noun agree wherever zonal writes one: "1 provider", not
 * "1 providers" (until 2026-12-02 the report's settings read "at least 1
 * providers" and the rule costs "at least 1 distinct providers").
 */
import { describe, expect, it } from 'vitest';
import { relaxations } from '../../src/explain/rule-costs.js';
import { counted } from '../../src/model/counted.js';
import { inputsSection } from '../../src/report/html/inputs.js';
import { headlineTiles } from '../../src/report/html/headline.js';
import { formatSummary } from '../../src/report/summary.js';
import { solved } from '../helpers/run.js';
import { bid, twoAreaZones } from '../helpers/scenario-builder.js';

describe('counted', () => {
  it('uses the singular for exactly one and the plural for every other count', () => {
    expect([0, 1, 2].map((n) => counted(n, 'provider'))).toEqual([
      '0 providers',
      '1 provider',
      '2 providers',
    ]);
    expect(counted(1.5, 'hour')).toBe('1.5 hours');
  });

  it('groups the thousands, as the hours beside it are: "200,003 providers", not "200003 providers"', () => {
    expect(counted(200003, 'provider')).toBe('200,003 providers');
    expect(counted(1357281, 'demand row')).toBe('1,357,281 demand rows');
  });

  it('takes a plural that is not the noun and s', () => {
    expect(counted(1, 'secondary', 'secondaries')).toBe('1 secondary');
    expect(counted(3, 'secondary', 'secondaries')).toBe('3 secondaries');
  });
});

describe('outputs with a count of one', async () => {
  // One provider with one bid, at least 1 distinct provider and at most 1 lot each.
  const scenario = twoAreaZones(['P1'], [bid('B1', 'P1', ['A1', 'A2'])], {
    award: { minDistinctProviders: 1, maxLotsPerProvider: 1 },
  });
  const result = await solved(scenario);
  const text = (html: unknown) => String(html).replace(/<[^>]+>/g, ' ');

  it("the report's settings say at least 1 provider, and 1 provider, 1 bid", () => {
    const shown = text(inputsSection(scenario, result));
    expect(shown).toContain('at least 1 provider;');
    expect(shown).toContain('2 areas, 1 provider, 1 bid, 2 demand rows');
  });

  it('the rule costs say at most 1 lot per provider and at least 1 distinct provider', () => {
    const described = relaxations(scenario, []).map((r) => r.description);
    expect(described).toContain('at most 1 lot per provider');
    expect(described).toContain('at least 1 distinct provider');
  });

  it("the report's headline says a year of 1 week, not 1 weeks", () => {
    expect(text(headlineTiles({ ...result, weeksPerYear: 1 }))).toContain('annual cost (1 week)');
  });

  it('the printed summary says 1 provider', () => {
    expect(formatSummary(result)).toContain('. 1 provider; largest share');
  });
});
