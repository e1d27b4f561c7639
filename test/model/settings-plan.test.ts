/**
 * The settings plans (model/settings-plan.ts) must read exactly what the zod
 * schemas read: the same settings accepted, with the same values (defaults,
 * shares written "80%", keys in the same order). A plan that accepted
 * settings zod rejects would let a mistake through; one that gave another
 * value would change the result. And the plans must be those of today's
 * schemas (model/settings-plans.ts is generated from them).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { named } from '../../src/model/plan-functions.js';
import { plansOf } from '../../src/model/plan-of-zod.js';
import { parseSettings, settingsReader } from '../../src/model/quick-settings.js';
import { awardSchema } from '../../src/model/scenario-schema.js';
import { planReader } from '../../src/model/settings-plan.js';
import { settingsPlans } from '../../src/model/settings-plans.js';
import { settingsSchemas } from '../../src/model/settings-schemas.js';

const schemas = settingsSchemas();

test('the plans are those of the settings schemas (else run: npm run build && node scripts/settings-plans.mjs)', () => {
  expect(settingsPlans).toEqual(plansOf(schemas));
  // Nothing a bundled scenario uses is left to zod.
  expect(JSON.stringify(settingsPlans)).not.toContain('opaque');
});

const bundled = ['hertfordshire', 'tiny'].map(
  (name) => JSON.parse(readFileSync(`scenarios/${name}/scenario.json`, 'utf8')) as Record<string, unknown>,
);

/** The plan's reading and zod's of one value: the plan accepts only what zod accepts, with the same value. */
function sameReading(plan: string, value: unknown): 'accepted' | 'rejected' | 'declined' {
  const quick = settingsReader.read(plan, value);
  const zod = schemas[plan]?.safeParse(value);
  if (zod === undefined) throw new Error(`no schema ${plan}`);
  if (quick === undefined) return zod.success ? 'declined' : 'rejected';
  expect(zod.success).toBe(true);
  expect(quick.value).toStrictEqual(zod.data);
  expect(JSON.stringify(quick.value)).toBe(JSON.stringify(zod.data));
  return 'accepted';
}

test('the bundled scenarios are read by the plans, as zod reads them', () => {
  for (const json of bundled) {
    expect(sameReading('scenarioJson', json)).toBe('accepted');
    expect(sameReading('award', json['award'] ?? {})).toBe('accepted');
    expect(sameReading('costModel', json['costModel'] ?? {})).toBe('accepted');
    expect(sameReading('scoring', json['scoring'] ?? {})).toBe('accepted');
  }
});

/** Values that sit on or near the settings' limits, or are of the wrong kind. */
const tricky: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  0,
  -0,
  1,
  -1,
  0.5,
  0.8,
  0.99,
  1.5,
  2,
  3,
  4,
  5,
  10,
  30,
  31,
  52,
  53,
  54,
  100,
  1000,
  1001,
  100_000,
  100_001,
  1e11,
  1e12,
  2.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  '80%',
  ' 50 % ',
  '101%',
  '0.8',
  'abc',
  '',
  '  x  ',
  '2027',
  ' 2027 ',
  2027,
  'GBP',
  'gbp',
  '2;2',
  '[2, 2]',
  '[2,',
  'hourly',
  'hourly; capitated',
  'core-reward',
  'saved-hours',
  'award',
  'cost',
  'meat',
  'whole-life',
  'none',
  'fixed',
  'wage',
  'zone',
  'county',
  'sole',
  'lead-secondary',
  'framework',
  'prime-secondaries',
  'standard',
  'areas.csv',
  'a\u0007b',
  'x'.repeat(101),
  'x'.repeat(256),
  true,
  false,
  null,
  [],
  [2],
  [2, 2],
  [0],
  [1, 2, 3, 4, 5, 6],
  ['hourly', 'capitated'],
  ['bad'],
  {},
  { kind: 'none' },
  { kind: 'fixed', percentPerYear: 3 },
  { kind: 'fixed' },
  { kind: 'wage', labourShare: 0.7 },
  { merge: 'standard' },
  { merge: 'complex' },
  { geography: 'zone', structure: 'sole' },
  { geography: 'county', structure: 'sole', backup: true },
  { geography: 'zone', structure: 'lead-secondary', leadShare: '70%' },
  { geography: 'zone', structure: 'framework', maxProviders: 3, minShare: 0.1 },
  { geography: 'zone', structure: 'prime-secondaries', primeShare: 0.6, secondaries: 1 },
  { geography: 'zone', structure: 'sole', leadShare: 0.8 },
  { geography: 'zone', structure: 'sole', maxProviders: true },
  { low: 0.2, central: 0.5, high: 0.9 },
  { low: 0.9, central: 0.5, high: 0.2 },
  { lower: 0.5, higher: 0.3, intensive: 0.2 },
  { lower: 0.5, higher: 0.5, intensive: 0.2 },
  { south: 50, north: 52, west: -1, east: 1 },
  { south: 52, north: 50, west: -1, east: 1 },
  { urban: 5, town: 6 },
  { volume: 0, margin: 0, travel: 0, headroom: 0, stability: 0 },
  { unmet: 0.1 },
  { supply: 1 },
  { employerNi: 0.2 },
);

/** Where settings may be changed: every key the schemas know, and some they do not. */
const paths: readonly (readonly string[])[] = [
  ['name'],
  ['currency'],
  ['weeksPerYear'],
  ['period'],
  ['zoning'],
  ['zonings'],
  ['zonings', 'districts'],
  ['zonings', 'bad name'],
  ['files'],
  ['files', 'areas'],
  ['files', 'current'],
  ['files', 'boundaries'],
  ['files', 'extra'],
  ['lots'],
  ['lots', 'standard'],
  ['lots', 'complex'],
  ['lots', 'reablement'],
  ['lots', 'other'],
  ['lots', 'standard', 'geography'],
  ['lots', 'standard', 'structure'],
  ['lots', 'standard', 'leadShare'],
  ['lots', 'standard', 'primeShare'],
  ['lots', 'standard', 'secondaries'],
  ['lots', 'standard', 'maxProviders'],
  ['lots', 'standard', 'minShare'],
  ['lots', 'standard', 'backup'],
  ['lots', 'standard', 'merge'],
  ['lots', 'standard', 'typo'],
  ['lots', 'complex', 'structure'],
  ['lots', 'complex', 'backup'],
  ['award'],
  ...[
    'objective',
    'qualityWeight',
    'priceWeight',
    'minQuality',
    'maxShareOfTotalHours',
    'maxLotsPerProvider',
    'minDistinctProviders',
    'unmetPenaltyPerHour',
    'rejectBelowLegalPay',
    'spotPricePerHour',
    'maxAnnualBudget',
    'typo',
  ].map((k) => ['award', k]),
  ['bounds'],
  ['bounds', 'south'],
  ['contract'],
  ...[
    'startPeriod',
    'years',
    'extensions',
    'discountRate',
    'indexation',
    'wageRisePercentPerYear',
    'typo',
  ].map((k) => ['contract', k]),
  ['contract', 'indexation', 'kind'],
  ['contract', 'indexation', 'percentPerYear'],
  ['contract', 'indexation', 'labourShare'],
  ['transition'],
  ...['mobilisationCostPerHour', 'doubleRunningWeeks', 'maxMovedShare', 'priceChange', 'typo'].map((k) => [
    'transition',
    k,
  ]),
  ['payment'],
  ['payment', 'compare'],
  ['payment', 'lots'],
  ['payment', 'lots', 'standard'],
  ['payment', 'coreReward'],
  ['payment', 'coreReward', 'coreShare'],
  ['payment', 'coreReward', 'achievement'],
  ['payment', 'capitated', 'todayPricePerHour'],
  ['payment', 'capitated', 'bandShares'],
  ['payment', 'savedHours', 'months'],
  ['payment', 'savedHours', 'savedShare'],
  ['costModel'],
  ['costModel', 'wagePerHour'],
  ['costModel', 'onCosts'],
  ['costModel', 'onCosts', 'pension'],
  ['costModel', 'travelMinutesPerContactHour'],
  ['costModel', 'milesPerContactHour', 'rural'],
  ['costModel', 'surplus'],
  ['costModel', 'typo'],
  ['scoring'],
  ['scoring', 'viabilityWeights'],
  ['scoring', 'viabilityWeights', 'volume'],
  ['scoring', 'riskWeights'],
  ['scoring', 'riskWeights', 'unmet'],
  ['scoring', 'riskWeights', 'supply'],
  ['scoring', 'marginBand'],
  ['scoring', 'comfortableUtilisation'],
  ['scoring', 'lowTenderTolerance'],
  ['scoring', 'typo'],
  ['typo'],
];

/** The value with `path` set to `value` (or removed, for undefined), making the objects on the way. */
function edited(json: unknown, path: readonly string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const base = typeof json === 'object' && json !== null && !Array.isArray(json) ? { ...json } : {};
  const next = edited((base as Record<string, unknown>)[key], rest, value);
  if (next === undefined) delete (base as Record<string, unknown>)[key];
  else (base as Record<string, unknown>)[key] = next;
  return base;
}

const edit = fc.tuple(fc.constantFrom(...paths), fc.option(tricky, { nil: undefined, freq: 6 }));
const settings = fc
  .tuple(fc.constantFrom(...bundled), fc.array(edit, { minLength: 1, maxLength: 3 }))
  .map(([json, edits]) => edits.reduce<unknown>((j, [path, value]) => edited(j, path, value), json));

describe('the plans read what zod reads, on random settings', () => {
  test('scenario.json, its award rules, its cost model and its scoring settings', () => {
    const seen = { accepted: 0, rejected: 0, declined: [] as unknown[] };
    const count = (plan: string, value: unknown) => {
      const outcome = sameReading(plan, value);
      if (outcome === 'declined') seen.declined.push({ plan, value });
      else seen[outcome]++;
    };
    fc.assert(
      fc.property(settings, (json) => {
        count('scenarioJson', json);
        const { award, costModel, scoring } = json as {
          award?: unknown;
          costModel?: unknown;
          scoring?: unknown;
        };
        // The award rules alone, as a batch variant's override is read (compare/overrides.ts).
        count('award', award ?? {});
        count('costModel', costModel);
        count('scoring', scoring);
      }),
      { seed: 16, numRuns: 4000 },
    );
    // Same accept and reject: nothing zod takes is left to it; and both kinds were tried, often.
    expect(seen.declined).toEqual([]);
    expect(seen.accepted).toBeGreaterThan(4000);
    expect(seen.rejected).toBeGreaterThan(1000);
  });

  test('lot entries of every structure', () => {
    const key = fc.constantFrom(
      'geography',
      'structure',
      'leadShare',
      'primeShare',
      'secondaries',
      'maxProviders',
      'minShare',
      'backup',
      'typo',
    );
    const entry = fc.dictionary(key, tricky, { maxKeys: 5 }).map((e) => ({
      geography: 'zone',
      structure: 'sole',
      ...e,
    }));
    let accepted = 0;
    fc.assert(
      fc.property(entry, (e) => {
        const outcome = sameReading('lotEntry', e);
        expect(outcome).not.toBe('declined');
        if (outcome === 'accepted') accepted++;
      }),
      { seed: 16, numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});

test('a function of the schemas that throws leaves the value to zod, in a union option or on its own', () => {
  named('throwsForTest', () => {
    throw new Error('no');
  });
  const throwing = { t: 'number', checks: [{ c: 'refine', fn: 'throwsForTest' }] } as const;
  const reader = planReader({
    alone: throwing,
    inUnion: { t: 'union', options: [throwing, { t: 'number', checks: [] }], checks: [] },
    fine: { t: 'number', checks: [] },
  });
  expect(reader.read('alone', 3)).toBeUndefined();
  expect(reader.read('inUnion', 3)).toBeUndefined();
  expect(reader.read('fine', 3)).toEqual({ value: 3 });
});

test('parseSettings builds no schema for a value its plan reads, and gives zod issues with their input otherwise', () => {
  let built = 0;
  const award = () => {
    built++;
    return awardSchema();
  };
  const plain = parseSettings('award', award, { maxShareOfTotalHours: '25%' });
  expect(plain).toEqual({ success: true, data: awardSchema().parse({ maxShareOfTotalHours: 0.25 }) });
  expect(built).toBe(0);
  const wrong = parseSettings('award', award, { minQuality: '5,5' });
  expect(built).toBe(1);
  expect(wrong.success).toBe(false);
  expect(wrong.error?.issues[0]).toMatchObject({ path: ['minQuality'], input: '5,5' });
});
