import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cbcBackend, isCbcAvailable, readSolution } from '../../src/solve/backend-cbc.js';
import type { Program } from '../../src/solve/program.js';
import {
  binary,
  continuous,
  expectOptimum,
  infeasible,
  isClose,
  knapsack,
  knapsackOptimum,
  knownOptima,
  row,
} from './sample-programs.js';

const options = { timeLimit: 10, relativeGap: 1e-6 };

async function cbcFolders(): Promise<number> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('zonal-cbc-')).length;
}

/** 300 binaries, 8 knapsack rows: cbc needs far more than a second to prove it. */
function hardProgram(): Program {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const weights = Array.from({ length: 300 }, () => 1000 + Math.round(random() * 100));
  const variables = weights.map((w, j) => binary(`x${j}`, w + Math.round(random() * 10)));
  const rows = Array.from({ length: 8 }, (_, k) =>
    row(
      `cap${k}`,
      weights.map((w, j) => [j, Math.round(w * (1 + 0.5 * random()))] as const),
      -Infinity,
      95500 + 77 * k,
    ),
  );
  return { sense: 'max', variables, rows };
}

describe.skipIf(!isCbcAvailable())('cbc backend', () => {
  const cbc = cbcBackend();

  it('is named cbc', () => {
    expect(cbc.name).toBe('cbc');
  });

  it.each(knownOptima)('solves %s to the known optimum', async (_, program, optimum) => {
    const outcome = await cbc.solve(program, options);
    expectOptimum(outcome, optimum, 6);
    expect(outcome.status === 'optimal' && outcome.gap).toBe(0);
  });

  it('takes a time limit that is not a whole number of milliseconds (what a diagnosis has left)', async () => {
    // spawn refused a fractional timeout: "The value of "timeout" is out of range … 39999.987832".
    expectOptimum(await cbc.solve(knapsack, { ...options, timeLimit: 9.9999878 }), knapsackOptimum, 6);
  });

  it('says infeasible for an infeasible program', async () => {
    expect((await cbc.solve(infeasible, options)).status).toBe('infeasible');
  });

  it('solves a pure LP, reading values to 8 significant digits', async () => {
    const lp: Program = {
      sense: 'min',
      variables: [continuous('x', 1, 0, 1e6), continuous('y', 3, 0, 10)],
      rows: [row('need', [[0, 1]], 1234.56789, Infinity), row('y', [[1, 3]], 1, Infinity)],
    };
    const outcome = await cbc.solve(lp, options);
    if (outcome.status !== 'optimal') throw new Error(JSON.stringify(outcome));
    expect(isClose(outcome.objective, 1235.56789)).toBe(true);
    expect(isClose(outcome.values[0] ?? 0, 1234.56789, 1e-7)).toBe(true);
  });

  it('stops at the time limit with a plan and its gap', async () => {
    const outcome = await cbc.solve(hardProgram(), { timeLimit: 1, relativeGap: 0 });
    if (outcome.status !== 'feasible') throw new Error(JSON.stringify(outcome));
    expect(outcome.gap).toBeGreaterThan(0);
    expect(outcome.gap).toBeLessThan(0.05);
    expect(outcome.seconds).toBeLessThan(5);
  });

  it('cleans its temporary folder', async () => {
    const before = await cbcFolders();
    await cbc.solve(knapsack, options);
    expect(await cbcFolders()).toBe(before);
  });
});

describe('cbc without the binary', () => {
  it('is not available and says so when asked to solve', async () => {
    expect(isCbcAvailable('/nonexistent/cbc')).toBe(false);
    const outcome = await cbcBackend('/nonexistent/cbc').solve(knapsack, options);
    expect(outcome).toMatchObject({ status: 'error', message: expect.stringMatching(/could not run/) });
  });
});

describe('readSolution', () => {
  const program: Program = {
    sense: 'min',
    variables: [binary('a[B1]', 2), continuous('h', 1, 0, 10)],
    rows: [row('r', [[0, 1]], 0, 1)],
  };

  it('reads an optimal solution by column name, absent columns as 0', () => {
    const log = 'Result - Optimal solution found\n\nObjective value:                2.00000000\n';
    expect(
      readSolution(
        program,
        'Optimal - objective value 2.00000000\n      0 a(B1)                  1                       2\n',
        log,
        0.1,
      ),
    ).toEqual({
      status: 'optimal',
      values: [1, 0],
      objective: 2,
      gap: 0,
      seconds: 0.1,
    });
  });

  it('computes the gap from the bound in the log', () => {
    const log =
      'Result - Stopped on time limit\n\nObjective value:                80.00000000\nLower bound:                    60.000\nGap:                            0.25\n';
    const outcome = readSolution(
      program,
      'Stopped on time - objective value 80.00000000\n      1 h                      8                       0\n',
      log,
      1,
    );
    expect(outcome).toMatchObject({ status: 'feasible', values: [0, 8], objective: 80, gap: 0.25 });
  });

  it('reads a search cbc ended within the gap asked for as optimal, with the gap from its log', () => {
    // cbc 2.10's own words, from the bench's M tender of seed 2 (`ratio 1e-6`).
    const log =
      'Result - Optimal solution found (within gap tolerance)\n\nObjective value:                80.00000000\nLower bound:                    79.99995\nGap:                            0.00\n';
    const outcome = readSolution(
      program,
      'Optimal (within gap tolerance) - objective value 80.00000000\n      1 h                      8                       0\n',
      log,
      1,
    );
    expect(outcome).toMatchObject({ status: 'optimal', values: [0, 8], objective: 80 });
    expect(outcome.status === 'optimal' && outcome.gap).toBeCloseTo(0.00005 / 80, 15);
    // Without a bound in the log its gap is not known: NaN, not 0.
    expect(
      readSolution(program, 'Optimal (within gap tolerance) - objective value 1\n', '', 1),
    ).toMatchObject({ status: 'optimal', gap: Number.NaN });
  });

  it('gives NaN as the gap of a stopped run without a bound', () => {
    expect(readSolution(program, 'Stopped on iterations - objective value 1\n', '', 1)).toMatchObject({
      status: 'feasible',
      gap: Number.NaN,
    });
  });

  it('refuses the relaxation cbc lists when it found no integer plan, and says what to do when time ran out', () => {
    const solution =
      'Stopped on time (no integer solution - continuous used) - objective value 0.5\n      0 a(B1)                0.5                       0\n';
    expect(readSolution(program, solution, '', 1)).toMatchObject({
      status: 'error',
      message:
        'cbc found no plan within the time limit, and did not prove that none exists (it says "Stopped on time (no integer solution - continuous used)"): give a longer --time-limit, or solve with HiGHS (--solver highs, the default), which finds plans for national tenders',
    });
    const stopped = 'Stopped on iterations (no integer solution - continuous used) - objective value 0.5\n';
    expect(readSolution(program, stopped, '', 1)).toMatchObject({
      status: 'error',
      message:
        'cbc found no integer plan (it says "Stopped on iterations (no integer solution - continuous used)")',
    });
  });

  it('maps infeasible outcomes, and "infeasible or unbounded" only when every column is bounded', () => {
    expect(readSolution(program, 'Infeasible - objective value 0\n', '', 1).status).toBe('infeasible');
    expect(readSolution(program, 'Integer infeasible - objective value 0\n', '', 1).status).toBe(
      'infeasible',
    );
    const open: Program = { ...program, variables: [binary('a[B1]', 2), continuous('h', 1, 0, Infinity)] };
    expect(readSolution(open, 'Integer infeasible - objective value 0\n', '', 1).status).toBe('error');
    expect(readSolution(program, 'Unbounded - objective value 0\n', '', 1).status).toBe('error');
  });

  it('rejects fractional integers and unknown columns', () => {
    expect(
      readSolution(program, 'Optimal - objective value 1\n      0 a(B1)   0.5   0\n', '', 1),
    ).toMatchObject({ status: 'error', message: expect.stringMatching(/not integral/) });
    expect(readSolution(program, 'Optimal - objective value 1\n      0 x0   1   0\n', '', 1)).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/unknown column "x0"/),
    });
  });
});
