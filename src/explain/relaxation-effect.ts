/** What relaxing a rule does, in words: to spend and unmet hours, and on MEAT to the award's score. */
import { moneyWhole } from '../model/money.js';
import { groupedNumber } from '../model/grouped-number.js';

const perYear = (x: number, currency: string) => `${moneyWhole(Math.abs(Math.round(x)), currency)} a year`;
const weeklyHours = (x: number) => `${groupedNumber(Math.abs(x), 1)} h/week`;

/**
 * What relaxing a rule does, in money and in hours: "spend falls by £27,225 a year; unmet hours unchanged",
 * and on the MEAT objective what it does to the award's score, which can move while spend does not.
 */
export function relaxationEffect(
  spendChange: number,
  unmetChange: number,
  meatChange: number,
  currency: string,
): string {
  const meat =
    Math.abs(meatChange) < 0.005
      ? ''
      : `; MEAT score ${meatChange > 0 ? 'rises' : 'falls'} by ${Math.abs(meatChange).toFixed(2)} points an hour (hours-weighted)`;
  return `${spendAndUnmet(spendChange, unmetChange, meat === '', currency)}${meat}`;
}

function spendAndUnmet(spendChange: number, unmetChange: number, alone: boolean, currency: string): string {
  const spend =
    Math.round(spendChange) === 0
      ? 'spend unchanged'
      : spendChange < 0
        ? `spend falls by ${perYear(spendChange, currency)}`
        : `spend rises by ${perYear(spendChange, currency)}`;
  const unmet =
    Math.abs(unmetChange) < 0.05
      ? 'unmet hours unchanged'
      : unmetChange < 0
        ? `${weeklyHours(unmetChange)} fewer unmet`
        : `${weeklyHours(unmetChange)} more unmet`;
  if (alone && spend === 'spend unchanged' && unmet === 'unmet hours unchanged')
    return 'changes nothing: the rule does not bind';
  return `${spend}; ${unmet}`;
}
