import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { planComparison } from '../../src/compare/compare.js';
import {
  applyOption,
  ignoresZoning,
  optionByName,
  optionNames,
  standardOptions,
} from '../../src/compare/options.js';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { repoRoot } from '../helpers/cli.js';

async function bundled(name: string): Promise<Scenario> {
  const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', name));
  if (scenario === null) throw new Error(`scenarios/${name} does not read`);
  return scenario;
}

let herts: Scenario;
let tiny: Scenario;
beforeAll(async () => {
  herts = await bundled('hertfordshire');
  tiny = await bundled('tiny');
});

describe('the standard option set', () => {
  test('has unique names and covers the structures the issue lists', () => {
    expect(new Set(optionNames).size).toBe(optionNames.length);
    expect(optionNames).toEqual([
      'sole',
      'sole-backup',
      'lead-80-20',
      'lead-50-50',
      'complex-per-zone',
      'complex-merged',
      'reablement-per-zone',
      'county-framework',
      'prime-60-20-20',
    ]);
  });

  test('applyOption replaces only the lot plan and never changes its input', () => {
    const before = JSON.stringify(herts.lotPlan);
    for (const option of standardOptions) {
      const out = applyOption(herts, option);
      expect(out.lotPlan.standard).toEqual(option.standard);
      expect(out.lotPlan.complex).toEqual(option.complex);
      expect(out.lotPlan.reablement).toEqual(option.reablement);
      expect(out.bids).toBe(herts.bids);
      expect(out.demand).toBe(herts.demand);
    }
    expect(JSON.stringify(herts.lotPlan)).toBe(before);
  });

  test('care types with no demand are not tendered', () => {
    const option = optionByName('complex-per-zone');
    if (option === undefined) throw new Error('missing option');
    const out = applyOption(tiny, option);
    expect(out.lotPlan.complex).toBeUndefined();
    expect(out.lotPlan.reablement).toEqual(option.reablement);
  });

  test('only the county framework ignores the zoning', () => {
    const ignoring = standardOptions.filter((o) => ignoresZoning(applyOption(herts, o))).map((o) => o.name);
    expect(ignoring).toEqual(['county-framework']);
  });
});

describe('planComparison', () => {
  test('every option × zoning once, the county framework once', () => {
    const plan = planComparison(herts, undefined, undefined);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.cases.length).toBe(7 * herts.zonings.size + 1);
    expect(new Set(plan.cases.map((c) => c.key)).size).toBe(plan.cases.length);
    expect(plan.sameAs).toEqual([{ option: 'as-set', sameAs: 'lead-80-20' }]);
    for (const c of plan.cases) if (c.zoning !== null) expect(c.scenario.zoning).toBe(c.zoning);
  });

  test('options that give the same lots as an earlier one are named, not solved twice (tiny has no complex care)', () => {
    const plan = planComparison(tiny, ['two'], undefined);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.sameAs).toEqual([
      { option: 'complex-per-zone', sameAs: 'lead-80-20' },
      { option: 'complex-merged', sameAs: 'lead-80-20' },
      { option: 'as-set', sameAs: 'lead-80-20' },
    ]);
    expect(plan.cases.map((c) => c.key)).toEqual([
      'sole@two',
      'sole-backup@two',
      'lead-80-20@two',
      'lead-50-50@two',
      'reablement-per-zone@two',
      'county-framework',
    ]);
  });

  test("the scenario's own lot plan is compared when it is none of the standard options, and may be named", () => {
    const own: Scenario = {
      ...tiny,
      lotPlan: {
        ...tiny.lotPlan,
        standard: { kind: 'lot', geography: 'zone', structure: 'lead-secondary', leadShare: 0.7 },
      },
    };
    const plan = planComparison(own, ['two', 'one'], undefined);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.cases.map((c) => c.key).slice(-2)).toEqual(['as-set@two', 'as-set@one']);
    expect(plan.cases.at(-1)?.scenario.lotPlan).toBe(own.lotPlan);
    expect(plan.cases.at(-1)?.option.label).toBe('as set in scenario.json');
    const named = planComparison(own, ['two'], ['sole', 'as-set']);
    if (typeof named === 'string') throw new Error(named);
    expect(named.cases.map((c) => c.key)).toEqual(['sole@two', 'as-set@two']);
    const standardOnly = planComparison(own, ['two'], ['sole']);
    if (typeof standardOnly === 'string') throw new Error(standardOnly);
    expect(standardOnly.cases.map((c) => c.key)).toEqual(['sole@two']);
  });

  test('unknown zoning or option names are reported with the choices', () => {
    expect(planComparison(herts, ['districts', 'nine'], undefined)).toMatch(
      /--zonings nine: no such zoning; choose from districts, twelve, quadrants/,
    );
    expect(planComparison(herts, undefined, ['sole', 'cheap'])).toMatch(/--options cheap: no such option/);
  });

  test('a zoning or option named twice is told once per flag, with the choices; an unknown name first', () => {
    expect(planComparison(tiny, ['two', 'two', 'two'], undefined)).toBe(
      '--zonings two,two,two: "two" is named more than once; name each zoning once, from two, one',
    );
    expect(planComparison(tiny, ['one'], ['sole', 'lead-80-20', 'sole', 'lead-80-20'])).toBe(
      `--options sole,lead-80-20,sole,lead-80-20: "sole" and "lead-80-20" are each named more than once; name each option once, from ${[...optionNames, 'as-set'].join(', ')}`,
    );
    expect(planComparison(tiny, ['nope', 'nope', 'two', 'two'], undefined)).toBe(
      '--zonings nope: no such zoning; choose from two, one',
    );
  });

  test('an unknown zoning and an unknown option are both told, a line each, with a close name when there is one', () => {
    expect(planComparison(herts, ['districts', 'nine'], ['sole', 'lead-80-02'])).toBe(
      [
        '--zonings nine: no such zoning; choose from districts, twelve, quadrants, designed',
        `--options lead-80-02: no such option (did you mean "lead-80-20"?); choose from ${[...optionNames, 'as-set'].join(', ')}`,
      ].join('\n'),
    );
  });
});
