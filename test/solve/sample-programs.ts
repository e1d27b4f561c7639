/**
 * Small programs with optima worked out by hand, shared by the backend and
 * LP-format tests, plus a brute-force solver for random binary programs.
 */

import { expect } from 'vitest';
import type { Program, Row, SolverOutcome, Variable, VariableMeaning } from '../../src/solve/program.js';

const anyMeaning: VariableMeaning = { kind: 'package', packageId: 'P' };

export function binary(name: string, cost: number): Variable {
  return { name, lower: 0, upper: 1, integer: true, cost, meaning: anyMeaning };
}

export function continuous(name: string, cost: number, lower: number, upper: number): Variable {
  return { name, lower, upper, integer: false, cost, meaning: anyMeaning };
}

function general(name: string, cost: number, lower: number, upper: number): Variable {
  return { name, lower, upper, integer: true, cost, meaning: anyMeaning };
}

export function row(
  name: string,
  terms: readonly (readonly [number, number])[],
  lower: number,
  upper: number,
): Row {
  return { name, terms, lower, upper };
}

/**
 * Items (value, weight): A (15, 6), B (10, 5), C (9, 4), D (5, 3), E (4, 2);
 * capacity 10. Best: A + C = 24, the only plan worth 24.
 */
export const knapsack: Program = {
  sense: 'max',
  variables: [
    binary('take[A]', 15),
    binary('take[B]', 10),
    binary('take[C]', 9),
    binary('take[D]', 5),
    binary('take[E]', 4),
  ],
  rows: [
    row(
      'capacity',
      [
        [0, 6],
        [1, 5],
        [2, 4],
        [3, 3],
        [4, 2],
      ],
      -Infinity,
      10,
    ),
  ],
};
export const knapsackOptimum = { objective: 24, values: [1, 0, 1, 0, 0] };

/**
 * Three bids, three lots, costs [[9, 2, 7], [6, 4, 3], [5, 8, 1]] (bid × lot).
 * Each lot has exactly one bid (equality rows), each bid at most one lot
 * (ranged rows 0..1). Best: bid 0 → lot 1, bid 1 → lot 0, bid 2 → lot 2 = 9.
 */
export const assignment: Program = (() => {
  const costs = [
    [9, 2, 7],
    [6, 4, 3],
    [5, 8, 1],
  ];
  const index = (bid: number, lot: number): number => bid * 3 + lot;
  const variables = costs.flatMap((line, bid) =>
    line.map((cost, lot) => binary(`a[B${bid},standard:Z-L${lot},sole]`, cost)),
  );
  const lots = [0, 1, 2].map((lot) =>
    row(
      `fill[L${lot}]`,
      [0, 1, 2].map((bid) => [index(bid, lot), 1] as const),
      1,
      1,
    ),
  );
  const bids = [0, 1, 2].map((bid) =>
    row(
      `one[B${bid}]`,
      [0, 1, 2].map((lot) => [index(bid, lot), 1] as const),
      0,
      1,
    ),
  );
  return { sense: 'min', variables, rows: [...lots, ...bids] };
})();
export const assignmentOptimum = { objective: 9, values: [0, 1, 0, 1, 0, 0, 0, 0, 1] };

/**
 * Every kind of variable and row, with names the LP format cannot take as
 * they are. Objective 5a + 3b + c − d + 0.5g + h + 0f, where
 * a, b binary; c in [0, 10]; d in [−5, 5]; g integer in [0, 7]; h fixed at 2; f free;
 * rows: a + b ≥ 1; c + d = 4; 1 ≤ c − g ≤ 6; a + g ≤ 3.5; f − c = 0.
 * min: b = 1, c = 1, d = 3, g = 0 → 3 + 1 − 3 + 2 = 3.
 * max: a = b = 1, g = 2, c = 8, d = −4 → 8 + 8 + 4 + 1 + 2 = 23.
 */
export function mixed(sense: 'min' | 'max'): Program {
  return {
    sense,
    variables: [
      binary('a[B1,standard:Z-WAT,lead]', 5),
      binary('a(B1,standard.Z_WAT,lead)', 3),
      continuous('end', 1, 0, 10),
      continuous('1st hours', -1, -5, 5),
      general('infill/extra', 0.5, 0, 7),
      continuous('fixed', 1, 2, 2),
      continuous('free', 0, -Infinity, Infinity),
    ],
    rows: [
      row(
        'cover',
        [
          [0, 1],
          [1, 1],
        ],
        1,
        Infinity,
      ),
      row(
        'balance',
        [
          [2, 1],
          [3, 1],
        ],
        4,
        4,
      ),
      row(
        'band',
        [
          [2, 1],
          [4, -1],
        ],
        1,
        6,
      ),
      row(
        'a[B1,standard:Z-WAT,lead]',
        [
          [0, 1],
          [4, 1],
        ],
        -Infinity,
        3.5,
      ),
      row(
        'mirror',
        [
          [6, 1],
          [2, -1],
        ],
        0,
        0,
      ),
    ],
  };
}
export const mixedOptimum = {
  min: { objective: 3, values: [0, 1, 1, 3, 0, 2, 1] },
  max: { objective: 23, values: [1, 1, 8, -4, 2, 2, 8] },
};

/** A program's hand-worked optimum: the objective and every variable's value, in program order. */
export interface Optimum {
  readonly objective: number;
  readonly values: readonly number[];
}

/** Every hand-worked program with its optimum, as `it.each` rows: what it exercises, the program, the optimum. */
export const knownOptima: readonly (readonly [string, Program, Optimum])[] = [
  ['knapsack (max, binaries, <= row)', knapsack, knapsackOptimum],
  ['assignment (min, = rows, ranged rows)', assignment, assignmentOptimum],
  ['mixed min (awkward names, ranged, free, fixed, negative bounds)', mixed('min'), mixedOptimum.min],
  ['mixed max', mixed('max'), mixedOptimum.max],
];

/** x + y ≥ 3 with x, y binary. */
export const infeasible: Program = {
  sense: 'min',
  variables: [binary('x', 1), binary('y', 1)],
  rows: [
    row(
      'too much',
      [
        [0, 1],
        [1, 1],
      ],
      3,
      Infinity,
    ),
  ],
};

/** The optimum of a pure binary program by trying all 2^n plans; null if none is feasible. */
export function bruteForce(program: Program): { readonly objective: number } | null {
  const n = program.variables.length;
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const x = program.variables.map((_, j) => (mask >> j) & 1);
    const fits = program.rows.every((r) => {
      const activity = r.terms.reduce((sum, [j, c]) => sum + c * (x[j] ?? 0), 0);
      return activity >= r.lower - 1e-9 && activity <= r.upper + 1e-9;
    });
    if (!fits) continue;
    const objective = program.variables.reduce((sum, v, j) => sum + v.cost * (x[j] ?? 0), 0);
    if (best === null || (program.sense === 'min' ? objective < best : objective > best)) best = objective;
  }
  return best === null ? null : { objective: best };
}

/** Relative closeness, for objectives. */
export function isClose(actual: number, expected: number, tolerance = 1e-6): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** A backend's outcome is the hand-worked optimum: proven optimal, the objective, and every value to `digits` places. */
export function expectOptimum(outcome: SolverOutcome, optimum: Optimum, digits: number): void {
  if (outcome.status !== 'optimal') throw new Error(`expected optimal, got ${JSON.stringify(outcome)}`);
  expect(isClose(outcome.objective, optimum.objective)).toBe(true);
  for (const [j, value] of outcome.values.entries())
    expect(value).toBeCloseTo(optimum.values[j] ?? Number.NaN, digits);
}

/** Two variables and one row: for tests that change one part of a program at a time. */
export const twoVariables: Program = {
  sense: 'min',
  variables: [
    { name: 'x', lower: 0, upper: 1, integer: true, cost: 3, meaning: { kind: 'wins', providerId: 'P1' } },
    { name: 'y', lower: 0, upper: 10, integer: false, cost: 1, meaning: { kind: 'wins', providerId: 'P1' } },
  ],
  rows: [
    {
      name: 'r',
      terms: [
        [0, 1],
        [1, 2],
      ],
      lower: 1,
      upper: Infinity,
    },
  ],
};
