/**
 * Price against the zone's cost floor for every winning bid: a dot at the
 * price, a black tick at the floor, joined by a line that turns vermilion
 * when the price is below the floor (a bid that cannot pay the legal wage,
 * travel and on-costs: a handback risk).
 */
import * as Plot from '@observablehq/plot';
import type { Result } from '../../model/result.js';
import { html, type Html } from './escape.js';
import { barHeight, chartFigure, chartWidth, labelMargin, xAxisLabel, xAxisRoom } from './figure.js';
import { hours, percent, price } from './format.js';
import { alertColour, okColour } from './palette.js';
import { plotMarkup } from './plot-svg.js';
import { table } from './table.js';

interface PricePoint {
  readonly label: string;
  readonly lotId: string;
  readonly providerId: string;
  readonly bidId: string;
  readonly role: string;
  readonly hoursPerWeek: number;
  readonly price: number;
  /** 0 when not computed. */
  readonly floor: number;
  readonly below: boolean;
}

/** Every winning bid (back-ups hold no hours and are left out). */
function pricePoints(result: Result): PricePoint[] {
  const floors = new Map(result.lots.map((l) => [l.lotId, l.costFloorPerHour]));
  return result.allocations
    .filter((a) => a.role !== 'backup')
    .map((a) => {
      const floor = floors.get(a.lotId) ?? 0;
      return {
        label: `${a.lotId} · ${a.providerId}`,
        lotId: a.lotId,
        providerId: a.providerId,
        bidId: a.bidId,
        role: a.role,
        hoursPerWeek: a.hoursPerWeek,
        price: a.pricePerHour,
        floor,
        below: floor > 0 && a.pricePerHour < floor,
      };
    });
}

function chart(points: readonly PricePoint[], currency: string): Html | null {
  if (points.length === 0) return null;
  const labels = points.map((p) => p.label);
  const withFloor = points.filter((p) => p.floor > 0);
  const status = (p: PricePoint) => (p.below ? 'below the cost floor' : 'at or above the cost floor');
  return plotMarkup({
    width: chartWidth,
    ...xAxisRoom,
    height: barHeight(points.length) - 6 * points.length,
    marginLeft: labelMargin(labels),
    marginRight: 20,
    ariaLabel: 'Dot chart of winning prices against zone cost floors',
    x: { ...xAxisLabel, label: `Price per hour (${currency})`, grid: true, nice: true },
    y: { label: null, domain: labels },
    color: {
      domain: ['at or above the cost floor', 'below the cost floor'],
      range: [okColour, alertColour],
      legend: true,
    },
    marks: [
      Plot.link(withFloor, { y: 'label', x1: 'floor', x2: 'price', stroke: status, strokeWidth: 2 }),
      Plot.tickX(withFloor, {
        y: 'label',
        x: 'floor',
        stroke: '#111',
        strokeWidth: 2.5,
        className: 'cost-floor',
      }),
      Plot.dot(points, {
        y: 'label',
        x: 'price',
        fill: status,
        r: 5,
        stroke: 'white',
        className: 'price',
        title: (p: PricePoint) =>
          `${p.bidId}: ${price(p.price, currency)} per hour, floor ${p.floor > 0 ? price(p.floor, currency) : 'not computed'}`,
      }),
    ],
  });
}

export function priceFigure(result: Result): Html {
  const c = result.currency;
  const points = pricePoints(result);
  const floors = points.some((p) => p.floor > 0);
  return chartFigure({
    id: 'price',
    title: 'Winning prices against the zone cost floor',
    chart: chart(points, c),
    empty: 'No bid won a lot.',
    note: floors
      ? html`Dot: the winning price per hour. Black tick: the cost floor of the lot's zone (the least price that pays the legal wage, travel, on-costs and overheads).`
      : html`Cost floors have not been computed for this award, so prices are shown alone.`,
    table: table<PricePoint>(
      [
        { header: 'Lot', value: (p) => p.lotId },
        { header: 'Provider', value: (p) => p.providerId },
        { header: 'Bid', value: (p) => p.bidId },
        { header: 'Role', value: (p) => p.role },
        { header: 'Hours/week', value: (p) => hours(p.hoursPerWeek), numeric: true },
        { header: 'Price per hour', value: (p) => price(p.price, c), numeric: true },
        { header: 'Cost floor', value: (p) => (p.floor > 0 ? price(p.floor, c) : ''), numeric: true },
        {
          header: 'Margin over floor',
          value: (p) => (p.floor > 0 ? percent(p.price / p.floor - 1) : ''),
          numeric: true,
        },
      ],
      points,
      { caption: 'Winning bids', alert: (p) => p.below },
    ),
  });
}
