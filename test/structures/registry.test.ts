/**
 * The table of structures: a lot entry is checked by its own structure's
 * settings schema, and the builder's table and the verifier's own table agree
 * on every structure's roles and shares (they share no code, so this is a
 * real cross-check, not a tautology).
 */
import { describe, expect, test } from 'vitest';
import { lotEntrySchema } from '../../src/structures/entry-schema.js';
import { describeEntry, entryRoles, labelEntry, structures } from '../../src/structures/index.js';
import { lotStructures, type LotEntry } from '../../src/model/types.js';
import { lotRules } from '../../src/verify/structure-rules.js';
import { keysAt } from '../../src/model/schema-keys.js';

const issues = (value: unknown) => {
  const parsed = lotEntrySchema().safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
};

/** A valid entry of every structure, with settings other than the defaults. */
const samples: readonly LotEntry[] = [
  { kind: 'lot', geography: 'zone', structure: 'sole', backup: true },
  { kind: 'lot', geography: 'zone', structure: 'lead-secondary', leadShare: 0.7 },
  { kind: 'lot', geography: 'county', structure: 'framework', maxProviders: 4, minShare: 0.1 },
  { kind: 'lot', geography: 'zone', structure: 'prime-secondaries', primeShare: 0.5, secondaries: 2 },
  { kind: 'lot', geography: 'zone', structure: 'prime-secondaries', primeShare: 0.7, secondaries: 1 },
];

describe('the table of structures', () => {
  test('has one entry per structure, each under its own name', () => {
    expect(Object.keys(structures).sort()).toEqual([...lotStructures].sort());
    for (const [name, s] of Object.entries(structures)) expect(s.kind).toBe(name);
    expect(new Set(samples.map((e) => e.structure))).toEqual(new Set(lotStructures));
  });

  // `keys` is kept by hand because a plainly right entry is read without building the settings
  // schema (entry-schema.ts, lotEntryQuick); the schema is its source, so a key it leaves out fails here.
  test.each(lotStructures)("%s: its keys are its settings schema's", (kind) => {
    const { keys, settings } = structures[kind];
    expect([...keys].sort()).toEqual(keysAt(settings(), []).sort());
  });

  test('a sample of each structure round-trips through scenario.json', () => {
    for (const entry of samples) {
      const json = { geography: entry.geography, ...structures[entry.structure].toJson(entry as never) };
      expect(lotEntrySchema().parse({ ...json, structure: entry.structure })).toEqual(entry);
    }
  });

  test('every setting that changes the award shows in its words for the report and compare tables', () => {
    // Until 2026-12-02 a framework's minShare showed in neither: a report of a framework whose members
    // must each take 30% read "framework (up to 3)", as one with no least share.
    const framework = (minShare: number): LotEntry => ({
      kind: 'lot',
      geography: 'county',
      structure: 'framework',
      maxProviders: 3,
      minShare,
    });
    expect(labelEntry(framework(0.3))).toBe('framework (up to 3, each at least 30.0%)');
    expect(describeEntry(framework(0.3))).toBe('county framework (max 3, each at least 30%)');
    expect(labelEntry(framework(0))).toBe('framework (up to 3)');
    expect(describeEntry(framework(0))).toBe('county framework (max 3)');
  });

  test("the builder's roles and the verifier's rules agree on every structure", () => {
    for (const entry of samples) {
      const built = new Map<string, { share: number; count: number }>();
      for (const r of entryRoles(entry)) {
        const seen = built.get(r.role);
        expect(seen === undefined || Math.abs(seen.share - r.share) < 1e-12, entry.structure).toBe(true);
        built.set(r.role, { share: r.share, count: (seen?.count ?? 0) + 1 });
      }
      const rules = lotRules(entry);
      expect([...built.keys()].sort(), entry.structure).toEqual([...rules.roles.keys()].sort());
      for (const [role, { share, count }] of built) {
        expect(rules.roles.get(role)?.count).toBe(count);
        expect(rules.roles.get(role)?.share).toBeCloseTo(share, 12);
      }
      const total = entryRoles(entry).reduce((t, r) => t + r.share, 0);
      if (built.size > 0) expect(total).toBeCloseTo(1, 12);
      expect(rules.places === null).toBe(structures[entry.structure].fill === 'roles');
    }
  });
});

describe('a lot entry', () => {
  test('an unknown structure lists every structure', () => {
    expect(issues({ geography: 'zone', structure: 'zonal' })).toEqual([
      'structure must be "sole", "lead-secondary", "framework" or "prime-secondaries" (got "zonal")',
    ]);
  });

  test('a share written as a percentage is told how to write it (explore16)', () => {
    // "leadShare": 70 meaning 70% was told only that it must be below 1.
    expect(issues({ geography: 'zone', structure: 'lead-secondary', leadShare: 70 })).toEqual([
      'leadShare is 70: it must be at least 0.5 and less than 1 (0.8 means 80/20); for 70% write 0.7 or "70%"',
    ]);
    expect(issues({ geography: 'zone', structure: 'prime-secondaries', primeShare: 60 })).toEqual([
      'primeShare is 60: it must be less than 1 and at least each secondary\'s share, 0.333 with 2 secondaries; for 60% write 0.6 or "60%"',
    ]);
    // No hint where the value read as a percentage is no right share either (1.2%, 30%).
    for (const leadShare of [0.3, 1.2, 30])
      expect(issues({ geography: 'zone', structure: 'lead-secondary', leadShare })).toEqual([
        `leadShare is ${leadShare}: it must be at least 0.5 and less than 1 (0.8 means 80/20)`,
      ]);
  });

  test('a share written "0.7%" is told as 0.007, the number written, not 0.006999999999999999 (explore16)', () => {
    expect(issues({ geography: 'zone', structure: 'lead-secondary', leadShare: '0.7%' })).toEqual([
      'leadShare is 0.007: it must be at least 0.5 and less than 1 (0.8 means 80/20)',
    ]);
  });

  test('a misspelt structure is quoted, with the one meant (explore16)', () => {
    // "lead-secondry" was told only that the structure must be one of four, without the word typed.
    expect(issues({ geography: 'zone', structure: 'lead-secondry', leadShare: 0.7 })).toEqual([
      'structure must be "sole", "lead-secondary", "framework" or "prime-secondaries" (got "lead-secondry": did you mean "lead-secondary"?)',
    ]);
    expect(issues({ geography: 'zone', structure: 'Sole' })).toEqual([
      'structure must be "sole", "lead-secondary", "framework" or "prime-secondaries" (got "Sole": did you mean "sole"?)',
    ]);
  });

  test("another structure's setting is ignored, unless it switches on what this structure cannot do", () => {
    expect(lotEntrySchema().parse({ geography: 'zone', structure: 'sole', leadShare: 0.8 })).toEqual({
      kind: 'lot',
      geography: 'zone',
      structure: 'sole',
      backup: false,
    });
    expect(issues({ geography: 'zone', structure: 'framework', maxProviders: 3, backup: true })).toEqual([
      'backup applies only to "sole" lots',
    ]);
  });

  test('a key of no structure is refused', () => {
    expect(issues({ geography: 'zone', structure: 'sole', bakup: true })).toEqual([
      ' Unrecognized key: "bakup"',
    ]);
  });
});
