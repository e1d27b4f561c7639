import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ascending, byId, byKey, byLocaleText, byText, largestFirst } from '../../src/model/order.js';

/** Ids whose code-point order and the locale's differ: case, accents, punctuation, digits. */
const awkward = ['b', 'B', 'a', 'Z', 'É', 'e', 'z', 'B10', 'B2', 'P-2', 'P_1', 'P1', '~', '1'];

describe('byText', () => {
  test('orders by code point, not as the locale reads: capitals before small letters, accents after z', () => {
    expect([...awkward].sort(byText)).toEqual([
      '1',
      'B',
      'B10',
      'B2',
      'P-2',
      'P1',
      'P_1',
      'Z',
      'a',
      'b',
      'e',
      'z',
      '~',
      'É',
    ]);
  });

  test('is the order of a sort without a comparator, and zero only for equal text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 })), (xs) => {
        expect([...xs].sort(byText)).toEqual([...xs].sort());
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), (a, b) => {
        expect(byText(a, b) === 0).toBe(a === b);
        expect(Math.sign(byText(a, b)) + Math.sign(byText(b, a))).toBe(0);
      }),
    );
  });
});

describe('byId and byKey', () => {
  test('order things by their id, and map entries by their key, as byText orders the text', () => {
    const ids = [...awkward].sort(byText);
    expect([...awkward].map((id) => ({ id })).sort(byId)).toEqual(ids.map((id) => ({ id })));
    expect([...new Map(awkward.map((k, i) => [k, i]))].sort(byKey).map(([k]) => k)).toEqual(ids);
  });
});

describe('largestFirst', () => {
  test('puts the largest amount first and equal amounts in key order', () => {
    const held: [string, number][] = [
      ['b', 10],
      ['B', 10],
      ['a', 30],
      ['c', 5],
    ];
    expect([...held].sort(largestFirst)).toEqual([
      ['a', 30],
      ['B', 10],
      ['b', 10],
      ['c', 5],
    ]);
  });
});

describe('ascending', () => {
  test('orders numbers by value, not as text (a sort without a comparator puts 10 before 9)', () => {
    expect([10, 9, -1, 0.5, 100].sort(ascending)).toEqual([-1, 0.5, 9, 10, 100]);
  });
});

describe('byLocaleText', () => {
  test('folds case and puts punctuation first, unlike byText: the order the baseline CSV and the map legend keep', () => {
    expect(['b', 'B', 'a', 'Z'].sort(byLocaleText)).toEqual(['a', 'b', 'B', 'Z']);
    expect(['P1', '~', 'a'].sort(byLocaleText)).toEqual(['~', 'a', 'P1']);
  });
});
