/**
 * The money settings whose defaults are UK figures in pounds: left unset in a scenario that
 * prices in another currency, they are read as that currency (the UK National Living Wage as
 * 12.71 euros an hour), and the legal-pay floors, the bids rejected below them and the all-in
 * cost are made from them. One warning names those left (explore22: until then nothing did).
 */
import { ukDefaultsInOtherCurrency } from '../diagnostics/messages.js';
import { costModelSchema } from './scoring-settings.js';

/** Each setting's key path, and what its default is. */
const ukDefaults = [
  { path: ['costModel', 'wagePerHour'], what: 'the UK National Living Wage' },
  { path: ['costModel', 'mileageRatePerMile'], what: "HMRC's mileage rate" },
  { path: ['costModel', 'overheadPerHour'], what: "a UK provider's overheads" },
  { path: ['award', 'spotPricePerHour'], what: "the Homecare Association's UK minimum price" },
] as const;

/**
 * The warning (at `currency`) when `currency` is not pounds and some of these settings are not
 * written (`written` says of a key path), or null; `spotPricePerHour`: the award's, its default
 * when not written.
 */
export function ukDefaultsLeft(
  currency: string,
  spotPricePerHour: number,
  written: (path: readonly string[]) => boolean,
): { path: string[]; message: string; warning: true } | null {
  if (currency === 'GBP') return null;
  const left = ukDefaults.filter(({ path }) => !written(path));
  if (left.length === 0) return null;
  const defaults = costModelSchema().parse({}) as Record<string, unknown>;
  const defaultOf = (path: readonly string[]) =>
    path[0] === 'award' ? spotPricePerHour : Number(defaults[path[1] ?? '']);
  return {
    path: ['currency'],
    message: ukDefaultsInOtherCurrency(
      currency,
      left.map(({ path, what }) => ({ key: path.join('.'), value: defaultOf(path), what })),
    ),
    warning: true,
  };
}
