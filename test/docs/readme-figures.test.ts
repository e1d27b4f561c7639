/**
 * Figures the manual quotes from the bundled Hertfordshire scenario are the
 * lines zonal prints today: the headline of `npm start`, what each rule costs
 * and the flags (README.md, and the rule costs again in docs/scoring.md), and
 * the verdict of `zonal compare` (docs/compare-and-batch.md). When a
 * deliberate change moves them, this test prints the lines to paste.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compareOptions } from '../../src/compare/compare.js';
import { formatComparison } from '../../src/compare/comparison-output.js';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { runScenario } from '../../src/pipeline.js';
import { formatSummary } from '../../src/report/summary.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { repoRoot } from '../helpers/cli.js';

const pages: Record<string, string> = {};
let herts: Scenario;
const run = { backend: highsBackend, timeLimit: 60, inputHash: 'readme', version: 'readme' };

beforeAll(async () => {
  for (const page of ['README.md', 'docs/scoring.md', 'docs/compare-and-batch.md'])
    pages[page] = await readFile(path.join(repoRoot, page), 'utf8');
  const read = await readScenario(path.join(repoRoot, 'scenarios', 'hertfordshire'));
  if (read.scenario === null) throw new Error('hertfordshire does not read');
  herts = read.scenario;
});

/** Every line must appear in the page exactly; the message lists the ones that do not. */
function expectQuoted(page: string, lines: readonly string[]): void {
  const text = pages[page] ?? '';
  const missing = lines.filter((l) => !text.includes(l));
  expect(
    missing,
    `${page} should quote these lines as zonal prints them now:\n${missing.join('\n')}`,
  ).toEqual([]);
}

describe('the manual quotes what zonal prints on the bundled county', () => {
  test('npm start: the headline figures, what each rule costs and the flags', async () => {
    const outcome = await runScenario(herts, { ...run, ruleCosts: true });
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const text = formatSummary(outcome.result).split('\n');
    const headline = text.filter((l) => l.startsWith('Annual cost ') || /^Risk \d+\/100/.test(l));
    const rules = text.filter((l) =>
      /^ {2}(share-cap|packages|lead-secondary|min-providers|quality-threshold|lots-cap) \(/.test(l),
    );
    const flags = text.filter((l) => l.startsWith('Flags ('));
    expect(headline).toHaveLength(2);
    expect(rules.length).toBeGreaterThan(0);
    expectQuoted('README.md', [...headline, ...rules, ...flags]);
    // docs/scoring.md names the money each binding rule costs, as the rule lines say it.
    const amounts = rules.flatMap((l) => [...l.matchAll(/£[\d,]+ a year/g)].map((m) => m[0]));
    expect(amounts.length).toBeGreaterThan(0);
    expectQuoted('docs/scoring.md', amounts);
  }, 180_000);

  test('zonal compare: the verdict', async () => {
    const outcome = await compareOptions(herts, { run });
    if (typeof outcome === 'string') throw new Error(outcome);
    const verdict = formatComparison(outcome.comparison)
      .split('\n')
      .filter(
        (l) =>
          /^(Cheapest|Least risky|Dominated|Not dominated|Cannot be bought)/.test(l) ||
          (l.startsWith('  ') && l.includes('unbought')),
      );
    expect(verdict.length).toBeGreaterThan(0);
    expectQuoted('docs/compare-and-batch.md', verdict);
    expectQuoted('docs/compare-and-batch.md', [`(${outcome.comparison.rows.length} options:`]);
  }, 300_000);
});
