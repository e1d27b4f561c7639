import { describe, expect, test } from 'vitest';
import { dotThousandsWarning, readNumberText } from '../../src/model/number-text.js';

const value = (text: string) => {
  const r = readNumberText(text, 'a number');
  return r.kind === 'ok' ? r.value : r.message;
};

/** `text` is refused, saying `mistake` and how to write what was meant (`hint`). */
const refusedWith = (text: string, mistake: string, hint: string) => {
  expect(value(text)).toContain(mistake);
  expect(value(text)).toContain(hint);
};

describe('readNumberText: numbers read exactly', () => {
  test.each([
    ['4OO', 'write 400'],
    ['1,5OO', 'write 1,500'],
    ['2o.5', 'write 20.5'],
    ['£2O', 'write 20'],
  ])('%s (the letter O for a zero) is an error with the number meant: %s', (text, hint) =>
    refusedWith(text, 'has the letter O where a zero belongs', hint),
  );

  test.each(['Oak', 'O,5', 'NONE'])('%s, no number with zeros for its Os, is not a number', (text) => {
    expect(value(text)).toBe('is not a number: give a number');
  });

  test.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['12,345,678', 12345678],
    ['1,200.50', 1200.5],
    ['£26.95', 26.95],
    [' 26.95 ', 26.95],
    ['2.5e3', 2500],
    ['.5', 0.5],
    ['0', 0],
    ['-3.5', -3.5],
    ['999', 999],
  ])('%s is %d', (text, expected) => expect(value(text)).toBe(expected));

  test.each([
    ['26,95', 'write 26.95'],
    ['1,2', 'write 1.2'],
    ['1.200,50', 'write 1200.50'],
  ])('%s (a decimal comma) is an error with a hint: %s', (text, hint) =>
    refusedWith(text, 'uses a comma as the decimal point', hint),
  );

  test.each([
    ['0,500', 'write 0.500'],
    ['-0,250', 'write -0.250'],
    ['00,500', 'write 00.500'],
  ])('%s, a leading 0 before three digits, is a decimal comma, never 500 (review17b): %s', (text, hint) => {
    // Until session 17 "0,500" was read as a thousands group: demand "0,500" as 500 h/week.
    refusedWith(text, 'uses a comma as the decimal point', hint);
  });

  test.each(['2,6,5,0', '1,20,000', '12,34', '1,2345', ',123', '1,,200', '1,200,'])(
    '%s: commas in the wrong places are an error',
    (text) => {
      expect(typeof value(text)).toBe('string');
    },
  );

  test.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'])(
    "%s, a spreadsheet's error value, is named as one: the formula behind it failed (explore11)",
    (text) =>
      expect(value(text)).toBe(
        `is the spreadsheet error ${text}: the formula that gave this cell failed; fix it in the spreadsheet, or type the number`,
      ),
  );

  test.each(['-', ' -   ', '–'])(
    '%j, how an accounting or Comma Style format shows 0, is named as such (explore11)',
    (text) =>
      expect(value(text)).toBe(
        'is a dash, which an accounting or "Comma Style" format shows for 0: write 0, or format the column as a plain number before saving',
      ),
  );

  test('2,6,5,0 says where commas may go', () =>
    expect(value('2,6,5,0')).toContain('a comma may only separate thousands'));
  test.each(['abc', '12abc', '1 200', 'NaN', 'Infinity', '0x10'])('%s is not a number', (text) =>
    expect(value(text)).toContain('is not a number'),
  );
  test.each([
    ['24.50 €', 24.5],
    ['24.50\u00a0€', 24.5],
    ['24.50€', 24.5],
    ['€ 24.50', 24.5],
    ['1,200 €', 1200],
  ])(
    '%j, a price as a euro spreadsheet shows it (the sign after, or a space after it), is the number (explore22)',
    (text, expected) => expect(value(text)).toBe(expected),
  );
  test('"24,50 €" is told as a decimal comma, as "€24,50" is (explore22)', () =>
    expect(value('24,50 €')).toBe(value('€24,50')));
  test.each(['€24.50€', '24 €50', '€'])('%j, a sign on both sides, inside or alone, is no number', (text) =>
    expect(typeof value(text)).toBe('string'),
  );
  test('an empty cell asks for the value', () => expect(value('  ')).toBe('is empty: give a number'));
});

describe('optional number cells say what is wrong', () => {
  test('a bad hours_high names the problem, not "Invalid input"', async () => {
    const demandRowSchema = (await import('../../src/model/row-schemas.js')).demandRows.schema();
    const parsed = demandRowSchema.safeParse({
      area_id: 'A1',
      care_type: 'standard',
      period: '2027',
      hours_per_week: '10',
      hours_high: '12,5',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('uses a comma as the decimal point: write 12.5');
    expect(
      demandRowSchema.parse({
        area_id: 'A1',
        care_type: 'standard',
        period: '2027',
        hours_per_week: '10',
        hours_high: '',
      }).hours_high,
    ).toBeNull();
  });
});

describe('dotThousandsWarning: "1.200" may be 1,200 written the European way (tidy10)', () => {
  test.each([
    ['1.200', '"1.200" is read as 1.2: if you meant 1,200 write 1200'],
    [' 12.500 ', '"12.500" is read as 12.5: if you meant 12,500 write 12500'],
    ['250.000', '"250.000" is read as 250: if you meant 250,000 write 250000'],
  ])('%s is told', (text, message) => expect(dotThousandsWarning(text)).toBe(message));

  test.each(['1.2', '1.25', '0.500', '1.2000', '1200', '1,200', '1.200.000', '1000.500', '.500'])(
    '%s is not told',
    (text) => expect(dotThousandsWarning(text)).toBeNull(),
  );
});

describe('readNumberText: a date where a number belongs (a cell formatted as a date)', () => {
  test.each([['1900-01-24'], ['24/01/1900'], ['1900-01-24T12:00:00']])(
    '%s is told as a date, with how to make the cell a number',
    (text) => {
      expect(value(text)).toBe(
        'is a date, not a number: the cell is formatted as a date; format it as a number ' +
          '(in Excel: Format Cells, Number) and type a number again',
      );
    },
  );

  test('a word is still "not a number"', () => expect(value('two')).toBe('is not a number: give a number'));
});

describe('readNumberText: a percentage where a number belongs', () => {
  test('"75%" is told with the number meant', () =>
    expect(value('75%')).toBe(
      'is a percentage, not a number: give a number as a number (75 for 75%), in a cell formatted as a number',
    ));
});
