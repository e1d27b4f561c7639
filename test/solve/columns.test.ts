import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Columns, type Program } from '../../src/solve/program.js';

/** A program of `n` binaries and random rows, each variable at most once a row (as Row says). */
const programs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      rows: fc.array(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: -5, max: 5 })), {
          selector: ([v]) => v,
          maxLength: n,
        }),
        { maxLength: 8 },
      ),
    }),
  )
  .map(
    ({ n, rows }): Program => ({
      sense: 'min',
      variables: Array.from({ length: n }, (_, j) => ({
        name: `x${j}`,
        cost: 0,
        lower: 0,
        upper: 1,
        integer: true,
        meaning: { kind: 'package', packageId: `P${j}` },
      })),
      rows: rows.map((terms, r) => ({ name: `r${r}`, terms, lower: -Infinity, upper: 1 })),
    }),
  );

describe('Columns: the program by column', () => {
  it('lists each variable its rows in order with its coefficient, as reading the rows term by term does', () => {
    fc.assert(
      fc.property(programs, (program) => {
        const columns = new Columns(program);
        program.variables.forEach((_, j) => {
          const expected = program.rows.flatMap((row, r) =>
            row.terms.filter(([v]) => v === j).map(([, a]): [number, number] => [r, a]),
          );
          const seen: [number, number][] = [];
          columns.forEach(j, (r, a) => {
            seen.push([r, a]);
          });
          expect(seen).toEqual(expected);
          expect(columns.rows(j)).toEqual(expected.map(([r]) => r));
          program.rows.forEach((row, r) => {
            const term = row.terms.find(([v]) => v === j);
            expect(columns.coefficient(r, j)).toBe(term?.[1] ?? 0);
          });
          expect(columns.some(j, (_r, a) => a < 0)).toBe(expected.some(([, a]) => a < 0));
          expect(columns.every(j, (_r, a) => a > 0)).toBe(expected.every(([, a]) => a > 0));
        });
      }),
    );
  });
});
