/**
 * Headings of the solve sections at the right level: 2 in a solve report, one
 * deeper under "Best option in detail" of a comparison, so a screen reader's
 * list of headings shows those sections as the best option's own.
 */
import { html, trusted, type Html, type HtmlValue } from './escape.js';

/** How far the solve sections sit below the page's own sections: 0 in a solve report, 1 in a comparison. */
export type Depth = 0 | 1;

/** `<h2>` (a section) or `<h3>` (a part of one), `depth` levels deeper. */
export function heading(level: 2 | 3, depth: Depth, content: HtmlValue): Html {
  const tag = `h${level + depth}`;
  return html`${trusted(`<${tag}>`)}${content}${trusted(`</${tag}>`)}`;
}
