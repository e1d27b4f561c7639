/**
 * Money as a council reader sees it, in the scenario's currency (scenario.json's
 * `currency`, GBP by default): every money figure zonal prints or writes as text goes
 * through here, so a council that prices in euros reads € everywhere (until 2026-12-02
 * the reasons, risk, contract, flag and warning lines said £ whatever the currency).
 * The workbench page, which loads only its own scripts, mirrors `currencySymbol` and
 * `millions` in web/workbench/award.ts (test/model/money.test.ts holds the two alike).
 */

import { groupedNumber } from './grouped-number.js';

/**
 * en-GB's own symbols for the currencies a council is likeliest to price in, as Intl writes them
 * (test/model/money.test.ts holds them alike). Any other code asks Intl, once: the first Intl
 * number format of a process costs 20-25 ms of CPU while ICU loads its data, which `zonal validate`
 * paid to print one price (2026-12-02, session 19).
 */
const symbols = new Map<string, string>([
  ['GBP', '£'],
  ['EUR', '€'],
  ['USD', 'US$'],
]);

/**
 * What stands before an amount: `£`, `€`, `US$`, `CHF ` (en-GB's own symbols; a code
 * with no symbol is the code and a space). Any three capitals is a currency to
 * scenario.json, so one Intl does not know is shown as its code rather than refused.
 */
export function currencySymbol(currency: string): string {
  const known = symbols.get(currency);
  if (known !== undefined) return known;
  let symbol = `${currency} `;
  try {
    const parts = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).formatToParts(1);
    const before = parts.slice(
      0,
      parts.findIndex((p) => p.type === 'integer'),
    );
    symbol = before.map((p) => p.value.replace(/\s/gu, ' ')).join('');
  } catch {
    // Not a well-formed code: keep the code itself.
  }
  symbols.set(currency, symbol);
  return symbol;
}

/**
 * `x` to `digits` decimals, grouped, as toLocaleString en-GB writes it but without Intl: a
 * batch writes money into every variant's reasons, and toLocaleString with options took 1.4 s
 * of the bundled grid's 9 s in one worker (2026-12-02, session 16).
 */
const grouped = (x: number, digits: number) => groupedNumber(x, digits, digits);

/** `text` (an amount without its sign) after the symbol, with the sign before it: -£1,234. */
const signed = (x: number, currency: string, text: string) =>
  `${x < 0 ? '-' : ''}${currencySymbol(currency)}${text}`;

/** Whole currency units: £1,234,567. */
export const moneyWhole = (x: number, currency: string): string =>
  signed(x, currency, grouped(Math.abs(x), 0));

/** Pence too, for prices per hour: £24.60. */
export const price = (x: number, currency: string): string => signed(x, currency, grouped(Math.abs(x), 2));

/** Millions to two places, for contract totals: £306.98m. */
export const millions = (x: number, currency: string): string =>
  signed(x, currency, `${(Math.abs(x) / 1e6).toFixed(2)}m`);

/** Thousands, whole: £104k. */
export const thousands = (x: number, currency: string): string =>
  signed(x, currency, `${grouped(Math.round(Math.abs(x) / 1e3), 0)}k`);

/**
 * Money for the printed summaries: £10.62m, £137k, £1,196 (whole pounds, as sums of that
 * size are; until 2026-12-01 "£1196.00"), and pence below £1,000 (prices an hour).
 */
/** From here a sum rounds to a thousand thousands: millions, never "£1,000k" (review16). */
const nearMillion = 999_500;

export function money(x: number, currency: string): string {
  const abs = Math.abs(x);
  if (abs >= nearMillion) return millions(x, currency);
  if (abs >= 1e4) return thousands(x, currency);
  return abs >= 1e3 ? moneyWhole(x, currency) : price(x, currency);
}

/** Large sums shortened for headline figures: £41.3m, £820k. */
export function moneyShort(x: number, currency: string): string {
  const abs = Math.abs(x);
  if (abs >= nearMillion) return signed(x, currency, `${(abs / 1e6).toFixed(1)}m`);
  if (abs >= 1e4) return signed(x, currency, `${Math.round(abs / 1e3)}k`);
  return moneyWhole(x, currency);
}

/**
 * A number as a spreadsheet may show money, without its sign: `£24.30` and, for a council that
 * prices in euros, `€24.30`, `€ 24.30` and `24.30 €` (the sign after, as a euro format shows it)
 * are 24.30 (any one currency sign, before or after; until 2026-12-02 only £ before, so
 * `€24.30` was "not a number", and `24,50 €` was until explore22, not told as a decimal comma).
 */
export const withoutMoneySign = (text: string): string => text.replace(moneySignAt, '');

/** One currency sign before a number (a space may follow it) or after it (a space may come before it). */
const moneySignAt = /^(\p{Sc})\s*(?=[\d.+-])|(?<=[\d.])\s*(\p{Sc})$/u;

/** The currency sign a number is written with (`£` of `£24.30`, `€` of `24,30 €`), or null. */
export function moneySign(text: string): string | null {
  const found = moneySignAt.exec(text.trim());
  return found === null ? null : (found[1] ?? found[2] ?? null);
}

/** Whether `sign` is `currency`'s own: £ for GBP, € for EUR, $ for USD (whose symbol is US$). */
export const isCurrencySign = (sign: string, currency: string): boolean =>
  currencySymbol(currency).trim().endsWith(sign);
