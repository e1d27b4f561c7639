/**
 * The cost model and scoring settings of scenario.json (`costModel`,
 * `scoring`), completed once with documented defaults (docs/scoring.md, "Viability and
 * risk") when the scenario is read; the Scenario carries them parsed.
 * Misspelt keys are errors, so a setting is never silently ignored.
 */
import { z } from 'zod';
import { issueText, withKnownKeys } from './issue-text.js';
import { once } from './once.js';
import { named } from './plan-functions.js';
import { parseSettings } from './quick-settings.js';

const share = (max = 1) => z.number().min(0, 'must be at least 0').max(max, `must be at most ${max}`);
/** No setting is above 1,000 (£ an hour, minutes, miles or a weight): far above any real cost, and every floor and score stays finite. */
const settingMax = 1000;
const positive = () =>
  z.number().gt(0, 'must be more than 0').max(settingMax, `must be at most ${settingMax}`);
const nonNegative = () =>
  z.number().min(0, 'must be at least 0').max(settingMax, `must be at most ${settingMax}`);

const byRurality = (urban: number, town: number, rural: number) =>
  z
    .strictObject({
      urban: nonNegative().default(urban),
      town: nonNegative().default(town),
      rural: nonNegative().default(rural),
    })
    .prefault({});

const someWeight = named('someWeightAboveZero', (w: Readonly<Record<string, number>>) =>
  Object.values(w).some((v) => v > 0),
);
const noUnmetWeight = named('noUnmetWeight', (w: { readonly unmet?: unknown }) => w.unmet === undefined);
const withoutUnmet = named(
  'withoutUnmet',
  <W extends { readonly unmet?: unknown }>({ unmet: _unmet, ...weights }: W) => weights,
);

/**
 * Cost floor per contact hour. Defaults are calibrated so that a compact town
 * zone at £12.21 lands on the Homecare Association's 2025/26 minimum price
 * (£32.14) and town/rural zones sit +13%/+25% above urban (Norfolk bands).
 */
export const costModelSchema = once(() =>
  z
    .strictObject({
      /** £ per hour paid to a care worker. @defaultValue 12.71 (National Living Wage from April 2026) */
      wagePerHour: positive().default(12.71),
      /** Employer on-costs as fractions of pay. */
      onCosts: z
        .strictObject({
          employerNi: share().default(0.12),
          holidayPay: share().default(0.1207),
          pension: share().default(0.02),
        })
        .prefault({}),
      /** Paid travel minutes per contact hour, by the area's rurality. */
      travelMinutesPerContactHour: byRurality(8, 15, 22),
      /** Miles driven per contact hour, by the area's rurality. */
      milesPerContactHour: byRurality(1.5, 5.5, 9),
      /** Extra travel minutes per contact hour per km of zone spread. */
      spreadMinutesPerKm: nonNegative().default(0.5),
      /** Extra miles per contact hour per km of zone spread. */
      spreadMilesPerKm: nonNegative().default(0.3),
      /** £ per mile. @defaultValue 0.45 (HMRC approved mileage allowance, first 10,000 miles) */
      mileageRatePerMile: nonNegative().default(0.45),
      /** Business running costs, £ per contact hour. */
      overheadPerHour: nonNegative().default(9.49),
      /** Surplus (profit) as a fraction of cost. */
      surplus: share().default(0.03),
    })
    .prefault({}),
);

const viabilityWeightsSchema = () =>
  z
    .strictObject({
      volume: nonNegative().default(0.3),
      margin: nonNegative().default(0.3),
      travel: nonNegative().default(0.15),
      headroom: nonNegative().default(0.1),
      stability: nonNegative().default(0.15),
    })
    .prefault({})
    .refine(someWeight, 'needs at least one weight above 0');

const riskWeightsSchema = () =>
  z
    .strictObject({
      supply: nonNegative().default(0.2),
      n1: nonNegative().default(0.15),
      price: nonNegative().default(0.15),
      stretch: nonNegative().default(0.1),
      concentration: nonNegative().default(0.1),
      transition: nonNegative().default(0.1),
      surge: nonNegative().default(0.1),
      growth: nonNegative().default(0.1),
      cherryPicking: nonNegative().default(0.1),
      /** Not a weight any more: unmet hours always count in full. Kept so a file that sets it hears why. */
      unmet: z.unknown().optional(),
    })
    .prefault({})
    .refine(noUnmetWeight, {
      path: ['unmet'],
      message:
        'is no longer a weight: unmet hours always count in full (risk = unmet share + the rest × the risk of the hours bought); remove it',
    })
    .transform(withoutUnmet)
    .refine(someWeight, 'needs at least one weight above 0');

export const scoringSchema = once(() =>
  z
    .strictObject({
      viabilityWeights: viabilityWeightsSchema(),
      riskWeights: riskWeightsSchema(),
      /** A price this far below the floor (as a fraction of it) scores margin 0 and price risk 1. */
      marginBand: z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1').default(0.25),
      /** Paid travel minutes per contact hour at which the travel component reaches 0. */
      travelMinutesLimit: positive().default(40),
      /** Utilisation of capacity up to which there is no stretch. */
      comfortableUtilisation: z
        .number()
        .min(0, 'must not be negative')
        .lt(1, 'must be less than 1')
        .default(0.85),
      /** Relative demand range (high − low) / central at which stability reaches 0. */
      demandRangeLimit: positive().default(0.5),
      /** Each named back-up provider cuts supply risk by this fraction, in part when its spare capacity could take over only part of the lead's hours. */
      backupRelief: share().default(0.25),
      /** County share at which a provider's concentration component reaches 1. */
      concentrationShareLimit: z.number().gt(0).max(1).default(0.5),
      /** Only bids priced below floor × (1 − tolerance) are flagged as abnormally low. */
      lowTenderTolerance: share(0.9).default(0),
      /**
       * "Ask to explain" also needs the price this far (a fraction) below the
       * median of the other providers' eligible bids for the lot.
       */
      lowTenderBelowMedian: share(0.9).default(0.1),
    })
    .prefault({}),
);

export type CostModel = z.output<ReturnType<typeof costModelSchema>>;
export type ScoringWeights = z.output<ReturnType<typeof scoringSchema>>;

export interface ScoringSettings {
  readonly costModel: CostModel;
  readonly scoring: ScoringWeights;
}

export type SettingsOutcome =
  | { readonly kind: 'ok'; readonly settings: ScoringSettings }
  | { readonly kind: 'bad'; readonly issues: readonly SettingsIssue[] };

/** What is wrong, the key path it is at (`costModel.onCosts.pension`; an unknown key's own) and whether the key itself is wrong. */
interface SettingsIssue {
  readonly text: string;
  readonly keyPath: readonly string[];
  readonly about: 'key' | 'value';
}

/** One issue per unknown key, each at its own key. */
function issuesOf(key: string, schema: z.ZodType, error: z.ZodError): SettingsIssue[] {
  return error.issues.flatMap((issue) =>
    (issue.code === 'unrecognized_keys' ? issue.keys.map((k) => ({ ...issue, keys: [k] })) : [issue]).map(
      (one) => ({
        text: issueText(withKnownKeys(schema, one), key),
        keyPath: [key, ...one.path.map(String), ...('keys' in one ? one.keys : [])],
        about: one.code === 'unrecognized_keys' ? ('key' as const) : ('value' as const),
      }),
    ),
  );
}

/** Complete `costModel` and `scoring` with defaults, or say what is wrong. */
export function parseScoringSettings(raw: {
  readonly costModel: unknown;
  readonly scoring: unknown;
}): SettingsOutcome {
  // Plainly right settings are read by the schemas' plans, without building them (model/settings-plan.ts).
  const costModel = parseSettings('costModel', costModelSchema, raw.costModel);
  const scoring = parseSettings('scoring', scoringSchema, raw.scoring);
  if (costModel.success && scoring.success)
    return { kind: 'ok', settings: { costModel: costModel.data, scoring: scoring.data } };
  return {
    kind: 'bad',
    issues: [
      ...(costModel.success ? [] : issuesOf('costModel', costModelSchema(), costModel.error)),
      ...(scoring.success ? [] : issuesOf('scoring', scoringSchema(), scoring.error)),
    ],
  };
}
