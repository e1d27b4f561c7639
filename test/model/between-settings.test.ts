/**
 * Problems between scenario.json's settings, which zod cannot see key by key: each names
 * the setting to change, errors and warnings apart.
 */
import { describe, expect, test } from 'vitest';
import { problemsBetweenSettings } from '../../src/model/between-settings.js';
import { contractSchema, paymentSchema, transitionSchema } from '../../src/model/contract-settings.js';

const award = { objective: 'cost', qualityWeight: 0.6, priceWeight: 0.4 };
const contract = contractSchema().parse({ years: 3 });
const transition = (priceChange: boolean) => transitionSchema().parse({ priceChange });
const where = (
  settings: Omit<Parameters<typeof problemsBetweenSettings>[0], 'period'>,
  qualityWeight = true,
) =>
  problemsBetweenSettings({ ...settings, period: '2027' }, { qualityWeight }).map((p) => ({
    path: p.path.join('.'),
    warning: p.warning === true,
  }));

describe('problemsBetweenSettings', () => {
  test('settings that agree: none', () => {
    expect(where({ award, files: {} })).toEqual([]);
    expect(where({ award: { ...award, objective: 'whole-life' }, contract, files: {} })).toEqual([]);
    expect(where({ award, transition: transition(true), files: { current: 'current.csv' } })).toEqual([]);
  });

  test('MEAT weights that do not add up to 1: a warning, at priceWeight when qualityWeight was not written', () => {
    expect(where({ award: { ...award, qualityWeight: 0.7 }, files: {} })).toEqual([
      { path: 'award.qualityWeight', warning: true },
    ]);
    expect(where({ award: { ...award, priceWeight: 0.5 }, files: {} }, false)).toEqual([
      { path: 'award.priceWeight', warning: true },
    ]);
  });

  test('a transition without files.current: a warning; a whole-life award without a contract, or meat with priceChange: errors', () => {
    expect(where({ award, transition: transition(false), files: {} })).toEqual([
      { path: 'transition', warning: true },
    ]);
    expect(where({ award: { ...award, objective: 'whole-life' }, files: {} })).toEqual([
      { path: 'award.objective', warning: false },
    ]);
    expect(
      where({
        award: { ...award, objective: 'meat' },
        transition: transition(true),
        files: { current: 'c.csv' },
      }),
    ).toEqual([{ path: 'transition.priceChange', warning: false }]);
  });
});

describe('contract settings a finance officer gets wrong', () => {
  const withContract = (c: Record<string, unknown>, period = '2027') =>
    problemsBetweenSettings(
      { award, contract: contractSchema().parse(c), files: {}, period },
      { qualityWeight: true },
    ).map((p) => ({ path: p.path.join('.'), warning: p.warning === true, message: p.message }));

  test('a percent written as a fraction (0.04 for 4%): a warning that says what it means and what to write', () => {
    const fixed = withContract({ years: 3, indexation: { kind: 'fixed', percentPerYear: 0.04 } });
    expect(fixed).toEqual([
      expect.objectContaining({ path: 'contract.indexation.percentPerYear', warning: true }),
    ]);
    expect(fixed[0]?.message).toContain('for 4% a year write 4');
    const wage = withContract({ years: 3, indexation: { kind: 'wage' }, wageRisePercentPerYear: 0.041 });
    expect(wage).toEqual([
      expect.objectContaining({ path: 'contract.wageRisePercentPerYear', warning: true }),
    ]);
    expect(withContract({ years: 3, indexation: { kind: 'fixed', percentPerYear: 4 } })).toEqual([]);
    expect(withContract({ years: 3, indexation: { kind: 'fixed', percentPerYear: -4 } })).toEqual([]);
    expect(withContract({ years: 3, indexation: { kind: 'fixed', percentPerYear: 0 } })).toEqual([]);
  });

  test('a term that ends before the design period: an error; one that starts before it: a warning', () => {
    const ended = withContract({ startPeriod: '2019', years: 3 });
    expect(ended).toEqual([expect.objectContaining({ path: 'contract.startPeriod', warning: false })]);
    expect(ended[0]?.message).toContain('2019-2021');
    expect(withContract({ startPeriod: '2025', years: 3 })).toEqual([
      expect.objectContaining({ path: 'contract.startPeriod', warning: true }),
    ]);
    expect(withContract({ startPeriod: '2027', years: 3 })).toEqual([]);
    expect(withContract({ startPeriod: '2028', years: 3 })).toEqual([]);
    expect(withContract({ startPeriod: '2019', years: 3 }, '2027-q1')).toEqual([]);
  });

  test('a base term and extensions of more than 30 years in all: an error at extensions', () => {
    const long = withContract({ years: 2, extensions: [10, 10, 10, 10, 10] });
    expect(long).toEqual([expect.objectContaining({ path: 'contract.extensions', warning: false })]);
    expect(long[0]?.message).toContain('52 years');
    expect(withContract({ years: 6, extensions: [2, 2] })).toEqual([]);
    expect(withContract({ years: 20, extensions: [10] })).toEqual([]);
  });

  test('a discount rate above 0.1 (10% a year): a warning that names the Green Book rate', () => {
    const high = withContract({ years: 3, discountRate: 0.2 });
    expect(high).toEqual([expect.objectContaining({ path: 'contract.discountRate', warning: true })]);
    expect(high[0]?.message).toContain('0.035 (3.5%)');
    expect(withContract({ years: 3, discountRate: 0.1 })).toEqual([]);
    expect(withContract({ years: 3, discountRate: 0 })).toEqual([]);
  });
});

describe('payment.lots', () => {
  const zone = { geography: 'zone', structure: 'sole' } as const;
  const paid = (lots: Record<string, object>, paymentLots: Record<string, unknown>) =>
    where({ award, files: {}, lots, payment: paymentSchema().parse({ lots: paymentLots }) });

  test('a care type with no lots of its own (not in lots, or merged): a warning that it changes nothing', () => {
    expect(paid({ standard: zone }, { complex: 'capitated' })).toEqual([
      { path: 'payment.lots.complex', warning: true },
    ]);
    expect(paid({ standard: zone, complex: { merge: 'standard' } }, { complex: 'capitated' })).toEqual([
      { path: 'payment.lots.complex', warning: true },
    ]);
    expect(paid({ standard: zone, complex: zone }, { complex: 'capitated' })).toEqual([]);
  });
});
