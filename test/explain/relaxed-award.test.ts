/**
 * A relaxed award is the scenario with one rule relaxed, its lots and its program. A relaxation
 * that leaves every input of the lots as it was (a share cap, the minimum of providers: rules of
 * the program, not of the lots) keeps the award's own lots rather than making them again; any
 * other makes its own. Either way the lots and the program are those made from scratch.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { bundledCounty } from '../helpers/bundled-county.js';
import { relaxedAward } from '../../src/explain/relaxed-award.js';
import { relaxations } from '../../src/explain/relaxations.js';
import { tenderLots } from '../../src/lots/tender-lots.js';
import type { Lot, Scenario } from '../../src/model/types.js';
import { buildProgram } from '../../src/solve/build-program.js';
import { sameProgram } from '../../src/solve/same-program.js';

let county: Scenario;
let lots: readonly Lot[];

beforeAll(async () => {
  county = await bundledCounty();
  lots = tenderLots(county).lots;
});

describe('relaxedAward', () => {
  test('the county has relaxations of both kinds in force', () => {
    const active = relaxations(county, lots)
      .filter((r) => r.active)
      .map((r) => r.rule);
    expect(active).toEqual(
      expect.arrayContaining([
        'share-cap',
        'min-providers',
        'quality-threshold',
        'packages',
        'lead-secondary',
      ]),
    );
  });

  test.each(['share-cap', 'min-providers'])("relaxing %s keeps the award's own lots", (rule) => {
    const r = relaxations(county, lots).find((x) => x.rule === rule);
    if (r === undefined) throw new Error(`no relaxation ${rule}`);
    const built = relaxedAward(county, lots, r);
    expect(built.lots).toBe(lots);
    const fresh = tenderLots(r.relax(county)).lots;
    expect(built.lots).toEqual(fresh);
    expect(sameProgram(built.program, buildProgram(built.scenario, fresh))).toBe(true);
  });

  test.each(['quality-threshold', 'packages', 'lead-secondary'])('relaxing %s makes its own lots', (rule) => {
    const r = relaxations(county, lots).find((x) => x.rule === rule);
    if (r === undefined) throw new Error(`no relaxation ${rule}`);
    const built = relaxedAward(county, lots, r);
    expect(built.lots).not.toBe(lots);
    const fresh = tenderLots(r.relax(county)).lots;
    expect(built.lots).toEqual(fresh);
    expect(sameProgram(built.program, buildProgram(built.scenario, fresh))).toBe(true);
  });
});
