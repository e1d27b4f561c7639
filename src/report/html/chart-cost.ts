/**
 * Annual cost per zone, stacked by care type, and the lot table behind it.
 */
import * as Plot from '@observablehq/plot';
import type { LotResult, Result } from '../../model/result.js';
import type { Html } from './escape.js';
import { barHeight, chartFigure, chartWidth, labelMargin, xAxisLabel, xAxisRoom } from './figure.js';
import { hours, money, moneyShort, price } from './format.js';
import { careTypeColours } from './palette.js';
import { plotMarkup } from './plot-svg.js';
import { table } from './table.js';
import { lotCostText } from '../lot-cost.js';
import { byText } from '../../model/order.js';

const zoneLabel = (zoneId: string): string => (zoneId === 'county' ? 'County-wide' : zoneId);

function chart(result: Result): Html | null {
  const lots = result.lots.filter((l) => l.annualCost > 0);
  if (lots.length === 0) return null;
  const colours = careTypeColours(result.lots.map((l) => l.careType));
  const zones = [...new Set(result.lots.map((l) => zoneLabel(l.zoneId)))].sort((a, b) =>
    a === 'County-wide' ? 1 : b === 'County-wide' ? -1 : byText(a, b),
  );
  return plotMarkup({
    width: chartWidth,
    ...xAxisRoom,
    height: barHeight(zones.length),
    marginLeft: labelMargin(zones),
    marginRight: 20,
    ariaLabel: 'Bar chart of annual cost per zone and care type',
    x: {
      ...xAxisLabel,
      label: `Annual cost (${result.currency})`,
      grid: true,
      tickFormat: (x: number) => moneyShort(x, result.currency),
    },
    y: { label: null, domain: zones },
    color: { domain: [...colours.keys()], range: [...colours.values()], legend: true },
    marks: [
      Plot.barX(lots, {
        y: (l: LotResult) => zoneLabel(l.zoneId),
        x: 'annualCost',
        fill: 'careType',
        title: (l: LotResult) => `${l.lotId}: ${money(l.annualCost, result.currency)}`,
        className: 'cost-bar',
      }),
      Plot.ruleX([0]),
    ],
  });
}

export function costFigure(result: Result): Html {
  const c = result.currency;
  const avg = (l: LotResult) =>
    l.allocatedHoursPerWeek > 0
      ? price(l.annualCost / (l.allocatedHoursPerWeek * result.weeksPerYear), c)
      : '';
  return chartFigure({
    id: 'cost',
    title: 'Annual cost per zone and care type',
    chart: chart(result),
    empty: 'No lot was awarded, so there is no cost to show.',
    table: table<LotResult>(
      [
        { header: 'Lot', value: (l) => l.lotId },
        { header: 'Zone', value: (l) => zoneLabel(l.zoneId) },
        { header: 'Care type', value: (l) => l.careType },
        { header: 'Structure', value: (l) => l.structure },
        { header: 'Demand h/week', value: (l) => hours(l.demandHoursPerWeek), numeric: true },
        { header: 'Served h/week', value: (l) => hours(l.allocatedHoursPerWeek), numeric: true },
        {
          header: 'Unmet h/week',
          value: (l) => (l.unmetHoursPerWeek > 0 ? hours(l.unmetHoursPerWeek) : ''),
          numeric: true,
        },
        { header: 'Annual cost', value: (l) => lotCostText(l, (x) => money(x, c)), numeric: true },
        { header: 'Average per hour', value: avg, numeric: true },
      ],
      result.lots,
      { caption: 'Cost per lot', alert: (l) => l.unmetHoursPerWeek > 0 },
    ),
  });
}
