/**
 * A number as `toLocaleString('en-GB', { maximumFractionDigits })` writes it
 * (1,234,567.5), without Intl: the first Intl number format of a process
 * costs about 20-30 ms (ICU loads its data), and `zonal validate` needs only
 * these. Like Intl, it rounds the number's shortest decimal form (what
 * `String(x)` writes) half away from zero; numbers `String` writes with an
 * exponent go to Intl.
 */

/** A string of decimal digits plus one in its last place ("0999" → "1000", "99" → "100"). */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  const zeros = '0'.repeat(digits.length - 1 - i);
  return i < 0 ? `1${zeros}` : `${digits.slice(0, i)}${Number(digits[i]) + 1}${zeros}`;
}

/** Decimal digits with a comma between each group of three from the right: "1234567" → "1,234,567". */
function withCommas(digits: string): string {
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return grouped;
}

/** Whole numbers below 10^15, the common case (a batch writes thousands a second), without strings of fractions. */
function groupedWhole(x: number): string {
  const grouped = withCommas(String(Math.round(Math.abs(x))));
  return x < 0 || Object.is(x, -0) ? `-${grouped}` : grouped;
}

/**
 * `x` with at most `maximumFractionDigits` and at least `minimumFractionDigits` decimals
 * (trailing zeros kept to the least: 24.30 for money), as toLocaleString en-GB writes it.
 * Loops rather than regular expressions: a batch variant writes a few hundred of these in its
 * scores' reasons (0.3 ms of its CPU in session 19's profile).
 */
export function groupedNumber(x: number, maximumFractionDigits = 0, minimumFractionDigits = 0): string {
  // Math.round rounds a tie up, which on |x| is half away from zero; below 10^15 a double's halves are exact.
  if (maximumFractionDigits === 0 && Math.abs(x) < 1e15) return groupedWhole(x);
  const text = String(Math.abs(x));
  if (!Number.isFinite(x) || text.includes('e'))
    return x.toLocaleString('en-GB', { maximumFractionDigits, minimumFractionDigits });
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  const fraction = dot < 0 ? '' : text.slice(dot + 1);
  let kept = `${whole}${fraction.slice(0, maximumFractionDigits).padEnd(maximumFractionDigits, '0')}`;
  if (Number(fraction[maximumFractionDigits] ?? '0') >= 5) kept = plusOne(kept);
  const cut = kept.length - maximumFractionDigits;
  let end = kept.length;
  while (end > cut + minimumFractionDigits && kept[end - 1] === '0') end--;
  const digits = kept.slice(cut, end);
  const negative = x < 0 || Object.is(x, -0);
  return `${negative ? '-' : ''}${withCommas(kept.slice(0, cut))}${digits === '' ? '' : `.${digits}`}`;
}
