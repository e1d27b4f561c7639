/**
 * Viability per provider: the weekly hours awarded (in the provider's colour)
 * against its capacity (grey) and its minimum viable volume (black tick).
 * A bar that stops short of the tick is a branch below its sustainable size.
 */
import * as Plot from '@observablehq/plot';
import type { ProviderResult, Result } from '../../model/result.js';
import { html, type Html } from './escape.js';
import { barHeight, chartFigure, chartWidth, labelMargin, xAxisLabel, xAxisRoom } from './figure.js';
import { hours, money, percent, score } from './format.js';
import { mutedColour } from './palette.js';
import { plotMarkup } from './plot-svg.js';
import { componentRows } from './chart-risk.js';
import { table } from './table.js';
import { byText } from '../../model/order.js';

const belowMinimum = (p: ProviderResult) => p.hoursPerWeek > 0 && p.hoursPerWeek < p.minViableHoursPerWeek;

function chart(result: Result, colours: ReadonlyMap<string, string>): Html | null {
  const providers = result.providers;
  if (providers.length === 0) return null;
  const ids = providers.map((p) => p.providerId);
  return plotMarkup({
    width: chartWidth,
    ...xAxisRoom,
    height: barHeight(ids.length),
    marginLeft: labelMargin(ids),
    marginRight: 70,
    ariaLabel: 'Bar chart of hours awarded per provider against minimum viable volume',
    x: { ...xAxisLabel, label: 'Hours per week', grid: true },
    y: { label: null, domain: ids },
    marks: [
      Plot.barX(providers, {
        y: 'providerId',
        x: 'capacityHoursPerWeek',
        fill: mutedColour,
        fillOpacity: 0.35,
        className: 'capacity-bar',
      }),
      Plot.barX(providers, {
        y: 'providerId',
        x: 'hoursPerWeek',
        fill: (p: ProviderResult) => colours.get(p.providerId) ?? mutedColour,
        insetTop: 4,
        insetBottom: 4,
        className: 'awarded-bar',
        title: (p: ProviderResult) =>
          `${p.name}: ${hours(p.hoursPerWeek)} h/week awarded, minimum viable ${hours(p.minViableHoursPerWeek)}`,
      }),
      Plot.tickX(providers, {
        y: 'providerId',
        x: 'minViableHoursPerWeek',
        stroke: '#111',
        strokeWidth: 3,
        className: 'minimum-viable-volume',
      }),
      Plot.text(providers, {
        y: 'providerId',
        x: 'capacityHoursPerWeek',
        text: (p: ProviderResult) =>
          p.hoursPerWeek > 0 ? `viability ${score(p.viabilityScore)}` : 'no award',
        dx: 5,
        textAnchor: 'start',
        fill: '#333',
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** Top two reasons behind a provider's viability score. */
function mainReasons(p: ProviderResult): string {
  return componentRows(p.providerId, p.viabilityDetail)
    .filter((r) => r.weight > 0)
    .sort((a, b) => a.value - b.value || byText(a.component, b.component))
    .slice(0, 2)
    .map((r) => `${r.component}: ${r.reason}`)
    .join('; ');
}

export function viabilityFigure(result: Result, colours: ReadonlyMap<string, string>): Html {
  const c = result.currency;
  const scored = result.providers.some((p) => Object.keys(p.viability).length > 0);
  return chartFigure({
    id: 'viability',
    title: 'Viability: hours awarded against each provider’s minimum viable volume',
    chart: chart(result, colours),
    empty: 'The scenario has no providers.',
    note: html`Coloured bar: hours awarded a week. Grey bar: the provider's capacity. Black tick: its minimum viable volume. ${scored ? 'Viability is 0-100, higher is better.' : 'Viability scores have not been computed for this award.'}`,
    table: table<ProviderResult>(
      [
        { header: 'Provider', value: (p) => p.providerId },
        { header: 'Name', value: (p) => p.name },
        { header: 'Awarded h/week', value: (p) => hours(p.hoursPerWeek), numeric: true },
        { header: 'Minimum viable h/week', value: (p) => hours(p.minViableHoursPerWeek), numeric: true },
        { header: 'Capacity h/week', value: (p) => hours(p.capacityHoursPerWeek), numeric: true },
        { header: 'Share of hours', value: (p) => percent(p.shareOfTotalHours), numeric: true },
        { header: 'Annual revenue', value: (p) => money(p.annualRevenue, c), numeric: true },
        {
          header: 'Viability',
          value: (p) => (scored && p.hoursPerWeek > 0 ? score(p.viabilityScore) : ''),
          numeric: true,
        },
        { header: 'Weakest points', value: mainReasons },
      ],
      result.providers,
      { caption: 'Providers', alert: belowMinimum },
    ),
  });
}
