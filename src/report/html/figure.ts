/**
 * A chart with its caption, an optional note, and the table of the figures it
 * draws (for screen readers, copying and print).
 */
import { html, type Html } from './escape.js';

export interface FigureParts {
  readonly id: string;
  readonly title: string;
  /** The chart's markup, or null when there is nothing to draw. */
  readonly chart: Html | null;
  /** Said instead of an empty chart. */
  readonly empty: string;
  readonly note?: Html | string;
  readonly table: Html;
}

export function chartFigure(parts: FigureParts): Html {
  return html`<figure class="chart" id="${parts.id}">
<figcaption>${parts.title}</figcaption>
${parts.chart ?? html`<p class="empty">${parts.empty}</p>`}
${parts.note === undefined ? '' : html`<p class="note">${parts.note}</p>`}
</figure>
${parts.table}`;
}

/** Height for a horizontal bar chart with `rows` bars. */
export const barHeight = (rows: number): number => Math.max(130, 26 * rows + 86);

/** Width of the left margin that fits the longest label (12px font). */
export const labelMargin = (labels: readonly string[]): number =>
  Math.min(260, Math.max(60, 7 * Math.max(0, ...labels.map((l) => l.length)) + 14));

/** Width of a chart's drawing; the page scales it down to fit (screen or A4). */
export const chartWidth = 960;
/** Bottom margin and x-axis label placement that keep the label clear of the tick labels. */
export const xAxisRoom = { marginBottom: 46 } as const;
export const xAxisLabel = { labelAnchor: 'center', labelOffset: 38 } as const;
