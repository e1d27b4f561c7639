/**
 * The top of the report: title, what was run, and the headline figures a
 * cabinet member reads first.
 */
import type { Result } from '../../model/result.js';
import { html, type Html } from './escape.js';
import { hours, moneyShort, percent, price, score } from './format.js';
import { boundedGap } from '../../model/result.js';
import { counted } from '../../model/counted.js';
import { groupedNumber } from '../../model/grouped-number.js';
import { shareBases } from '../share-bases.js';

const statusText: Readonly<Record<Result['status'], string>> = {
  optimal: 'proven best award',
  feasible: 'time limit reached: best award found',
};

export function titleBlock(result: Result, kind: string): Html {
  const bounded = boundedGap(result.gap);
  const gap =
    result.status === 'feasible'
      ? ` (within ${bounded === null ? 'an unknown margin' : percent(bounded)} of the best possible)`
      : '';
  return html`<header class="title">
<h1>${result.scenario}</h1>
<p>${kind} \u00b7 zoning <strong>${result.zoning}</strong> \u00b7 period ${result.period} \u00b7 objective ${result.objective.kind} \u00b7 <span class="status ${result.status}">${statusText[result.status]}${gap}</span></p>
</header>`;
}

interface Tile {
  readonly value: string;
  readonly label: string;
  readonly warn?: boolean;
}

export function headlineTiles(result: Result): Html {
  const t = result.totals;
  const c = result.currency;
  // A score tile is marked by the whole number it shows, so "50 / 100" is always risk 50 or
  // more and never viability under 50, whatever decimal lies behind it.
  const risk = score(t.riskScore);
  const viability = score(t.viabilityScore);
  const tiles: Tile[] = [
    { value: moneyShort(t.annualCost, c), label: `annual cost (${counted(result.weeksPerYear, 'week')})` },
    { value: price(t.costPerHour, c), label: 'average price per hour' },
    { value: `${hours(t.hoursPerWeek)}`, label: `hours a week awarded, of ${hours(t.demandHoursPerWeek)}` },
    { value: hours(t.unmetHoursPerWeek), label: 'hours a week unmet', warn: t.unmetHoursPerWeek > 0 },
    ...(t.unmetHoursPerWeek > 0
      ? [
          {
            value: moneyShort(t.allInAnnualCost, c),
            label: 'all-in a year, unmet hours bought on spot contracts',
            warn: true,
          },
        ]
      : []),
    { value: `${risk} / 100`, label: 'risk (higher is worse)', warn: Number(risk) >= 50 },
    {
      value: `${viability} / 100`,
      label: 'provider viability (higher is better)',
      warn: Number(viability) < 50 && t.hoursPerWeek > 0,
    },
    { value: String(t.providersAwarded), label: 'providers awarded' },
    {
      value: percent(t.largestShare),
      label: `largest provider share${shareBases(t).share} (HHI ${groupedNumber(t.hhi, 3)}${shareBases(t).hhi})`,
    },
  ];
  return html`<div class="headline">${tiles.map((x) => html`<div${x.warn === true ? html` class="warn"` : ''}><b>${x.value}</b><span>${x.label}</span></div>`)}</div>`;
}
