/**
 * compareOptions: every zoning × standard option of a scenario, solved with
 * runScenario (so every award is verified), then ranked.
 *
 *   1. plan the cases: option × zoning, once only for options that ignore the
 *      zoning, and once only when two options give the same lots
 *   2. solve each case with runScenario
 *   3. rank: options that buy every hour first, by cost; the others apart as
 *      "cannot be bought as specified"; the cheapest, least risky and
 *      dominated options only among the buyable ones
 */
import { didYouMean } from '../diagnostics/did-you-mean.js';
import * as msg from '../diagnostics/messages.js';
import type { Result } from '../model/result.js';
import type { Scenario } from '../model/types.js';
import { describeFailure, runScenario, type RunOptions, type RunOutcome } from '../pipeline.js';
import { awardMetrics, type AwardMetrics } from './metrics.js';
import {
  applyOption,
  describeTreatment,
  ignoresZoning,
  defaultOptionNames,
  optionNames,
  ownPlanLabel,
  ownPlanName,
  standardOptions,
  tenderedLotsKey,
} from './options.js';
import { isBuyable, isUnmet, rankAwards, ties } from './rank.js';
import { byText } from '../model/order.js';
import { counted } from '../model/counted.js';
import { groupedNumber } from '../model/grouped-number.js';

/** An option as compare lists it: a standard option, or the scenario's own lot plan. */
interface ComparedOption {
  readonly name: string;
  readonly label: string;
}

interface ComparisonCase {
  /** `<option>@<zoning>`, or the option name alone when the zoning does not matter. */
  readonly key: string;
  readonly option: ComparedOption;
  /** null when no care type is tendered by zone. */
  readonly zoning: string | null;
  readonly scenario: Scenario;
}

export interface ComparisonPlan {
  readonly cases: readonly ComparisonCase[];
  /** Options left out because, for this scenario, they give the same lots as an earlier one. */
  readonly sameAs: readonly { readonly option: string; readonly sameAs: string }[];
}

export interface ComparisonRow {
  readonly key: string;
  readonly rank: number;
  readonly option: string;
  readonly label: string;
  readonly zoning: string | null;
  readonly standard: string;
  readonly complex: string;
  readonly reablement: string;
  /** null when the run failed (`error` says why) or no award was possible (`diagnosis` says why). */
  readonly metrics: AwardMetrics | null;
  readonly error: string | null;
  /** When no award meets the hard rules: which rules to relax, and how far. */
  readonly diagnosis: string | null;
  /** True when the option buys every hour as specified: only these are real choices. */
  readonly buyable: boolean;
  /** Why the option cannot be bought as specified (null when it can). */
  readonly notBuyableBecause: string | null;
  readonly dominatedBy: readonly string[];
}

export interface Comparison {
  readonly scenario: string;
  readonly period: string;
  readonly rows: readonly ComparisonRow[];
  /** The cheapest option that buys every hour; never one of notBuyable. */
  readonly cheapest: string | null;
  /** The least risky option that buys every hour; never one of notBuyable. */
  readonly leastRisky: string | null;
  /** Keys of options that leave hours unmet, are infeasible or failed (a contract: DESIGN.md section 9). */
  readonly notBuyable: readonly string[];
  readonly dominated: readonly string[];
  readonly sameAs: ComparisonPlan['sameAs'];
}

/** The solver's status, or, with no award, `infeasible` (no award meets the rules: an answer) or `failed` (the run failed). */
export function optionStatus(r: ComparisonRow): string {
  return r.metrics?.status ?? (r.diagnosis === null ? 'failed' : 'infeasible');
}

/** Keys of the real choices between cost and risk: the options that buy every hour and no other beats. */
export function realChoices(c: Comparison): readonly string[] {
  return c.rows.filter((r) => r.buyable && r.dominatedBy.length === 0).map((r) => r.key);
}

/**
 * The other buyable options with the same annual cost and risk as `key` (a tie the ranking
 * breaks by name alone), so the cheapest or least risky is not said to be one when it is
 * several.
 */
export function tiedWith(c: Comparison, key: string | null): readonly string[] {
  const m = c.rows.find((r) => r.key === key)?.metrics;
  if (m == null) return [];
  return c.rows
    .filter((r) => r.key !== key && r.buyable && r.metrics !== null && ties(r.metrics, m))
    .map((r) => r.key);
}

/** The best-ranked award in full, for the HTML report (not part of comparison.json). */
export interface BestAward {
  readonly key: string;
  readonly result: Result;
  /** The scenario as that option ran (its zoning and lot plan). */
  readonly scenario: Scenario;
}

export interface CompareOutcome {
  readonly comparison: Comparison;
  readonly best: BestAward | null;
}

export interface CompareSettings {
  /** Zoning names; default every zoning of the scenario. */
  readonly zonings?: readonly string[];
  /** Option names; default the whole standard option set. */
  readonly options?: readonly string[];
  readonly run: Omit<RunOptions, 'zoning'>;
  /** Called after each case is solved. */
  readonly onSolved?: (done: number, total: number) => void;
}

/**
 * What is wrong with the names given to `flag` (`--zonings`), or null: names that are not in
 * `known`, else names given more than once (`--zonings two,two`), which would solve and list
 * the same option twice and most likely stand for a name meant and not typed.
 */
function badNames(given: readonly string[], known: readonly string[], flag: string): string | null {
  const what = flag === '--zonings' ? 'zoning' : 'option';
  const unknown = [...new Set(given.filter((n) => !known.includes(n)))];
  // "two;one": a list as a spreadsheet separates it, whose every part is a name.
  const parts = given.flatMap((n) => n.split(';').map((p) => p.trim()));
  if (unknown.some((n) => n.includes(';')) && parts.every((p) => known.includes(p)))
    return `${flag} ${given.join(',')}: separate the names with commas, not semicolons: ${flag} ${parts.join(',')}`;
  if (unknown.length > 0) {
    const guess = unknown.length === 1 ? didYouMean(unknown[0] ?? '', known) : '';
    return `${flag} ${unknown.join(',')}: no such ${what}${guess}; choose from ${known.join(', ')}`;
  }
  const repeated = [...new Set(given.filter((n, i) => given.indexOf(n) !== i))];
  return repeated.length === 0 ? null : msg.namedTwice(flag, given, repeated, what, known);
}

/** Names `--options` may give: the standard options and the scenario's own lot plan. */
const comparableNames: readonly string[] = [...optionNames, ownPlanName];

/**
 * The options to compare, each with the scenario as it runs: the standard options named, then
 * the scenario's own lot plan (what `zonal solve` awards), by default or when named.
 */
function optionsToCompare(
  scenario: Scenario,
  names: readonly string[] | undefined,
): { readonly option: ComparedOption; readonly scenario: Scenario }[] {
  const wanted = names ?? [...defaultOptionNames, ownPlanName];
  const standard = standardOptions
    .filter((o) => wanted.includes(o.name))
    .map((option) => ({ option, scenario: applyOption(scenario, option) }));
  if (!wanted.includes(ownPlanName)) return standard;
  return [...standard, { option: { name: ownPlanName, label: ownPlanLabel(scenario) }, scenario }];
}

/** Step 1 (pure): the cases to solve, or a message naming the unknown or repeated zonings and options (a line for each flag). */
export function planComparison(
  scenario: Scenario,
  zoningNames: readonly string[] | undefined,
  optionList: readonly string[] | undefined,
): ComparisonPlan | string {
  const zonings = zoningNames ?? [...scenario.zonings.keys()];
  const bad = [
    badNames(zonings, [...scenario.zonings.keys()], '--zonings'),
    optionList === undefined ? null : badNames(optionList, comparableNames, '--options'),
  ].filter((problem) => problem !== null);
  if (bad.length > 0) return bad.join('\n');
  const seen = new Map<string, string>();
  const cases: ComparisonCase[] = [];
  const sameAs: { option: string; sameAs: string }[] = [];
  for (const { option, scenario: optioned } of optionsToCompare(scenario, optionList)) {
    const lotsKey = tenderedLotsKey(optioned);
    const earlier = seen.get(lotsKey);
    if (earlier !== undefined) {
      sameAs.push({ option: option.name, sameAs: earlier });
      continue;
    }
    seen.set(lotsKey, option.name);
    const zoningsHere = ignoresZoning(optioned) ? [null] : zonings;
    for (const zoning of zoningsHere) {
      const key = zoning === null ? option.name : `${option.name}@${zoning}`;
      cases.push({ key, option, zoning, scenario: zoning === null ? optioned : { ...optioned, zoning } });
    }
  }
  return { cases, sameAs };
}

type SolvedCase = ComparisonCase & {
  readonly metrics: AwardMetrics | null;
  readonly error: string | null;
  readonly diagnosis: string | null;
  /** Lots some bidder priced that still leave hours unbought, most unmet first (unpriced ones are in metrics). */
  readonly shortLots: readonly { readonly lotId: string; readonly unmet: number }[];
  /** Of the lots no bid may win, those whose bids were rejected below legal pay: how many bids each. */
  readonly belowLegalPay: ReadonlyMap<string, number>;
};

/** The priced lots of an award that leave hours unmet, most first. */
function shortLotsOf(result: Result): SolvedCase['shortLots'] {
  return result.lots
    .filter((l) => l.eligibleOffers > 0 && isUnmet(l.unmetHoursPerWeek))
    .map((l) => ({ lotId: l.lotId, unmet: l.unmetHoursPerWeek }))
    .sort((a, b) => b.unmet - a.unmet || byText(a.lotId, b.lotId));
}

/** The lots no bid may win whose bids were rejected below legal pay, with how many were. */
function belowLegalPayOf(result: Result): SolvedCase['belowLegalPay'] {
  return new Map(
    result.lots
      .filter((l) => l.eligibleOffers === 0 && l.rejectedBidIds.length > 0)
      .map((l) => [l.lotId, l.rejectedBidIds.length]),
  );
}

function solvedCase(c: ComparisonCase, outcome: RunOutcome): SolvedCase {
  switch (outcome.kind) {
    case 'ok':
      return {
        ...c,
        metrics: awardMetrics(outcome.result),
        error: null,
        diagnosis: null,
        shortLots: shortLotsOf(outcome.result),
        belowLegalPay: belowLegalPayOf(outcome.result),
      };
    case 'infeasible':
      return {
        ...c,
        metrics: null,
        error: null,
        diagnosis: outcome.result.diagnosis.summary,
        shortLots: [],
        belowLegalPay: new Map(),
      };
    default:
      return {
        ...c,
        metrics: null,
        error: describeFailure(outcome),
        diagnosis: null,
        shortLots: [],
        belowLegalPay: new Map(),
      };
  }
}

const hoursText = (x: number) => groupedNumber(x, 1);

/** `complex:Z-NH 1,183.9 h`, the three with most unmet, and how many more. */
function shortLotsText(lots: SolvedCase['shortLots']): string {
  if (lots.length === 0) return '';
  const shown = lots.slice(0, 3).map((l) => `${l.lotId} ${hoursText(l.unmet)} h`);
  return `, in ${shown.join(', ')}${lots.length > 3 ? ` and ${counted(lots.length - 3, 'more lot')}` : ''}`;
}

/** Why an option cannot be bought as specified, in words; null when it can. */
function whyNotBuyable(
  c: Pick<SolvedCase, 'metrics' | 'error' | 'diagnosis' | 'shortLots' | 'belowLegalPay'>,
): string | null {
  if (c.diagnosis !== null) return `no award is possible: ${c.diagnosis}`;
  if (c.metrics === null) return `the run failed: ${c.error ?? 'unknown error'}`;
  const m: AwardMetrics = c.metrics;
  if (isBuyable(m)) return null;
  // A lot whose bids were all rejected below legal pay was priced: say so, not "no bidder".
  const unpriced = m.unpricedLots.filter((id) => !c.belowLegalPay.has(id));
  const rejected = m.unpricedLots.filter((id) => c.belowLegalPay.has(id));
  const unpricedText = unpriced.length === 0 ? '' : `; not priced by any bidder: ${unpriced.join(', ')}`;
  const rejectedText =
    rejected.length === 0
      ? ''
      : `; every bid below legal pay (rejected): ${rejected.map((id) => `${id} (${counted(c.belowLegalPay.get(id) ?? 0, 'bid')})`).join(', ')}`;
  return `leaves ${hoursText(m.unmetHoursPerWeek)} of ${hoursText(m.demandHoursPerWeek)} hours a week unbought${shortLotsText(c.shortLots)}${unpricedText}${rejectedText}${unprovenText(m)}`;
}

/**
 * `; not proven: …` for an award the solver stopped at the time limit: the hours it left
 * unbought may be the solver's, not the tender's, so the option is not said to be unbuyable as
 * a fact (until 2026-12-02 `--time-limit 0.05` on Hertfordshire listed the county framework so,
 * though a full solve buys every hour of it).
 */
export function unprovenText(m: Pick<AwardMetrics, 'status' | 'gap'>): string {
  return m.status === 'feasible' ? msg.unprovenReason(gapText(m)) : '';
}

/** How far from proven best a time-limited award may be: "gap 12.5%", or "gap unknown". */
export const gapText = (m: Pick<AwardMetrics, 'gap'>): string =>
  m.gap === null ? 'gap unknown' : `gap ${(100 * m.gap).toFixed(1)}%`;

/** Steps 2-3. */
export async function compareOptions(
  scenario: Scenario,
  settings: CompareSettings,
): Promise<CompareOutcome | string> {
  const plan = planComparison(scenario, settings.zonings, settings.options);
  if (typeof plan === 'string') return plan;
  const solvedCases: SolvedCase[] = [];
  const results = new Map<string, Result>();
  for (const c of plan.cases) {
    // What each award rule costs (one re-solve per rule) is for explaining one award, not for comparing many.
    const outcome = await runScenario(c.scenario, { ruleCosts: false, ...settings.run });
    if (outcome.kind === 'ok') results.set(c.key, outcome.result);
    solvedCases.push(solvedCase(c, outcome));
    settings.onSolved?.(solvedCases.length, plan.cases.length);
  }
  const ranking = rankAwards(solvedCases);
  const rows = ranking.ranked.map(
    ({ item, rank, dominatedBy }): ComparisonRow => ({
      key: item.key,
      rank,
      option: item.option.name,
      label: item.option.label,
      zoning: item.zoning,
      standard: describeTreatment(item.scenario.lotPlan.standard),
      complex: describeTreatment(item.scenario.lotPlan.complex),
      reablement: describeTreatment(item.scenario.lotPlan.reablement),
      metrics: item.metrics,
      error: item.error,
      diagnosis: item.diagnosis,
      buyable: isBuyable(item.metrics),
      notBuyableBecause: whyNotBuyable(item),
      dominatedBy,
    }),
  );
  const comparison: Comparison = {
    scenario: scenario.name,
    period: scenario.period,
    rows,
    cheapest: ranking.cheapest,
    leastRisky: ranking.leastRisky,
    notBuyable: ranking.notBuyable,
    dominated: rows.filter((r) => r.dominatedBy.length > 0).map((r) => r.key),
    sameAs: plan.sameAs,
  };
  const bestCase = solvedCases.find((c) => c.key === ranking.cheapest);
  const bestResult = bestCase === undefined ? undefined : results.get(bestCase.key);
  return {
    comparison,
    best:
      bestCase === undefined || bestResult === undefined
        ? null
        : { key: bestCase.key, result: bestResult, scenario: bestCase.scenario },
  };
}
