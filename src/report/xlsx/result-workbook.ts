/**
 * result.xlsx: the award as a workbook a committee can open. A summary sheet
 * first, then the same tables as the CSV files, formatted, then the flags and
 * warnings. Pure apart from exceljs building the bytes.
 */
import { boundedGap, type Result } from '../../model/result.js';
import { paymentRows } from '../../contract/payment-rows.js';
import { allocationsTable, lotsTable, providersTable } from '../result-csv.js';
import { tablesWorkbook, type SheetTable, type SummaryLine } from './sheet.js';

/** The whole contract's totals (docs/contract.md), as the summary printout and report.html give them. */
function contractLines(contract: Result['contract']): SummaryLine[] {
  if (contract === undefined) return [];
  const term = `${contract.years[0]?.period ?? ''}-${contract.years.at(-1)?.period ?? ''}`;
  const rate = `${Number((contract.discountRate * 100).toFixed(2))}%`;
  const extended = contract.withExtensions;
  return [
    { label: `Contract ${term}, nominal`, value: contract.nominalTotal, format: 'currency' },
    {
      label: `Contract ${term}, discounted at ${rate} a year`,
      value: contract.discountedTotal,
      format: 'currency',
    },
    ...(extended === undefined
      ? []
      : [
          {
            label: `With extensions to ${extended.years.at(-1)?.period ?? ''}, nominal`,
            value: extended.nominalTotal,
            format: 'currency' as const,
          },
          {
            label: `With extensions to ${extended.years.at(-1)?.period ?? ''}, discounted`,
            value: extended.discountedTotal,
            format: 'currency' as const,
          },
        ]),
  ];
}

/**
 * How far from the best the award may be when a time limit stopped the search, as
 * report.html and the summary printout say it: "feasible" alone read as a clean answer.
 */
function stoppedLines(result: Result): SummaryLine[] {
  if (result.status !== 'feasible') return [];
  const gap = boundedGap(result.gap);
  return [
    {
      label: 'Time limit reached: within this of the best possible',
      value: gap ?? 'unknown: allow more time (--time-limit)',
      format: 'percent',
    },
  ];
}

/** The hours that change provider and their one-off cost (docs/contract.md, "Transition"), with today's caseload. */
function transitionLines(transition: Result['transition']): SummaryLine[] {
  if (transition === undefined) return [];
  return [
    {
      label: "Hours a week that change provider (of today's caseload)",
      value: transition.movedHoursPerWeek,
      format: 'hours',
    },
    {
      label: 'One-off cost of change (mobilisation and double running)',
      value: transition.oneOffCost,
      format: 'currency',
    },
  ];
}

/**
 * The award as it will be paid when payment.lots chooses models (docs/contract.md), the figure
 * the summary printout and report.html give; the payment sheet has the models compared beside it.
 */
function asPaidLines(result: Result): SummaryLine[] {
  const p = result.payment;
  if (p === undefined) return [];
  return paymentRows(p, result)
    .filter((row) => row.kind === 'as-paid')
    .map((row) => ({
      label: `${row.paid.replace(/^as paid/, 'As paid')}, expected a year`,
      value: row.total.cost.central,
      format: 'currency' as const,
    }));
}

/** The award under each payment model compared, then as paid: report.html's payment table, as a sheet. */
function paymentTable(payment: NonNullable<Result['payment']>, result: Result): SheetTable {
  return {
    name: 'payment',
    columns: [
      { header: 'paid', format: 'text' },
      { header: 'expected_a_year', format: 'currency' },
      { header: 'low', format: 'currency' },
      { header: 'high', format: 'currency' },
      { header: 'winners_margin_over_floor', format: 'currency' },
      { header: 'margin_low', format: 'currency' },
      { header: 'margin_high', format: 'currency' },
      { header: 'demand_risk_carried_by', format: 'text' },
    ],
    rows: paymentRows(payment, result).map(({ paid, total, demandRisk }) => [
      paid,
      total.cost.central,
      total.cost.low,
      total.cost.high,
      total.providerMargin.central,
      total.providerMargin.low,
      total.providerMargin.high,
      demandRisk,
    ]),
  };
}

function summaryLines(result: Result): SummaryLine[] {
  const t = result.totals;
  return [
    { label: 'Zoning', value: result.zoning },
    { label: 'Period', value: result.period },
    { label: 'Status', value: result.status },
    ...stoppedLines(result),
    { label: 'Annual cost', value: t.annualCost, format: 'currency' },
    {
      label: 'All-in a year (unmet hours bought on spot contracts)',
      value: t.allInAnnualCost,
      format: 'currency',
    },
    ...contractLines(result.contract),
    // The contract totals are what the winners are paid: with hours unmet they are not the
    // whole cost, and a reader comparing them with the all-in cost a year must be told so.
    ...(result.contract !== undefined && t.unmetHoursPerWeek > 0
      ? [
          {
            label: 'Not in the contract totals: hours a week unmet (paid to no winner)',
            value: t.unmetHoursPerWeek,
            format: 'hours' as const,
          },
        ]
      : []),
    ...transitionLines(result.transition),
    ...asPaidLines(result),
    { label: 'Cost per hour', value: t.costPerHour, format: 'currency' },
    { label: 'Hours a week awarded', value: t.hoursPerWeek, format: 'hours' },
    { label: 'Hours a week of demand', value: t.demandHoursPerWeek, format: 'hours' },
    { label: 'Hours a week unmet', value: t.unmetHoursPerWeek, format: 'hours' },
    { label: 'Providers awarded', value: t.providersAwarded, format: 'integer' },
    { label: 'Largest provider share', value: t.largestShare, format: 'percent' },
    { label: 'Concentration (HHI, 0-10,000)', value: t.hhi, format: 'integer' },
    { label: 'Risk (0-100, higher is worse)', value: t.riskScore, format: 'score' },
    { label: 'Viability (0-100, higher is better)', value: t.viabilityScore, format: 'score' },
    { label: 'Flags (bids to reject or explain)', value: result.flags.length, format: 'integer' },
    { label: 'Warnings', value: result.warnings.length, format: 'integer' },
    { label: 'Solver', value: `${result.run.solver}, ${result.run.solveSeconds.toFixed(2)} s` },
    { label: 'Inputs (hash)', value: result.run.inputHash },
    { label: 'zonal version', value: result.run.version },
  ];
}

function flagsTable(result: Result): SheetTable {
  return {
    name: 'flags',
    columns: [
      { header: 'kind', format: 'text' },
      { header: 'bid_id', format: 'text' },
      { header: 'provider_id', format: 'text' },
      { header: 'lot_id', format: 'text' },
      { header: 'price_per_hour', format: 'currency' },
      { header: 'floor_per_hour', format: 'currency' },
      { header: 'action', format: 'text' },
    ],
    rows: result.flags.map((f) => [
      f.kind,
      f.bidId,
      f.providerId,
      f.lotId,
      f.pricePerHour,
      f.floorPerHour,
      f.action,
    ]),
  };
}

const warningsTable = (warnings: readonly string[]): SheetTable => ({
  name: 'warnings',
  columns: [{ header: 'warning', format: 'text' }],
  rows: warnings.map((w) => [w]),
});

/** What result.xlsx holds: its title, summary lines and tables. */
export function resultWorkbookContent(result: Result): {
  readonly title: string;
  readonly summary: readonly SummaryLine[];
  readonly tables: readonly SheetTable[];
  readonly currency: string;
} {
  const tables = [
    allocationsTable(result),
    lotsTable(result),
    providersTable(result),
    ...(result.payment === undefined ? [] : [paymentTable(result.payment, result)]),
    flagsTable(result),
    warningsTable(result.warnings),
  ];
  return { title: result.scenario, summary: summaryLines(result), tables, currency: result.currency };
}

export function resultWorkbook(result: Result): Promise<Uint8Array> {
  const c = resultWorkbookContent(result);
  return tablesWorkbook(c.title, c.summary, c.tables, c.currency);
}
