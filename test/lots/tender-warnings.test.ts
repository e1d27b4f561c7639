/**
 * Warnings about the tender as set, before any award: here a framework with more places
 * than providers who may take one.
 */
import { describe, expect, test } from 'vitest';
import { tenderLots, tenderWarnings } from '../../src/lots/tender-lots.js';
import { area, bid, demand, lotEntry, makeScenario, provider } from '../helpers/scenario-builder.js';

/** Two zone frameworks of `places` places; P1 and P2 bid in both zones, P3 in Z1 only. */
const frameworks = (places: number) =>
  makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z2' },
    demand: [demand('A1', 100), demand('A2', 100)],
    providers: [provider('P1'), provider('P2'), provider('P3')],
    bids: [
      bid('B1', 'P1', ['A1', 'A2'], { price: 25 }),
      bid('B2', 'P2', ['A1', 'A2'], { price: 26 }),
      bid('B3', 'P3', ['A1'], { price: 27 }),
    ],
    lotPlan: { standard: lotEntry({ structure: 'framework', maxProviders: places }) },
  });

const warningsOf = (places: number) => {
  const s = frameworks(places);
  const { lots, rejections } = tenderLots(s);
  return tenderWarnings(s, lots, rejections);
};

describe('a framework with more places than bidders (explore16)', () => {
  test('is told once for the care type, with the most members any of its frameworks can have', () => {
    // maxProviders 9 read as "valid" without a word: each framework can have 3 and 2 members at most.
    expect(warningsOf(9)).toEqual([
      'lots.standard.maxProviders is 9, but at most 3 providers have an eligible bid for any standard lot: its frameworks will have at most 3 members, not 9',
    ]);
  });

  test('is not told when some framework of the care type can fill every place', () => {
    expect(warningsOf(3)).toEqual([]);
    expect(warningsOf(2)).toEqual([]);
  });
});
