/**
 * Risk per lot, stacked by component: each segment is what one component adds
 * to the lot's risk score (weight × value × 100, the weights summing to one),
 * so a bar's length is the score itself. The table lists every component's
 * value, weight and reason.
 */
import * as Plot from '@observablehq/plot';
import type { Result, ScoreComponent } from '../../model/result.js';
import { html, type Html } from './escape.js';
import { barHeight, chartFigure, chartWidth, labelMargin, xAxisLabel, xAxisRoom } from './figure.js';
import { categoricalColour } from './palette.js';
import { plotMarkup } from './plot-svg.js';
import { table } from './table.js';
import { byKey, byText } from '../../model/order.js';

export interface ComponentRow {
  readonly subject: string;
  readonly component: string;
  readonly value: number;
  readonly weight: number;
  /** Points this component adds to the score (0-100 scale). */
  readonly points: number;
  readonly reason: string;
}

/** One row per (subject, component) from a detail record, in component-name order. */
export function componentRows(
  subject: string,
  detail: Readonly<Record<string, ScoreComponent>> | undefined,
): ComponentRow[] {
  return Object.entries(detail ?? {})
    .sort(byKey)
    .map(([component, c]) => ({
      subject,
      component,
      value: c.value,
      weight: c.weight,
      points: 100 * c.weight * c.value,
      reason: c.reason,
    }));
}

/** Component colours in a fixed order, shared by every stacked chart of a report. */
function componentColours(rows: readonly ComponentRow[]): { domain: string[]; range: string[] } {
  const domain = [...new Set(rows.map((r) => r.component))].sort();
  return { domain, range: domain.map((_, i) => categoricalColour(i)) };
}

function chart(result: Result, rows: readonly ComponentRow[]): Html | null {
  if (rows.every((r) => r.points === 0)) return null;
  const lots = result.lots.map((l) => l.lotId);
  return plotMarkup({
    width: chartWidth,
    ...xAxisRoom,
    height: barHeight(lots.length),
    marginLeft: labelMargin(lots),
    marginRight: 40,
    ariaLabel: 'Stacked bar chart of risk components per lot',
    x: { ...xAxisLabel, label: 'Risk score points (0-100, higher is worse)', domain: [0, 100], grid: true },
    y: { label: null, domain: lots },
    color: { ...componentColours(rows), legend: true },
    marks: [
      Plot.barX(rows, {
        y: 'subject',
        x: 'points',
        fill: 'component',
        title: (r: ComponentRow) =>
          `${r.subject} ${r.component}: ${r.points.toFixed(1)} points (${r.reason})`,
        className: 'risk-bar',
      }),
      Plot.text(result.lots, {
        y: 'lotId',
        x: 'riskScore',
        text: (l: { riskScore: number }) => l.riskScore.toFixed(0),
        dx: 4,
        textAnchor: 'start',
        fontWeight: 600,
      }),
      Plot.ruleX([0]),
    ],
  });
}

export function riskFigure(result: Result): Html {
  const rows = result.lots.flatMap((l) => componentRows(l.lotId, l.riskDetail));
  return chartFigure({
    id: 'risk',
    title: 'Risk of each lot, by component',
    chart: chart(result, rows),
    empty: 'Risk has not been computed for this award (no risk components in the result).',
    note: html`Each bar is a lot's risk score; its segments show how much each component adds (component value \u00d7 its weight). The same scores shade the risk map.`,
    table: componentTable(
      result.lots.map((l) => ({
        subject: l.lotId,
        score: l.riskScore,
        rows: rows.filter((r) => r.subject === l.lotId),
      })),
      {
        caption: 'Risk points per lot and component',
        subject: 'Lot',
        score: 'Risk',
        drivers: 'Main drivers',
      },
    ),
  });
}

interface ComponentSubject {
  readonly subject: string;
  readonly score: number;
  readonly rows: readonly ComponentRow[];
}

/** Component points as columns (one row per subject) and the two biggest drivers in words. */
function componentTable(
  subjects: readonly ComponentSubject[],
  labels: { caption: string; subject: string; score: string; drivers: string },
): Html {
  const components = [...new Set(subjects.flatMap((s) => s.rows.map((r) => r.component)))].sort();
  if (components.length === 0) return table([], [], { caption: labels.caption, empty: 'not computed.' });
  const points = (s: ComponentSubject, c: string) => s.rows.find((r) => r.component === c)?.points ?? 0;
  const drivers = (s: ComponentSubject) =>
    [...s.rows]
      .filter((r) => r.points > 0)
      .sort((a, b) => b.points - a.points || byText(a.component, b.component))
      .slice(0, 2)
      .map((r) => `${r.component}: ${r.reason}`)
      .join('; ');
  return table<ComponentSubject>(
    [
      { header: labels.subject, value: (s) => s.subject },
      { header: labels.score, value: (s) => s.score.toFixed(0), numeric: true },
      ...components.map((c) => ({
        header: c,
        value: (s: ComponentSubject) => points(s, c).toFixed(1),
        numeric: true,
      })),
      { header: labels.drivers, value: drivers },
    ],
    subjects,
    { caption: labels.caption },
  );
}
