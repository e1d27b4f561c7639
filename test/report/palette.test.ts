/**
 * Care types keep their colours in a fixed order: standard, complex,
 * reablement, then any other by name by code point.
 */
import { describe, expect, it } from 'vitest';
import { careTypeColours, categoricalColour } from '../../src/report/html/palette.js';

describe('careTypeColours', () => {
  it('gives the three care types their own colours and any other one the next colour in name order', () => {
    const colours = careTypeColours(['zeta', 'reablement', 'Alpha', 'standard', 'complex']);
    expect([...colours.keys()]).toEqual(['standard', 'complex', 'reablement', 'Alpha', 'zeta']);
    expect(colours.get('standard')).toBe('#0072B2');
    expect(colours.get('Alpha')).toBe(categoricalColour(3 + 7));
    expect(colours.get('zeta')).toBe(categoricalColour(4 + 7));
  });
});
