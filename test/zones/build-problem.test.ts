/**
 * The zone-design problem is built in one order whatever the order of the
 * scenario's rows: areas by id, and the default floor from the provider with
 * the largest minimum viable volume, equal ones by id.
 */
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/zones/build-problem.js';
import { area, demand, makeScenario, provider } from '../helpers/scenario-builder.js';

const scenario = makeScenario({
  areas: [area('a3', { lat: 52.2 }), area('A2', { lat: 52.1 }), area('A1', { lat: 52 })],
  zones: { a3: 'Z1', A2: 'Z1', A1: 'Z1' },
  demand: [demand('a3', 10), demand('A2', 10), demand('A1', 10)],
  providers: [
    provider('P3', { minViableHours: 100 }),
    provider('p1', { minViableHours: 500 }),
    provider('P2', { minViableHours: 500 }),
  ],
  bids: [],
});
const built = buildProblem(scenario, { count: null, minHours: null, maxHours: null, within: null });

describe('buildProblem', () => {
  it('numbers the areas in id order by code point (capitals first)', () => {
    expect(built.problem.areas.map((a) => a.id)).toEqual(['A1', 'A2', 'a3']);
  });

  it('takes the default floor from the largest minimum viable volume, equal ones by id by code point', () => {
    expect(built.problem.floor).toBe(500);
    // The locale's order would name p1.
    expect(built.floorSource).toBe("the largest minimum viable volume, P2's");
  });
});
