/**
 * The goals of issue 16, each with what the bench measured and "met" or
 * "not met". Pure: measurements in, Markdown table out.
 */
import type { CliTimings, CommandTiming } from './cli-timing.js';
import type { SummaryRow } from './summary.js';

export interface BatchMeasure {
  /** Variants per second with one worker thread, and with two (medians of the rounds). */
  readonly oneWorker: number;
  readonly twoWorkers: number;
  /** The median of the rounds' own ratios, their order alternating (batch-rounds.ts). */
  readonly ratio: number;
  readonly rounds: number;
}

export interface GoalRow {
  readonly goal: string;
  readonly measured: string;
  /** null: not measured in this run. */
  readonly met: boolean | null;
}

const s = (x: number) => `${x.toFixed(3)} s`;

function commandGoal(t: CommandTiming, node: CommandTiming, limit: number, what: string): GoalRow {
  const goal = `${what} under ${limit} s of wall clock`;
  if (t.wall === null || node.wall === null) return { goal, measured: 'not measured', met: null };
  const cpu = t.cpu === null ? '' : `; CPU ${s(t.cpu)}`;
  return {
    goal,
    measured: `${s(t.wall)} (median of ${t.runs}${cpu}); \`node -e 0\` ${s(node.wall)} in the same run: ${(t.wall / node.wall).toFixed(1)}× a bare start`,
    met: t.wall < limit,
  };
}

function sizeRow(rows: readonly SummaryRow[], size: string): SummaryRow | undefined {
  return rows.find((r) => r.size === size && r.backend === 'highs');
}

function ratioGoal(batch: BatchMeasure | null): GoalRow {
  const goal = 'batch: at least 1.8× from 1 to 2 workers';
  if (batch === null || !Number.isFinite(batch.ratio)) return { goal, measured: 'not measured', met: null };
  return {
    goal,
    measured: `${batch.ratio.toFixed(3)}× (median of the ${batch.rounds} rounds' own ratios, one worker first in every other round)`,
    met: batch.ratio >= 1.8,
  };
}

export function goalRows(
  cli: CliTimings | null,
  batch: BatchMeasure | null,
  rows: readonly SummaryRow[],
  timeLimit: number,
): GoalRow[] {
  const out: GoalRow[] = [];
  if (cli !== null) {
    out.push(commandGoal(cli.solve, cli.node, 0.5, 'county end to end (`zonal solve`, default outputs)'));
    out.push(commandGoal(cli.validate, cli.node, 0.2, '`zonal validate` on the county'));
  }
  out.push(
    batch === null
      ? { goal: 'batch: at least 100 county variants/s with 2 workers', measured: 'not measured', met: null }
      : {
          goal: 'batch: at least 100 county variants/s with 2 workers',
          measured: `${batch.twoWorkers.toFixed(1)} variants/s (1 worker: ${batch.oneWorker.toFixed(1)})`,
          met: batch.twoWorkers >= 100,
        },
    ratioGoal(batch),
  );
  const xl = sizeRow(rows, 'XL');
  out.push(
    xl === undefined || xl.worstGap === null
      ? { goal: 'XL proven optimal or within 0.005% gap in 60 s', measured: 'not measured', met: null }
      : {
          goal: 'XL proven optimal or within 0.005% gap in 60 s',
          measured: `worst gap ${(100 * xl.worstGap).toFixed(4)}% (median ${(100 * (xl.medianGap ?? 0)).toFixed(4)}%), ${xl.statuses}, time limit ${timeLimit} s${xl.runsWithGap < xl.runs ? `; ${xl.runs - xl.runsWithGap} of ${xl.runs} runs without a known gap` : ''}`,
          met: timeLimit <= 60 && xl.worstGap <= 0.00005 && xl.runsWithGap === xl.runs,
        },
  );
  const l = sizeRow(rows, 'L');
  out.push(
    l === undefined || l.medianSolveSeconds === null
      ? { goal: 'L stays under 10 s', measured: 'not measured', met: null }
      : {
          goal: 'L stays under 10 s',
          measured: `${s(l.medianSolveSeconds)} solve (median), ${l.statuses}; case CPU ${s(l.medianCpuSeconds)}`,
          met: l.medianSolveSeconds < 10 && l.statuses.endsWith('optimal') && !l.statuses.includes(','),
        },
  );
  return out;
}

export function goalsTable(rows: readonly GoalRow[]): string {
  return [
    '| goal | measured | met? |',
    '| --- | --- | --- |',
    ...rows.map(
      (r) => `| ${r.goal} | ${r.measured} | ${r.met === null ? 'not measured' : r.met ? 'met' : 'not met'} |`,
    ),
  ].join('\n');
}
