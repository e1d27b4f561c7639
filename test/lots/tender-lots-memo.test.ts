/**
 * A remembering tenderLots answers again from memory only when every part
 * of the scenario tenderLots reads is the same object and the award rules it
 * reads have the same values; any other change makes the lots again.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { bundledCounty } from '../helpers/bundled-county.js';
import { rememberingTenderLots } from '../../src/lots/tender-lots-memo.js';
import { tenderAwardKeys, tenderInputKeys, tenderLots } from '../../src/lots/tender-lots.js';
import type { Scenario } from '../../src/model/types.js';

let county: Scenario;

beforeAll(async () => {
  county = await bundledCounty();
});

/** A copy of a part: equal, but another object (or the same value, for a string). */
function copyOf(value: unknown): unknown {
  if (value instanceof Map) return new Map(value);
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object' && value !== null)
    return Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value);
  return value;
}

describe('rememberingTenderLots', () => {
  test('answers the same inputs with the lots it made, and they are tenderLots own', () => {
    const lotsOf = rememberingTenderLots();
    const first = lotsOf(county);
    expect(first).toEqual(tenderLots(county));
    const capped: Scenario = {
      ...county,
      name: 'another',
      award: { ...county.award, maxShareOfTotalHours: 0.3 },
    };
    expect(lotsOf(capped)).toBe(first);
  });

  test.each(tenderInputKeys)('makes the lots again when %s is another object', (key) => {
    const lotsOf = rememberingTenderLots();
    const first = lotsOf(county);
    const changed = { ...county, [key]: copyOf(county[key]) };
    const again = lotsOf(changed);
    if (typeof county[key] === 'string') expect(again).toBe(first);
    else {
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
    }
  });

  test('parts the lots are not made from change nothing: the memo answers, and its answer is tenderLots own', () => {
    const lotsOf = rememberingTenderLots();
    const first = lotsOf(county);
    const others = Object.keys(county).filter(
      (key) => key !== 'award' && !(tenderInputKeys as readonly string[]).includes(key),
    ) as (keyof Scenario)[];
    expect(others).toEqual(expect.arrayContaining(['providers', 'scoring', 'weeksPerYear']));
    for (const key of others) {
      const changed = { ...county, [key]: copyOf(county[key]) } as Scenario;
      expect(lotsOf(changed)).toBe(first);
      expect(tenderLots(changed)).toEqual(first);
    }
  });

  test('makes the lots again when the zoning is another', () => {
    const lotsOf = rememberingTenderLots();
    const first = lotsOf(county);
    const twelve = lotsOf({ ...county, zoning: 'twelve' });
    expect(twelve).toEqual(tenderLots({ ...county, zoning: 'twelve' }));
    expect(twelve.lots.length).not.toBe(first.lots.length);
  });

  test.each(tenderAwardKeys)('makes the lots again when the award rule %s changes', (key) => {
    const lotsOf = rememberingTenderLots();
    const first = lotsOf(county);
    const value = key === 'minQuality' ? 70 : !county.award.rejectBelowLegalPay;
    const changed = { ...county, award: { ...county.award, [key]: value } };
    const again = lotsOf(changed);
    expect(again).not.toBe(first);
    expect(again).toEqual(tenderLots(changed));
  });
});
