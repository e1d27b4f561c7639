import fc from 'fast-check';
import highsModule from 'highs';
import { describe, expect, it } from 'vitest';
import { lpNames, lpNumber, sanitiseName, toLpText } from '../../src/solve/lp-format.js';
import type { Program } from '../../src/solve/program.js';
import { binary, continuous, isClose, knownOptima, mixed, row } from './sample-programs.js';

// highs' types.d.ts is typed as CommonJS (loader at `.default`), but Node loads
// build/highs.mjs, whose default export is the loader itself.
type HighsLoader = typeof highsModule.default;
const loaded = highsModule as unknown as HighsLoader & { readonly default?: HighsLoader };
const highs = await (loaded.default ?? loaded)();

function solveWithHighs(program: Program): {
  status: string;
  objective: number;
  names: string[];
  values: number[];
} {
  const solution = highs.solve(toLpText(program), { mip_rel_gap: 0 });
  const names = Object.keys(solution.Columns);
  const values = names.map((name) => {
    const column = solution.Columns[name];
    return column !== undefined && 'Primal' in column ? column.Primal : Number.NaN;
  });
  return { status: solution.Status, objective: solution.ObjectiveValue, names, values };
}

describe('toLpText read back by HiGHS', () => {
  it.each(knownOptima)('%s reaches the known optimum', (_, program, optimum) => {
    const result = solveWithHighs(program);
    expect(result.status).toBe('Optimal');
    expect(isClose(result.objective, optimum.objective)).toBe(true);
    // Every column is there, under our name, in program order.
    expect(result.names).toEqual(lpNames(program).variables);
    for (const [j, value] of result.values.entries())
      expect(value).toBeCloseTo(optimum.values[j] ?? Number.NaN, 9);
  });

  it('keeps lines under 255 characters and still reads a 300-term row', () => {
    const variables = Array.from({ length: 300 }, (_, j) =>
      continuous(`hours[bid-${j},area:E0100${j}]`, 1 + j / 7, 0, 1),
    );
    const program: Program = {
      sense: 'max',
      variables,
      rows: [
        row(
          'budget',
          variables.map((_, j) => [j, 1 + (j % 5)] as const),
          0,
          40,
        ),
      ],
    };
    const text = toLpText(program);
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThan(255);
    const result = solveWithHighs(program);
    expect(result.status).toBe('Optimal');
    expect(result.names).toHaveLength(300);
  });

  it('writes an empty row and a program without rows', () => {
    const emptyRow: Program = {
      sense: 'min',
      variables: [continuous('x', 1, 1, 4)],
      rows: [row('nothing', [], -1, 1)],
    };
    expect(solveWithHighs(emptyRow).objective).toBe(1);
    const noRows: Program = {
      sense: 'max',
      variables: [continuous('x', 2, 0, 4), continuous('y', -1, -3, 3)],
      rows: [],
    };
    expect(solveWithHighs(noRows).objective).toBe(11);
  });
});

describe('LP text', () => {
  it('writes sections, a ranged row as two rows, bounds and binaries', () => {
    const text = toLpText(mixed('min'));
    expect(text).toMatchInlineSnapshot(`
      "Minimize
      obj: + 5 a(B1,standard.Z_WAT,lead) + 3 a(B1,standard.Z_WAT,lead)~2 + 1 _end - 1 _1st_hours + 0.5 _infill_extra + 1 fixed + 0 _free
      Subject To
      cover: + 1 a(B1,standard.Z_WAT,lead) + 1 a(B1,standard.Z_WAT,lead)~2 >= 1
      balance: + 1 _end + 1 _1st_hours = 4
      band_lo: + 1 _end - 1 _infill_extra >= 1
      band_up: + 1 _end - 1 _infill_extra <= 6
      a(B1,standard.Z_WAT,lead)~3: + 1 a(B1,standard.Z_WAT,lead) + 1 _infill_extra <= 3.5
      mirror: + 1 _free - 1 _end = 0
      Bounds
      0 <= _end <= 10
      -5 <= _1st_hours <= 5
      0 <= _infill_extra <= 7
      fixed = 2
      _free free
      Generals
      _infill_extra
      Binaries
      a(B1,standard.Z_WAT,lead) a(B1,standard.Z_WAT,lead)~2
      End
      "
    `);
  });

  it('is deterministic and leaves the program alone', () => {
    const program = mixed('max');
    const before = JSON.stringify(program);
    expect(toLpText(program)).toBe(toLpText(mixed('max')));
    expect(JSON.stringify(program)).toBe(before);
  });
});

describe('names', () => {
  it('maps illegal characters readably', () => {
    expect(sanitiseName('a[B1,standard:Z-WAT,lead]')).toBe('a(B1,standard.Z_WAT,lead)');
    expect(sanitiseName('u[L 1|lead*2/x+y]')).toBe('u(L_1_lead_2_x_y)');
  });

  it('prefixes names a reader would take for a number or a keyword', () => {
    expect(
      ['2nd', '.5', 'inflow', 'NaNa', 'e12', 'End', 'free', 'bin', 'subject', ''].map(sanitiseName),
    ).toEqual(['_2nd', '_.5', '_inflow', '_NaNa', '_e12', '_End', '_free', '_bin', '_subject', '_']);
  });

  it('keeps names unique across variables and rows, and at most 100 characters', () => {
    const long = `a[${'x'.repeat(150)}]`;
    const program: Program = {
      sense: 'min',
      variables: [
        binary('x:1', 1),
        binary('x.1', 1),
        binary('x-1', 1),
        binary('x_1', 1),
        binary(long, 1),
        binary(`${long}!`, 1),
      ],
      rows: [
        row('x_1', [[0, 1]], 0, 1),
        row('obj', [[1, 1]], -Infinity, 1),
        row('spare', [], -Infinity, Infinity),
      ],
    };
    const names = lpNames(program);
    const all = [names.objective, ...names.variables, ...names.rows.flat()];
    expect(new Set(all).size).toBe(all.length);
    expect(names.variables.slice(0, 4)).toEqual(['x.1', 'x.1~2', 'x_1', 'x_1~2']);
    expect(names.rows).toEqual([['x_1_lo', 'x_1_up'], ['obj~2'], []]);
    expect(names.variables[5]).toBe(`${names.variables[4]}~2`);
    for (const name of all) {
      expect(name.length).toBeLessThanOrEqual(100);
      expect(name).toMatch(/^[A-Za-z_(][A-Za-z0-9_.(),{}#@$%&!?~]*$/);
    }
  });
});

describe('lpNumber', () => {
  it('spells out exponents', () => {
    expect([0.1, -2.5e-8, 1e-7, 1e21, 123456789.125, 0, -0].map(lpNumber)).toEqual([
      '0.1',
      '-0.000000025',
      '0.0000001',
      '1000000000000000000000',
      '123456789.125',
      '0',
      '0',
    ]);
    expect([Infinity, -Infinity, 5e-324].map(lpNumber)).toEqual(['inf', '-inf', '5e-324']);
  });

  it('reads back as the same double', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        runs++;
        expect(Number(lpNumber(value))).toBe(value === 0 ? 0 : value);
      }),
      { seed: 20261123, numRuns: 2000 },
    );
    expect(runs).toBe(2000);
  });
});
