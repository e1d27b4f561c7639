/**
 * designZones around the exact program, with stand-in backends: a solver that
 * finds nothing in time leaves the heuristic's maps (with a note), one that
 * proves infeasibility makes the request impossible. And the default name.
 */
import { describe, expect, it } from 'vitest';
import type { Zoning } from '../../src/model/types.js';
import type { SolverBackend, SolverOutcome } from '../../src/solve/program.js';
import { designZones } from '../../src/zones/design.js';
import { freeName } from '../../src/zones/named-proposals.js';
import { twoZoneScenario } from '../helpers/scenario-builder.js';
import { problemOf } from './random-problem.js';

const backend = (outcome: SolverOutcome): SolverBackend => ({
  name: 'stand-in',
  solve: () => Promise.resolve(outcome),
});

const square = problemOf({
  points: [
    { x: 0, y: 0, demand: 100 },
    { x: 1, y: 0, demand: 100 },
    { x: 0, y: 1, demand: 100 },
    { x: 1, y: 1, demand: 100 },
  ],
  floorShare: 0.5,
  withParents: false,
  count: null,
});
const settings = {
  seed: 1,
  alternatives: 1,
  method: 'exact' as const,
  exactAreaLimit: 0,
  timeLimit: 1,
  within: null,
  ceilingGiven: true,
};

describe('designZones with the exact program', () => {
  it('keeps the heuristic maps, with a note, when the exact program finds no plan in time', async () => {
    const out = await designZones(square, {
      ...settings,
      backend: backend({ status: 'error', message: 'HiGHS found no plan', seconds: 1 }),
    });
    if (out.kind !== 'designed') throw new Error(`expected maps, got ${out.kind}`);
    expect(out.proposals[0]?.method).toBe('heuristic');
    expect(out.proposals[0]?.zoneCount).toBe(2);
    expect(out.note).toMatch(/found no map within the time limit/);
  });

  it('calls the request impossible when the exact program proves it', async () => {
    const out = await designZones(square, {
      ...settings,
      backend: backend({ status: 'infeasible', seconds: 1 }),
    });
    expect(out).toEqual({
      kind: 'impossible',
      reason: expect.stringMatching(/proves that no map keeps every rule/) as unknown,
    });
  });
});

describe('designZones asked for more maps than there are', () => {
  it('says how many different maps it found, not silently fewer', async () => {
    const pair = problemOf({
      points: [
        { x: 0, y: 0, demand: 100 },
        { x: 1, y: 0, demand: 100 },
      ],
      floorShare: 0.5,
      withParents: false,
      count: null,
    });
    const out = await designZones(pair, {
      ...settings,
      alternatives: 3,
      method: 'heuristic',
      backend: backend({ status: 'error', message: 'not used', seconds: 0 }),
    });
    if (out.kind !== 'designed') throw new Error(`expected maps, got ${out.kind}`);
    expect(out.proposals).toHaveLength(1);
    expect(out.note).toBe(
      '1 different map found of the 3 asked for (--alternatives): no other keeps the rules, or none was found',
    );
  });
});

describe('freeName', () => {
  it('is designed, or the first designedN the scenario does not have', () => {
    const scenario = twoZoneScenario();
    expect(freeName(scenario, 1)).toBe('designed');
    const taken = {
      ...scenario,
      zonings: new Map<string, Zoning>([
        ...scenario.zonings,
        ['designed', new Map()],
        ['designed2-2', new Map()],
      ]),
    };
    expect(freeName(taken, 1)).toBe('designed2');
    expect(freeName(taken, 2)).toBe('designed3');
  });
});
