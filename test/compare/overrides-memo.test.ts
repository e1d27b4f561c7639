/**
 * A batch worker's applyOverrides remembers the scenario of its last
 * variant's overrides other than the award rules and name: it must give the
 * scenario applyOverrides gives, mistakes worded the same, and share the
 * parts of neighbours that differ only in award rules.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { bundledCounty } from '../helpers/bundled-county.js';
import { rememberingOverrides } from '../../src/compare/overrides-memo.js';
import { applyOverrides } from '../../src/compare/overrides.js';
import type { Overrides } from '../../src/compare/overrides-schema.js';
import type { Scenario } from '../../src/model/types.js';

let county: Scenario;

beforeAll(async () => {
  county = await bundledCounty();
});

const neighbours: Overrides[] = [
  { zoning: 'twelve', demandMultiplier: 1.1, award: { maxShareOfTotalHours: 0.2 } },
  { zoning: 'twelve', demandMultiplier: 1.1, award: { maxShareOfTotalHours: 0.3 }, name: 'capped' },
  { demandMultiplier: 1.1, zoning: 'twelve', award: { minQuality: 70 } },
  { zoning: 'twelve', demandMultiplier: 1.1 },
  { zoning: 'quadrants', award: { maxShareOfTotalHours: 0.3 } },
  { zoning: 'quadrants', priceChanges: { standard: 1.05 }, award: { maxShareOfTotalHours: 0.3 } },
];

describe('rememberingOverrides', () => {
  test('gives the scenario applyOverrides gives, variant after variant', () => {
    const apply = rememberingOverrides();
    for (const overrides of neighbours)
      expect(apply(county, overrides)).toEqual(applyOverrides(county, overrides));
  });

  test('neighbours that differ only in award rules and name share the other parts', () => {
    const apply = rememberingOverrides();
    const [a, b, c, d, e] = neighbours.map((o) => {
      const scenario = apply(county, o);
      if (typeof scenario === 'string') throw new Error(scenario);
      return scenario;
    }) as [Scenario, Scenario, Scenario, Scenario, Scenario];
    expect(b.demand).toBe(a.demand);
    expect(c.demand).toBe(a.demand);
    expect(d.demand).toBe(a.demand);
    expect(b.award).not.toBe(a.award);
    expect(b.name).toBe('capped');
    // Other overrides, another scenario: nothing of the one before.
    expect(e.demand).not.toBe(a.demand);
  });

  test('a mistake is the one applyOverrides names first, whichever step makes it', () => {
    const apply = rememberingOverrides();
    // Not through a batch file's checks: an award value out of range and a price change for nobody.
    const both = { award: { maxShareOfTotalHours: 5 }, priceChanges: { nobody: 1.1 } } as Overrides;
    const expected = applyOverrides(county, both);
    expect(typeof expected).toBe('string');
    expect(apply(county, both)).toBe(expected);
    const rest = { zoning: 'nowhere', award: { maxShareOfTotalHours: 0.3 } };
    expect(apply(county, rest)).toBe(applyOverrides(county, rest));
    expect(apply(county, rest)).toMatch(/zoning "nowhere"/);
  });
});
