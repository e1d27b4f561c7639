/**
 * Problems between scenario.json's settings, which zod cannot see key by key: each names
 * the setting to change, errors and warnings apart.
 */
import { describe, expect, test } from 'vitest';
import { problemsBetweenSettings } from '../../src/model/between-settings.js';
import { contractSchema, transitionSchema } from '../../src/model/contract-settings.js';

const award = { objective: 'cost', qualityWeight: 0.6, priceWeight: 0.4 };
const contract = contractSchema().parse({ years: 3 });
const transition = (priceChange: boolean) => transitionSchema().parse({ priceChange });
const where = (settings: Parameters<typeof problemsBetweenSettings>[0], qualityWeight = true) =>
  problemsBetweenSettings(settings, { qualityWeight }).map((p) => ({
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
