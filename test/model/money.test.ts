/**
 * Money in the scenario's currency (model/money.ts), the one formatter of every money
 * figure zonal shows: printout, result files, reports and, mirrored, the workbench page.
 * A sum of £1,000-£9,999 is whole pounds with a thousands separator (explore12: zonal
 * compare said "sole@designed-2 costs £1196.00 a year less", beside "£137k" and "£10.62m").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currencySymbol, millions, money, moneyShort, moneyWhole, price } from '../../src/model/money.js';
import { money as pageMoney } from '../../web/workbench/award.js';

describe('money', () => {
  it('keeps pence on prices an hour and small sums', () => {
    expect(money(26.26, 'GBP')).toBe('£26.26');
    expect(money(999.5, 'GBP')).toBe('£999.50');
  });
  it('writes £1,000-£9,999 as whole pounds with a separator', () => {
    expect(money(1196, 'GBP')).toBe('£1,196');
    expect(money(9999.4, 'GBP')).toBe('£9,999');
    expect(money(-4888.2, 'GBP')).toBe('-£4,888');
  });
  it('rounds larger sums to thousands and millions', () => {
    expect(money(137_000, 'GBP')).toBe('£137k');
    expect(money(10_621_104, 'GBP')).toBe('£10.62m');
  });
  it('writes a sum that rounds to a thousand thousands as millions, never £1,000k (review16)', () => {
    expect(money(999_499, 'GBP')).toBe('£999k');
    expect(money(999_700, 'GBP')).toBe('£1.00m');
    expect(money(-999_700, 'GBP')).toBe('-£1.00m');
    expect(moneyShort(999_700, 'GBP')).toBe('£1.0m');
  });
  it("writes the scenario's currency, never £ for another (a council pricing in euros read £ in its reasons)", () => {
    expect(money(1196, 'EUR')).toBe('€1,196');
    expect(price(24.3, 'EUR')).toBe('€24.30');
    expect(moneyWhole(-1_234_567.4, 'EUR')).toBe('-€1,234,567');
    expect(millions(306_980_000, 'EUR')).toBe('€306.98m');
    expect(moneyShort(820_000, 'EUR')).toBe('€820k');
    expect(money(1196, 'USD')).toBe('US$1,196');
  });
  it("knows en-GB's symbols for pounds, euros and dollars as Intl writes them", () => {
    for (const currency of ['GBP', 'EUR', 'USD', 'CHF', 'JPY']) {
      const parts = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).formatToParts(1);
      const before = parts.slice(
        0,
        parts.findIndex((p) => p.type === 'integer'),
      );
      expect(currencySymbol(currency), currency).toBe(
        before.map((p) => p.value.replace(/\s/gu, ' ')).join(''),
      );
    }
  });
  it('writes a code with no symbol of its own before the figure, with a space', () => {
    expect(currencySymbol('CHF')).toBe('CHF ');
    expect(money(26.26, 'CHF')).toBe('CHF 26.26');
    expect(moneyShort(41_300_000, 'XYZ')).toBe('XYZ 41.3m');
  });
  it("is the workbench page's money too (the page loads only its own scripts, so it mirrors this)", () => {
    for (const currency of ['GBP', 'EUR', 'USD', 'CHF', 'XYZ'])
      for (const x of [12_345_678, -987_654, 0])
        expect(pageMoney(x, currency), `${currency} ${x}`).toBe(millions(x, currency));
  });
});

/** Every file under `dir`, with its path. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/**
 * Where £ may still be written: in comments (a figure's unit: "£ per contact hour") and in the
 * formatter, which knows en-GB's symbols for the commonest currencies without asking Intl.
 */
const formatter = path.join('src', 'model', 'money.ts');

describe('no £ outside the formatter', () => {
  it('is written in no code of src/ or web/ but in comments and the formatter', () => {
    const stray = ['src', 'web']
      .flatMap(filesUnder)
      .filter((f) => f.endsWith('.ts') && f !== formatter)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${f}:${i + 1}`, code: line.replace(/\/\/.*$|^\s*(\/\*\*|\*).*$/, '') }))
          .filter((l) => l.code.includes('£'))
          .map((l) => `${l.at}: ${l.code.trim()}`),
      );
    expect(stray).toEqual([]);
  });
});
