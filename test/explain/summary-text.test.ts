/**
 * The printed summary's reasons name components in one order: the biggest
 * (or, for viability, the weakest) first, equal ones by name by code point,
 * whatever order the scores were built in.
 */
import { describe, expect, it } from 'vitest';
import type { LotResult, ProviderResult, Result, ScoreComponent } from '../../src/model/result.js';
import type { RuleCost } from '../../src/explain/types.js';
import {
  lotReasonLines,
  ruleCostLines,
  ruleCostsHeadingOf,
  shownRuleCosts,
  weakestViability,
} from '../../src/explain/summary-text.js';
import { ruleCostsSection } from '../../src/report/html/rule-costs.js';

const part = (value: number, weight: number): ScoreComponent => ({ value, weight, reason: `r${value}` });
/** Built in an order that is neither the names' nor their values'. */
const detail = { zeta: part(0.5, 0.2), gap: part(0.25, 0.2), Beta: part(0.5, 0.2), alpha: part(0.5, 0.2) };

describe('the risk drivers of a lot', () => {
  it('are the largest first, equal ones by name (capitals first)', () => {
    const lot = { lotId: 'L', riskScore: 40, riskDetail: detail } as unknown as LotResult;
    expect(lotReasonLines({ lots: [lot] } as unknown as Result)).toEqual([
      '  L: risk 40 from Beta 0.50, alpha 0.50, zeta 0.50 (Beta: r0.5)',
    ]);
  });
});

describe('weakestViability', () => {
  it('is the smallest weighted component, equal ones by name (capitals first)', () => {
    const tied = { zeta: part(0.1, 0.2), Beta: part(0.1, 0.2), alpha: part(0.1, 0.2), none: part(0, 0) };
    expect(weakestViability({ viabilityDetail: tied } as unknown as ProviderResult)).toBe('Beta 0.10');
  });
});

describe('ruleCostLines', () => {
  const rule = (name: string, status: RuleCost['status'], note: string) =>
    ({ rule: name, description: `${name} rule`, status, note }) as unknown as RuleCost;
  const lines = (rules: RuleCost[]) => ruleCostLines({ ruleCosts: { rules } } as unknown as Result);

  // Until 2026-12-02 an award stopped at its time limit printed the same long reason on each rule's line.
  it('tells a reason every rule in force was skipped for once, naming the rules', () => {
    expect(
      lines([
        rule('share-cap', 'skipped', 'the award stopped'),
        rule('packages', 'not-active', 'not in force'),
        rule('min-providers', 'skipped', 'the award stopped'),
      ]),
    ).toEqual(['  share-cap, min-providers (every rule in force): skipped: the award stopped']);
  });

  // Until 2026-12-02 the heading and report.html's caption said each rule was re-solved when none was (review15).
  it('says no rule was re-solved where none was, in the printout and the report', () => {
    const skipped = {
      ruleCosts: { rules: [rule('share-cap', 'skipped', 'a'), rule('lots-cap', 'skipped', 'a')] },
    };
    const rows = shownRuleCosts(skipped as unknown as Result);
    expect(ruleCostsHeadingOf(rows)).toBe('What each award rule costs (not worked out)');
    const section = ruleCostsSection(skipped as unknown as Result, 0).text;
    expect(section).toContain('No rule was relaxed and the award solved again');
    expect(section).not.toContain('solved again: the change');
    const costed = shownRuleCosts({
      ruleCosts: { rules: [rule('share-cap', 'computed', 'relaxing it: changes nothing')] },
    } as unknown as Result);
    expect(ruleCostsHeadingOf(costed)).toBe('What each award rule costs (re-solved with the rule relaxed)');
  });

  it('keeps a line a rule where the reasons differ, and a lone rule as it is', () => {
    expect(lines([rule('share-cap', 'skipped', 'a'), rule('min-providers', 'skipped', 'b')])).toEqual([
      '  share-cap (share-cap rule): skipped: a',
      '  min-providers (min-providers rule): skipped: b',
    ]);
    expect(lines([rule('share-cap', 'skipped', 'a')])).toEqual(['  share-cap (share-cap rule): skipped: a']);
  });
});
