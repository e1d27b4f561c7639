/**
 * Figures the manual quotes from the bundled Hertfordshire scenario are the
 * lines zonal prints today: the headline of `npm start`, what each rule costs
 * and the flags (README.md, and the rule costs again in docs/scoring.md). The
 * verdict of `zonal compare` quoted in docs/compare-and-batch.md is checked
 * against the command's own output by test/compare/cli.test.ts (the e2e set),
 * which runs that comparison anyway. When a deliberate change moves them, the
 * tests print the lines to paste.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { runScenario } from '../../src/pipeline.js';
import { formatSummary } from '../../src/report/summary.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { repoRoot } from '../helpers/cli.js';
import { expectQuoted } from '../helpers/quoted.js';

let herts: Scenario;
const run = { backend: highsBackend, timeLimit: 60, inputHash: 'readme', version: 'readme' };

beforeAll(async () => {
  const read = await readScenario(path.join(repoRoot, 'scenarios', 'hertfordshire'));
  if (read.scenario === null) throw new Error('hertfordshire does not read');
  herts = read.scenario;
});

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
    const contract = text.filter((l) => /^ {2}(term \d|paid [a-z-]+: )/.test(l));
    expect(contract).toHaveLength(4);
    expect(headline).toHaveLength(2);
    expect(rules.length).toBeGreaterThan(0);
    expectQuoted('README.md', [...headline, ...rules, ...flags, ...contract]);
    // docs/scoring.md names the money each binding rule costs, as the rule lines say it.
    const amounts = rules.flatMap((l) => [...l.matchAll(/£[\d,]+ a year/g)].map((m) => m[0]));
    expect(amounts.length).toBeGreaterThan(0);
    expectQuoted('docs/scoring.md', amounts);
  }, 180_000);
});
