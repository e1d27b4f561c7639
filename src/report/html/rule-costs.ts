/**
 * What each award rule costs, as `zonal solve` prints it: the rules in force,
 * each with what re-solving the award with it relaxed does to spend, unmet
 * hours and (on a MEAT award) the MEAT score. The rows and their wording come
 * from the printout's own (explain/summary-text.ts), so the two cannot differ.
 */
import type { Result } from '../../model/result.js';
import { ruleCostsHeadingOf, shownRuleCosts, type ShownRuleCost } from '../../explain/summary-text.js';
import { html, type Html } from './escape.js';
import { heading, type Depth } from './heading.js';
import { table } from './table.js';

const reSolved =
  'Each rule in force relaxed on its own and the award solved again: the change in real spend a year, in unmet hours and, on a MEAT award, in its MEAT score (the unmet-hours penalty steers the solver and is never counted as money)';
const notReSolved = 'No rule was relaxed and the award solved again: the reason is beside the rules';

/** The section (on a line of its own), or nothing when no rule cost was computed or no rule is in force. */
export function ruleCostsSection(result: Result, depth: Depth): Html {
  const rows = shownRuleCosts(result);
  if (rows.length === 0) return html``;
  return html`
<section id="rule-costs">${heading(2, depth, ruleCostsHeadingOf(rows))}
${table<ShownRuleCost>(
  [
    { header: 'Rule', value: (c) => c.rule },
    { header: 'What the rule says', value: (c) => c.description },
    { header: 'Relaxing it', value: (c) => c.effect },
  ],
  rows,
  { caption: rows.some((c) => c.computed) ? reSolved : notReSolved },
)}
</section>`;
}

/** Where the section goes: before the charts, after the award. */
const charts = '\n<section id="charts">';

/**
 * The solve report with its rule costs, from a page rendered before they were known:
 * `zonal solve` renders report.html in its report thread while the rules are re-solved.
 * The page is then the one renderSolveReport gives the result with its rule costs.
 */
export function withRuleCosts(page: string, result: Result): string {
  const section = ruleCostsSection(result, 0).text;
  if (section === '' || page.includes('<section id="rule-costs">')) return page;
  const at = page.indexOf(charts);
  return at < 0 ? page : `${page.slice(0, at)}${section}${page.slice(at)}`;
}
