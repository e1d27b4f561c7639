/**
 * The memo answers a model it has seen from memory, and only that model: any
 * change to what the solver receives (a cost, a bound, a coefficient, the
 * sense, an option, the start) is solved again. A start given as a rule is
 * worked out only for a model it has not seen.
 */
import { describe, expect, it } from 'vitest';
import {
  startPlan,
  type Program,
  type SolveOptions,
  type SolverBackend,
  type SolverOutcome,
  type StartRule,
} from '../../src/solve/program.js';
import { memoisedBackend } from '../../src/solve/solve-memo.js';
import { twoVariables as program } from './sample-programs.js';

const options: SolveOptions = { timeLimit: 60, relativeGap: 1e-6 };

/** A backend that answers `status` and counts its solves; each answer's values are the solve's number. */
function countingBackend(status: SolverOutcome['status'] = 'optimal') {
  const solved: Program[] = [];
  const backend: SolverBackend = {
    name: 'counting',
    async solve(p): Promise<SolverOutcome> {
      solved.push(p);
      if (status === 'infeasible') return { status, seconds: 0.5 };
      if (status === 'error') return { status, message: 'no', seconds: 0.5 };
      return { status, values: [solved.length, 0], objective: solved.length, gap: 0, seconds: 0.5 };
    },
  };
  return { backend, solved };
}

const withVariable = (p: Program, change: Partial<Program['variables'][number]>): Program => ({
  ...p,
  variables: p.variables.map((v, i) => (i === 1 ? { ...v, ...change } : v)),
});
const withRow = (p: Program, change: Partial<Program['rows'][number]>): Program => ({
  ...p,
  rows: p.rows.map((r) => ({ ...r, ...change })),
});

describe('memoisedBackend', () => {
  it('answers a copy of a solved model from memory, with 0 seconds of solving', async () => {
    const { backend, solved } = countingBackend();
    const memo = memoisedBackend(backend);
    const first = await memo.solve(program, options);
    const again = await memo.solve(structuredClone(program), { ...options });
    expect(solved).toHaveLength(1);
    expect(again).toEqual({ ...first, seconds: 0 });
    expect(first.seconds).toBe(0.5);
  });

  it('keeps an infeasible answer too', async () => {
    const { backend, solved } = countingBackend('infeasible');
    const memo = memoisedBackend(backend);
    await memo.solve(program, options);
    expect(await memo.solve(program, options)).toEqual({ status: 'infeasible', seconds: 0 });
    expect(solved).toHaveLength(1);
  });

  it('ignores names and meanings, which the solver never sees', async () => {
    const { backend, solved } = countingBackend();
    const memo = memoisedBackend(backend);
    await memo.solve(program, options);
    await memo.solve(
      withVariable(withRow(program, { name: 'other' }), {
        name: 'z',
        meaning: { kind: 'wins', providerId: 'P2' },
      }),
      options,
    );
    expect(solved).toHaveLength(1);
  });

  const zeroCost = withVariable(program, { cost: 0 });
  it.each<[string, Program, Program, SolveOptions]>([
    ['a cost', program, withVariable(program, { cost: 1.5 }), options],
    ['a cost of -0 instead of 0', zeroCost, withVariable(program, { cost: -0 }), options],
    ['a bound', program, withVariable(program, { upper: 9 }), options],
    ['integrality', program, withVariable(program, { integer: true }), options],
    ['a row bound', program, withRow(program, { upper: 5 }), options],
    [
      'a coefficient',
      program,
      withRow(program, {
        terms: [
          [0, 1],
          [1, 2.5],
        ],
      }),
      options,
    ],
    [
      'a term on another variable',
      program,
      withRow(program, {
        terms: [
          [1, 1],
          [0, 2],
        ],
      }),
      options,
    ],
    ['an extra row', program, { ...program, rows: [...program.rows, ...program.rows] }, options],
    ['the sense', program, { ...program, sense: 'max' }, options],
    ['the time limit', program, program, { ...options, timeLimit: 30 }],
    ['the gap', program, program, { ...options, relativeGap: 1e-4 }],
    ['a node limit', program, program, { ...options, nodeLimit: 10 }],
    ['a start', program, program, { ...options, start: [1, 0] }],
  ])('solves again when %s changes', async (_, before, after, afterOptions) => {
    const { backend, solved } = countingBackend();
    const memo = memoisedBackend(backend);
    await memo.solve(before, options);
    const second = await memo.solve(after, afterOptions);
    expect(solved).toHaveLength(2);
    expect(second).toMatchObject({ objective: 2, seconds: 0.5 });
  });

  describe('with a start given as a rule (the greedy award)', () => {
    /** A rule that counts its calls and starts from nothing. */
    function countedRule() {
      let calls = 0;
      const rule: StartRule = (p) => {
        calls++;
        return p.variables.map(() => 0);
      };
      return { rule, calls: () => calls };
    }

    it('works no start out for a model it remembers', async () => {
      const { backend, solved } = countingBackend();
      const { rule, calls } = countedRule();
      const seen: (readonly number[] | undefined)[] = [];
      const memo = memoisedBackend({
        ...backend,
        solve: (p, o) => {
          seen.push(startPlan(p, o));
          return backend.solve(p, o);
        },
      });
      await memo.solve(program, { ...options, start: rule });
      await memo.solve(structuredClone(program), { ...options, start: rule });
      expect(solved).toHaveLength(1);
      expect(calls()).toBe(1);
      expect(seen).toEqual([[0, 0]]);
    });

    it.each<[string, Program, SolveOptions]>([
      ['another rule', program, { ...options, start: countedRule().rule }],
      ['the plan of the rule given instead', program, { ...options, start: [0, 0] }],
      [
        'the meanings the rule reads',
        withVariable(program, { meaning: { kind: 'wins', providerId: 'P9' } }),
        options,
      ],
    ])('solves again for %s', async (_, after, afterOptions) => {
      const { backend, solved } = countingBackend();
      const { rule } = countedRule();
      const memo = memoisedBackend(backend);
      await memo.solve(program, { ...options, start: rule });
      await memo.solve(after, { ...afterOptions, start: afterOptions.start ?? rule });
      expect(solved).toHaveLength(2);
    });

    it('keeps answers of the same numbers apart by meaning, and forgets only the oldest of them', async () => {
      const { backend, solved } = countingBackend();
      const { rule } = countedRule();
      const memo = memoisedBackend(backend, 2);
      const ruled = { ...options, start: rule };
      const wonBy = (providerId: string) => withVariable(program, { meaning: { kind: 'wins', providerId } });
      expect(await memo.solve(wonBy('P1'), ruled)).toMatchObject({ objective: 1, seconds: 0.5 });
      expect(await memo.solve(wonBy('P2'), ruled)).toMatchObject({ objective: 2, seconds: 0.5 });
      expect(await memo.solve(wonBy('P2'), ruled)).toMatchObject({ objective: 2, seconds: 0 });
      await memo.solve(withVariable(program, { cost: 7 }), ruled); // a third answer: P1's, the oldest, goes
      expect(await memo.solve(wonBy('P2'), ruled)).toMatchObject({ objective: 2, seconds: 0 });
      expect(await memo.solve(wonBy('P1'), ruled)).toMatchObject({ objective: 4, seconds: 0.5 });
      expect(solved).toHaveLength(4);
    });
  });

  it.each<SolverOutcome['status']>(['feasible', 'error'])(
    'solves again after a %s answer (cut short by the clock, or failed)',
    async (status) => {
      const { backend, solved } = countingBackend(status);
      const memo = memoisedBackend(backend);
      await memo.solve(program, options);
      await memo.solve(program, options);
      expect(solved).toHaveLength(2);
    },
  );

  it('forgets the oldest answer beyond its capacity', async () => {
    const { backend, solved } = countingBackend();
    const memo = memoisedBackend(backend, 2);
    const costs = [1, 2, 3];
    for (const cost of costs) await memo.solve(withVariable(program, { cost }), options);
    await memo.solve(withVariable(program, { cost: 3 }), options); // kept
    await memo.solve(withVariable(program, { cost: 1 }), options); // forgotten
    expect(solved.map((p) => p.variables[1]?.cost)).toEqual([1, 2, 3, 1]);
  });
});
