/**
 * The parts of result.json the page shows, and how an award compares with
 * the starting one: the headline figures side by side and the lots whose
 * winners change. Pure; a result without totals (an infeasible one) shows
 * dashes rather than failing.
 */
interface Winner {
  readonly providerId: string;
  readonly role: string;
  readonly hoursPerWeek: number;
}

/** A lot of result.json; a result with no award lists its lots without winners, costs or scores. */
export interface LotAward {
  readonly lotId: string;
  readonly careType: string;
  /** Its zone, or `county`. */
  readonly zoneId: string;
  /** The areas the lot covers: its zone's, or every area for a county-wide lot. */
  readonly areaIds: readonly string[];
  readonly demandHoursPerWeek: number;
  /** Bids that may win the lot: they cover every area of it and pay at least the legal wage floor there. */
  readonly eligibleBids?: number;
  readonly unmetHoursPerWeek?: number;
  readonly annualCost?: number;
  readonly riskScore?: number;
  readonly winners?: readonly Winner[];
}

interface Totals {
  /** The annual cost plus the unmet hours bought on spot contracts (result.json `totals.allInAnnualCost`). */
  readonly allInAnnualCost: number;
  readonly unmetHoursPerWeek: number;
  readonly riskScore: number;
  readonly viabilityScore: number;
  readonly providersAwarded: number;
  readonly largestShare: number;
}

/** One rule a diagnosis would relax (result.json `diagnosis.relaxations[][]`). */
interface RuleMove {
  /** Where the rule is set: `award.minDistinctProviders`. */
  readonly setting: string;
  /** The sentence a person reads: what the rule asks, why no award meets it, how far to move it. */
  readonly text: string;
}

/** Why no award is possible (result.json `diagnosis`): each set of relaxations is one way out. */
export interface Diagnosis {
  readonly summary: string;
  readonly relaxations: readonly (readonly RuleMove[])[];
}

export interface AwardResult {
  readonly status: string;
  readonly zoning?: string;
  readonly totals?: Partial<Totals>;
  readonly lots?: readonly LotAward[];
  readonly diagnosis?: Diagnosis;
  readonly warnings?: readonly string[];
  readonly run?: { readonly solveSeconds?: number };
}

export interface FigureRow {
  readonly label: string;
  readonly now: string;
  readonly start: string;
  readonly change: string;
  /** Which way the change goes for the council: better, worse or neither. */
  readonly verdict: 'better' | 'worse' | 'same';
}

interface Figure {
  readonly key: keyof Totals;
  readonly label: string;
  /**
   * The precision the figure is shown at (its change's, for the cost): the change is the difference
   * of the two figures rounded to it, so it is what a reader gets by subtracting the figures shown.
   */
  readonly step: number;
  /** The figure is shown coarser than its change (the cost: £0.01m, its change to £1k): shown as it is, not at `step`. */
  readonly coarser?: true;
  readonly show: (v: number) => string;
  readonly showChange: (d: number) => string;
  /** +1 when a rise is good, -1 when a rise is bad, 0 when neither. */
  readonly good: 1 | -1 | 0;
}

const sign = (d: number, text: string) => `${d > 0 ? '+' : d < 0 ? '−' : '±'}${text}`;
const whole = (v: number) => Math.round(v).toLocaleString('en-GB');
export const money = (v: number) => `£${(v / 1e6).toFixed(2)}m`;

const figures: readonly Figure[] = [
  {
    key: 'allInAnnualCost',
    label: 'All-in annual cost',
    step: 1000,
    coarser: true,
    show: money,
    showChange: (d) =>
      sign(d, `£${Math.abs(d / 1e3).toLocaleString('en-GB', { maximumFractionDigits: 0 })}k`),
    good: -1,
  },
  {
    key: 'unmetHoursPerWeek',
    label: 'Unmet hours a week',
    step: 0.1,
    show: (v) => v.toFixed(1),
    showChange: (d) => sign(d, Math.abs(d).toFixed(1)),
    good: -1,
  },
  {
    key: 'riskScore',
    label: 'Risk (0-100, higher is worse)',
    step: 0.1,
    show: (v) => v.toFixed(1),
    showChange: (d) => sign(d, Math.abs(d).toFixed(1)),
    good: -1,
  },
  {
    key: 'viabilityScore',
    label: 'Viability (0-100, higher is better)',
    step: 0.1,
    show: (v) => v.toFixed(1),
    showChange: (d) => sign(d, Math.abs(d).toFixed(1)),
    good: 1,
  },
  {
    key: 'providersAwarded',
    label: 'Providers awarded',
    step: 1,
    show: whole,
    showChange: (d) => sign(d, Math.abs(d).toFixed(0)),
    good: 0,
  },
  {
    key: 'largestShare',
    label: 'Largest provider share',
    step: 0.001,
    show: (v) => `${(v * 100).toFixed(1)}%`,
    showChange: (d) => sign(d, `${Math.abs(d * 100).toFixed(1)} pts`),
    good: -1,
  },
];

export function headlineRows(now: AwardResult, start: AwardResult | null): FigureRow[] {
  return figures.map((f) => {
    const a = now.totals?.[f.key];
    const b = start?.totals?.[f.key];
    // Each figure is shown as rounded to its step, so the change is the difference of the figures shown,
    // even at a half, where formatting alone rounds otherwise (review14: 1.1% → 1.1% read "+0.1 pts").
    const shown = (v: number) => f.show(f.coarser === true ? v : Math.round(v / f.step) * f.step);
    if (a === undefined)
      return {
        label: f.label,
        now: '—',
        start: b === undefined ? '—' : shown(b),
        change: '—',
        verdict: 'same',
      };
    if (b === undefined) return { label: f.label, now: shown(a), start: '—', change: '—', verdict: 'same' };
    // Until 2026-12-02 the change was of the unrounded figures: risk 45 → 50 "+4.9", viability 58 → 58 "+0.7 (better)".
    const steps = Math.round(a / f.step) - Math.round(b / f.step);
    const d = steps * f.step;
    const same = steps === 0;
    const verdict = same || f.good === 0 ? 'same' : Math.sign(d) === f.good ? 'better' : 'worse';
    return {
      label: f.label,
      now: shown(a),
      start: shown(b),
      change: same ? 'no change' : f.showChange(d),
      verdict,
    };
  });
}

/** "P-LEA lead, P-BRIGHT secondary", or "no award". */
export function winnersText(lot: LotAward | undefined): string {
  if (lot === undefined) return 'no such lot';
  const winners = lot.winners ?? [];
  return winners.length === 0 ? 'no award' : winners.map((w) => `${w.providerId} ${w.role}`).join(', ');
}

export interface Handover {
  readonly lotId: string;
  /** The lot as the page names it: its id, and the start's when that differs (`lotName`). */
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

/** What a lot covers: its care type and its areas, whatever its zone is called. */
const coverage = (lot: LotAward) => `${lot.careType}|${[...lot.areaIds].sort().join(',')}`;

/** Zones a save renamed, by their id now: `Z-NH-mine` → `Z-NH`, the id the start knows them by. */
export type Formerly = ReadonlyMap<string, string>;

/**
 * The lot of the start each lot of `now` is (by lot id): the one covering the same areas for
 * the same care type, so a zone renamed is the same lot; else the one of the same care type and
 * zone, the zone under the id the start knows it by (`formerly`: a save renames a zone whose
 * areas changed). Until 2026-12-02 lots were matched by id alone, so renaming a zone, by hand
 * or by saving, read as one lot gone and a new one added.
 */
export function matchLots(
  now: readonly LotAward[],
  start: readonly LotAward[],
  formerly: Formerly = new Map(),
): Map<string, LotAward> {
  const byCoverage = new Map(start.map((l) => [coverage(l), l]));
  const byZone = new Map(start.map((l) => [`${l.careType}|${l.zoneId}`, l]));
  const zoneOf = (l: LotAward) => `${l.careType}|${formerly.get(l.zoneId) ?? l.zoneId}`;
  const matched = new Map<string, LotAward>();
  const taken = new Set<string>();
  for (const pass of [(l: LotAward) => byCoverage.get(coverage(l)), (l: LotAward) => byZone.get(zoneOf(l))])
    for (const lot of now) {
      const was = matched.has(lot.lotId) ? undefined : pass(lot);
      if (was === undefined || taken.has(was.lotId)) continue;
      matched.set(lot.lotId, was);
      taken.add(was.lotId);
    }
  return matched;
}

/**
 * "standard:Z-BROX (renamed from standard:Z-BRX)", or the lot id when the start had it under the
 * same id or not at all. A county-wide lot and a zone's that cover the same areas are the same
 * lot, but neither was renamed: "reablement:Z-ALL (was reablement:county)".
 */
export function lotName(lot: Pick<LotAward, 'lotId' | 'zoneId'>, was: LotAward | undefined): string {
  if (was === undefined || was.lotId === lot.lotId) return lot.lotId;
  const county = lot.zoneId === 'county' || was.zoneId === 'county';
  return `${lot.lotId} (${county ? 'was' : 'renamed from'} ${was.lotId})`;
}

/**
 * Lots whose winners (provider and role) differ from the start, including lots that appear or go;
 * a lot is the start's lot it matches (`matchLots`), under whatever id. None when there is no award.
 */

export function lotsChangingHands(
  now: AwardResult,
  start: AwardResult | null,
  formerly: Formerly = new Map(),
): Handover[] {
  if (start === null || now.status === 'infeasible') return [];
  const lots = now.lots ?? [];
  const matched = matchLots(lots, start.lots ?? [], formerly);
  const kept = new Set([...matched.values()].map((l) => l.lotId));
  const handovers: Handover[] = [
    ...lots.map((lot) => {
      const was = matched.get(lot.lotId);
      return {
        lotId: lot.lotId,
        name: lotName(lot, was),
        before: was === undefined ? 'no such lot at the start' : winnersText(was),
        after: winnersText(lot),
      };
    }),
    ...(start.lots ?? [])
      .filter((l) => !kept.has(l.lotId))
      .map((l) => ({ lotId: l.lotId, name: l.lotId, before: winnersText(l), after: 'no such lot now' })),
  ];
  return handovers
    .filter((h) => h.before !== h.after)
    .sort((a, b) => (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0));
}

/**
 * "1 (6 at the start)": the bids that may win a lot, and the start's when they differ. A zone's
 * bids were priced for its areas (bids.csv `coverage`), so a zone given another area loses them.
 */
export function bidsText(lot: LotAward, was: LotAward | undefined): string {
  const now = lot.eligibleBids;
  if (now === undefined) return '—';
  const before = was?.eligibleBids;
  return before === undefined || before === now ? String(now) : `${now} (${before} at the start)`;
}

export interface Warning {
  readonly text: string;
  /** Not among the start's warnings: this edit brought it. */
  readonly isNew: boolean;
}

/** The award's warnings (result.json `warnings`), those the start did not have first. */
export function warningsNow(now: AwardResult, start: AwardResult | null): Warning[] {
  const before = new Set(start?.warnings ?? []);
  const all = (now.warnings ?? []).map((text) => ({ text, isNew: start !== null && !before.has(text) }));
  return [...all.filter((w) => w.isNew), ...all.filter((w) => !w.isNew)];
}
