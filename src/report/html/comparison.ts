/**
 * report.html for `zonal compare`: cost against risk for every option (the
 * options no other beats on both stay coloured and named; dominated ones are
 * grey), the ranked table, then the maps and charts of the best option.
 */
import * as Plot from '@observablehq/plot';
import type { Result } from '../../model/result.js';
import type { Scenario } from '../../model/types.js';
import { html, type Html } from './escape.js';
import { chartFigure, chartWidth, xAxisLabel, xAxisRoom } from './figure.js';
import { hours, money, moneyShort, score } from './format.js';
import { page } from './page.js';
import { mutedColour, okColour } from './palette.js';
import { plotMarkup } from './plot-svg.js';
import { footer, solveSections } from './solve-report.js';
import { table } from './table.js';
import { byText } from '../../model/order.js';
import { counted } from '../../model/counted.js';

/** One option of a comparison, as the report needs it. */
export interface ComparisonOption {
  /** Unique, e.g. `sole@districts`. */
  readonly key: string;
  /** 1 = best; null when the run failed. */
  readonly rank: number | null;
  /** What the option means, in words. */
  readonly label: string;
  readonly zoning: string | null;
  /** `optimal`, `feasible`, `infeasible`, or `failed`. */
  readonly status: string;
  /** The figures below are null when the run failed. */
  readonly annualCost: number | null;
  /** The annual cost plus the unmet hours bought on spot contracts: the ranks follow it among options as buyable, or as short of hours. */
  readonly allInAnnualCost: number | null;
  readonly riskScore: number | null;
  readonly unmetHoursPerWeek: number | null;
  /**
   * The mean and the lowest viability (0-100) of the providers that win hours: the figures `zonal
   * compare` prints and judges dominance by (until mend17b the report showed the award's
   * hours-weighted score instead, another number for the same option).
   */
  readonly viabilityMean: number | null;
  readonly viabilityWorst: number | null;
  readonly providers: number | null;
  /** Keys of the options that are no worse on cost and risk and better on one. */
  readonly dominatedBy: readonly string[];
  /** Buys every hour as specified: only these are placed on the chart and named as choices. */
  readonly buyable: boolean;
  /** Why the run failed, or any other remark. */
  readonly note?: string;
}

export interface ComparisonReportInput {
  readonly scenario: string;
  readonly period: string;
  readonly currency: string;
  readonly options: readonly ComparisonOption[];
  /** The best option's award and the scenario as it ran (its zoning and lots), drawn in full. */
  readonly best?: { readonly key: string; readonly result: Result; readonly scenario: Scenario };
}

type Solved = ComparisonOption & { readonly annualCost: number; readonly riskScore: number };
/** Only options that buy every hour go on the chart: one buying less care would sit, falsely, in the "better" corner. */
const isSolved = (o: ComparisonOption): o is Solved =>
  o.buyable && o.annualCost !== null && o.riskScore !== null;
const isDominated = (o: ComparisonOption) => o.dominatedBy.length > 0;

function scatter(input: ComparisonReportInput): Html | null {
  const solved = input.options.filter(isSolved);
  if (solved.length === 0) return null;
  const front = solved.filter((o) => !isDominated(o)).sort((a, b) => a.annualCost - b.annualCost);
  const kind = (o: ComparisonOption) =>
    isDominated(o) ? 'dominated (another option is cheaper and no riskier, or the reverse)' : 'not dominated';
  return plotMarkup({
    width: chartWidth,
    height: 420,
    ...xAxisRoom,
    marginRight: 140,
    ariaLabel: 'Scatter plot of annual cost against risk for every option',
    x: {
      ...xAxisLabel,
      label: `Annual cost (${input.currency})`,
      grid: true,
      nice: true,
      tickFormat: (x: number) => moneyShort(x, input.currency),
    },
    y: { label: 'Risk (0-100, higher is worse)', grid: true, nice: true },
    color: {
      domain: ['not dominated', 'dominated (another option is cheaper and no riskier, or the reverse)'],
      range: [okColour, mutedColour],
      legend: true,
    },
    marks: [
      Plot.line(front, {
        x: 'annualCost',
        y: 'riskScore',
        stroke: okColour,
        strokeDasharray: '4 3',
        strokeOpacity: 0.7,
      }),
      Plot.dot(solved, {
        x: 'annualCost',
        y: 'riskScore',
        fill: kind,
        r: 6,
        stroke: 'white',
        className: 'option',
        title: (o: Solved) =>
          `#${o.rank ?? '-'} ${o.key}: ${money(o.annualCost, input.currency)}, risk ${score(o.riskScore)}`,
      }),
      Plot.text(front, {
        x: 'annualCost',
        y: 'riskScore',
        text: (o: Solved) => `#${o.rank ?? '-'} ${o.key}`,
        dx: 9,
        textAnchor: 'start',
        fontWeight: 600,
        stroke: 'white',
        strokeWidth: 3,
        fill: '#111',
      }),
      Plot.text(solved.filter(isDominated), {
        x: 'annualCost',
        y: 'riskScore',
        text: (o: Solved) => `#${o.rank ?? '-'}`,
        dx: 8,
        textAnchor: 'start',
        fill: '#777',
      }),
    ],
  });
}

function notBuyableTable(input: ComparisonReportInput): Html {
  const apart = input.options.filter((o) => !o.buyable);
  return table<ComparisonOption>(
    [
      { header: 'Option', value: (o) => html`<b>${o.key}</b><br><span class="note">${o.label}</span>` },
      { header: 'Status', value: (o) => o.status },
      {
        header: 'Unmet h/week',
        value: (o) => (o.unmetHoursPerWeek === null ? '' : hours(o.unmetHoursPerWeek)),
        numeric: true,
      },
      { header: 'Why it cannot be bought as specified', value: (o) => o.note ?? '' },
    ],
    apart,
    {
      caption: 'Cannot be bought as specified: not real choices, whatever they cost',
      empty: 'none: every option buys every hour.',
      alert: () => true,
    },
  );
}

/** An option key that may break after its `@` (lead-80-20@<wbr>districts), so a ranking fits on paper. */
function optionKey(key: string): Html {
  const at = key.indexOf('@');
  return at < 0 ? html`${key}` : html`${key.slice(0, at + 1)}<wbr>${key.slice(at + 1)}`;
}

function rankedTable(input: ComparisonReportInput): Html {
  const c = input.currency;
  const num = (x: number | null, f: (v: number) => string) => (x === null ? '' : f(x));
  const ranked = [...input.options].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byText(a.key, b.key),
  );
  return table<ComparisonOption>(
    [
      { header: 'Rank', value: (o) => (o.rank === null ? '' : String(o.rank)), numeric: true },
      {
        header: 'Option',
        value: (o) => html`<b>${optionKey(o.key)}</b><br><span class="note">${o.label}</span>`,
      },
      { header: 'Zoning', value: (o) => o.zoning ?? 'county-wide' },
      { header: 'Annual cost', value: (o) => num(o.annualCost, (x) => money(x, c)), numeric: true },
      { header: 'All-in a year', value: (o) => num(o.allInAnnualCost, (x) => money(x, c)), numeric: true },
      { header: 'Unmet h/week', value: (o) => num(o.unmetHoursPerWeek, hours), numeric: true },
      { header: 'Risk', value: (o) => num(o.riskScore, score), numeric: true },
      { header: 'Viability mean', value: (o) => num(o.viabilityMean, score), numeric: true },
      { header: 'Viability worst', value: (o) => num(o.viabilityWorst, score), numeric: true },
      { header: 'Providers', value: (o) => num(o.providers, String), numeric: true },
      { header: 'Status', value: (o) => o.status },
      {
        header: 'Dominated by',
        value: (o) => o.dominatedBy.map((k, i) => html`${i > 0 ? ', ' : ''}${optionKey(k)}`),
      },
      { header: 'Note', value: (o) => o.note ?? '' },
    ],
    ranked,
    { caption: 'Options ranked', alert: (o) => !o.buyable },
  );
}

function bestSection(input: ComparisonReportInput): Html {
  if (input.best === undefined)
    return html`<p class="empty">No option was solved, so there is no award to draw.</p>`;
  const { key, result, scenario } = input.best;
  return html`<h2 class="best">Best option in detail: ${key}</h2>
<p class="note">Zoning ${result.zoning}; annual cost ${money(result.totals.annualCost, result.currency)}; risk ${score(result.totals.riskScore)}/100; status ${result.status}.</p>
${solveSections(result, scenario, undefined, 1)}
${footer(result)}`;
}

export function renderComparisonReport(input: ComparisonReportInput): string {
  return page(
    `${input.scenario}: comparison of options`,
    html`<header class="title">
<h1>${input.scenario}</h1>
<p>Comparison of ${counted(input.options.length, 'option')} \u00b7 period ${input.period}</p>
</header>
<section id="comparison"><h2>Cost against risk</h2>
${chartFigure({
  id: 'tradeoff',
  title: 'Annual cost and risk of every option',
  chart: scatter(input),
  empty: 'No option buys every hour as specified, so there is no choice to draw.',
  note: 'Lower left is better. Only options that buy every hour are drawn. Coloured and named: options no other option beats on both cost and risk (the dashed line joins them: the real trade-off between cost and risk). Grey: dominated options, with their rank. Options that leave hours unmet or have no possible award are listed below the ranking, not drawn.',
  table: html`${rankedTable(input)}${notBuyableTable(input)}`,
})}
</section>
${bestSection(input)}`,
  );
}
