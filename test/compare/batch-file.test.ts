import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseBatchFile, type Variant } from '../../src/compare/batch-file.js';
import { baseReferenceProblems } from '../../src/compare/batch-references.js';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { repoRoot } from '../helpers/cli.js';

function variants(text: string): Variant[] {
  const parsed = parseBatchFile(text);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.variants;
}

function problems(text: string) {
  const parsed = parseBatchFile(text);
  if (!('problems' in parsed)) throw new Error('expected problems');
  return parsed.problems;
}

describe('parseBatchFile', () => {
  test('shared overrides that meet variants’ own in a way neither is wrong alone are told once, at "overrides", naming the variants by place (review of explore21)', () => {
    // Until 2026-12-02 this was told twice, "variant 2" both times (the third variant counted
    // as the second valid one), and neither line named the shared "overrides".
    const found = problems(
      [
        '{ "base": "tiny",',
        '  "overrides": { "lots": { "complex": { "merge": "standard" } } },',
        '  "variants": [',
        '    { "id": "a", "overrides": { "award": { "maxShareOfTotalHours": 0.5 } } },',
        '    { "id": "b", "overrides": { "lots": { "complex": { "structure": "sole" } } } },',
        '    { "id": "c", "overrides": { "lots": { "complex": { "geography": "zone" } } } }',
        '  ] }',
      ].join('\n'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(2);
    expect(found[0]?.message).toMatch(
      /^"overrides", with variants 2 and 3 \(lines 5, 6\): overrides\.lots\.complex must be/,
    );
  });

  test('a grid variant whose keys fail once merged is counted by its place in the batch, not among those that read', () => {
    const found = problems(
      [
        '{ "base": "tiny",',
        '  "variants": [{ "id": "a" }],',
        '  "grid": { "lots.complex": [{ "merge": "standard" }], "lots.complex.structure": ["sole", "framework"] } }',
      ].join('\n'),
    );
    expect(found.map((p) => p.message.split(':')[0])).toEqual(['variant 2', 'variant 3']);
  });

  test('a batch file saved with a byte order mark (Notepad, Windows PowerShell) reads as without one, its lines kept (explore11)', () => {
    const text = '{\n  "base": "tiny",\n  "variants": [{ "id": "a" }]\n}\n';
    expect(variants(`\uFEFF${text}`)).toEqual(variants(text));
    expect(problems('\uFEFF{\n  "base": "tiny",\n  "varients": []\n}\n')[0]?.line).toBe(3);
  });

  test('a grid saved from a spreadsheet as a table (CSV) is told as a table, with the grid it would be in JSON (explore21)', () => {
    // Excel in a comma-decimal locale: a byte order mark, semicolons, CRLF, "0,3" for 0.3, a blank cell.
    // Until 2026-12-02: `grid.csv:1: is not valid JSON at column 1 (InvalidSymbol)`.
    const table =
      '\uFEFFzoning;option;award.maxShareOfTotalHours\r\ndistricts;lead-80-20;20%\r\ntwelve;sole;0,3\r\ntwelve;;\r\n';
    const [problem, ...more] = problems(table);
    expect(more).toEqual([]);
    expect(problem?.line).toBe(1);
    expect(problem?.message).toBe(
      'is a table (columns zoning, option, award.maxShareOfTotalHours), not JSON: a batch file is JSON, each column a list under "grid" (every combination of them is run; for the rows alone, give each as one of "variants"), ' +
        'e.g. {"base": "my-county", "grid": {"zoning": ["districts", "twelve"], "option": ["lead-80-20", "sole"], "award.maxShareOfTotalHours": ["20%", 0.3]}}: ' +
        'save it as batch.json with your scenario folder as "base" (docs/compare-and-batch.md, "The batch file")',
    );
    // A file that is JSON gone wrong is still told as JSON.
    expect(problems('{\n  "base": "tiny",\n  "grid": { "zoning": ["one",] }\n}\n')[0]?.message).not.toMatch(
      /table/,
    );
    expect(problems('base: tiny, grid: zoning\n')[0]?.message).not.toMatch(/table/);
  });

  test('a listed variant is named as the other messages name it, counted from 1 (explore21)', () => {
    // Until 2026-12-02 "variants.1.samples must be at least 1" beside "variant 2: period …": the
    // second variant was "1" in one message and "2" in the next.
    const text = [
      '{ "base": "tiny",',
      '  "variants": [',
      '    { "id": "a", "overrides": { "demandMultiplier": "1,1" } },',
      '    { "id": "b c", "samples": 0, "overides": {} } ] }',
    ].join('\n');
    expect(problems(text).map((p) => `${p.line}: ${p.message}`)).toEqual([
      // mend17b: until then "must be a number, not text", without the decimal comma's hint.
      '3: variant 1: overrides.demandMultiplier must be a number: "1,1" uses a comma as the decimal point: write 1.1 (commas may only separate thousands, as in 1,200)',
      '4: variant 2: id must be letters, digits, _ . - only',
      '4: variant 2: samples must be at least 1',
      '4: variant 2 has an unknown key "overides" (did you mean "overrides"?): remove it or correct its name',
    ]);
  });

  test("a blank zoning or name (an empty cell) is told in words, not in the schema library's (explore21)", () => {
    // Until 2026-12-02: `zoning Too small: expected string to have >=1 characters`.
    const text =
      '{ "base": "tiny",\n  "variants": [{ "overrides": { "name": "" } }],\n  "grid": { "zoning": ["two", ""] } }';
    expect(problems(text).map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: variant 1: overrides.name is blank: give the variant a name, or leave "name" out',
      '3: grid "zoning" value "": zoning is blank: give the name of one of the scenario\'s zonings, or leave the value out',
    ]);
  });

  test('an option misspelt in a grid is told with the option probably meant (explore21)', () => {
    // Until 2026-12-02 the list of options alone: "Lead-80-20" beside "lead-80-20" in it.
    expect(problems('{ "base": "tiny", "grid": { "option": ["Lead-80-20", "sole"] } }')[0]?.message).toBe(
      'grid "option" value "Lead-80-20": option must be one of sole, sole-backup, lead-80-20, lead-50-50, complex-per-zone, complex-merged, reablement-per-zone, county-framework, prime-60-20-20 (did you mean "lead-80-20"?)',
    );
  });

  test('a grid expands to every combination, the last key varying fastest, after the listed variants', () => {
    const list = variants(
      JSON.stringify({
        base: 'tiny',
        overrides: { award: { minQuality: 10 } },
        variants: [{ id: 'first', overrides: { zoning: 'one' } }],
        grid: { zoning: ['one', 'two'], 'award.maxShareOfTotalHours': [0.5, 0.6, 1] },
      }),
    );
    expect(list.length).toBe(1 + 6);
    expect(list.map((v) => v.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(list[0]).toMatchObject({
      id: 'first',
      base: 'tiny',
      overrides: { zoning: 'one', award: { minQuality: 10 } },
      samples: null,
      seed: 1,
    });
    expect(
      list
        .slice(1)
        .map((v) => [
          v.overrides.zoning,
          v.overrides.award?.['maxShareOfTotalHours'],
          v.overrides.award?.['minQuality'],
        ]),
    ).toEqual([
      ['one', 0.5, 10],
      ['one', 0.6, 10],
      ['one', 1, 10],
      ['two', 0.5, 10],
      ['two', 0.6, 10],
      ['two', 1, 10],
    ]);
  });

  test('derived ids depend on the definition only, not on position or key order', () => {
    const a = variants(
      JSON.stringify({ base: 'tiny', grid: { zoning: ['one', 'two'], demandMultiplier: [1, 2] } }),
    );
    const b = variants(
      JSON.stringify({ base: 'tiny', grid: { demandMultiplier: [2, 1], zoning: ['two', 'one'] } }),
    );
    expect(new Set(a.map((v) => v.id))).toEqual(new Set(b.map((v) => v.id)));
    expect(a.every((v) => /^v-[0-9a-f]{12}$/.test(v.id))).toBe(true);
    const c = variants(
      JSON.stringify({
        base: 'tiny',
        samples: 10,
        grid: { zoning: ['one', 'two'], demandMultiplier: [1, 2] },
      }),
    );
    expect(c.some((v) => a.some((w) => w.id === v.id))).toBe(false);
  });

  test('the bundled example holds about 500 variants with distinct ids', () => {
    const list = variants(readFileSync(path.join(repoRoot, 'scenarios', 'hertfordshire-batch.json'), 'utf8'));
    expect(list.length).toBe(504);
    expect(new Set(list.map((v) => v.id)).size).toBe(504);
  });

  test('an unknown key in the file or in a variant is named at its own line, with the key probably meant', () => {
    const text = [
      '{',
      '  "base": "tiny",',
      '  "varients": [{ "id": "a" }],',
      '  "variants": [',
      '    { "id": "b",',
      '      "overides": { "zoning": "one" } },',
      '    { "id": "c", "overrides": { "lots": { "standard": { "leadshare": 0.6 } } } }',
      '  ]',
      '}',
    ].join('\n');
    expect(problems(text)).toEqual([
      {
        line: 3,
        message:
          'the batch file has an unknown key "varients" (did you mean "variants"?): remove it or correct its name',
      },
      {
        line: 6,
        message:
          'variant 1 has an unknown key "overides" (did you mean "overrides"?): remove it or correct its name',
      },
      {
        line: 7,
        message:
          'variant 2: overrides.lots.standard has an unknown key "leadshare" (did you mean "leadShare"?): remove it or correct its name',
      },
    ]);
  });

  test('a misspelt costModel or scoring key is refused before anything runs, at its own line, with the key meant', () => {
    const text = [
      '{',
      '  "base": "tiny",',
      '  "overrides": { "scoring": { "marginBnd": 0.3 } },',
      '  "variants": [',
      '    { "id": "a", "overrides": { "costModel": { "onCosts": { "pensio": 0.1 } } } }',
      '  ],',
      '  "grid": { "demandMultiplier": [1, 1.1] }',
      '}',
    ].join('\n');
    expect(problems(text)).toEqual([
      {
        line: 3,
        message:
          'overrides.scoring has an unknown key "marginBnd" (did you mean "marginBand"?): remove it or correct its name',
      },
      {
        line: 5,
        message:
          'variant 1: overrides.costModel.onCosts has an unknown key "pensio" (did you mean "pension"?): remove it or correct its name',
      },
    ]);
  });

  test('a grid key misspelt below its override (a setting, a lot field) is one problem at the key, not one per value', () => {
    const text = [
      '{ "base": "tiny",',
      '  "grid": {',
      '    "costModel.wagePerHr": [12, 13],',
      '    "lots.standard.leadShar": [0.5, 0.6, 0.7],',
      '    "scoring.riskWeights.suply": [0.1, 0.2]',
      '  } }',
    ].join('\n');
    expect(problems(text)).toEqual([
      {
        line: 3,
        message:
          'grid "costModel.wagePerHr": costModel has an unknown key "wagePerHr" (did you mean "wagePerHour"?): remove it or correct its name',
      },
      {
        line: 4,
        message:
          'grid "lots.standard.leadShar": lots.standard has an unknown key "leadShar" (did you mean "leadShare"?): remove it or correct its name',
      },
      {
        line: 5,
        message:
          'grid "scoring.riskWeights.suply": scoring.riskWeights has an unknown key "suply" (did you mean "supply"?): remove it or correct its name',
      },
    ]);
  });

  test('"varients" without variants or a grid is one problem: the unknown key, with the key meant', () => {
    expect(problems('{ "base": "tiny",\n  "varients": [ { "id": "a" } ] }')).toEqual([
      {
        line: 2,
        message:
          'the batch file has an unknown key "varients" (did you mean "variants"?): remove it or correct its name',
      },
    ]);
  });

  test('problems name their line', () => {
    const text = [
      '{',
      '  "base": "tiny",',
      '  "variants": [',
      '    { "overrides": { "zonning": "one" } },',
      '    { "overrides": { "award": { "maxShareOfTotalHours": 3 } } }',
      '  ],',
      '  "grid": { "demandMultiplier": [1, -1] }',
      '}',
    ].join('\n');
    const found = problems(text);
    // The grid's mistake is reported with the variants' ones, not only once they are fixed.
    expect(found.map((p) => p.line)).toEqual([4, 5, 7]);
    expect(found[0]?.message).toBe(
      'variant 1: overrides has an unknown key "zonning" (did you mean "zoning"?): remove it or correct its name',
    );
    expect(found[1]?.message).toMatch(/maxShareOfTotalHours.*at most 1/);
    expect(found[2]?.message).toMatch(
      /^grid "demandMultiplier" value -1: demandMultiplier must be more than 0/,
    );
    const grid = problems(
      ['{', '  "base": "tiny",', '  "grid": {', '    "demandMultiplier": [1, -1]', '  }', '}'].join('\n'),
    );
    expect(grid).toEqual([
      {
        line: 4,
        message: expect.stringMatching(
          /grid "demandMultiplier" value -1: demandMultiplier must be more than 0/,
        ),
      },
    ]);
  });

  test('a grid key no override has is one problem at the key, with the award rule it may have meant', () => {
    const found = problems(
      [
        '{',
        '  "base": "tiny",',
        '  "grid": {',
        '    "maxShareOfTotalHours": [0.5, 1],',
        '    "award.maxShareOfTotalHour": [0.5, 1, 0.25],',
        '    "demandMultiplyer": [1, 1.1]',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(found).toEqual([
      {
        line: 4,
        message:
          'grid "maxShareOfTotalHours" is not an override (did you mean "award.maxShareOfTotalHours"?): remove it or correct its name',
      },
      {
        line: 5,
        message:
          'grid "award.maxShareOfTotalHour" is not an award rule (did you mean "award.maxShareOfTotalHours"?): remove it or correct its name',
      },
      {
        line: 6,
        message:
          'grid "demandMultiplyer" is not an override (did you mean "demandMultiplier"?): remove it or correct its name',
      },
    ]);
  });

  test('two letters typed the wrong way round are one slip: "optoin" is "option", "zonnig" is "zoning"', () => {
    expect(
      problems('{\n  "base": "tiny",\n  "grid": {\n    "optoin": ["sole"],\n    "zonnig": ["two"]\n  }\n}\n'),
    ).toEqual([
      {
        line: 4,
        message: 'grid "optoin" is not an override (did you mean "option"?): remove it or correct its name',
      },
      {
        line: 5,
        message: 'grid "zonnig" is not an override (did you mean "zoning"?): remove it or correct its name',
      },
    ]);
  });

  test('a variant that writes an award rule outside "award" is told where it goes; a grid of whole objects is checked value by value', () => {
    const found = problems(
      JSON.stringify({
        base: 'tiny',
        variants: [{ overrides: { maxShareOfTotalHours: 0.5 } }],
        grid: { award: [{ maxShareOfTotalHour: 1 }, { minQuality: 'x' }] },
      }),
    );
    expect(found.map((p) => p.message)).toEqual([
      'variant 1: overrides has an unknown key "maxShareOfTotalHours": it is an award rule, so write it inside "award": {"maxShareOfTotalHours": …}',
      'grid "award" value {"maxShareOfTotalHour":1}: award has an unknown key "maxShareOfTotalHour" (did you mean "maxShareOfTotalHours"?): remove it or correct its name',
      'grid "award" value {"minQuality":"x"}: award.minQuality must be a number, not text',
    ]);
  });

  test('text where an override wants a number is told so in plain words; other mistakes are not called text', () => {
    const found = problems(
      JSON.stringify({
        base: 'tiny',
        variants: [
          { id: 'a', overrides: { weeksPerYear: '52', priceChanges: { P1: 'x' } } },
          { id: 'b', overrides: { weeksPerYear: 60, priceChanges: { P1: true } } },
        ],
        grid: { demandMultiplier: [1, 'lots'] },
      }),
    );
    expect(found.map((p) => p.message)).toEqual([
      'variant 1: overrides.weeksPerYear must be a number, not text',
      'variant 1: overrides.priceChanges.P1 must be a number, not text',
      expect.stringMatching(/^variant 2: overrides\.weeksPerYear (?!must be a number, not text)/),
      expect.stringMatching(/^variant 2: overrides\.priceChanges\.P1 (?!must be a number, not text)/),
      'grid "demandMultiplier" value "lots": demandMultiplier must be a number, not text',
    ]);
  });

  // mend17b: until then "must be a number, not text", without the hint a table cell's "30,00" gets.
  test('a money setting written with a decimal comma in an override is told to be written with a point, as in scenario.json', () => {
    const found = problems(
      [
        '{ "base": "tiny",',
        '  "overrides": { "award": { "spotPricePerHour": "32,14" } },',
        '  "variants": [ { "id": "a", "overrides": { "costModel": { "wagePerHour": "€30,00" } } } ] }',
      ].join('\n'),
    );
    expect(found.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: overrides.award.spotPricePerHour must be a number: "32,14" uses a comma as the decimal point: write 32.14 (commas may only separate thousands, as in 1,200)',
      '3: variant 1: overrides.costModel.wagePerHour must be a number: "€30,00" uses a comma as the decimal point: write 30.00 (commas may only separate thousands, as in 1,200)',
    ]);
  });

  // mend17d: until then "1,000" was told to be written 1.000 (a decimal comma), which made the penalty 1.
  test('a number written as text with thousands commas in a grid or an override is told to be written without them, never as a decimal', () => {
    const found = problems(
      [
        '{ "base": "tiny",',
        '  "overrides": { "award": { "spotPricePerHour": "12,500.50" } },',
        '  "grid": { "award.unmetPenaltyPerHour": ["1,000", 10] } }',
      ].join('\n'),
    );
    expect(found.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: overrides.award.spotPricePerHour must be a number, not text: write "12,500.50" as 12500.50, without quotes or commas',
      '3: grid "award.unmetPenaltyPerHour" value "1,000": award.unmetPenaltyPerHour must be a number, not text: write "1,000" as 1000, without quotes or commas',
    ]);
  });

  // mend17b: until then "base is missing: give it as text", which does not say what a base is.
  test('a batch file with no "base" is told what to give, even when its variants name their own', () => {
    expect(problems('{ "variants": [ { "id": "a", "base": "tiny" } ] }')).toEqual([
      {
        line: 1,
        message:
          'base is missing: give the scenario folder (or .xlsx workbook) the variants are made from, relative to the batch file, e.g. "base": "my-county"; a variant may name another in its own "base"',
      },
    ]);
  });

  test('bad JSON, no variants and duplicate ids are problems', () => {
    expect(problems('{\n  "base": "tiny",\n  "grid": { "zoning": ["one"] \n')[0]?.line).toBe(4);
    expect(problems('{ "base": "tiny" }')[0]?.message).toBe(
      'the batch file has no "variants" and no "grid": give at least one',
    );
    // An empty grid is a grid of nothing to vary, not a run of the base alone.
    expect(problems('{ "base": "tiny",\n  "grid": {} }')).toEqual([
      {
        line: 2,
        message:
          'grid has no keys: name at least one override to vary, e.g. "grid": {"demandMultiplier": [1, 1.1]}, or leave "grid" out',
      },
    ]);
    expect(
      problems(
        JSON.stringify({ base: 'tiny', variants: [{ id: 'x' }, { id: 'x', overrides: { zoning: 'one' } }] }),
      )[0]?.message,
    ).toMatch(/variants 1 and 2 have the same id "x"/);
    expect(
      problems(JSON.stringify({ base: 'tiny', variants: [{ overrides: {} }, { overrides: {} }] }))[0]
        ?.message,
    ).toMatch(/same id/);
  });

  test.each([
    [
      // JSON.parse kept the last "zoning": the batch ran zoning "one" alone, the two meant maps never.
      'a key given twice in grid',
      '{\n  "base": "tiny",\n  "grid": {\n    "zoning": ["two", "three"],\n    "demandMultiplier": [1, 1.1],\n    "zoning": ["one"]\n  }\n}\n',
      6,
      '"zoning" is given twice in grid (first at line 4): JSON keeps only the last, so the first is lost; give each key once',
    ],
    [
      'a key given twice at the top',
      '{\n  "base": "tiny",\n  "variants": [{ "id": "a" }],\n  "base": "two"\n}\n',
      4,
      '"base" is given twice at the top of the file (first at line 2): JSON keeps only the last, so the first is lost; give each key once',
    ],
    [
      // Every combination with the repeated value is a repeat: it was one message per combination, at line 1.
      'a grid value given twice',
      '{\n  "base": "tiny",\n  "grid": {\n    "zoning": ["two", "one",\n      "two"],\n    "demandMultiplier": [1, 1.1, 1.2]\n  }\n}\n',
      5,
      'grid "zoning" value "two" is given twice (values 1 and 3): each value makes its variants once; give it once, or the value meant',
    ],
    [
      // "40%" is 0.4 as it runs: the same variants twice, under two ids (explore21).
      'a share given twice, once as a percentage',
      '{\n  "base": "tiny",\n  "grid": {\n    "award.maxShareOfTotalHours": [0.4, 0.5,\n      "40%"]\n  }\n}\n',
      5,
      'grid "award.maxShareOfTotalHours" value "40%" is given twice (values 1 and 3): each value makes its variants once; give it once, or the value meant',
    ],
    [
      'a listed variant that repeats an id',
      '{\n  "base": "tiny",\n  "variants": [\n    { "id": "a" },\n    { "id": "b" },\n    { "id": "a", "overrides": { "zoning": "one" } }\n  ]\n}\n',
      6,
      'variants 1 and 3 have the same id "a" (same id given, or the same definition twice): give each variant its own id or definition',
    ],
  ])('%s is one message, at the line of the repeat', (_name, text, line, message) => {
    expect(problems(text)).toEqual([{ line, message }]);
  });

  // Until 2026-12-02 numbered among the variants that read: "variants 1 and 2 …", at line 5 (review15b).
  test('a repeated id after a variant refused is numbered and placed by its place in the batch', () => {
    const text =
      '{\n  "base": "tiny",\n  "overrides": { "lots": { "complex": { "merge": "standard" } } },\n  "variants": [\n    { "id": "a", "overrides": { "lots": { "complex": { "structure": "sole" } } } },\n    { "id": "b" },\n    { "id": "b" }\n  ]\n}\n';
    expect(problems(text)).toContainEqual({
      line: 7,
      message:
        'variants 2 and 3 have the same id "b" (same id given, or the same definition twice): give each variant its own id or definition',
    });
  });

  // Until 2026-12-02 (session 16) a mistake the schema refuses hid the repeated id, told only a run later.
  test('a repeated id is told in the same run as a schema mistake in another variant', () => {
    const text =
      '{\n  "base": "tiny",\n  "variants": [\n    { "id": "a", "overrides": { "award": { "maxShareOfTotalHours": "lots" } } },\n    { "id": "b", "overrides": { "zoning": "one" } },\n    { "id": "b", "overrides": { "zoning": "two" } }\n  ]\n}\n';
    expect(problems(text)).toEqual([
      {
        line: 4,
        message: expect.stringMatching(/^variant 1: overrides.award.maxShareOfTotalHours must be a number/),
      },
      {
        line: 6,
        message:
          'variants 2 and 3 have the same id "b" (same id given, or the same definition twice): give each variant its own id or definition',
      },
    ]);
  });

  test('a JSON slip is one message naming it, at its line, worded as for scenario.json', () => {
    // A comma after the last item: the parser's later complaints are echoes of it.
    expect(problems('{\n  "base": "tiny",\n  "grid": { "zoning": ["one", "two",] },\n}\n')).toEqual([
      { line: 3, message: expect.stringMatching(/^has a comma after the last item/) },
    ]);
    expect(problems('{\n  // my grid\n  "base": "tiny"\n}')).toEqual([
      { line: 2, message: expect.stringMatching(/^has a comment/) },
    ]);
    expect(problems('')).toEqual([{ line: null, message: expect.stringMatching(/^is empty/) }]);
  });

  test('JSON that is not an object is one problem, not a crash', () => {
    for (const text of ['null', '[1]', '3'])
      expect(problems(text).map((p) => p.message)).toEqual([
        expect.stringMatching(/^the batch file must be an object \(\{…\}\), not (null|a list|a number)/),
      ]);
  });
});

describe('baseReferenceProblems', () => {
  test('a zoning, period or priceChanges key its base lacks is one problem at its line, before any variant runs', async () => {
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (scenario === null) throw new Error('tiny did not read');
    const bases = new Map<string, Scenario>([['tiny', scenario]]);
    const text = [
      '{',
      '  "base": "tiny",',
      '  "overrides": { "period": "2072" },',
      '  "variants": [',
      '    { "id": "a", "overrides": { "priceChanges": { "P-ALDR": 1.1 } } },',
      '    { "id": "b", "overrides": { "priceChanges": { "P-ALDER": 1.1 } } }',
      '  ],',
      '  "grid": {',
      '    "zoning": ["two", "ones"],',
      '    "demandMultiplier": [1, 1.1]',
      '  }',
      '}',
    ].join('\n');
    expect(references(text, bases)).toEqual([
      { line: 3, message: 'overrides: period "2072" has no rows in demand.csv: choose one of 2027' },
      {
        line: 5,
        message:
          'variant 1: priceChanges: "P-ALDR" is not a bid id, provider id or care type with bids (did you mean "P-ALDER"?)',
      },
      {
        line: 9,
        message:
          'grid "zoning" value "ones": zoning "ones" is not in the scenario (did you mean "one"?): choose one of two, one',
      },
    ]);
    expect(references('{ "base": "tiny", "grid": { "zoning": ["one", "two"] } }', bases)).toEqual([]);
  });

  test('a shared override every variant replaces is never used, so never refused', async () => {
    const bases = new Map<string, Scenario>([['tiny', await tiny()]]);
    const listed = [
      '{ "base": "tiny",',
      '  "overrides": { "zoning": "three", "priceChanges": { "P-NOBODY": 1.1 } },',
      '  "variants": [',
      '    { "id": "a", "overrides": { "zoning": "one", "priceChanges": { "P-ALDER": 1 } } },',
      '    { "id": "b", "overrides": { "zoning": "two" } } ] }',
    ].join('\n');
    // Both keep the shared price change (priceChanges merge key by key), told once; neither keeps the zoning.
    expect(references(listed, bases)).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/^overrides: priceChanges: "P-NOBODY" is not a bid id/),
      },
    ]);
    const grid =
      '{ "base": "tiny",\n  "overrides": { "zoning": "three" },\n  "grid": { "zoning": ["one", "two"] } }';
    expect(references(grid, bases)).toEqual([]);
    // A grid that replaces it in only some values leaves it in the others.
    const some =
      '{ "base": "tiny",\n  "overrides": { "award": { "minQuality": 1 } },\n  "grid": { "award": [{ "minQuality": 2 }, { "maxShareOfTotalHours": 1 }] } }';
    expect(references(some, bases)).toEqual([]);
  });

  test("shared overrides are checked against each variant's own base", async () => {
    const scenario = await tiny();
    const zonings = new Map([...scenario.zonings].filter(([name]) => name === 'one'));
    const bases = new Map<string, Scenario>([
      ['tiny', scenario],
      ['other', { ...scenario, zonings }],
    ]);
    const text = [
      '{ "base": "tiny",',
      '  "overrides": { "zoning": "two" },',
      '  "variants": [ { "id": "a" }, { "id": "b", "base": "other" } ] }',
    ].join('\n');
    expect(references(text, bases)).toEqual([
      {
        line: 2,
        message: 'overrides: zoning "two" is not in the scenario: choose one of one',
      },
    ]);
  });
});

async function tiny(): Promise<Scenario> {
  const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
  if (scenario === null) throw new Error('tiny did not read');
  return scenario;
}

/** The reference problems of a batch file parseBatchFile accepts. */
function references(text: string, bases: ReadonlyMap<string, Scenario>) {
  const parsed = parseBatchFile(text);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return baseReferenceProblems(parsed, bases);
}
