/**
 * A comparison as files and as text: comparison.csv (one row per option, in
 * rank order), comparison.json (the whole comparison) and the printed table
 * with its verdict. Pure.
 */
import * as msg from '../diagnostics/messages.js';
import { toCsv, type Cell } from '../report/csv-write.js';
import { hours } from '../report/html/format.js';
import { percent } from '../report/summary.js';
import { currencySymbol, money } from '../model/money.js';
import { formatTable } from '../report/text-table.js';
import {
  gapText,
  unprovenText,
  optionStatus,
  realChoices,
  tiedWith,
  type Comparison,
  type ComparisonRow,
} from './compare.js';
import { metricCsvCells, metricCsvHeader, type AwardMetrics } from './metrics.js';
import { paymentLines } from '../contract/payment-compare.js';
import { counted } from '../model/counted.js';
import { groupedNumber } from '../model/grouped-number.js';

export const comparisonCsvHeader = [
  'rank',
  'key',
  'option',
  'zoning',
  'standard',
  'complex',
  'reablement',
  'status',
  ...metricCsvHeader,
  'dominated_by',
  'error',
  'all_in_annual_cost',
  'buyable',
  'not_buyable_because',
] as const;

export function comparisonCsvRow(r: ComparisonRow): Cell[] {
  const m = r.metrics;
  return [
    r.rank,
    r.key,
    r.option,
    r.zoning ?? '',
    r.standard,
    r.complex,
    r.reablement,
    optionStatus(r),
    ...metricCsvCells(m),
    r.dominatedBy.join(';'),
    r.error ?? '',
    m?.allInAnnualCost ?? null,
    r.buyable ? 'yes' : 'no',
    r.notBuyableBecause ?? '',
  ];
}

export function comparisonCsv(c: Comparison): string {
  return toCsv(comparisonCsvHeader, c.rows.map(comparisonCsvRow));
}

export function comparisonJson(c: Comparison): string {
  return `${JSON.stringify({ schemaVersion: 1, ...c }, null, 2)}\n`;
}

function tableRow(r: ComparisonRow, c: Comparison, currency: string): string[] {
  const m = r.metrics;
  // Every row says why it stands where it does: a buyable option no other beats and that is
  // neither cheapest nor least risky is one of the real choices between cost and risk.
  const mark = (key: string | null, word: string) =>
    r.key === key ? word : tiedWith(c, key).includes(r.key) ? `${word} (tied)` : '';
  const marks =
    [
      mark(c.cheapest, 'cheapest'),
      mark(c.leastRisky, 'least risk'),
      r.dominatedBy.length > 0 ? 'dominated' : '',
      r.buyable ? '' : 'not buyable',
    ]
      .filter((s) => s !== '')
      .join(', ') || 'real choice';
  if (m === null)
    return [
      String(r.rank),
      r.option,
      r.zoning ?? '-',
      optionStatus(r),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      marks,
    ];
  return [
    String(r.rank),
    r.option,
    r.zoning ?? '-',
    m.status === 'feasible' ? `feasible (${gapText(m)})` : m.status,
    money(m.annualCost, currency),
    money(m.allInAnnualCost, currency),
    money(m.costPerHour, currency),
    m.unmetHoursPerWeek > 0 ? hours(m.unmetHoursPerWeek) : '0',
    m.riskScore.toFixed(0),
    m.viabilityMean.toFixed(0),
    m.viabilityWorst.toFixed(0),
    String(m.providers),
    percent(m.largestShare),
    groupedNumber(m.hhi, 3),
    marks,
  ];
}

/** What stands for the cheapest or least risky option when none buys every hour (the comparison names none). */
export const noBuyableOption = '(none: no option buys every hour as specified)';

function describe(key: string | null, c: Comparison, currency: string): string {
  const row = c.rows.find((r) => r.key === key);
  if (row?.metrics == null) return noBuyableOption;
  const where = row.zoning === null ? '' : `; zoning "${row.zoning}"`;
  return `${row.option} (${row.label}${where}): ${money(row.metrics.annualCost, currency)} a year, risk ${row.metrics.riskScore.toFixed(0)}/100${tiedText(c, key)}`;
}

/** `; tied with …` after the cheapest or least risky option when others have its cost and risk (the ranking put it first by name), or ''. */
export function tiedText(c: Comparison, key: string | null): string {
  const tied = tiedWith(c, key);
  return tied.length === 0 ? '' : `; tied with ${tied.join(', ')} (the same annual cost and risk)`;
}

/** Why a dominated option can be set aside: the cheapest option that beats it, and by how much. */
function beatenBy(key: string, c: Comparison, currency: string): string {
  const row = c.rows.find((r) => r.key === key);
  const [first, ...more] = row?.dominatedBy ?? [];
  const by = c.rows.find((r) => r.key === first);
  if (row?.metrics == null || by?.metrics == null) return `  ${key}`;
  const saved = row.metrics.annualCost - by.metrics.annualCost;
  const [risk, against] = [by.metrics.riskScore, row.metrics.riskScore].map((x) => x.toFixed(0));
  const cost = saved > 0 ? `costs ${money(saved, currency)} a year less` : 'costs the same';
  // Risks that print alike may differ: only equal ones are "the same" (until 2026-12-02 any
  // that printed alike were, so 41.6 beating 42.3 read "at the same risk (42/100)").
  const safer =
    risk !== against
      ? `with risk ${risk}/100 against ${against}/100`
      : by.metrics.riskScore === row.metrics.riskScore
        ? `at the same risk (${risk}/100)`
        : `at a risk a little lower than its ${against}/100`;
  return `  ${key}: ${first} ${cost}, ${safer}${weakerWinners(by.metrics, row.metrics)}${more.length === 0 ? '' : ` (${more.length} more beat it too)`}`;
}

/**
 * What a dominated option gives up, when it does: dominance weighs cost and risk only, so
 * the option that beats it may award hours to a less viable provider, and a commissioner
 * should see that before setting it aside (until 2026-12-02 the line did not say so).
 */
function weakerWinners(by: AwardMetrics, row: AwardMetrics): string {
  const theirs = Math.round(by.viabilityWorst);
  const ours = Math.round(row.viabilityWorst);
  return theirs < ours ? `, but its least viable winner scores ${theirs}/100 against ${ours}/100` : '';
}

/**
 * The options the solver stopped at the time limit, under the verdict: their figures are the
 * best found, not proven best, so what the verdict says of them (dominated, the cheapest) may
 * change with a longer --time-limit. Those that cannot be bought are counted under their own
 * heading, so they are not named again here (until 2026-12-02 they were, and each of their
 * lines said it too: three times over).
 */
function unprovenLines(rows: readonly ComparisonRow[]): string[] {
  const unproven = rows.filter((r) => r.metrics?.status === 'feasible');
  const named = unproven.flatMap((r) => (r.buyable && r.metrics ? [`${r.key} (${gapText(r.metrics)})`] : []));
  return named.length === 0 ? [] : ['', msg.stoppedOptions(named, unproven.length - named.length)];
}

/**
 * The options that cannot be bought, under a heading that counts those the time limit cut short:
 * each line says so only when some are proven and some not, and then briefly, with its gap.
 */
function cannotBeBoughtLines(apart: readonly ComparisonRow[]): string[] {
  const cut = apart.filter((r) => r.metrics?.status === 'feasible').length;
  const mixed = cut > 0 && cut < apart.length;
  const line = (r: ComparisonRow): string => {
    const reason = r.notBuyableBecause ?? '';
    const suffix = r.metrics === null ? '' : unprovenText(r.metrics);
    if (suffix === '' || !reason.endsWith(suffix)) return `  ${r.key}: ${reason}`;
    const said = reason.slice(0, reason.length - suffix.length);
    const gap = r.metrics === null ? '' : gapText(r.metrics);
    return `  ${r.key}: ${said} (${mixed ? `not proven, ${gap}` : gap})`;
  };
  return ['', msg.cannotBeBoughtHeading(apart.length, cut), ...apart.map(line)];
}

/** The printed comparison, money in `currency` (the scenario's): the ranked table, which option is cheapest, least risky and dominated, and the options that cannot be bought. */
export function formatComparison(c: Comparison, currency: string): string {
  const header = [
    '#',
    'option',
    'zoning',
    'status',
    'annual cost',
    'all-in',
    `${currencySymbol(currency).trim()}/hour`,
    'unmet h/wk',
    'risk',
    'viab mean',
    'viab worst',
    'providers',
    'largest',
    'HHI',
    'verdict',
  ];
  const right = [
    true,
    false,
    false,
    false,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    false,
  ];
  const apart = c.rows.filter((r) => !r.buyable);
  const lines = [
    `${c.scenario}, period ${c.period}: ${counted(c.rows.length, 'option')} compared (risk 0-100 higher is worse; viability 0-100 higher is better; all-in adds unmet hours bought on spot contracts)`,
    '',
    formatTable(
      header,
      c.rows.map((r) => tableRow(r, c, currency)),
      right,
    ),
    '',
    `Cheapest: ${describe(c.cheapest, c, currency)}`,
    `Least risky: ${describe(c.leastRisky, c, currency)}`,
    ...(c.dominated.length === 0
      ? ['Dominated: none (no option that buys every hour is beaten on cost and risk at once).']
      : [
          `Dominated (${c.dominated.length}): another option is no worse on cost and risk, and better on one, so each can be set aside`,
          ...c.dominated.map((key) => beatenBy(key, c, currency)),
        ]),
    `Not dominated (the real choices between cost and risk): ${realChoices(c).join(', ') || 'none'}`,
    ...(apart.length === 0 ? [] : cannotBeBoughtLines(apart)),
    ...unprovenLines(c.rows),
    ...c.sameAs.map((s) => `Not shown: ${s.option} gives the same lots as ${s.sameAs} for this scenario.`),
    ...paymentLines(c.rows, currency),
  ];
  return `${lines.join('\n')}\n`;
}
