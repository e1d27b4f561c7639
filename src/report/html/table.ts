/**
 * Plain HTML tables: the data behind every chart, copyable into a
 * spreadsheet and read by screen readers (caption, column headers).
 */
import { html, type Html, type HtmlValue } from './escape.js';

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => HtmlValue;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
}

export interface TableOptions<T> {
  readonly caption: string;
  /** Shown instead of an empty table. */
  readonly empty?: string;
  /** Rows to highlight (for example bids below the cost floor). */
  readonly alert?: (row: T) => boolean;
  /** A class for the table, for layout rules in the page's CSS. */
  readonly className?: string;
}

export function table<T>(columns: readonly Column<T>[], rows: readonly T[], options: TableOptions<T>): Html {
  if (rows.length === 0) return html`<p class="empty">${options.caption}: ${options.empty ?? 'none.'}</p>`;
  const cls = (c: Column<T>) => (c.numeric === true ? 'num' : null);
  return html`<table${options.className === undefined ? '' : html` class="${options.className}"`}>
<caption>${options.caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${cls(c) === null ? '' : html` class="num"`}>${c.header}</th>`)}</tr></thead>
<tbody>
${rows.map((row) => html`<tr${options.alert?.(row) === true ? html` class="alert"` : ''}>${columns.map((c) => html`<td${cls(c) === null ? '' : html` class="num"`}>${c.value(row)}</td>`)}</tr>\n`)}</tbody>
</table>`;
}
