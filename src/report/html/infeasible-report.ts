/**
 * report.html when no award is possible: the diagnosis first (which rules to
 * relax, and how far), then the lots as tendered. No figures, no scores:
 * there is no award to score.
 */
import type { InfeasibleResult, TenderedLot } from '../../model/result.js';
import { html } from './escape.js';
import { hours } from './format.js';
import { page } from './page.js';
import { table } from './table.js';

export function renderInfeasibleReport(result: InfeasibleResult): string {
  const { diagnosis } = result;
  const ways = diagnosis.relaxations.map(
    (set) =>
      html`<li>${set.map((m) => html`<div>${m.text} <span class="note">(${m.setting})</span></div>`)}</li>`,
  );
  return page(
    `${result.scenario}: no award possible`,
    html`<header class="title">
<h1>${result.scenario}</h1>
<p>Period ${result.period} \u00b7 zoning ${result.zoning} \u00b7 <span class="status infeasible">no award possible</span></p>
</header>
<section id="diagnosis"><h2>Why no award is possible</h2>
<p>No award meets every rule of this tender. ${diagnosis.relaxations.length > 1 ? 'Any one of these changes would allow an award:' : 'This change would allow an award:'}</p>
<ol class="diagnosis">${ways}</ol>
</section>
<section id="lots"><h2>Lots as tendered</h2>
${table<TenderedLot>(
  [
    { header: 'Lot', value: (l) => l.lotId },
    { header: 'Structure', value: (l) => l.structure },
    { header: 'Demand h/week', value: (l) => hours(l.demandHoursPerWeek), numeric: true },
    { header: 'Bids that may win', value: (l) => String(l.eligibleBids), numeric: true },
    { header: 'Rejected below legal pay', value: (l) => l.rejectedBidIds.join(', ') },
  ],
  result.lots,
  { caption: 'Every lot, with how many bids may win it', alert: (l) => l.eligibleBids === 0 },
)}
${result.warnings.length === 0 ? html`` : html`<h3>Warnings</h3><ul class="warnings">${result.warnings.map((w) => html`<li>${w}</li>`)}</ul>`}
</section>
<footer class="note">zonal ${result.run.version} \u00b7 solver ${result.run.solver} \u00b7 input ${result.run.inputHash}</footer>`,
  );
}
