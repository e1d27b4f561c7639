import { describe, expect, it } from 'vitest';
import type { Program } from '../../src/solve/program.js';
import { sameProgram } from '../../src/solve/same-program.js';
import { twoVariables as program } from './sample-programs.js';

describe('sameProgram', () => {
  it('is true for a copy', () => {
    expect(sameProgram(program, structuredClone(program))).toBe(true);
  });

  it.each<[string, (p: Program) => Program]>([
    ['a cost', (p) => ({ ...p, variables: p.variables.map((v, i) => (i === 1 ? { ...v, cost: 1.5 } : v)) })],
    ['a bound', (p) => ({ ...p, variables: p.variables.map((v, i) => (i === 1 ? { ...v, upper: 9 } : v)) })],
    ['integrality', (p) => ({ ...p, variables: p.variables.map((v) => ({ ...v, integer: false })) })],
    [
      'a meaning',
      (p) => ({
        ...p,
        variables: p.variables.map((v) => ({ ...v, meaning: { kind: 'wins', providerId: 'P2' } as const })),
      }),
    ],
    ['a row bound', (p) => ({ ...p, rows: p.rows.map((r) => ({ ...r, lower: 2 })) })],
    [
      'a coefficient',
      (p) => ({
        ...p,
        rows: p.rows.map((r) => ({
          ...r,
          terms: [
            [0, 1],
            [1, 3],
          ] as const,
        })),
      }),
    ],
    ['a term fewer', (p) => ({ ...p, rows: p.rows.map((r) => ({ ...r, terms: [[0, 1]] as const })) })],
    ['a row fewer', (p) => ({ ...p, rows: [] })],
    ['the sense', (p) => ({ ...p, sense: 'max' })],
    ['the offset', (p) => ({ ...p, offset: 5 })],
  ])('is false when %s differs', (_what, change) => {
    expect(sameProgram(program, change(program))).toBe(false);
  });
});
