/**
 * The `contract` settings of scenario.json (docs/contract.md): the term, the
 * discount rate and how prices rise each year. Checked by zod with ranges, so
 * a mistake is reported as `scenario.json:LINE: contract.years …`, exit 2.
 */
import { z } from 'zod';
import { once } from './once.js';
import { named } from './plan-functions.js';
import { careTypes } from './types.js';

/** The longest a contract may run, base term and extensions together (years). */
export const longestContractYears = 30;

/** HM Treasury Green Book social time preference rate. */
export const defaultDiscountRate = 0.035;

/**
 * A list, or the same list in one cell as a workbook's settings sheet keeps it
 * (`[2, 2]`, JSON) or a person types it (`2;2`, `hourly;capitated`).
 */
const listText = named('listText', (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return value;
    }
  }
  const items = text === '' ? [] : text.split(';').map((s) => s.trim());
  return items.map((s) => (/^-?[0-9]+(\.[0-9]+)?$/.test(s) ? Number(s) : s));
});

const yearText = () =>
  z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^[0-9]{4}$/, 'must be a year, e.g. "2027" (contract years are calendar years)'));

const percent = (low: number, high: number) =>
  z
    .number({ error: () => 'must be a number of percent, e.g. 4 for 4%' })
    .min(low, `must be at least ${low} (percent a year)`)
    .max(high, `must be at most ${high} (percent a year)`);

const indexationSchema = () =>
  z.discriminatedUnion(
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

/** Built on first use, as every settings schema (model/settings-plan.ts): a valid scenario needs none. */
export const contractSchema = once(() =>
  z.strictObject({
    /** First contract year; absent: the scenario's design period. */
    startPeriod: yearText().optional(),
    years: z
      .number({ error: () => 'must be a whole number of years, e.g. 3' })
      .int('must be a whole number of years')
      .min(1, 'must be at least 1')
      .max(longestContractYears, `must be at most ${longestContractYears} (years)`),
    /** Optional extension periods in years, e.g. [2, 2] for "6+2+2". */
    extensions: z
      .preprocess(
        listText,
        z
          .array(
            z.number().int('must be whole years').min(1, 'must be at least 1').max(10, 'must be at most 10'),
          )
          .max(5, 'has more than 5 extensions'),
      )
      .default([]),
    discountRate: z
      .number({ error: () => 'must be a number, e.g. 0.035 for 3.5%' })
      .min(0, 'must be at least 0')
      .max(0.2, 'must be at most 0.2 (a rate: 0.035 is 3.5%)')
      .default(defaultDiscountRate),
    indexation: indexationSchema().default({ kind: 'none' }),
    /** Yearly wage rise (percent) for every contract year; absent: published National Living Wage rises. */
    wageRisePercentPerYear: percent(-10, 30).optional(),
  }),
);

export type ContractSettings = z.output<ReturnType<typeof contractSchema>>;

/** Assumed defaults of the cost of change (docs/contract.md, "Transition"): no published figure exists. */
export const defaultTransition = { mobilisationCostPerHour: 100, doubleRunningWeeks: 4 } as const;

export const transitionSchema = once(() =>
  z.strictObject({
    /** £ one-off per weekly hour that changes provider (recruiting, induction, care plans). */
    mobilisationCostPerHour: z
      .number({
        error: () => "must be a number (per weekly hour moved, in the scenario's currency), e.g. 100",
      })
      .min(0, 'must be at least 0')
      .max(10_000, "must be at most 10000 (per weekly hour moved, in the scenario's currency)")
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
  }),
);

export type TransitionSettings = z.output<ReturnType<typeof transitionSchema>>;

/** How a lot may be paid (docs/contract.md, "Payment models"). */
const paymentModelKinds = ['hourly', 'core-reward', 'capitated', 'saved-hours'] as const;
export type PaymentModelKind = (typeof paymentModelKinds)[number];

const kind = () =>
  z.enum(paymentModelKinds, {
    error: () => `must be a payment model: ${paymentModelKinds.join(', ')}`,
  });

const fraction = () =>
  z
    .number({ error: () => 'must be a share from 0 to 1' })
    .min(0, 'must be at least 0')
    .max(1, 'must be at most 1');

const lowCentralHigh = named(
  'lowCentralHigh',
  (r: { low: number; central: number; high: number }) => r.low <= r.central && r.central <= r.high,
);
const addsUpToOne = named(
  'addsUpToOne',
  (b: { lower: number; higher: number; intensive: number }) =>
    Math.abs(b.lower + b.higher + b.intensive - 1) < 1e-9,
);

/** A low / central / high assumption (low <= central <= high). */
const assumption = (low: number, central: number, high: number) =>
  z
    .strictObject({ low: fraction(), central: fraction(), high: fraction() })
    .refine(lowCentralHigh, 'needs low <= central <= high')
    .default({ low, central, high });

/** A sum of money in the scenario's currency (scenario.json `currency`), at most `max`. */
const amount = (max: number) =>
  z
    .number({ error: () => "must be a number (an amount in the scenario's currency)" })
    .gt(0, 'must be more than 0')
    .max(max, `must be at most ${max}`);

export const paymentSchema = once(() =>
  z.strictObject({
    /** The models every lot is priced under, side by side. */
    compare: z
      .preprocess(listText, z.array(kind()).min(1, 'is empty: name at least one payment model'))
      .default(['hourly']),
    /** How each care type's lots are paid; absent care types are paid by the hour. */
    lots: z
      .partialRecord(
        z.enum(careTypes, { error: () => `must be a care type: ${careTypes.join(', ')}` }),
        kind(),
      )
      .default({}),
    coreReward: z
      .strictObject({
        /** DCLG payment-by-results pilots: mostly an 80% core payment (Bolton 2015). */
        coreShare: fraction().default(0.8),
        /** Share of the reward paid: the outcome-achievement rate (an assumption). */
        achievement: assumption(0.5, 0.8, 1),
      })
      .default({ coreShare: 0.8, achievement: { low: 0.5, central: 0.8, high: 1 } }),
    capitated: z
      .strictObject({
        /** Bolton's indicative rates at about £15/h (2015): per customer-week and per reablement episode. */
        lowerPerWeek: amount(10_000).default(75),
        higherPerWeek: amount(10_000).default(150),
        intensivePerWeek: amount(10_000).default(320),
        reablementPerEpisode: amount(100_000).default(1575),
        /** The hourly price the rates were set at. */
        ratesAtPricePerHour: amount(1000).default(15),
        /** Today's hourly price the rates are scaled to; "award": each lot's own winning price. */
        todayPricePerHour: z.union([amount(1000), z.literal('award')]).default(24.1),
        /** Share of a lot's hours in each need band (an assumption); reablement is paid by episode. */
        bandShares: z
          .strictObject({ lower: fraction(), higher: fraction(), intensive: fraction() })
          .refine(addsUpToOne, 'must add up to 1')
          .default({ lower: 0.4, higher: 0.4, intensive: 0.2 }),
      })
      .default({
        lowerPerWeek: 75,
        higherPerWeek: 150,
        intensivePerWeek: 320,
        reablementPerEpisode: 1575,
        ratesAtPricePerHour: 15,
        todayPricePerHour: 24.1,
        bandShares: { lower: 0.4, higher: 0.4, intensive: 0.2 },
      }),
    savedHours: z
      .strictObject({
        /** Hertfordshire: 50% of the hours saved, for the equivalent of 12 months (Bolton 2015). */
        sharePaid: fraction().default(0.5),
        months: z.number().min(0, 'must be at least 0').max(60, 'must be at most 60').default(12),
        /** Share of hours providers save a year (an assumption). */
        savedShare: assumption(0, 0.05, 0.1),
      })
      .default({ sharePaid: 0.5, months: 12, savedShare: { low: 0, central: 0.05, high: 0.1 } }),
  }),
);

export type PaymentSettings = z.output<ReturnType<typeof paymentSchema>>;
