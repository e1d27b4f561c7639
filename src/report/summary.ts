/**
 * The readable summary printed after a solve: headline totals, one line per
 * lot, one per provider, flags and warnings. Pure: result in, text out.
 */
import { boundedGap, type InfeasibleResult, type Result } from '../model/result.js';
import { formatTable } from './text-table.js';
import { hours } from './html/format.js';
import { currencySymbol, money, price } from '../model/money.js';
import { contractLines } from '../contract/summary-lines.js';
import {
  awardRiskDrivers,
  lotReasonLines,
  ruleCostLines,
  ruleCostsHeadingOf,
  shownRuleCosts,
  weakestViability,
} from '../explain/summary-text.js';
import { counted } from '../model/counted.js';
import { roleWord } from '../diagnostics/messages.js';
import { shareBases } from './share-bases.js';
import { lotCostText } from './lot-cost.js';
import { groupedNumber } from '../model/grouped-number.js';

export const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

function headline(r: Result): string[] {
  const bounded = boundedGap(r.gap);
  const gap =
    r.status !== 'feasible'
      ? ''
      : bounded !== null
        ? ` (time limit hit; within ${percent(bounded)} of the best possible)`
        : ' (time limit hit before the solver could bound the best possible cost: this plan keeps every rule but may not be the cheapest; allow more time)';
  const t = r.totals;
  const bases = shareBases(t);
  return [
    `${r.scenario}: zoning "${r.zoning}", period ${r.period}`,
    `Status: ${r.status}${gap}. Solver ${r.run.solver}, ${r.run.solveSeconds.toFixed(2)} s, ${r.run.variables} variables, ${r.run.constraints} constraints.`,
    `Annual cost ${money(t.annualCost, r.currency)} (${money(t.costPerHour, r.currency)} per hour) for ${hours(t.hoursPerWeek)} of ${hours(t.demandHoursPerWeek)} hours a week; unmet ${hours(t.unmetHoursPerWeek)}.`,
    ...(t.unmetHoursPerWeek > 0
      ? [
          `All-in ${money(t.allInAnnualCost, r.currency)} a year if the ${hours(t.unmetHoursPerWeek)} unmet hours a week are bought on spot contracts at ${money(t.spotAnnualCost / (t.unmetHoursPerWeek * r.weeksPerYear), r.currency)}/h.`,
        ]
      : []),
    `Risk ${t.riskScore.toFixed(0)}/100 (higher is worse). Viability ${t.viabilityScore.toFixed(0)}/100 (higher is better). ${counted(t.providersAwarded, 'provider')}; largest share ${percent(t.largestShare)}${bases.share}; HHI ${groupedNumber(t.hhi, 3)}${bases.hhi}.${awardRiskDrivers(r)}`,
  ];
}

function lotTable(r: Result): string {
  const rows = r.lots.map((l) => [
    l.lotId,
    hours(l.demandHoursPerWeek),
    l.winners.length === 0
      ? '(none)'
      : l.winners
          .map(
            (w) =>
              `${w.providerId} ${roleWord(w.role)}${w.role === 'backup' ? '' : ` ${hours(w.hoursPerWeek)}h`}`,
          )
          .join(', '),
    l.unmetHoursPerWeek > 0 ? hours(l.unmetHoursPerWeek) : '',
    lotCostText(l, (x) => money(x, r.currency)),
    l.costFloorPerHour > 0 ? money(l.costFloorPerHour, r.currency) : '',
    l.riskScore.toFixed(0),
  ]);
  return formatTable(
    [
      'lot',
      'h/week',
      'winners',
      'unmet',
      'annual cost',
      `floor ${currencySymbol(r.currency).trim()}/h`,
      'risk',
    ],
    rows,
    [false, true, false, true, true, true, true],
  );
}

function providerTable(r: Result): string {
  const rows = r.providers.map((p) => [
    p.providerId,
    p.name,
    hours(p.hoursPerWeek),
    percent(p.shareOfTotalHours),
    `${hours(p.minViableHoursPerWeek)}`,
    `${hours(p.capacityHoursPerWeek)}`,
    String(p.lots.length),
    p.viabilityScore.toFixed(0),
    weakestViability(p),
  ]);
  return formatTable(
    ['provider', 'name', 'h/week', 'share', 'min viable', 'capacity', 'lots', 'viability', 'weakest'],
    rows,
    [false, false, true, true, true, true, true, true, false],
  );
}

export function formatSummary(r: Result, written: readonly string[] = []): string {
  const parts = [
    ...headline(r),
    '',
    'Lots',
    lotTable(r),
    '',
    'Risk drivers and why each lot went so',
    ...lotReasonLines(r),
    '',
    'Providers',
    providerTable(r),
  ];
  const rules = ruleCostLines(r);
  if (rules.length > 0) parts.push('', ruleCostsHeadingOf(shownRuleCosts(r)), ...rules);
  if (r.flags.length > 0) {
    parts.push('', `Flags (${r.flags.length})`);
    for (const f of r.flags)
      parts.push(
        `  ${f.bidId} (${f.providerId}) on ${f.lotId}: ${f.reason ?? `${price(f.pricePerHour, r.currency)}/h vs floor ${price(f.floorPerHour, r.currency)}`}: ${f.action.split(':')[0] ?? f.action}`,
      );
  }
  if (r.warnings.length > 0)
    parts.push('', `Warnings (${r.warnings.length})`, ...r.warnings.map((w) => `  ${w}`));
  parts.push(...contractLines(r));
  if (written.length > 0) parts.push('', `Written: ${written.join(', ')}`);
  return `${parts.join('\n')}\n`;
}

/** What `zonal solve` prints when no award is possible: the diagnosis, then the files written. */
export function formatDiagnosis(r: InfeasibleResult, written: readonly string[] = []): string {
  const ways = r.diagnosis.relaxations;
  const lines = [
    `${r.scenario}: zoning "${r.zoning}", period ${r.period}`,
    'Status: infeasible. No award meets every rule of this tender.',
    '',
    ways.length === 0
      ? r.diagnosis.summary
      : ways.length === 1
        ? 'This change would allow an award:'
        : 'Any one of these changes would allow an award:',
    ...ways.map((set, i) => `  ${i + 1}. ${set.map((m) => m.text).join('\n     and ')}`),
  ];
  if (r.warnings.length > 0)
    lines.push('', `Warnings (${r.warnings.length})`, ...r.warnings.map((w) => `  ${w}`));
  if (written.length > 0) lines.push('', `Written: ${written.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
