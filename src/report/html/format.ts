/**
 * Numbers as a council reader expects them: en-GB grouping, currency with its
 * symbol, hours to one decimal, scores as whole numbers.
 */

function currencyFormat(currency: string, digits: number): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    // An unknown currency code: show the code itself rather than fail the report.
    return new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
}

/** Whole currency units: £1,234,567. */
export const money = (x: number, currency: string): string => currencyFormat(currency, 0).format(x);
/** Pence too, for prices per hour: £24.60. */
export const price = (x: number, currency: string): string => currencyFormat(currency, 2).format(x);
function symbol(currency: string): string {
  return (
    currencyFormat(currency, 0)
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value ?? `${currency} `
  );
}

/** Large sums shortened for headline figures: £41.3m, £820k. */
export function moneyShort(x: number, currency: string): string {
  const abs = Math.abs(x);
  const sign = x < 0 ? '-' : '';
  if (abs >= 1e6) return `${sign}${symbol(currency)}${(abs / 1e6).toFixed(1)}m`;
  if (abs >= 1e4) return `${sign}${symbol(currency)}${Math.round(abs / 1e3)}k`;
  return money(x, currency);
}
export const hours = (x: number): string =>
  x.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
export const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
export const score = (x: number): string => x.toFixed(0);
