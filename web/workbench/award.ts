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
  /** Bids that may win the lot: they cover every area of it and, unless the tender allows bids below it, pay at least the legal wage floor there. */
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

/**
 * What stands before an amount in `currency` (the scenario's, /api/scenario `currency`): `£`, `€`,
 * `US$`, `CHF `. The page loads only its own scripts, so this mirrors zonal's one money formatter
 * (src/model/money.ts; test/model/money.test.ts holds the two alike). Until 2026-12-02 the page
 * showed £ whatever the currency.
 */
function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).formatToParts(1);
    return parts
      .slice(
        0,
        parts.findIndex((p) => p.type === 'integer'),
      )
      .map((p) => p.value.replace(/\s/gu, ' '))
      .join('');
  } catch {
    return `${currency} `;
  }
}

/** An annual cost in millions: £10.62m. */
export const money = (v: number, currency: string) =>
  `${v < 0 ? '-' : ''}${currencySymbol(currency)}${(Math.abs(v) / 1e6).toFixed(2)}m`;

/** The all-in annual cost, in `currency` (the scenario's). */
const costFigure = (currency: string): Figure => ({
  key: 'allInAnnualCost',
  label: 'All-in annual cost',
  step: 1000,
  coarser: true,
  show: (v) => money(v, currency),
  showChange: (d) =>
    sign(
      d,
      `${currencySymbol(currency)}${Math.abs(d / 1e3).toLocaleString('en-GB', { maximumFractionDigits: 0 })}k`,
    ),
  good: -1,
});

const otherFigures: readonly Figure[] = [
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

/** The headline figures now and at the start, money in `currency` (the scenario's). */
export function headlineRows(now: AwardResult, start: AwardResult | null, currency: string): FigureRow[] {
  return [costFigure(currency), ...otherFigures].map((f) => {
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

/** What the page says when no award meets the hard rules as drawn: the box above the tables, and the status line. */
export const noAwardWords = {
  lead: 'No award possible:',
  rest: 'no award meets every hard rule as drawn.',
} as const;

/**
 * The status line once an edit is solved: the award's status, or, with no award possible, the
 * words of the box that says why (until 2026-12-02 "Award infeasible", a word zonal keeps for
 * result.json); then the zoning and how long the answer took.
 */
export function statusLine(result: AwardResult, milliseconds: number): string {
  const zoning = result.zoning ?? '';
  const answered = `answered in ${Math.round(milliseconds)} ms.`;
  return result.status === 'infeasible'
    ? `${noAwardWords.lead} ${noAwardWords.rest} Zoning ${zoning}: ${answered}`
    : `Award ${result.status}, zoning ${zoning}: ${answered}`;
}

/** "P-LEA lead, P-BRIGHT secondary", or "no award". */
export function winnersText(lot: LotAward | undefined): string {
  if (lot === undefined) return 'no such lot';
  const winners = lot.winners ?? [];
  return winners.length === 0 ? 'no award' : winners.map((w) => `${w.providerId} ${w.role}`).join(', ');
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
