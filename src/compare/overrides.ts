/**
 * Overrides of a scenario for one batch variant: `applyOverrides`, a pure
 * function from a parsed scenario to the variant's scenario (or a message
 * saying why the variant cannot run). What may be overridden, as a zod schema:
 * overrides-schema.ts.
 *
 * Order: option, then lots, zoning, period, weeksPerYear, award, costModel,
 * scoring, demandMultiplier, priceChanges.
 */
import { withoutPlacesOf } from './override-places.js';
import { deepmergeCustom } from 'deepmerge-ts';
import stableStringify from 'safe-stable-stringify';
import { lotOverrideWithoutLot, lotSettingIgnored } from '../diagnostics/messages.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { awardSchema } from '../model/scenario-schema.js';
import { problemsBetweenSettings } from '../model/between-settings.js';
import { issueText } from '../model/issue-text.js';
import { parseSettings } from '../model/quick-settings.js';
import { parseScoringSettings } from '../model/scoring-settings.js';
import type { AwardRules, Bid, CareType, LotPlan, Scenario } from '../model/types.js';
import { ignoredLotSettings } from '../structures/entry-schema.js';
import { entryWarnings } from '../structures/index.js';
import { lotPlanFromJson, lotPlanToJson, type LotPlanJson } from './lot-plan-json.js';
import { applyOption, optionByName } from './options.js';
import { demandWhere } from '../model/demand-table.js';
import type { Overrides } from './overrides-schema.js';

/** Objects merge key by key; arrays and plain values are replaced. */
const mergeDeep = deepmergeCustom({ mergeArrays: false });

/**
 * A lot entry's base for an override: the entry itself, or, when the override changes
 * its structure, only its geography, so the settings of the structure it had
 * (`"backup": true` of a sole lot) do not follow it into the new one.
 */
function withoutOldSettings(
  before: Readonly<Record<string, unknown>>,
  override: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const structure = override['structure'];
  return structure === undefined || structure === before['structure']
    ? before
    : { geography: before['geography'] };
}

/**
 * A setting in a lot override that keeps the lot's structure, which that structure does not
 * take (`leadShare` on a sole lot), or null: ignored, it would give every variant holding it
 * the same award, and a grid over it identical rows.
 */
function ignoredSetting(
  careType: string,
  before: Readonly<Record<string, unknown>>,
  override: Readonly<Record<string, unknown>>,
): string | null {
  if ('structure' in override) return null;
  // The same rule as scenario.json's warning (structures/entry-schema.ts), on the override's keys.
  const [first] = ignoredLotSettings({ ...override, structure: before['structure'] });
  return first === undefined ? null : lotSettingIgnored(careType, first.key, first.owners, first.structure);
}

function withLots(scenario: Scenario, lots: NonNullable<Overrides['lots']>): Scenario | string {
  const base: Record<string, Readonly<Record<string, unknown>> | undefined> = {
    ...lotPlanToJson(scenario.lotPlan),
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [careType, override] of Object.entries(lots)) {
    const before = base[careType];
    if ('merge' in override) {
      merged[careType] = override;
      continue;
    }
    // A care type not yet tendered, or merged, is replaced whole: by a whole lot entry.
    if (before === undefined || 'merge' in before) {
      if (!('geography' in override && 'structure' in override))
        return lotOverrideWithoutLot(careType, before === undefined ? null : String(before['merge']));
      merged[careType] = override;
      continue;
    }
    const ignored = ignoredSetting(careType, before, override);
    if (ignored !== null) return ignored;
    // A lot entry is refined field by field.
    merged[careType] = mergeDeep(withoutOldSettings(before, override), override);
  }
  const lotPlan = lotPlanFromJson(merged);
  if (typeof lotPlan === 'string') return lotPlan;
  return clashingSettings(lots, lotPlan) ?? { ...scenario, lotPlan };
}

/**
 * Settings an override gives a lot that cannot all hold beside the lot's others (a framework
 * of 4 places whose members must each take 30%), or null: scenario.json warns of them
 * (structures/, `warnings`); in a variant they would give the same award as the setting
 * that fits, and a grid over it identical rows. An override that changes only a lot's geography
 * is let through: it sets none of the settings that may clash, so a clash is the base's own
 * (scenario.json's warning has told it).
 */
function clashingSettings(lots: LotPlanJson, plan: LotPlan): string | null {
  for (const [careType, override] of Object.entries(lots)) {
    const entry = plan[careType as CareType];
    // Only the lot's geography is not one of the settings that may clash.
    if (entry?.kind !== 'lot' || Object.keys(override).every((key) => key === 'geography')) continue;
    const [clash] = entryWarnings(careType, entry);
    if (clash !== undefined) return clash.message;
  }
  return null;
}

/** 1 − w to 12 significant digits: 0.3, not 0.30000000000000004. */
const complement = (w: number) => Number((1 - w).toPrecision(12));

/**
 * An override that sets one MEAT weight alone sets the other to what makes the pair add up to
 * 1 (model/meat-weights.ts): a grid over `award.qualityWeight` [0.5, 0.6, 0.7] means 50/50,
 * 60/40 and 70/30, not the base's price weight beside each. Read after the schema, so a weight
 * given as "70%" pairs as 0.7 does. Both given: as given.
 */
function withPairedWeight(award: AwardRules, override: Readonly<Record<string, unknown>>): AwardRules {
  const quality = override['qualityWeight'] !== undefined;
  const price = override['priceWeight'] !== undefined;
  if (quality && !price) return { ...award, priceWeight: complement(award.qualityWeight) };
  if (price && !quality) return { ...award, qualityWeight: complement(award.priceWeight) };
  return award;
}

/**
 * Award rules read as scenario.json's schema reads them, or what is wrong with them. Plainly right
 * rules are read by the schema's plan (model/settings-plan.ts), so a batch worker builds no zod
 * schema for the share caps and weights of a grid; anything else is left to zod to check and word.
 */
function readAward(rules: Readonly<Record<string, unknown>>): AwardRules | string {
  const parsed = parseSettings('award', awardSchema, rules);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => issueText(i, 'award')).join('; ');
}

/**
 * The award rules with the override, checked whole by scenario.json's schema and against the
 * scenario's other settings as scenario.json is (a whole-life objective needs a contract;
 * the meat objective cannot price the cost of change).
 */
function withAward(scenario: Scenario, override: Readonly<Record<string, unknown>>): AwardRules | string {
  const read = readAward({ ...scenario.award, ...override });
  if (typeof read === 'string') return read;
  const award = withPairedWeight(read, override);
  // Warnings are dropped (a weight set alone is paired above), so which weight one names is moot.
  const problems = problemsBetweenSettings(
    {
      contract: scenario.contract,
      transition: scenario.transition,
      award,
      files: {},
      period: scenario.period,
    },
    { qualityWeight: true },
  ).filter((p) => p.warning !== true);
  return problems.length === 0 ? award : problems.map((p) => issueText(p)).join('; ');
}

/** costModel and scoring merged field by field, then checked whole by scenario.json's own schemas. */
function withScoringSettings(
  scenario: Scenario,
  costModel: Readonly<Record<string, unknown>>,
  scoring: Readonly<Record<string, unknown>>,
): Scenario | string {
  const parsed = parseScoringSettings({
    costModel: mergeDeep(scenario.costModel, costModel),
    scoring: mergeDeep(scenario.scoring, scoring),
  });
  return parsed.kind === 'bad'
    ? parsed.issues.map((i) => i.text).join('; ')
    : { ...scenario, ...parsed.settings };
}

function scaledDemand(scenario: Scenario, factor: number): Scenario {
  return {
    ...scenario,
    demand: Array.from(scenario.demand, (d) => ({
      ...d,
      hours: d.hours * factor,
      low: d.low * factor,
      high: d.high * factor,
    })),
  };
}

const priceKeys = (b: Bid) => [b.id, b.providerId, b.careType];

function zoningProblem(scenario: Scenario, zoning: string): string | null {
  const known = [...scenario.zonings.keys()];
  return scenario.zonings.has(zoning)
    ? null
    : `zoning "${zoning}" is not in the scenario${didYouMean(zoning, known)}: choose one of ${known.join(', ')}`;
}

function periodProblem(scenario: Scenario, period: string): string | null {
  if (demandWhere(scenario.demand, (d) => d.period === period).length > 0) return null;
  const periods = [...new Set(Array.from(scenario.demand, (d) => d.period))].sort();
  const demand = scenario.places?.names.demand ?? 'demand.csv';
  return `period "${period}" has no rows in ${demand}: choose one of ${periods.join(', ')}`;
}

function priceKeysProblem(scenario: Scenario, changes: Readonly<Record<string, number>>): string | null {
  const known = [...new Set(scenario.bids.flatMap(priceKeys))];
  const unknown = Object.keys(changes).filter((k) => !known.includes(k));
  if (unknown.length === 0) return null;
  const guess = unknown.length === 1 ? didYouMean(unknown[0] ?? '', known) : '';
  return `priceChanges: ${unknown.map((k) => `"${k}"`).join(', ')} is not a bid id, provider id or care type with bids${guess}`;
}

/**
 * What overrides name that their base lacks (a zoning, a demand period, a bid, provider
 * or care type to reprice), each with the override that names it: every one, not the first. It depends on the base alone, not on the other
 * overrides, so a batch tells it before any variant runs (batch-file.ts).
 */
export function baseReferenceProblems(
  base: Scenario,
  o: Overrides,
): { readonly key: 'zoning' | 'period' | 'priceChanges'; readonly message: string }[] {
  const found = [
    { key: 'zoning' as const, message: o.zoning === undefined ? null : zoningProblem(base, o.zoning) },
    { key: 'period' as const, message: o.period === undefined ? null : periodProblem(base, o.period) },
    {
      key: 'priceChanges' as const,
      message: o.priceChanges === undefined ? null : priceKeysProblem(base, o.priceChanges),
    },
  ];
  return found.flatMap(({ key, message }) => (message === null ? [] : [{ key, message }]));
}

/** Prices × factor, keyed by bid id, provider id or care type; factors that match one bid multiply. */
function withPriceChanges(scenario: Scenario, changes: Readonly<Record<string, number>>): Scenario | string {
  const problem = priceKeysProblem(scenario, changes);
  if (problem !== null) return problem;
  const factor = (b: Bid) => priceKeys(b).reduce((f, k) => f * (changes[k] ?? 1), 1);
  return { ...scenario, bids: scenario.bids.map((b) => ({ ...b, price: b.price * factor(b) })) };
}

type Step = (s: Scenario) => Scenario | string;

function steps(o: Overrides): Step[] {
  const list: Step[] = [];
  if (o.option !== undefined) {
    const option = optionByName(o.option);
    list.push((s) =>
      option === undefined
        ? `option "${o.option}" is unknown`
        : withoutPlacesOf(applyOption(s, option), [], Object.keys(s.lotPlan)),
    );
  }
  if (o.lots !== undefined)
    list.push((s) => {
      const lots = o.lots ?? {};
      const next = withLots(s, lots);
      return typeof next === 'string' ? next : withoutPlacesOf(next, [], Object.keys(lots));
    });
  const { zoning, period } = o;
  if (zoning !== undefined) list.push((s) => zoningProblem(s, zoning) ?? { ...s, zoning });
  if (period !== undefined) list.push((s) => periodProblem(s, period) ?? { ...s, period });
  if (o.name !== undefined) list.push((s) => ({ ...s, name: o.name ?? s.name }));
  if (o.weeksPerYear !== undefined)
    list.push((s) => ({ ...s, weeksPerYear: o.weeksPerYear ?? s.weeksPerYear }));
  if (o.award !== undefined)
    list.push((s) => {
      const award = withAward(s, o.award ?? {});
      return typeof award === 'string'
        ? award
        : withoutPlacesOf({ ...s, award }, Object.keys(o.award ?? {}), []);
    });
  if (o.costModel !== undefined || o.scoring !== undefined)
    list.push((s) => withScoringSettings(s, o.costModel ?? {}, o.scoring ?? {}));
  if (o.demandMultiplier !== undefined) list.push((s) => scaledDemand(s, o.demandMultiplier ?? 1));
  if (o.priceChanges !== undefined) list.push((s) => withPriceChanges(s, o.priceChanges ?? {}));
  return list;
}

/**
 * A variant's overrides split into its own (award rules and name) and the rest,
 * which neighbours in a batch share; `key` names the rest. Batch chunks
 * (batch-chunks.ts) and a worker's remembered scenario (overrides-memo.ts) both
 * group by it, so they agree on who is a neighbour.
 */
export function sharedOverrides(overrides: Overrides): {
  readonly own: Overrides;
  readonly rest: Overrides;
  readonly key: string;
} {
  const { award, name, ...rest } = overrides;
  const own = { ...(award === undefined ? {} : { award }), ...(name === undefined ? {} : { name }) };
  return { own, rest, key: stableStringify(rest) };
}

/** The variant's scenario, or why it cannot run. Never changes `base`. */
export function applyOverrides(base: Scenario, overrides: Overrides): Scenario | string {
  let scenario = base;
  for (const step of steps(overrides)) {
    const next = step(scenario);
    if (typeof next === 'string') return next;
    scenario = next;
  }
  return scenario;
}
