/**
 * HTML escaping. Every piece of text that came from the scenario (provider
 * names, ids, zone names) passes through `escapeHtml` before it reaches the
 * page. The `html` tag escapes every interpolated value unless it is already
 * `Html` (built by `html` itself or by a trusted renderer such as Plot), so a
 * template cannot forget to escape.
 */

/** A string of markup that is safe to put on the page as it is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: literal parts are markup, interpolations are escaped. Write a
 * character beyond ASCII in the literal parts as an escape (`\u00b7` for ·): the
 * bundler escapes it everywhere else, but not in a tagged template, and the
 * bundle is kept ASCII (scripts/bundle.mjs; test/report/bundle-ascii.test.ts).
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup produced by a trusted renderer (Plot's SVG serialised by the DOM shim). */
export const trusted = (markup: string): Html => new Html(markup);
