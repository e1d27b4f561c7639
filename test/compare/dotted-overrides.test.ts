import { describe, expect, test } from 'vitest';
import { parseBatchFile, type BatchProblem, type Variant } from '../../src/compare/batch-file.js';

function variants(text: string): Variant[] {
  const parsed = parseBatchFile(text);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.variants;
}

function problems(text: string): BatchProblem[] {
  const parsed = parseBatchFile(text);
  if (!('problems' in parsed)) throw new Error('expected problems');
  return parsed.problems;
}

const grid = '"grid": { "lots.standard.structure": ["sole", "lead-secondary"] }';

describe('overrides may name a setting by a dotted path, as grid keys do', () => {
  test('a dotted shared override is the nested one: the same variants, the same ids', () => {
    // Until 2026-12-02: `overrides has an unknown key "lots.standard.leadShare" (did you mean
    // "lots"?)` at its line, and every grid value needing leadShare told it missing.
    const dotted = variants(
      `{ "base": "tiny",\n  "overrides": { "lots.standard.leadShare": 0.8, "award.minQuality": 50 },\n  ${grid} }`,
    );
    const nested = variants(
      `{ "base": "tiny",\n  "overrides": { "lots": { "standard": { "leadShare": 0.8 } }, "award": { "minQuality": 50 } },\n  ${grid} }`,
    );
    expect(dotted.map((v) => v.overrides)).toEqual(nested.map((v) => v.overrides));
    expect(dotted.map((v) => v.id)).toEqual(nested.map((v) => v.id));
    expect(dotted[1]?.overrides).toMatchObject({
      lots: { standard: { structure: 'lead-secondary', leadShare: 0.8 } },
      award: { minQuality: 50 },
    });
  });

  test('dotted and nested keys of one override merge', () => {
    const [only] = variants(
      '{ "base": "tiny", "variants": [ { "id": "a", "overrides": { "award": { "minQuality": 50 }, "award.maxShareOfTotalHours": 0.4 } } ] }',
    );
    expect(only?.overrides).toEqual({ award: { minQuality: 50, maxShareOfTotalHours: 0.4 } });
  });

  test("a mistake in a dotted override is told at the dotted key's line, by its path", () => {
    const found = problems(
      [
        '{ "base": "tiny",',
        '  "variants": [',
        '    { "id": "a" },',
        '    { "id": "b", "overrides": {',
        '        "lots.standard.leadShare": 0.5,',
        '        "award.minQuality": "high" } } ] }',
      ].join('\n'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(6);
    expect(found[0]?.message).toMatch(/^variant 2: overrides\.award\.minQuality /);
  });

  test('a dotted key whose first part is no override stays an unknown key', () => {
    const found = problems(
      '{ "base": "tiny",\n  "overrides": { "lotz.standard.leadShare": 0.8 },\n  "grid": { "zoning": ["two"] } }',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(2);
    expect(found[0]?.message).toContain('unknown key "lotz.standard.leadShare"');
  });

  test('a setting given both dotted and nested is one problem at the dotted key, naming the other line (review17b)', () => {
    // Until review17b the dotted value silently won (0.8 over 0.7).
    expect(
      problems(
        [
          '{ "base": "tiny",',
          '  "overrides": {',
          '    "lots": { "standard": {',
          '      "leadShare": 0.7 } },',
          '    "lots.standard.leadShare": 0.8 },',
          '  "grid": { "zoning": ["two"] } }',
        ].join('\n'),
      ),
    ).toEqual([
      {
        line: 5,
        message:
          'overrides "lots.standard.leadShare" gives lots.standard.leadShare, which the same overrides give at line 4 too: give it once, dotted or nested',
      },
    ]);
  });

  test('a dotted key inside a value that is no object is a clash; a shorter dotted key and a longer one merge', () => {
    const found = problems(
      '{ "base": "tiny",\n  "overrides": { "award": 5,\n    "award.minQuality": 50 },\n  "grid": { "zoning": ["two"] } }',
    );
    // "award": 5 is told as what it is, and the dotted rule that cannot go inside it at its own line.
    expect(found.map((p) => p.line)).toEqual([2, 3]);
    expect(found[1]?.message).toContain('gives award, which the same overrides give at line 2 too');
    const [merged] = variants(
      '{ "base": "tiny", "variants": [ { "id": "a", "overrides": { "award.minQuality": 50, "award": { "maxShareOfTotalHours": 0.4 } } } ] }',
    );
    expect(merged?.overrides).toEqual({ award: { minQuality: 50, maxShareOfTotalHours: 0.4 } });
  });

  test("a mistake in a dotted key's middle part is told at the dotted key's line (review17b)", () => {
    const found = problems(
      [
        '{ "base": "tiny",',
        '  "overrides": {',
        '    "demandMultiplier": 1.1,',
        '',
        '    "lots.standrd.structure": "sole" },',
        '  "grid": { "zoning": ["two"] } }',
      ].join('\n'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(5);
  });

  test('a dotted object beside a nested one merges; only a setting both give clashes (review17c)', () => {
    const [both] = variants(
      '{ "base": "tiny", "variants": [ { "id": "a", "overrides": { "award": { "minQuality": 50 }, "lots": { "standard": { "structure": "lead-secondary" } }, "lots.standard": { "leadShare": 0.8 } } } ] }',
    );
    expect(both?.overrides).toEqual({
      award: { minQuality: 50 },
      lots: { standard: { structure: 'lead-secondary', leadShare: 0.8 } },
    });
    const found = problems(
      '{ "base": "tiny",\n  "overrides": { "lots": { "standard": { "leadShare": 0.7 } },\n    "lots.standard": { "leadShare": 0.8 } },\n  "grid": { "zoning": ["two"] } }',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(3);
    expect(found[0]?.message).toContain(
      'gives lots.standard.leadShare, which the same overrides give at line 2 too',
    );
  });
});
