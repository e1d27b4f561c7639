/**
 * The award panel: headline figures now against the start, the lots that
 * change hands, the lot table, and, for a result without an award, its
 * status and whatever diagnosis it carries, shown field by field.
 */
import { headlineRows, lotsChangingHands, money, winnersText, type AwardResult } from './award.js';
import { byId, el } from './dom.js';

/** Any JSON value as nested lists: the diagnosis's shape is not fixed here. */
function jsonNode(value: unknown): Node {
  if (Array.isArray(value)) return el('ul', {}, ...value.map((v) => el('li', {}, jsonNode(v))));
  if (value !== null && typeof value === 'object') {
    return el(
      'dl',
      {},
      ...Object.entries(value).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, jsonNode(v))]),
    );
  }
  return document.createTextNode(value === null ? '—' : String(value));
}

function renderDiagnosis(result: AwardResult): void {
  const box = byId<HTMLDivElement>('diagnosis');
  const noAward = result.status === 'infeasible';
  box.hidden = !noAward && result.diagnosis === undefined;
  if (box.hidden) return;
  box.replaceChildren(
    el(
      'p',
      {},
      el('strong', {}, `Status: ${result.status}.`),
      noAward ? ' No award meets every hard rule as drawn.' : '',
    ),
    result.diagnosis === undefined
      ? el(
          'p',
          {},
          'zonal gave no diagnosis for this result. Try undoing the last edit or relaxing an award rule.',
        )
      : el('div', {}, el('p', {}, 'Diagnosis:'), jsonNode(result.diagnosis)),
  );
}

export function renderAward(now: AwardResult, start: AwardResult | null): void {
  renderDiagnosis(now);
  byId('headline')
    .querySelector('tbody')
    ?.replaceChildren(
      ...headlineRows(now, start).map((r) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, r.label),
          el('td', { class: 'num' }, r.now),
          el('td', { class: 'num' }, r.start),
          el(
            'td',
            { class: `num ${r.verdict === 'same' ? '' : r.verdict}` },
            r.change,
            r.verdict === 'same' ? '' : ` (${r.verdict})`,
          ),
        ),
      ),
    );
  const handovers = lotsChangingHands(now, start);
  const none =
    now.status === 'infeasible'
      ? 'No award is possible, so no lot has winners: see the diagnosis above.'
      : 'None: every lot has the same winners as at the start.';
  byId('changes').replaceChildren(
    ...(handovers.length === 0
      ? [el('li', {}, none)]
      : handovers.map((h) =>
          el('li', { 'data-lot-id': h.lotId }, el('strong', {}, h.lotId), `: ${h.before} → ${h.after}`),
        )),
  );
  const changed = new Set(handovers.map((h) => h.lotId));
  byId('lots')
    .querySelector('tbody')
    ?.replaceChildren(
      ...(now.lots ?? []).map((lot) =>
        el(
          'tr',
          { class: changed.has(lot.lotId) ? 'changed' : '', 'data-lot-id': lot.lotId },
          el('td', {}, lot.lotId),
          el('td', {}, winnersText(lot)),
          el('td', { class: 'num' }, lot.demandHoursPerWeek.toFixed(0)),
          el(
            'td',
            { class: 'num' },
            lot.unmetHoursPerWeek === undefined
              ? '—'
              : lot.unmetHoursPerWeek > 0
                ? lot.unmetHoursPerWeek.toFixed(1)
                : '0',
          ),
          el('td', { class: 'num' }, lot.annualCost === undefined ? '—' : money(lot.annualCost)),
          el('td', { class: 'num' }, lot.riskScore === undefined ? '—' : lot.riskScore.toFixed(0)),
        ),
      ),
    );
}

/**
 * An edit with no award (refused, or the server gone): the figures of the
 * last edit solved are taken down, not left under "Now" beside another
 * edit, and the box above the tables says why.
 */
export function renderNoAward(reason: string): void {
  const box = byId<HTMLDivElement>('diagnosis');
  box.hidden = false;
  box.replaceChildren(
    el('p', {}, el('strong', {}, 'No award for this edit: '), reason),
    el('p', {}, 'Correct or undo the edit to see figures again.'),
  );
  byId('headline').querySelector('tbody')?.replaceChildren();
  byId('lots').querySelector('tbody')?.replaceChildren();
  byId('changes').replaceChildren(el('li', {}, 'No figures for this edit.'));
}
