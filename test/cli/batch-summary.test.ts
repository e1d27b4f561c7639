/** The summary line's words for what --resume did, one row and many (tidy10). */
import { describe, expect, test } from 'vitest';
import { outcomeLines, resumeNotes } from '../../src/cli/commands/batch.js';

const none = { resumed: 0, redefined: 0, stale: 0, untraced: 0 };

describe('resumeNotes', () => {
  test('nothing resumed: nothing said', () => expect(resumeNotes(none)).toBe(''));

  test('one row kept from an earlier zonal reads as one row, not "their base"', () =>
    expect(resumeNotes({ ...none, resumed: 1, untraced: 1 })).toBe(
      ' (1 already done, skipped; 1 of those kept from an earlier zonal that did not record its base: if its base has changed since, run without --resume)',
    ));

  test('many rows kept from an earlier zonal: "their base", "a base"', () =>
    expect(resumeNotes({ ...none, resumed: 13, untraced: 13 })).toBe(
      ' (13 already done, skipped; 13 of those kept from an earlier zonal that did not record their base: if a base has changed since, run without --resume)',
    ));

  test('one redefined and one stale: "it was", "its"', () =>
    expect(resumeNotes({ ...none, redefined: 1, stale: 1 })).toBe(
      ' (1 defined differently in the batch file since it was solved, run again; 1 solved from an earlier version of its base, run again)',
    ));
});

describe('outcomeLines', () => {
  const row = (id: string, status: string, error: string | null = null) => ({ id, status, error });

  test('variants with no possible award are counted, with where to read why: they are answers, not failures (explore11)', () =>
    expect(
      outcomeLines([
        row('a', 'optimal'),
        row('b', 'infeasible'),
        row('c', 'failed', 'no places'),
        row('d', 'infeasible'),
      ]),
    ).toEqual([
      '1 variant failed: see the "error" column.',
      '  c: no places',
      '2 variants have no possible award under their rules (status "infeasible"): the "diagnosis" column says which rules to relax.',
    ]));

  test('variants that leave hours unbought are counted and the most unbought named: solved, yet not buyable as specified', () => {
    const solved = (id: string, unmetHoursPerWeek: number, demandHoursPerWeek: number) => ({
      ...row(id, 'optimal'),
      metrics: { unmetHoursPerWeek, demandHoursPerWeek },
    });
    expect(
      outcomeLines([
        solved('a', 0, 43068.9),
        // Solver noise is not hours unbought (compare's tolerance): not counted.
        solved('noise', 4e-7, 43068.9),
        solved('tight', 35035.28, 43068.9),
        solved('small', 0.4, 43068.9),
        solved('double', 74148.48, 129206.7),
        solved('b', 0, 43068.9),
      ]),
    ).toEqual([
      'No variant failed.',
      '3 variants leave hours unbought, so cannot be bought as specified: the "unmet_hours_per_week" column says how many.',
      '  double: 74,148.5 of 129,206.7 hours a week unbought',
      '  tight: 35,035.3 of 43,068.9 hours a week unbought',
      '  small: 0.4 of 43,068.9 hours a week unbought',
    ]);
  });

  test('a variant whose id is a hash of its settings is named with them, and a list cut short says how many more (session 14)', () => {
    const unbought = (id: string, unmetHoursPerWeek: number, overrides: Record<string, unknown>) => ({
      ...row(id, 'optimal'),
      overrides,
      metrics: { unmetHoursPerWeek, demandHoursPerWeek: 4914 },
    });
    const lines = outcomeLines([
      unbought('v-f700eb45a88d', 4095, { zoning: 'one', award: { maxShareOfTotalHours: 0.4 } }),
      unbought('v-3bcf51a61821', 3640, { zoning: 'two', lots: { standard: { leadShare: 0.8 } } }),
      unbought('north-only', 100, { name: 'north-only', zoning: 'two' }),
      unbought('v-000000000001', 50, {}),
      unbought('v-000000000002', 40, { award: { maxLotsPerProvider: null } }),
      { ...row('v-00000000000f', 'failed', 'no places'), overrides: { zoning: 'one' } },
    ]);
    expect(lines).toEqual([
      '1 variant failed: see the "error" column.',
      '  v-00000000000f (one): no places',
      '5 variants leave hours unbought, so cannot be bought as specified: the "unmet_hours_per_week" column says how many.',
      '  v-f700eb45a88d (one, cap 40%): 4,095 of 4,914 hours a week unbought',
      '  v-3bcf51a61821 (two, lead 80%): 3,640 of 4,914 hours a week unbought',
      '  north-only: 100 of 4,914 hours a week unbought',
      '  and 2 more: batch.csv and batch.xlsx list every one.',
    ]);
    // A null lifts a limit: named as none, not as "null" (review14).
    expect(outcomeLines([unbought('v-000000000002', 40, { award: { maxLotsPerProvider: null } })])[2]).toBe(
      '  v-000000000002 (no max lots): 40 of 4,914 hours a week unbought',
    );
  });

  test('variants the solver stopped at the time limit are counted, and their hours unbought said to be unproven (explore21)', () => {
    // Until 2026-12-02 a batch run with a short --time-limit counted such variants among those
    // that "cannot be bought as specified", as a fact, and did not say the solver was cut short.
    const cutShort = (id: string, status: string, unmetHoursPerWeek: number) => ({
      ...row(id, status),
      metrics: { unmetHoursPerWeek, demandHoursPerWeek: 4914 },
    });
    expect(
      outcomeLines([
        cutShort('a', 'feasible', 400),
        cutShort('b', 'optimal', 300),
        cutShort('c', 'feasible', 0),
      ]),
    ).toEqual([
      'No variant failed.',
      '2 variants stopped at the time limit (status "feasible"): their figures are the best award found, not proven best (the "gap" column says how far it may be); a longer --time-limit settles them.',
      '2 variants leave hours unbought (1 of them not proven, stopped at the time limit), so cannot be bought as specified as they stand: the "unmet_hours_per_week" column says how many.',
      '  a: 400 of 4,914 hours a week unbought (not proven)',
      '  b: 300 of 4,914 hours a week unbought',
    ]);
  });

  test('variants all cut short are not counted as proven unbuyable, nor are those past the names (review of explore21)', () => {
    // Until 2026-12-02 hertfordshire's grid with --time-limit 0.001 said "4 variants leave hours
    // unbought, so cannot be bought as specified", though all 4 stopped at the time limit, and
    // "and 1 more" said nothing of whether that one was proven.
    const cutShort = (id: string, status: string, unmetHoursPerWeek: number) => ({
      ...row(id, status),
      metrics: { unmetHoursPerWeek, demandHoursPerWeek: 4914 },
    });
    const all = outcomeLines(['a', 'b', 'c', 'd'].map((id, i) => cutShort(id, 'feasible', 400 - i)));
    expect(all.slice(2)).toEqual([
      '4 variants leave hours unbought (4 of them not proven, stopped at the time limit), so cannot be bought as specified as they stand: the "unmet_hours_per_week" column says how many.',
      '  a: 400 of 4,914 hours a week unbought',
      '  b: 399 of 4,914 hours a week unbought',
      '  c: 398 of 4,914 hours a week unbought',
      '  and 1 more: batch.csv and batch.xlsx list every one.',
    ]);
    const some = outcomeLines([
      cutShort('a', 'optimal', 400),
      cutShort('b', 'optimal', 399),
      cutShort('c', 'optimal', 398),
      cutShort('d', 'feasible', 397),
      cutShort('e', 'optimal', 396),
    ]);
    expect(some.at(-1)).toBe('  and 2 more (1 of them not proven): batch.csv and batch.xlsx list every one.');
  });

  test('one such variant reads as one', () =>
    expect(outcomeLines([row('b', 'infeasible')])).toEqual([
      'No variant failed.',
      '1 variant has no possible award under its rules (status "infeasible"): the "diagnosis" column says which rules to relax.',
    ]));
});
