/**
 * The manual names what the code has: every top-level key of the bundled
 * county's result.json is in docs/outputs.md, every column of batch.csv is in
 * docs/compare-and-batch.md's list of them, docs/scoring.md gives the size and
 * node limits of the rule-cost re-solves that src/explain/rule-costs.ts sets,
 * docs/development.md names knip's entry points, and where a page says which source
 * file holds a named table or function (`src/x.ts, \`name\``, or `\`name\` in
 * \`src/x.ts\``), that file defines it (not merely imports it).
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { batchCsvHeader } from '../../src/compare/batch-output.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { repoRoot } from '../helpers/cli.js';
import { expectQuoted, manualPages, readPage as read } from '../helpers/quoted.js';
import { solved } from '../helpers/run.js';

/** The names a text gives in backticks, a span that lists several (`a, b`) giving each, and `objective {kind, value}` its key. */
const named = (text: string) =>
  new Set(
    [...text.matchAll(/`([^`]+)`/g)].flatMap((m) =>
      (m[1] ?? '').split(/,\s*/).map((s) => /^\w+/.exec(s.trim())?.[0] ?? ''),
    ),
  );

describe('the manual names what zonal writes and where its code is', () => {
  test("docs/outputs.md names every top-level key of the county's result.json", async () => {
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'hertfordshire'));
    if (scenario === null) throw new Error('the bundled scenario does not read');
    const keys = Object.keys(JSON.parse(JSON.stringify(await solved(scenario))) as object);
    expect(keys).toContain('totals');
    const page = named(read('docs/outputs.md'));
    expect(keys.filter((k) => !page.has(k))).toEqual([]);
  });

  test('docs/compare-and-batch.md lists every column of batch.csv', () => {
    const section =
      /### batch\.csv columns\n([\s\S]*?)\n#/.exec(read('docs/compare-and-batch.md'))?.[1] ?? '';
    const listed = named(section);
    expect(batchCsvHeader.filter((c) => !listed.has(c))).toEqual([]);
  });

  test('docs/scoring.md gives the limits rule costs are worked out under, as src/explain/rule-costs.ts sets them', () => {
    const defaults =
      /const defaultRuleCostOptions[^=]*= \{([^}]*)\}/.exec(read('src/explain/rule-costs.ts'))?.[1] ?? '';
    const setting = (key: string) =>
      Number(new RegExp(`${key}: ([\\d_]+)`).exec(defaults)?.[1]?.replace(/_/g, ''));
    const [variables, nodes] = [setting('maxVariables'), setting('nodeLimit')];
    expect(variables).toBeGreaterThan(0);
    expect(nodes).toBeGreaterThan(0);
    expectQuoted('docs/scoring.md', [
      `more than ${variables.toLocaleString('en-GB')} variables`,
      `after ${nodes.toLocaleString('en-GB')} branch-and-bound nodes`,
    ]);
  });

  test("docs/development.md names every entry point of knip.json's", () => {
    const { entry } = JSON.parse(read('knip.json')) as { entry: string[] };
    const page = read('docs/development.md');
    expect(entry.filter((e) => !e.startsWith('test/') && !page.includes(e))).toEqual([]);
  });

  test('a source file a page names as holding a table or function has it', () => {
    const wrong = manualPages.flatMap((page) =>
      [
        ...read(page).matchAll(/\b((?:src|test|scripts)\/[\w./-]+\.\w+)`?, `(\w+)`/g),
        ...[...read(page).matchAll(/`(\w+)` in `((?:src|test|scripts)\/[\w./-]+\.\w+)`/g)].map((m) => [
          m[0],
          m[2],
          m[1],
        ]),
      ].flatMap(([, file = '', name = '']) =>
        new RegExp(`\\b(?:const|let|function|class|interface|type)\\s+${name}\\b`).test(read(file))
          ? []
          : [`${page}: ${file} has no ${name}`],
      ),
    );
    expect(wrong).toEqual([]);
  });
});
