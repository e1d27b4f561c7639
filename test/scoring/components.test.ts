import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { component, scoreOf, weigh, weighedScore } from '../../src/scoring/components.js';

/** Component names, any text but array indices (which objects keep in number order whatever the order of insertion). */
const names = fc.uniqueArray(
  fc
    .oneof(fc.stringMatching(/^[a-cA-Cé É_-]{0,3}$/), fc.string({ unit: 'binary', maxLength: 6 }))
    .filter((s) => !/^(0|[1-9]\d*)$/.test(s)),
  { maxLength: 7 },
);

const cases = names.chain((keys) =>
  fc.record({
    values: fc.tuple(...keys.map(() => fc.double({ min: -0.5, max: 1.5, noNaN: true }))),
    weights: fc.tuple(...keys.map(() => fc.option(fc.double({ min: 0, max: 5, noNaN: true })))),
    keys: fc.constant(keys),
  }),
);

describe('weigh and weighedScore', () => {
  it('keep the components in text order, and weighedScore is the score of the weighed components', () => {
    fc.assert(
      fc.property(cases, ({ keys, values, weights }) => {
        const valueByName = Object.fromEntries(keys.map((k, i) => [k, values[i] ?? 0]));
        const weightByName = Object.fromEntries(
          keys.flatMap((k, i) => (weights[i] === null || weights[i] === undefined ? [] : [[k, weights[i]]])),
        );
        const parts = Object.fromEntries(keys.map((k) => [k, component(valueByName[k] ?? 0, `why ${k}`)]));
        const weighed = weigh(parts, weightByName);
        expect(Object.keys(weighed)).toEqual([...keys].sort());
        expect(weighedScore(valueByName, weightByName)).toBe(scoreOf(weighed));
      }),
    );
  });
});
