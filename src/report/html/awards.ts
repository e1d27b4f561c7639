/**
 * The award itself, lot by lot, with the explanation the scoring stage gives
 * (winner, runner-up, gap, binding rule), and the abnormally low tenders.
 */
import type { Flag, LotResult, Result } from '../../model/result.js';
import { winnersBelowFloor } from './below-floor.js';
import { html, type Html, type HtmlValue } from './escape.js';
import { hours, money, price, score } from './format.js';
import { table } from './table.js';
import { lotCostText } from '../lot-cost.js';
import { roleWord } from '../../diagnostics/messages.js';

/**
 * An explanation as readable text. The scoring stage decides its shape; a
 * string is shown as it is, an object as "key: value" pairs, nested values in
 * brief, so a new field shows up without a change here.
 */
function explanationText(explanation: unknown): HtmlValue {
  if (explanation === undefined || explanation === null) return '';
  if (typeof explanation === 'string' || typeof explanation === 'number' || typeof explanation === 'boolean')
    return String(explanation);
  if (Array.isArray(explanation))
    return explanation.map((e: unknown, i) => html`${i > 0 ? '; ' : ''}${explanationText(e)}`);
  if (typeof explanation !== 'object') return '';
  const entries = Object.entries(explanation as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && v !== null && v !== '',
  );
  const text = entries.find(([k]) => k === 'text' || k === 'summary');
  if (text !== undefined) return explanationText(text[1]);
  return entries.map(
    ([k, v], i) =>
      html`${i > 0 ? html`<br>` : ''}<b>${k}</b>: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
  );
}

function winners(lot: LotResult, names: ReadonlyMap<string, string>): Html {
  if (lot.winners.length === 0) return html`<em>no award</em>`;
  return html`${lot.winners.map((w) => html`<div class="winner">${names.get(w.providerId) ?? w.providerId}<small>${w.providerId} \u00b7 ${roleWord(w.role)}${w.role === 'backup' ? '' : ` · ${hours(w.hoursPerWeek)} h/week`}</small></div>`)}`;
}

export function awardTable(result: Result): Html {
  const names = new Map(result.providers.map((p) => [p.providerId, p.name]));
  const c = result.currency;
  const explained = result.lots.some((l) => l.explanation !== undefined);
  return table<LotResult>(
    [
      { header: 'Lot', value: (l) => l.lotId },
      { header: 'Winners', value: (l) => winners(l, names) },
      { header: 'Demand h/week', value: (l) => hours(l.demandHoursPerWeek), numeric: true },
      {
        header: 'Unmet',
        value: (l) => (l.unmetHoursPerWeek > 0 ? hours(l.unmetHoursPerWeek) : ''),
        numeric: true,
      },
      { header: 'Annual cost', value: (l) => lotCostText(l, (x) => money(x, c)), numeric: true },
      { header: 'Risk', value: (l) => score(l.riskScore), numeric: true },
      { header: 'Eligible bids', value: (l) => String(l.eligibleBids), numeric: true },
      { header: 'Why this award', value: (l) => (explained ? explanationText(l.explanation) : '') },
    ],
    result.lots,
    {
      caption: explained
        ? 'Award per lot, with the reason for each'
        : 'Award per lot (explanations not computed)',
      alert: (l) => l.unmetHoursPerWeek > 0,
      className: 'award',
    },
  );
}

const flagText: Readonly<Record<Flag['kind'], string>> = {
  'below-floor': 'below the zone cost floor',
  'below-wage-floor': 'below the wage-only floor',
};

/**
 * Why no tender is flagged. A flag needs a price below the floor by more than the scoring
 * tolerance and well below the other bids (docs/scoring.md), so the text names both marks
 * without saying which one a price missed; until 2026-12-01 it said no winning bid was below
 * its floor, even when every one was.
 */
function noFlags(result: Result): string {
  const { winners, below, floors } = winnersBelowFloor(result);
  if (!floors) return 'none: cost floors were not computed for this award.';
  if (below === 0) return "none: no winning price is below its zone's cost floor.";
  const [is, its] = below === 1 ? ['is', 'its'] : ['are', 'their'];
  return `none: ${below} of the ${winners} winning prices ${is} below ${its} zone's cost floor, but not flagged: a flag needs a price below the floor by more than the scoring tolerance and well below the other providers' bids for its lot (see Winning bids for every margin).`;
}

export function flagTable(result: Result): Html {
  const c = result.currency;
  return table<Flag>(
    [
      { header: 'Bid', value: (f) => f.bidId },
      { header: 'Provider', value: (f) => f.providerId },
      { header: 'Lot', value: (f) => f.lotId },
      { header: 'Price per hour', value: (f) => price(f.pricePerHour, c), numeric: true },
      { header: 'Floor', value: (f) => price(f.floorPerHour, c), numeric: true },
      { header: 'Flag', value: (f) => flagText[f.kind] ?? f.kind },
      { header: 'What to do', value: (f) => f.action },
    ],
    result.flags,
    {
      caption: 'Abnormally low tenders (rows in red: below the legal wage floor)',
      empty: noFlags(result),
      alert: (f) => f.kind === 'below-wage-floor',
    },
  );
}
