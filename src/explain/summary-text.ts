/**
 * Short reasons for the printed summary: the top risk drivers of a lot, why
 * it went as it did, a provider's weakest viability component, rule costs.
 */
import type { LotResult, ProviderResult, Result, ScoreComponent } from '../model/result.js';
import { topDrivers } from '../scoring/components.js';
import { byText } from '../model/order.js';

const drivers = (detail: Readonly<Record<string, ScoreComponent>> | undefined, n: number) =>
  topDrivers(detail ?? {}, n)
    .map(([k, c]) => `${k} ${c.value.toFixed(2)}`)
    .join(', ');

/** One line per lot: its risk drivers, then why it was awarded so. */
export function lotReasonLines(r: Result): string[] {
  return r.lots.flatMap((l: LotResult) => {
    const top = topDrivers(l.riskDetail ?? {}, 1)[0];
    return [
      `  ${l.lotId}: risk ${l.riskScore.toFixed(0)} from ${drivers(l.riskDetail, 3) || 'nothing'}${top === undefined ? '' : ` (${top[0]}: ${top[1].reason})`}`,
      ...(l.explanation === undefined ? [] : [`    why: ${l.explanation.summary}`]),
    ];
  });
}

/** A provider's weakest weighted viability component, e.g. "margin 0.12". */
export function weakestViability(p: ProviderResult): string {
  const entries = Object.entries(p.viabilityDetail ?? {}).filter(([, c]) => c.weight > 0);
  const weakest = entries.sort(([a, x], [b, y]) => x.value - y.value || byText(a, b))[0];
  return weakest === undefined ? '' : `${weakest[0]} ${weakest[1].value.toFixed(2)}`;
}

export function awardRiskDrivers(r: Result): string {
  const detail = (r.risk as { components?: Record<string, ScoreComponent> } | undefined)?.components;
  const text = drivers(detail, 3);
  return text === '' ? '' : ` Main risks: ${text}.`;
}

/** The heading of the rule costs, in the printout and in report.html alike. */
const ruleCostsHeading = 'What each award rule costs (re-solved with the rule relaxed)';

/** The heading of the rule costs: none re-solved (each skipped) is not said to be. */
export const ruleCostsHeadingOf = (rows: readonly ShownRuleCost[]) =>
  rows.some((c) => c.computed) ? ruleCostsHeading : 'What each award rule costs (not worked out)';

/** One rule in force and what relaxing it does, as the printout and report.html show it. */
export interface ShownRuleCost {
  readonly rule: string;
  readonly description: string;
  readonly effect: string;
  /** Whether the award was re-solved with the rule relaxed (else the effect says why not). */
  readonly computed: boolean;
}

/** The rules in force with what relaxing each does; none when rule costs were not computed (a comparison's options). */
export function shownRuleCosts(r: Result): ShownRuleCost[] {
  if (r.ruleCosts === undefined) return [];
  const inForce = r.ruleCosts.rules.filter((c) => c.status !== 'not-active');
  const [first] = inForce;
  // Every rule skipped for one reason (an award stopped at its time limit, one too large to
  // re-solve): the reason once, not on each rule's line.
  if (inForce.length > 1 && inForce.every((c) => c.status === 'skipped' && c.note === first?.note))
    return [
      {
        rule: inForce.map((c) => c.rule).join(', '),
        description: 'every rule in force',
        effect: `skipped: ${first?.note ?? ''}`,
        computed: false,
      },
    ];
  return inForce.map((c) => ({
    rule: c.rule,
    description: c.description,
    effect: c.status === 'computed' ? c.note : `skipped: ${c.note}`,
    computed: c.status === 'computed',
  }));
}

export function ruleCostLines(r: Result): string[] {
  return shownRuleCosts(r).map((c) => `  ${c.rule} (${c.description}): ${c.effect}`);
}
