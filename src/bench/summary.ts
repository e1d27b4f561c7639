/**
 * Benchmark cases → one row per size and backend (medians over seeds) → a
 * Markdown table with each backend's time as a ratio to native CBC's.
 */
import type { CaseResult } from './run-case.js';

export interface MeasuredCase extends CaseResult {
  readonly peakRssMb: number;
  /** CPU seconds of the whole case (pipeline and solver process). */
  readonly cpuSeconds: number;
}

export interface SummaryRow {
  readonly size: string;
  readonly backend: string;
  readonly runs: number;
  /** e.g. "3/3 optimal" or "2 optimal, 1 feasible" */
  readonly statuses: string;
  readonly medianSolveSeconds: number | null;
  readonly medianPipelineSeconds: number;
  readonly medianCpuSeconds: number;
  readonly medianGap: number | null;
  readonly worstGap: number | null;
  /** Runs that ended with an award and a known gap: a run without one (error, infeasible, no bound) cannot meet a gap goal. */
  readonly runsWithGap: number;
  readonly medianPeakRssMb: number;
  /** median solve time / CBC's median solve time on the same size */
  readonly ratioToCbc: number | null;
  /** the same for CPU seconds of the whole case */
  readonly cpuRatioToCbc: number | null;
  readonly variables: number | null;
  readonly constraints: number | null;
}

export function median(xs: readonly number[]): number | null {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function statusText(cases: readonly MeasuredCase[]): string {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  if (counts.size === 1) return `${cases.length}/${cases.length} ${cases[0]?.status ?? ''}`;
  return [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
}

const numbers = (xs: readonly (number | null)[]) =>
  xs.filter((x): x is number => x !== null && Number.isFinite(x));

export function summarise(cases: readonly MeasuredCase[]): SummaryRow[] {
  const groups = new Map<string, MeasuredCase[]>();
  for (const c of cases)
    groups.set(`${c.spec.size}|${c.spec.backend}`, [
      ...(groups.get(`${c.spec.size}|${c.spec.backend}`) ?? []),
      c,
    ]);
  const rows = [...groups.values()].map((group): Omit<SummaryRow, 'ratioToCbc' | 'cpuRatioToCbc'> => {
    const first = group[0] as MeasuredCase;
    const gaps = numbers(group.map((c) => c.gap));
    return {
      size: first.spec.size,
      backend: first.spec.backend,
      runs: group.length,
      statuses: statusText(group),
      medianSolveSeconds: median(numbers(group.map((c) => c.solveSeconds))),
      medianPipelineSeconds: median(group.map((c) => c.pipelineSeconds)) ?? 0,
      medianCpuSeconds: median(group.map((c) => c.cpuSeconds)) ?? 0,
      medianGap: median(gaps),
      worstGap: gaps.length === 0 ? null : Math.max(...gaps),
      runsWithGap: gaps.length,
      medianPeakRssMb: median(group.map((c) => c.peakRssMb)) ?? 0,
      variables: first.variables,
      constraints: first.constraints,
    };
  });
  return rows.map((row) => {
    const cbc = rows.find((r) => r.size === row.size && r.backend === 'cbc');
    const ratio = (mine: number | null, theirs: number | null | undefined) =>
      mine === null || theirs === null || theirs === undefined || theirs <= 0 ? null : mine / theirs;
    return {
      ...row,
      ratioToCbc: ratio(row.medianSolveSeconds, cbc?.medianSolveSeconds),
      cpuRatioToCbc: ratio(row.medianCpuSeconds, cbc?.medianCpuSeconds),
    };
  });
}

const fixed = (x: number | null, digits: number, suffix = '') =>
  x === null ? 'n/a' : `${x.toFixed(digits)}${suffix}`;
const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toPrecision(2)}%`);

export function markdownTable(rows: readonly SummaryRow[]): string {
  const header =
    '| size | backend | vars × rows | runs | status | solve s (median) | × CBC | case CPU s | × CBC (CPU) | pipeline s | gap median / worst | peak RSS MB |';
  const lines = rows.map(
    (r) =>
      `| ${r.size} | ${r.backend} | ${r.variables ?? '?'} × ${r.constraints ?? '?'} | ${r.runs} | ${r.statuses} | ${fixed(r.medianSolveSeconds, 3)} | ${fixed(r.ratioToCbc, 2, '×')} | ${fixed(r.medianCpuSeconds, 2)} | ${fixed(r.cpuRatioToCbc, 2, '×')} | ${fixed(r.medianPipelineSeconds, 3)} | ${percent(r.medianGap)} / ${percent(r.worstGap)} | ${fixed(r.medianPeakRssMb, 0)} |`,
  );
  return [header, '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...lines].join(
    '\n',
  );
}
