import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJslpBackend, findViolation, jslpBackend, toJslpModel } from '../../src/solve/backend-jslp.js';
import type { Program, SolverBackend } from '../../src/solve/program.js';
import { repoRoot } from '../helpers/cli.js';
import {
  assignment,
  assignmentOptimum,
  binary,
  bruteForce,
  continuous,
  expectOptimum,
  infeasible,
  isClose,
  knapsack,
  knownOptima,
  mixed,
  mixedOptimum,
  row,
} from './sample-programs.js';

const options = { timeLimit: 10, relativeGap: 1e-6 };

describe('jslp backend (in-process, as under vitest)', () => {
  it('is named jslp', () => {
    expect(jslpBackend.name).toBe('jslp');
  });

  it.each(knownOptima)('solves %s to the known optimum', async (_, program, optimum) => {
    expectOptimum(await jslpBackend.solve(program, options), optimum, 9);
  });

  // Both used to come back "infeasible" from the solver's presolve.
  it('solves programs with a free variable or a zero coefficient', async () => {
    const free: Program = {
      sense: 'max',
      variables: [binary('x', 0), continuous('f', 1, -Infinity, Infinity)],
      rows: [
        row(
          'cap',
          [
            [0, 1],
            [1, 1],
          ],
          -Infinity,
          -2,
        ),
      ],
    };
    expectOptimum(await jslpBackend.solve(free, options), { objective: -2, values: [0, -2] }, 9);
    const zero: Program = {
      sense: 'min',
      variables: [binary('x', 0)],
      rows: [row('nothing', [[0, 0]], -Infinity, 1)],
    };
    expectOptimum(await jslpBackend.solve(zero, options), { objective: 0, values: [0] }, 9);
  });

  it('says infeasible for an infeasible program', async () => {
    expect((await jslpBackend.solve(infeasible, options)).status).toBe('infeasible');
  });

  it('leaves the program alone', async () => {
    const program = mixed('max');
    const before = JSON.stringify(program);
    await jslpBackend.solve(program, options);
    expect(JSON.stringify(program)).toBe(before);
  });

  it('matches brute force on random small binary programs', async () => {
    const coefficient = fc.integer({ min: -6, max: 12 });
    const programs = fc
      .record({
        sense: fc.constantFrom<'min' | 'max'>('min', 'max'),
        costs: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 8 }),
        rows: fc.array(
          fc.record({
            coefficients: fc.array(coefficient, { minLength: 8, maxLength: 8 }),
            rhs: fc.integer({ min: -4, max: 30 }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
      })
      .map(
        ({ sense, costs, rows }): Program => ({
          sense,
          variables: costs.map((cost, j) => binary(`x${j}`, cost)),
          rows: rows.map((r, i) =>
            row(
              `r${i}`,
              costs.map((_, j) => [j, r.coefficients[j] ?? 0] as const),
              -Infinity,
              r.rhs,
            ),
          ),
        }),
      );
    let runs = 0;
    let infeasibleRuns = 0;
    await fc.assert(
      fc.asyncProperty(programs, async (program) => {
        runs++;
        const expected = bruteForce(program);
        const outcome = await jslpBackend.solve(program, options);
        if (expected === null) {
          infeasibleRuns++;
          expect(outcome.status).toBe('infeasible');
        } else {
          expect(outcome.status).toBe('optimal');
          expect(outcome.status === 'optimal' && isClose(outcome.objective, expected.objective)).toBe(true);
        }
      }),
      { seed: 20261123, numRuns: 300 },
    );
    expect(runs).toBe(300);
    // Both branches of the law were exercised.
    expect(infeasibleRuns).toBeGreaterThan(0);
    expect(infeasibleRuns).toBeLessThan(runs);
  });
});

describe('findViolation', () => {
  const program: Program = {
    sense: 'min',
    variables: [binary('x', 1), binary('y', 1)],
    rows: [
      row(
        'cap',
        [
          [0, 1000],
          [1, 1000],
        ],
        -Infinity,
        1000,
      ),
    ],
  };

  it('accepts a plan within tolerance', () => {
    expect(findViolation(program, [1, 0.0000001], 1e-6)).toBeUndefined();
  });

  it('rejects a fractional plan, a missed bound and a broken row', () => {
    expect(findViolation(program, [0.5, 0.5], 1e-6)).toBe('x = 0.5 is not integral');
    expect(findViolation(program, [2, 0], 1e-6)).toBe('x = 2 is outside [0, 1]');
    expect(findViolation(program, [1, 1], 1e-6)).toBe('row cap = 2000 is outside [-Infinity, 1000]');
  });
});

describe('toJslpModel', () => {
  it('turns bounds into rows the solver understands', () => {
    const model = toJslpModel(mixed('min'), 5000);
    expect(model.binaries).toEqual({ v0: true, v1: true });
    expect(model.ints).toEqual({ v4: true });
    expect(model.unrestricted).toEqual({ v3: true, v6: true });
    expect(model.constraints).toMatchObject({
      lb3: { min: -5 },
      ub3: { max: 5 },
      fx5: { equal: 2 },
      r1: { equal: 4 },
      r2: { min: 1, max: 6 },
    });
    expect(model.options).toEqual({
      tolerance: 0,
      useMIRCuts: true,
      exitOnCycles: true,
      timeout: 5000,
      presolve: false,
    });
  });
});

describe('jslp hard kill timer', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'zonal-jslp-test-'));
    // Stands in for a solver that ignores its own timeout.
    await writeFile(join(folder, 'hang.mjs'), 'for (;;) {}\n');
    await writeFile(join(folder, 'exit.mjs'), 'process.exit(3);\n');
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('terminates a worker that does not answer and says it timed out', async () => {
    const backend = createJslpBackend({
      workerUrl: pathToFileURL(join(folder, 'hang.mjs')),
      killGraceSeconds: 0.2,
    });
    const outcome = await backend.solve(knapsack, { timeLimit: 0.3, relativeGap: 1e-6 });
    expect(outcome.status).toBe('error');
    expect(outcome.status === 'error' && outcome.message).toMatch(
      /timed out: .*, and there is no integral plan to fall back on/,
    );
    expect(outcome.seconds).toBeGreaterThanOrEqual(0.45);
    expect(outcome.seconds).toBeLessThan(3);
  });

  it('at the time limit gives the start plan as feasible, checked, as HiGHS and CBC give their best plan found', async () => {
    const backend = createJslpBackend({
      workerUrl: pathToFileURL(join(folder, 'hang.mjs')),
      killGraceSeconds: 0.1,
    });
    const start = knapsack.variables.map(() => 0);
    const outcome = await backend.solve(knapsack, { timeLimit: 0.1, relativeGap: 1e-6, start: () => start });
    expect(outcome).toMatchObject({ status: 'feasible', values: start, objective: 0 });
    // A start plan that breaks the program is not given as a plan.
    const broken = knapsack.variables.map(() => 1);
    const refused = await backend.solve(knapsack, { timeLimit: 0.1, relativeGap: 1e-6, start: broken });
    expect(refused.status === 'error' && refused.message).toMatch(
      /no integral plan to fall back on \(the start plan breaks the program: row /,
    );
  });

  it('reports a worker that dies', async () => {
    const backend = createJslpBackend({ workerUrl: pathToFileURL(join(folder, 'exit.mjs')) });
    const outcome = await backend.solve(knapsack, options);
    expect(outcome).toMatchObject({ status: 'error', message: expect.stringMatching(/exited \(code 3\)/) });
  });
});

// The real worker needs the compiled file (npm run build).
const builtBackend = new URL('../../dist/solve/backend-jslp.js', import.meta.url);
describe.skipIf(!existsSync(builtBackend))('jslp backend from dist (worker thread)', () => {
  it('solves in the worker to the known optimum, and says infeasible', async () => {
    const built = (await import(builtBackend.href)) as { jslpBackend: SolverBackend };
    expectOptimum(await built.jslpBackend.solve(assignment, options), assignmentOptimum, 9);
    expectOptimum(await built.jslpBackend.solve(mixed('max'), options), mixedOptimum.max, 9);
    expect((await built.jslpBackend.solve(infeasible, options)).status).toBe('infeasible');
  });
});

describe('jslp on a county tender with a time limit too short to finish', () => {
  it('gives a verified award with status feasible, not an error (the solver stops with a fractional plan)', async () => {
    const { readScenario } = await import('../../src/io/read-scenario.js');
    const { runScenario } = await import('../../src/pipeline.js');
    const { scenario } = await readScenario(join(repoRoot, 'scenarios', 'hertfordshire'));
    if (scenario === null) throw new Error('hertfordshire does not read');
    const started = performance.now();
    const outcome = await runScenario(scenario, {
      backend: createJslpBackend({ workerUrl: null }),
      timeLimit: 0.01,
      inputHash: 'test',
      version: 'test',
    });
    expect(outcome.kind, JSON.stringify(outcome).slice(0, 300)).toBe('ok');
    if (outcome.kind === 'ok') {
      expect(outcome.result.status).toBe('feasible');
      expect(outcome.result.allocations.length).toBeGreaterThan(0);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
