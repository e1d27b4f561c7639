/**
 * The award panel: headline figures now against the start, the lots that
 * change hands, the lot table, and, for a result without an award, why
 * none is possible and what would allow one, in words.
 */
import {
  bidsText,
  headlineRows,
  money,
  noAwardWords,
  warningsNow,
  winnersText,
  type AwardResult,
  type Diagnosis,
} from './award.js';
import { lotName, lotsChangingHands, matchLots, type Formerly } from './lot-match.js';
import { controlFor } from './award-rules.js';
import { byId, el } from './dom.js';

/** A rule to relax, and where a commissioner changes it: the page's control, or the scenario when the page has none. */
function moveNode(move: Diagnosis['relaxations'][number][number]): Node {
  const control = controlFor(move.setting);
  return el(
    'span',
    {},
    move.text,
    ' ',
    el(
      'span',
      { class: 'note' },
      control === null ? `(${move.setting}, which the workbench does not change)` : `(${control})`,
    ),
  );
}

/**
 * The diagnosis as `zonal solve` prints it and the report shows it: each way out is one
 * item, its rules joined by "and". Until 2026-12-02 the panel listed result.json's keys
 * ("summary", "relaxations", "rule: min-providers", "allowsAwardAt: —").
 */
function diagnosisNodes(diagnosis: Diagnosis): Node[] {
  const ways = diagnosis.relaxations;
  if (ways.length === 0) return [el('p', {}, diagnosis.summary)];
  return [
    el(
      'p',
      {},
      ways.length === 1
        ? 'This change would allow an award:'
        : 'Any one of these changes would allow an award:',
    ),
    el(
      'ol',
      {},
      ...ways.map((set) =>
        el('li', {}, ...set.flatMap((move, i) => (i === 0 ? [moveNode(move)] : [' and ', moveNode(move)]))),
      ),
    ),
  ];
}

function renderDiagnosis(result: AwardResult): void {
  const box = byId<HTMLDivElement>('diagnosis');
  box.hidden = result.status !== 'infeasible';
  if (box.hidden) return;
  box.replaceChildren(
    el('p', {}, el('strong', {}, noAwardWords.lead), ` ${noAwardWords.rest}`),
    ...(result.diagnosis === undefined
      ? [el('p', {}, 'zonal gave no reason. Undo the last edit or relax an award rule.')]
      : [
          ...diagnosisNodes(result.diagnosis),
          el(
            'p',
            {},
            `Undo the edit, or make ${result.diagnosis.relaxations.length === 1 ? 'this change' : 'one of these changes'}.`,
          ),
        ]),
  );
}

/**
 * The award's warnings (a zone with no demand, bids below the legal wage floor of a lot), those
 * this edit brought first and marked, the list opened when there are any. Until 2026-12-02 the
 * page showed none: a zone with no lot, or a new lot's bids rejected, went without a word.
 */
function renderWarnings(now: AwardResult, start: AwardResult | null): void {
  const box = byId<HTMLDetailsElement>('warnings');
  const warnings = warningsNow(now, start);
  const fresh = warnings.filter((w) => w.isNew).length;
  box.hidden = warnings.length === 0;
  box.open = fresh > 0;
  box.replaceChildren(
    el('summary', {}, `Warnings (${warnings.length}${fresh === 0 ? '' : `, ${fresh} new with this edit`})`),
    el(
      'ul',
      {},
      ...warnings.map((w) =>
        w.isNew
          ? el('li', { class: 'new' }, el('strong', {}, 'New with this edit: '), w.text)
          : el('li', {}, w.text),
      ),
    ),
  );
}

/** `currency`: the scenario's, for every money figure. */
export function renderAward(
  now: AwardResult,
  start: AwardResult | null,
  formerly: Formerly,
  currency: string,
): void {
  renderDiagnosis(now);
  renderWarnings(now, start);
  byId('headline')
    .querySelector('tbody')
    ?.replaceChildren(
      ...headlineRows(now, start, currency).map((r) =>
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
  const handovers = lotsChangingHands(now, start, formerly);
  const none =
    now.status === 'infeasible'
      ? 'No award is possible, so no lot has winners: see above why.'
      : 'None: every lot has the same winners as at the start.';
  byId('changes').replaceChildren(
    ...(handovers.length === 0
      ? [el('li', {}, none)]
      : handovers.map((h) =>
          el('li', { 'data-lot-id': h.lotId }, el('strong', {}, h.name), `: ${h.before} → ${h.after}`),
        )),
  );
  const changed = new Set(handovers.map((h) => h.lotId));
  const matched = matchLots(now.lots ?? [], start?.lots ?? [], formerly);
  byId('lots')
    .querySelector('tbody')
    ?.replaceChildren(
      ...(now.lots ?? []).map((lot) =>
        el(
          'tr',
          { class: changed.has(lot.lotId) ? 'changed' : '', 'data-lot-id': lot.lotId },
          el('td', {}, lotName(lot, matched.get(lot.lotId))),
          el('td', {}, winnersText(lot)),
          el('td', { class: 'num' }, bidsText(lot, matched.get(lot.lotId))),
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
          el('td', { class: 'num' }, lot.annualCost === undefined ? '—' : money(lot.annualCost, currency)),
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
  byId('warnings').hidden = true;
  byId('changes').replaceChildren(el('li', {}, 'No figures for this edit.'));
}
