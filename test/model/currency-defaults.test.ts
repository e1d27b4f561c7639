/**
 * A scenario in another currency than pounds that leaves the cost model and spot price at their
 * defaults, UK figures in pounds, is warned once (explore22): until then a council in euros read
 * legal-pay floors made from the UK National Living Wage as euros, and bids were rejected below
 * them, without a word.
 */
import { describe, expect, test } from 'vitest';
import { IssueList } from '../../src/diagnostics/issues.js';
import { checkSettings } from '../../src/io/scenario-settings.js';
import { goodFiles } from '../helpers/scenario-folder.js';

function warnings(change: Record<string, unknown>): string[] {
  const json = JSON.parse(goodFiles()['scenario.json'] ?? '{}') as Record<string, unknown>;
  const issues = new IssueList();
  const lines = new Map([['currency', 2]]);
  expect(
    checkSettings(
      { ...json, ...change },
      { file: 'scenario.json', line: (p) => lines.get(p.join('.')) ?? 1 },
      issues,
    ),
  ).not.toBeNull();
  expect(issues.errors).toEqual([]);
  return issues.warnings.map((i) => `${i.line}: ${i.message}`);
}

describe('UK defaults in a scenario that prices in another currency', () => {
  test('euros with every default left: one warning at currency, naming each default and what it is', () => {
    expect(warnings({ currency: 'EUR' })).toEqual([
      "2: currency is EUR, but these money settings are left at zonal's defaults, which are UK figures in pounds, and are read as amounts in EUR: costModel.wagePerHour 12.71 (the UK National Living Wage), costModel.mileageRatePerMile 0.45 (HMRC's mileage rate), costModel.overheadPerHour 9.49 (a UK provider's overheads), award.spotPricePerHour 32.14 (the Homecare Association's UK minimum price); the legal-pay floors, the bids rejected below them and the all-in cost are made from them: set each in EUR",
    ]);
  });

  test('only the ones left are named', () => {
    expect(
      warnings({
        currency: 'EUR',
        costModel: { wagePerHour: 14.15, overheadPerHour: 10 },
        award: { spotPricePerHour: 35 },
      }),
    ).toEqual([
      expect.stringContaining(": costModel.mileageRatePerMile 0.45 (HMRC's mileage rate); the legal-pay"),
    ]);
  });

  test('none left, or pounds, is no warning', () => {
    expect(
      warnings({
        currency: 'EUR',
        costModel: { wagePerHour: 14.15, overheadPerHour: 10, mileageRatePerMile: 0.4 },
        award: { spotPricePerHour: 35 },
      }),
    ).toEqual([]);
    expect(warnings({ currency: 'GBP' })).toEqual([]);
    expect(warnings({})).toEqual([]);
  });
});
