/** Which typed ids are one slip from a known one, and which id a reference most likely meant. */
import { describe, expect, it } from 'vitest';
import { isOneSlip, meantId } from '../../src/model/id-case.js';

describe('isOneSlip', () => {
  it.each([
    ['P-ALDR', 'a letter missing'],
    ['P-ALLDER', 'a letter extra'],
    ['P-ALDEX', 'a letter changed'],
    ['P-ADLER', 'two neighbours swapped'],
    ['-ALDER', 'the first letter missing'],
    ['P-ALDE', 'the last letter missing'],
  ])('%s is one slip from P-ALDER: %s', (typed) => {
    expect(isOneSlip(typed, 'P-ALDER')).toBe(true);
  });

  it.each([
    ['P-ALDER', 'the same id'],
    ['P-AL', 'three letters missing'],
    ['P-ADLRE', 'two swaps'],
    ['P-DALER', 'a letter moved two places'],
    ['Q-ALDEX', 'two letters changed'],
  ])('%s is not: %s', (typed) => {
    expect(isOneSlip(typed, 'P-ALDER')).toBe(false);
  });

  // Until 2026-12-02 a ward code of the next district (E05011330) was "did you mean E05011230?":
  // codes one digit apart are each other's neighbours, not slips.
  it('takes a digit changed for another digit as another code, not a slip', () => {
    expect(isOneSlip('E05011330', 'E05011230')).toBe(false);
    expect(isOneSlip('Z-NORTH2', 'Z-NORTH1')).toBe(false);
    expect(isOneSlip('E0501123', 'E05011230')).toBe(true); // a digit missing
    expect(isOneSlip('E05011320', 'E05011230')).toBe(false); // two digits swapped: another code too (review15b)
    expect(isOneSlip('P-ADLER', 'P-ALDER')).toBe(true); // two letters swapped
    expect(isOneSlip('E0501123O', 'E05011230')).toBe(true); // a letter for a digit
  });
});

describe('meantId', () => {
  const meant = meantId(['P-ALDER', 'P-ALDEN', 'P-BIRCH', 'N1', 'N2']);
  it('names the one id a slip away, in any capitals', () => {
    expect(meant('P-BRICH')).toBe('P-BIRCH');
    expect(meant('p-brich')).toBe('P-BIRCH');
  });
  it('names none when two ids are as close, or the id is too short to tell', () => {
    expect(meant('P-ALDEX')).toBeNull();
    expect(meant('N3')).toBeNull();
  });
});
