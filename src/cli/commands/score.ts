/**
 * `zonal score`: MEAT scores of every bid for every lot it could serve, with
 * ranks and abnormally-low-tender flags: a CSV file and a table per lot.
 */
import { currencySymbol, price } from '../../model/money.js';
import path from 'node:path';
import { tenderLots } from '../../lots/tender-lots.js';
import { withSettings } from '../../pipeline.js';
import { toCsv, type Cell } from '../../report/csv-write.js';
import { formatTable } from '../../report/text-table.js';
import { peopleTable } from '../../report/xlsx/people-table.js';
import { tablesWorkbook, type ColumnFormat, type SummaryLine } from '../../report/xlsx/sheet.js';
import { writeFileAtomically } from '../../io/write-outputs.js';
import { bidScores, type BidScore } from '../../scoring/bid-scores.js';
import { scoringSettings } from '../../scoring/settings.js';
import type { Scenario } from '../../model/types.js';
import { CliExit, exitCodes } from '../exit.js';
import { loadScenario } from '../load.js';
import { writeOut } from '../terminal.js';

export interface ScoreFlags {
  readonly out: string;
  readonly zoning?: string;
}

export const scoresHeader = [
  'lot_id',
  'bid_id',
  'provider_id',
  'roles',
  'price_per_hour',
  'quality',
  'price_score',
  'quality_score',
  'total_score',
  'rank',
  'cost_floor_per_hour',
  'wage_floor_per_hour',
  'flags',
  'action',
];

export function scoresCsv(rows: readonly BidScore[]): string {
  return toCsv(scoresHeader, rows.map(scoresRow));
}

export function scoresRow(r: BidScore): Cell[] {
  return [
    r.lotId,
    r.bidId,
    r.providerId,
    r.roles.join(';'),
    r.pricePerHour,
    r.quality,
    r.priceScore,
    r.qualityScore,
    r.totalScore,
    r.rank,
    r.costFloorPerHour,
    r.wageFloorPerHour,
    r.flags.join(';'),
    r.action,
  ];
}

/**
 * Why a `below-floor` bid needs explaining: not the floor alone, which nearly every
 * real price is under (docs/scoring.md), but the floor and the market together.
 */
const abnormallyLow = "abnormally low: below the cost floor and well below the other providers' bids";

const shortFlag: Readonly<Record<string, string>> = {
  'below-wage-floor': 'MUST REJECT: below legal pay',
  'below-floor': 'explain: abnormally low',
  'below-min-quality': 'below min quality',
};

/** The printed scores, a table per lot, money in `currency` (the scenario's). */
export function scoresTable(rows: readonly BidScore[], currency: string): string {
  const lots = [...new Set(rows.map((r) => r.lotId))];
  return lots
    .map((lotId) => {
      const mine = rows.filter((r) => r.lotId === lotId);
      const floor = mine[0]?.costFloorPerHour;
      const title = `${lotId}${floor === null || floor === undefined ? '' : ` (cost floor ${price(floor, currency)}/h, wage floor ${price(mine[0]?.wageFloorPerHour ?? 0, currency)}/h)`}`;
      const table = formatTable(
        [
          'rank',
          'bid',
          'provider',
          'roles',
          `${currencySymbol(currency).trim()}/h`,
          'quality',
          'price pts',
          'quality pts',
          'total',
          'flags',
        ],
        mine.map((r) => [
          r.rank === null ? '-' : String(r.rank),
          r.bidId,
          r.providerId,
          r.roles.join(','),
          r.pricePerHour.toFixed(2),
          String(r.quality),
          r.priceScore.toFixed(2),
          r.qualityScore.toFixed(2),
          r.totalScore.toFixed(2),
          r.flags.map((f) => shortFlag[f] ?? f).join('; '),
        ]),
        [true, false, false, false, true, true, true, true, true, false],
      );
      return `${title}\n${table}`;
    })
    .join('\n\n');
}

/**
 * MEAT points to the hundredth, as scores.csv and the printed table give them: the
 * ranks are made from them, and to a tenth (a risk score's format) bids 0.04 apart
 * would show one score beside two ranks.
 */
const pointFormats: Readonly<Record<string, ColumnFormat>> = {
  quality: 'decimal',
  price_score: 'decimal',
  quality_score: 'decimal',
  total_score: 'decimal',
};

/** scores.xlsx: a summary, then every bid × lot score as a formatted row. */
function scoresWorkbook(
  scenario: Scenario,
  rows: readonly BidScore[],
  rejects: number,
  explain: number,
): Promise<Uint8Array> {
  const summary: SummaryLine[] = [
    { label: 'Zoning', value: scenario.zoning },
    {
      label: 'MEAT score',
      value: `${scenario.award.qualityWeight} × quality + ${scenario.award.priceWeight} × lowest price / price (points out of 100)`,
    },
    { label: 'Bid × lot scores', value: rows.length, format: 'integer' },
    { label: 'Must be rejected (below legal pay)', value: rejects, format: 'integer' },
    { label: `Need an explanation (${abnormallyLow})`, value: explain, format: 'integer' },
  ];
  return tablesWorkbook(
    scenario.name,
    summary,
    [peopleTable('scores', scoresHeader, rows.map(scoresRow), pointFormats)],
    scenario.currency,
  );
}

export async function scoreCommand(dir: string, flags: ScoreFlags): Promise<void> {
  // --out names the CSV (scores.csv), or the workbook (scores.xlsx): the other is written beside it.
  const given = path.resolve(flags.out);
  const file = /\.xlsx$/i.test(given) ? given.replace(/\.xlsx$/i, '.csv') : given;
  const workbookFile = `${file.replace(/\.csv$/i, '')}.xlsx`;
  const { scenario: input } = await loadScenario(dir, {
    writes: [file, workbookFile].map((f) => ({
      flag: '--out',
      given: flags.out,
      names: 'file' as const,
      file: f,
    })),
  });
  const scenario = withSettings(input, flags.zoning === undefined ? {} : { zoning: flags.zoning });
  if (typeof scenario === 'string') throw new CliExit(exitCodes.badInput, scenario);
  const { lots } = tenderLots(scenario);
  const rows = bidScores(scenario, lots, scoringSettings(scenario));
  const rejects = rows.filter((r) => r.flags.includes('below-wage-floor')).length;
  const explain = rows.filter((r) => r.flags.includes('below-floor')).length;
  const workbook = await scoresWorkbook(scenario, rows, rejects, explain);
  await writeFileAtomically(file, scoresCsv(rows));
  await writeFileAtomically(workbookFile, workbook);
  writeOut(
    `${scenario.name}: zoning "${scenario.zoning}"; MEAT = ${scenario.award.qualityWeight} × quality + ${scenario.award.priceWeight} × lowest price / price (points out of 100)\n\n` +
      `${scoresTable(rows, scenario.currency)}\n\n${rows.length} bid × lot scores; ${rejects} must be rejected (below legal pay), ${explain} need an explanation (${abnormallyLow}).\nWritten: ${file}, ${workbookFile}\n`,
  );
}
