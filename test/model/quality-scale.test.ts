/**
 * Quality scores are points from 0 to 100 (docs/scoring.md). A column of them
 * typed out of 1 (0.75, 0.8, …), as a scoring sheet may hold them, was read as
 * 0.75 points without a word, so every bid scored almost no quality: it is one
 * error at the first such cell, saying the scale and how to write the scores.
 */
import { describe, expect, it } from 'vitest';
import { IssueList } from '../../src/diagnostics/issues.js';
import { checkQualityScale } from '../../src/model/quality-scale.js';
import { problems } from '../helpers/read-folder.js';
import type { ScenarioFiles } from '../helpers/scenario-folder.js';

/** bids.csv with a quality_score column holding `scores`, one per bid (B1-B5). */
const bidScores = (scores: readonly string[]) => (files: ScenarioFiles) => {
  const [header, ...rows] = (files['bids.csv'] ?? '').trim().split('\n');
  files['bids.csv'] =
    `${[`${header},quality_score`, ...rows.map((r, i) => `${r},${scores[i] ?? ''}`)].join('\n')}\n`;
};

const outOfOne = (file: string, score: string, as100: string) =>
  `${file}: quality_score is ${score}, and every quality score in ${file.split(':')[0]} is 1 or less: a quality score is points from 0 to 100 (docs/scoring.md), so ${score} scores ${score} of 100 points, almost no quality; if the scores are out of 1, write them out of 100 (${as100} for ${score})`;

describe('quality scores typed out of 1', () => {
  it('in bids.csv are one error at the first of them', async () => {
    const { scenario, errors } = await problems(bidScores(['0.75', '0.8', '0.65', '0.7', '0.85']));
    expect(errors).toEqual([outOfOne('bids.csv:2', '0.75', '75')]);
    expect(scenario).toBeNull();
  });

  it('in providers.csv are one error too, at the first with a fraction', async () => {
    const { errors } = await problems((files) => {
      files['providers.csv'] = (files['providers.csv'] ?? '')
        .replace(',70\n', ',1\n')
        .replace(',80\n', ',0.07\n');
    });
    expect(errors).toEqual([outOfOne('providers.csv:3', '0.07', '7')]);
  });

  it('are not told when a score above 1 shows the column is in points, or when every score is 0 or 1', async () => {
    expect((await problems(bidScores(['0.75', '80', '65', '70', '']))).errors).toEqual([]);
    expect((await problems(bidScores(['1', '0', '1', '', '']))).errors).toEqual([]);
    expect((await problems(bidScores(['', '', '', '', '']))).errors).toEqual([]);
  });
});

describe('quality scores on a scale of 5 or 10 (review14)', () => {
  it('are read, with one warning at the highest: a tender may score that low, but most likely the scale is not points', async () => {
    const { scenario, errors, warnings } = await problems(bidScores(['3', '4.5', '2', '4', '']));
    expect(errors).toEqual([]);
    expect(scenario).not.toBeNull();
    expect(warnings).toEqual([
      'bids.csv:3: warning: every quality score in bids.csv is 4.5 or less: a quality score is points from 0 to 100 (docs/scoring.md), so the highest scores 4.5 of 100 points; if the scores are out of 5, write them out of 100 (×20)',
    ]);
    expect((await problems(bidScores(['7', '9', '8', '', '']))).warnings[0]).toMatch(
      /out of 10, write them out of 100 \(×10\)$/,
    );
  });

  it('are not told when a score above 10 shows the column is in points', async () => {
    expect((await problems(bidScores(['7', '80', '65', '', '']))).warnings).toEqual([]);
  });
});

describe('a large table', () => {
  it('of a million scores is checked without overflowing the stack (review14b: validate crashed)', () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => ({ line: i + 2, row: { quality_score: 70 } }));
    const issues = new IssueList();
    expect(() => checkQualityScale('providers.csv', rows, issues)).not.toThrow();
    expect(issues.errors).toEqual([]);
    expect(issues.warnings).toEqual([]);
  });
});
