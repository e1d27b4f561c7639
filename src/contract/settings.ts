/**
 * The `contract` settings of scenario.json (docs/contract.md): the term, the
 * discount rate and how prices rise each year. Checked by zod with ranges, so
 * a mistake is reported as `scenario.json:LINE: contract.years …`, exit 2.
 */
import { z } from 'zod';

/** HM Treasury Green Book social time preference rate. */
export const defaultDiscountRate = 0.035;

const yearText = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^[0-9]{4}$/, 'must be a year, e.g. "2027" (contract years are calendar years)'));

const percent = (low: number, high: number) =>
  z
    .number({ error: () => 'must be a number of percent, e.g. 4 for 4%' })
    .min(low, `must be at least ${low} (percent a year)`)
    .max(high, `must be at most ${high} (percent a year)`);

export const indexationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('fixed'), percentPerYear: percent(-20, 50) }),
    z.strictObject({
      kind: z.literal('wage'),
      /** Share of the price that is pay; absent: the lot's cost floor's pay share. */
      labourShare: z.number().min(0, 'must be at least 0').max(1, 'must be at most 1').optional(),
    }),
  ],
  { error: () => 'must be "none", "fixed" (with percentPerYear) or "wage"' },
);

export const contractSchema = z.strictObject({
  /** First contract year; absent: the scenario's design period. */
  startPeriod: yearText.optional(),
  years: z
    .number({ error: () => 'must be a whole number of years, e.g. 3' })
    .int('must be a whole number of years')
    .min(1, 'must be at least 1')
    .max(30, 'must be at most 30 (years)'),
  /** Optional extension periods in years, e.g. [2, 2] for "6+2+2". */
  extensions: z
    .array(z.number().int('must be whole years').min(1, 'must be at least 1').max(10, 'must be at most 10'))
    .max(5, 'has more than 5 extensions')
    .default([]),
  discountRate: z
    .number({ error: () => 'must be a number, e.g. 0.035 for 3.5%' })
    .min(0, 'must be at least 0')
    .max(0.2, 'must be at most 0.2 (a rate: 0.035 is 3.5%)')
    .default(defaultDiscountRate),
  indexation: indexationSchema.default({ kind: 'none' }),
  /** Yearly wage rise (percent) for every contract year; absent: published National Living Wage rises. */
  wageRisePercentPerYear: percent(-10, 30).optional(),
});

export type ContractSettings = z.output<typeof contractSchema>;

/** Assumed defaults of the cost of change (docs/contract.md, "Transition"): no published figure exists. */
export const defaultTransition = { mobilisationCostPerHour: 100, doubleRunningWeeks: 4 } as const;

export const transitionSchema = z.strictObject({
  /** £ one-off per weekly hour that changes provider (recruiting, induction, care plans). */
  mobilisationCostPerHour: z
    .number({ error: () => 'must be a number of pounds per weekly hour moved, e.g. 100' })
    .min(0, 'must be at least 0')
    .max(10_000, 'must be at most 10000 (£ per weekly hour moved)')
    .default(defaultTransition.mobilisationCostPerHour),
  /** Weeks both the old and the new provider are paid for an hour that moves (at award.spotPricePerHour). */
  doubleRunningWeeks: z
    .number({ error: () => 'must be a number of weeks, e.g. 4' })
    .min(0, 'must be at least 0')
    .max(52, 'must be at most 52 (weeks)')
    .default(defaultTransition.doubleRunningWeeks),
  /** Most of today's hours (current.csv) that may change provider, as a share. */
  maxMovedShare: z
    .number({ error: () => 'must be a share, e.g. 0.3 for 30%' })
    .min(0, 'must be at least 0')
    .max(1, 'must be at most 1 (a share: 0.3 is 30%)')
    .optional(),
  /** Add the one-off cost of change to the objective (cost and whole-life objectives). */
  priceChange: z.boolean({ error: () => 'must be true or false' }).default(false),
});

export type TransitionSettings = z.output<typeof transitionSchema>;
export type Indexation = ContractSettings['indexation'];

/** Problems between settings (path and message), for checks zod cannot see key by key. */
export function contractSettingsProblems(json: {
  readonly contract?: ContractSettings | undefined;
  readonly transition?: TransitionSettings | undefined;
  readonly award: { readonly objective: string };
}): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (json.award.objective === 'whole-life' && json.contract === undefined)
    problems.push({
      path: ['award', 'objective'],
      message:
        'is "whole-life" but the scenario has no "contract": add e.g. "contract": {"years": 3}, or use "cost"',
    });
  if (json.transition?.priceChange === true && json.award.objective === 'meat')
    problems.push({
      path: ['transition', 'priceChange'],
      message:
        'prices change in pounds, which the "meat" objective (a score) cannot add: set it to false, or use the "cost" objective',
    });
  return problems;
}
