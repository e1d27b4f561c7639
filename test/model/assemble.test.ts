/**
 * Reading and cross-checking a scenario folder: every kind of bad input gives
 * `file:line: message` with a fix, and all problems are reported at once.
 * (Through readScenario, since assembly needs the lines the rows came from.)
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/diagnostics/issues.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { problems } from '../helpers/read-folder.js';
import {
  editJson,
  goodFiles,
  withLine,
  writeScenarioFolder,
  type ScenarioFiles,
} from '../helpers/scenario-folder.js';

const set = (file: string, line: number, text: string) => (f: ScenarioFiles) => {
  f[file] = withLine(f[file] ?? '', line, text);
};

describe('assembleScenario via readScenario', () => {
  test.each([
    ['2027.0', 'number'],
    ['2027-01-01', 'date'],
    ['01/01/2027', 'date'],
    ['46388', 'date'],
    // "Apr-27" typed for the financial year 2027-28, as a workbook's cell or a CSV saves it
    ['2027-04-01', 'date'],
    ['01/04/2027', 'date'],
  ])(
    'every period saved by a spreadsheet as %s: the message says the year was saved as a %s',
    async (saved, kind) => {
      const { errors } = await problems((f) => {
        f['demand.csv'] = (f['demand.csv'] ?? '').replaceAll(',2027,', `,${saved},`);
      });
      expect(errors).toEqual([
        `scenario.json:3: period "2027" has no rows in demand.csv, whose period column says "${saved}": a spreadsheet saved the year as a ${kind}; write the period column as text (2027), or set period to "${saved}"`,
      ]);
    },
  );

  test.each(['1905-07-19', '19/07/1905'])(
    'the year typed in a cell formatted as a date (Excel day 2027, %s): told as the day it shows, with the fix',
    async (saved) => {
      const { errors } = await problems((f) => {
        f['demand.csv'] = (f['demand.csv'] ?? '').replaceAll(',2027,', `,${saved},`);
      });
      expect(errors).toEqual([
        `scenario.json:3: period "2027" has no rows in demand.csv, whose period column says "${saved}": the year 2027 was typed in cells formatted as dates, which show it as 19/07/1905; format the period column as text and type 2027 again`,
      ]);
    },
  );

  test('a row whose period was mistyped leaves the design demand: a warning at its line, once per period', async () => {
    const { errors, warnings } = await problems((f) => {
      set('demand.csv', 2, 'A1,standard,2O27,100,90,120')(f);
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'demand.csv:2: warning: period "2O27" has 1 row, the design period 2027 has 3: a row of another period is not part of the design demand, and a later period with rows missing reads as demand falling there; check the period of these rows (a spreadsheet may have turned it into a date)',
    ]);
  });

  test('over-65s above the population: one message at the first row, naming the rows that repeat it', async () => {
    const { errors } = await problems((f) => {
      set('areas.csv', 2, 'A1,Alpha,52.1,-1.2,200,1000,urban')(f);
      set('areas.csv', 4, 'A3,Gamma,52.3,-1.4,120,500,rural')(f);
    });
    expect(errors).toEqual([
      'areas.csv:2: population_65_plus 1000 is more than population 200: the people aged 65 and over are part of the population; check that the two columns are not swapped; the same in 1 more row: 4',
    ]);
  });

  test('a later period with as many rows as the design period is no warning', async () => {
    const { warnings } = await problems((f) => {
      const rows = (f['demand.csv'] ?? '').trim().split('\n');
      f['demand.csv'] =
        `${[...rows, ...rows.slice(1).map((r) => r.replace(',2027,', ',2028,'))].join('\n')}\n`;
    });
    expect(warnings).toEqual([]);
  });

  test('a bid for a care type with no hours in the period is a warning: it can win nothing', async () => {
    const { errors, warnings } = await problems((f) => {
      f['bids.csv'] = `${f['bids.csv'] ?? ''}B6,P1,complex,*,30,100,any,\n`;
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'bids.csv:7: warning: bid B6 is for complex care, and demand.csv has no complex hours in period 2027: no complex lot is tendered, so it can win nothing; check its care_type',
    ]);
  });

  test('an id typed in other capitals is unknown, and its message names the id it meant (once: not missing from its zoning too)', async () => {
    const { errors } = await problems((f) => {
      set('demand.csv', 2, 'a1,standard,2027,100,90,120')(f);
      set('zones-two.csv', 2, 'a1,Z1')(f);
      set('bids.csv', 2, 'B1,p1,standard,Z1,24.5,500,any,')(f);
      set('bids.csv', 3, 'B2,P2,standard,z1;A9,25,500,any,')(f);
    });
    expect(errors).toEqual([
      'zones-two.csv:2: unknown area "a1": it is not in areas.csv (areas.csv has "A1": ids must match capitals too; write "A1")',
      'demand.csv:2: unknown area "a1": it is not in areas.csv (areas.csv has "A1": ids must match capitals too; write "A1")',
      'bids.csv:2: unknown provider "p1": it is not in providers.csv (providers.csv has "P1": ids must match capitals too; write "P1")',
      'bids.csv:3: coverage names unknown area or zone id(s) "z1", "A9": use * or ids from areas.csv and the zone files, separated by ; (ids must match capitals too: write "Z1")',
    ]);
  });

  test('a provider id mistyped down a column of bids is one message, with the rows that repeat it', async () => {
    const { errors } = await problems((f) => {
      for (const line of [2, 4])
        set('bids.csv', line, `B${line - 1},p1,standard,Z${line === 2 ? 1 : 2},24.5,500,any,`)(f);
    });
    expect(errors).toEqual([
      'bids.csv:2: unknown provider "p1": it is not in providers.csv (providers.csv has "P1": ids must match capitals too; write "P1"); the same in 1 more row: 4',
    ]);
  });

  test('a bid id repeated in several rows is one message, with the rows that repeat it', async () => {
    const { errors } = await problems((f) => {
      set('bids.csv', 3, 'B1,P2,standard,Z1,25,500,any,')(f);
      set('bids.csv', 4, 'B1,P1,standard,Z2,24,500,,')(f);
    });
    expect(errors).toEqual([
      'bids.csv:3: duplicate bid id "B1" (first on line 2): ids must be unique; the same in 1 more row: 4',
    ]);
  });

  test('a later-period row with an empty hours cell is told once, not as a short period too', async () => {
    const { errors, warnings } = await problems((f) => {
      const rows = (f['demand.csv'] ?? '').trim().split('\n');
      const later = rows.slice(1).map((r) => r.replace(',2027,', ',2028,'));
      later[0] = 'A1,standard,2028,,,';
      f['demand.csv'] = `${[...rows, ...later].join('\n')}\n`;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^demand\.csv:6: hours_per_week is empty/);
    expect(warnings).toEqual([]);
  });

  test('a coverage naming area ids without the zeros a spreadsheet dropped says so', async () => {
    const { errors } = await problems((f) => {
      for (const file of ['areas.csv', 'zones-two.csv', 'demand.csv', 'bids.csv'])
        f[file] = (f[file] ?? '').replace(/\bA(\d)\b/g, '000$1');
      set('bids.csv', 5, 'B4,P2,standard,3,26,500,secondary,')(f);
    });
    expect(errors).toEqual([
      'bids.csv:5: coverage names unknown area or zone id(s) "3": use * or ids from areas.csv and the zone files, separated by ; (a spreadsheet dropped the leading zeros: write "0003")',
    ]);
  });

  test('area ids whose leading zeros a spreadsheet dropped (1 for 0001): one message per file, saying so', async () => {
    const { errors } = await problems((f) => {
      for (const file of ['areas.csv', 'zones-two.csv', 'demand.csv', 'bids.csv'])
        f[file] = (f[file] ?? '').replace(/\bA(\d)\b/g, '000$1');
      for (const file of ['zones-two.csv', 'demand.csv'])
        f[file] = (f[file] ?? '').replace(/^000(\d),/gm, '$1,');
    });
    expect(errors).toEqual([
      'zones-two.csv:2: unknown area "1": it is not in areas.csv (areas.csv has "0001": a spreadsheet dropped the leading zeros; format the area_id column as text and write the ids as areas.csv has them); the same in 2 more rows: 3, 4',
      'demand.csv:2: unknown area "1": it is not in areas.csv (areas.csv has "0001": a spreadsheet dropped the leading zeros; format the area_id column as text and write the ids as areas.csv has them); the same in 3 more rows: 3, 4, 5',
    ]);
  });

  test('with a mistake in scenario.json, the tables are still checked against each other: both told in one round, no echo', async () => {
    const { scenario, errors } = await problems((f) => {
      editJson((j) => {
        j.award.objective = 'cheapest';
        // A lot entry gone wrong: its care type's demand must not be called un-tendered as well.
        j.lots.standard.structure = 'sloe';
      })(f);
      set('demand.csv', 3, 'A9,standard,2027,50,45,60')(f);
      set('bids.csv', 3, 'B2,P9,standard,Z1,25,500,any,')(f);
      set('bids.csv', 4, 'B3,P1,standard,Z7,24,500,,')(f);
      set('zones-two.csv', 4, 'A4,Z2')(f);
      set('providers.csv', 4, 'P1,Copy of First,500,50,80')(f);
    });
    expect(scenario).toBeNull();
    expect(errors).toEqual([
      'scenario.json:17: lots.standard.structure must be "sole", "lead-secondary", "framework" or "prime-secondaries" (got "sloe": did you mean "sole"?)',
      'scenario.json:27: award.objective must be "cost", "meat" or "whole-life"',
      // The row meant A3, then in no zone: one message (until 2026-12-02 also "areas.csv:4: area "A3" is in no zone").
      'zones-two.csv:4: unknown area "A4": it is not in areas.csv (did you mean "A3"?)',
      'demand.csv:3: unknown area "A9": it is not in areas.csv',
      'providers.csv:4: duplicate provider id "P1" (first on line 2): ids must be unique',
      'bids.csv:3: unknown provider "P9": it is not in providers.csv',
      'bids.csv:4: coverage names unknown area or zone id(s) "Z7": use * or ids from areas.csv and the zone files, separated by ;',
    ]);
  });

  test("today's provider missing from providers.csv is told to stay there with no bids, not to be deleted from current.csv", async () => {
    const { errors } = await problems((f) => {
      editJson((j: { files: Record<string, string> }) => {
        j.files['current'] = 'current.csv';
      })(f);
      f['current.csv'] =
        'area_id,care_type,provider_id,hours_per_week\nA1,standard,P1,60\nA2,standard,P-OLD,40\nA3,standard,P-OLD,30\n';
    });
    // One mistake, one message: the incumbent's other rows are named with it.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^current\.csv:3: unknown provider "P-OLD": it is not in providers\.csv; a provider that serves today but does not bid still belongs there \(with no bids it wins nothing\), so its hours count as changing hands: deleting this row would hide that; the same in 1 more row.*: 4$/,
    );
  });

  /** providers.csv with `extra` providers P3, P4, … after P1 and P2, none of them named by a bid. */
  const withIdleProviders = (extra: number) => (f: ScenarioFiles) => {
    const rows = Array.from({ length: extra }, (_, i) => `P${i + 3},Idle Care ${i + 3},300,0,70`);
    f['providers.csv'] = `${(f['providers.csv'] ?? '').trimEnd()}\n${rows.join('\n')}\n`;
  };

  test('a provider no bid names is a warning at its line, one each for up to three', async () => {
    const { scenario, errors, warnings } = await problems(withIdleProviders(2));
    expect(errors).toEqual([]);
    expect(scenario).not.toBeNull();
    expect(warnings).toEqual([
      'providers.csv:4: warning: provider P3 has no bid in bids.csv, so it can win nothing: add its bids, or check their provider_id',
      'providers.csv:5: warning: provider P4 has no bid in bids.csv, so it can win nothing: add its bids, or check their provider_id',
    ]);
  });

  test('four or more providers no bid names are one warning naming them all', async () => {
    const { errors, warnings } = await problems(withIdleProviders(4));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'providers.csv: warning: 4 providers have no bid in bids.csv, so they can win nothing: P3, P4, P5, P6; add their bids, or check their provider_id',
    ]);
  });

  test('a provider that serves today and makes no bid is told as an incumbent not bidding, not to add bids (review16)', async () => {
    const { errors, warnings } = await problems((f) => {
      withIdleProviders(2)(f);
      editJson((j: { files: Record<string, string> }) => {
        j.files['current'] = 'current.csv';
      })(f);
      f['current.csv'] =
        'area_id,care_type,provider_id,hours_per_week\nA1,standard,P3,60\nA2,standard,P3,40.5\n';
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'providers.csv:4: warning: provider P3 has no bid in bids.csv: it serves 100.5 h/week today (current.csv), all of which change provider whatever the award; if it meant to bid, add its bids, or check their provider_id',
      'providers.csv:5: warning: provider P4 has no bid in bids.csv, so it can win nothing: add its bids, or check their provider_id',
    ]);
  });

  test('a provider whose only bid row was rejected is told by that row alone', async () => {
    const { errors, warnings } = await problems((f) => {
      withIdleProviders(1)(f);
      f['bids.csv'] = `${(f['bids.csv'] ?? '').trimEnd()}\nB6,P3,standard,Z1,cheap,500,any,\n`;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bids\.csv:7: /);
    expect(warnings.filter((w) => w.includes('has no bid'))).toEqual([]);
  });

  test("today's provider one slip from a bidder's id is told both: the id it may mean, and that an incumbent not bidding stays in providers.csv", async () => {
    // Until 2026-12-02 "P-HALO" was told only "did you mean P-HALE?": an incumbent left out of
    // providers.csv whose id is one slip from a bidder's lost the advice not to delete its rows.
    const { errors } = await problems((f) => {
      editJson((j: { files: Record<string, string> }) => {
        j.files['current'] = 'current.csv';
      })(f);
      f['providers.csv'] = `${f['providers.csv'] ?? ''}P-HALE,Hale Care,500,50,75\n`;
      f['current.csv'] = [
        'area_id,care_type,provider_id,hours_per_week',
        'A1,standard,P-HALO,60',
        'A2,standard,P-OLD,40',
        'A3,standard,p-hale,30',
        '',
      ].join('\n');
    });
    // Three mistakes, three messages, each once.
    expect(errors).toEqual([
      'current.csv:2: unknown provider "P-HALO": it is not in providers.csv (did you mean "P-HALE"?); if it is another provider, one that serves today but does not bid, it still belongs in providers.csv (with no bids it wins nothing), so its hours count as changing hands: deleting this row would hide that',
      'current.csv:3: unknown provider "P-OLD": it is not in providers.csv; a provider that serves today but does not bid still belongs there (with no bids it wins nothing), so its hours count as changing hands: deleting this row would hide that',
      'current.csv:4: unknown provider "p-hale": it is not in providers.csv (providers.csv has "P-HALE": ids must match capitals too; write "P-HALE")',
    ]);
  });

  test("a package holding two providers' bids is a warning, not an error", async () => {
    const { errors, warnings } = await problems((f) => {
      set('bids.csv', 2, 'B1,P1,standard,Z1,24.5,500,any,PK')(f);
      set('bids.csv', 3, 'B2,P2,standard,Z1,25,500,any,PK')(f);
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'bids.csv:3: warning: package "PK" holds bids of P1 and P2: they are awarded all together or not at all; check the package_id if that is not meant',
    ]);
  });

  test('a bid or a provider of 0 hours a week is a warning: it can win nothing', async () => {
    const { errors, warnings } = await problems((f) => {
      set('bids.csv', 2, 'B1,P1,standard,Z1,24.5,0,any,')(f);
      set('providers.csv', 3, 'P2,Second Care,0,0,80')(f);
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'providers.csv:3: warning: max_hours_per_week is 0: provider P2 can win no hours; give the hours it can serve, or leave the row out',
      'bids.csv:2: warning: max_hours_per_week is 0: bid B1 can win no hours; give the hours it can serve, or leave the row out',
    ]);
  });

  test('one mistake repeated down a column is one message naming the other rows, not one per row', async () => {
    const { errors } = await problems((f) => {
      const header = 'area_id,care_type,period,hours_per_week,hours_low,hours_high';
      f['demand.csv'] =
        `${[header, ...Array.from({ length: 30 }, (_, i) => `A1,standard,${2030 + i},x,y,`)].join('\n')}\n`;
    });
    const demand = errors.filter((e) => /^demand\.csv:\d+:/.test(e));
    expect(demand).toEqual([
      'demand.csv:2: hours_per_week is not a number: give hours per week (got "x"); the same in 29 more rows: 3, 4, 5, 6, 7, …',
      'demand.csv:2: hours_low is not a number: give the low estimate of hours per week (got "y"); the same in 29 more rows: 3, 4, 5, 6, 7, …',
    ]);
  });

  test.each([
    [
      'county',
      'zone id "county" is reserved for county-wide lots (lot ids like standard:county): rename the zone',
    ],
    [
      'A1',
      'zone id "A1" is also an area id: zone and area ids share one namespace, rename the zone (e.g. "Z-A1")',
    ],
  ])(
    'a zone id that may not be used (%s) is one message for all its rows, and its areas are not in no zone as well',
    async (zoneId, message) => {
      const { errors } = await problems((f) => {
        f['zones-two.csv'] = `area_id,zone_id\nA1,Z1\nA2,${zoneId}\nA3,${zoneId}\n`;
        // Zone Z2 is gone: its bid covers its area instead, so the zone id is the only mistake.
        f['bids.csv'] = (f['bids.csv'] ?? '').replace('B3,P1,standard,Z2,', 'B3,P1,standard,A3,');
      });
      expect(errors).toEqual([`zones-two.csv:3: ${message}; the same in 1 more row: 4`]);
    },
  );

  test('a zoning with a zone id that may not be used is left out of the check across zonings, as one with rejected rows is', async () => {
    const { errors } = await problems((f) => {
      editJson((j) => (j['zonings'] = { two: 'zones-two.csv', one: 'zones-one.csv' }))(f);
      // A1 put in a zone named after an area: zone Z1 of "two" loses A1 for that mistake alone.
      f['zones-two.csv'] = 'area_id,zone_id\nA1,A2\nA2,Z1\nA3,Z2\n';
      f['zones-one.csv'] = 'area_id,zone_id\nA1,Z1\nA2,Z1\nA3,Z2\n';
    });
    expect(errors).toEqual([
      'zones-two.csv:2: zone id "A2" is also an area id: zone and area ids share one namespace, rename the zone (e.g. "Z-A2")',
    ]);
  });

  test.each<[string, (j: Record<string, any>) => void, readonly string[], string]>([
    [
      'a lead-secondary lot without leadShare',
      (j) => delete j['lots'].standard.leadShare,
      ['"lots"', '"standard"'],
      'lots.standard.leadShare is missing: lead-secondary needs leadShare',
    ],
    [
      'a framework without maxProviders',
      (j) => (j['lots'].standard = { geography: 'county', structure: 'framework' }),
      ['"lots"', '"standard"'],
      'lots.standard.maxProviders is missing: a framework needs maxProviders',
    ],
    [
      'fixed indexation without percentPerYear',
      (j) => (j['contract'] = { years: 3, indexation: { kind: 'fixed' } }),
      ['"indexation"'],
      'contract.indexation.percentPerYear must be a number of percent',
    ],
    [
      'a zone with other areas in another zoning',
      (j) => (j['zonings'].one = 'zones-one.csv'),
      ['"zonings"', '"one"'],
      'zone "Z1" has different areas in zonings "two" and "one"',
    ],
    [
      'a zoning name that is not an id',
      (j) => (j['zonings'] = { 't w o': 'zones-two.csv' }),
      ['"t w o"'],
      'zonings: "t w o" is not a valid name (zoning names use letters, digits, _ . -): rename it',
    ],
  ])(
    'scenario.json: %s is told at the line of the object it belongs to',
    async (_, change, path, message) => {
      let text = '';
      const { errors } = await problems((f) => {
        editJson(change)(f);
        f['zones-one.csv'] = 'area_id,zone_id\nA1,Z1\nA2,Z1\nA3,Z1\n';
        text = f['scenario.json'] ?? '';
      });
      let at = 0;
      for (const key of path) at = text.indexOf(key, at);
      const line = text.slice(0, at).split('\n').length;
      expect(errors.filter((e) => e.startsWith('scenario.json'))).toEqual([
        expect.stringMatching(new RegExp(`^scenario\\.json:${line}: ${message.replace(/[.()"]/g, '\\$&')}`)),
      ]);
    },
  );

  test('the good folder reads with no problems', async () => {
    const { scenario, errors, warnings } = await problems(() => {});
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(scenario?.bids.find((b) => b.id === 'B1')?.areaIds).toEqual(['A1', 'A2']);
    expect(scenario?.bids.find((b) => b.id === 'B3')?.role).toBe('any');
    expect(scenario?.bids.find((b) => b.id === 'B5')?.areaIds).toEqual(['A1', 'A2', 'A3']);
    expect(scenario?.bids.find((b) => b.id === 'B1')?.quality).toBe(70);
  });

  test.each<[string, (f: ScenarioFiles) => void, string]>([
    [
      'unknown id in coverage',
      set('bids.csv', 3, 'B2,P2,standard,Z1;Z9;A7,25,500,any,'),
      'bids.csv:3: coverage names unknown area or zone id(s) "Z9", "A7"',
    ],
    [
      'unknown provider of a bid',
      set('bids.csv', 3, 'B2,P9,standard,Z1,25,500,any,'),
      'bids.csv:3: unknown provider "P9"',
    ],
    [
      'duplicate bid id',
      set('bids.csv', 3, 'B1,P2,standard,Z1,25,500,any,'),
      'bids.csv:3: duplicate bid id "B1" (first on line 2)',
    ],
    [
      'duplicate provider id',
      set('providers.csv', 3, 'P1,Again,500,50,80'),
      'providers.csv:3: duplicate provider id "P1" (first on line 2)',
    ],
    [
      'duplicate area id',
      set('areas.csv', 3, 'A1,Again,52.2,-1.3,800,150,town'),
      'areas.csv:3: duplicate area id "A1" (first on line 2)',
    ],
    [
      'duplicate demand row',
      set('demand.csv', 3, 'A1,standard,2027,5,,'),
      'demand.csv:3: duplicate demand for area "A1", standard, period 2027 (first on line 2)',
    ],
    [
      'negative hours',
      set('demand.csv', 2, 'A1,standard,2027,-100,,'),
      'demand.csv:2: hours_per_week must not be negative (got "-100")',
    ],
    [
      'non-numeric price',
      set('bids.csv', 2, 'B1,P1,standard,Z1,cheap,500,any,'),
      'bids.csv:2: price_per_hour is not a number: give the price per hour (got "cheap")',
    ],
    [
      'low above central',
      set('demand.csv', 2, 'A1,standard,2027,100,110,120'),
      'demand.csv:2: hours_low 110 is more than hours_per_week 100',
    ],
    [
      'high below central',
      set('demand.csv', 2, 'A1,standard,2027,100,90,95'),
      'demand.csv:2: hours_high 95 is less than hours_per_week 100',
    ],
    ['area in no zone', set('zones-two.csv', 4, ''), 'areas.csv:4: area "A3" is in no zone of zoning "two"'],
    [
      'a zoning file cut short: one message naming every area it misses',
      (f) => {
        f['zones-two.csv'] = 'area_id,zone_id\nA1,Z1\n';
      },
      'areas.csv:3: 2 areas are in no zone of zoning "two": A2, A3; add a row "<area id>,<zone id>" for each to zones-two.csv',
    ],
    [
      'area in two zones',
      set('zones-two.csv', 4, 'A2,Z2'),
      'zones-two.csv:4: area "A2" is already in zone "Z1"',
    ],
    ['unknown area in a zoning', set('zones-two.csv', 4, 'A9,Z2'), 'zones-two.csv:4: unknown area "A9"'],
    [
      'zone id equal to an area id',
      set('zones-two.csv', 4, 'A3,A1'),
      'zones-two.csv:4: zone id "A1" is also an area id',
    ],
    [
      'zone id "county"',
      set('zones-two.csv', 4, 'A3,county'),
      'zones-two.csv:4: zone id "county" is reserved for county-wide lots',
    ],
    [
      'unknown area in demand',
      set('demand.csv', 4, 'A8,standard,2027,40,,'),
      'demand.csv:4: unknown area "A8"',
    ],
    [
      'leadShare out of range',
      editJson((j) => {
        j['lots'].standard.leadShare = 1.2;
      }),
      'lots.standard.leadShare is 1.2: it must be at least 0.5 and less than 1',
    ],
    [
      'leadShare missing',
      editJson((j) => {
        delete j['lots'].standard.leadShare;
      }),
      'lots.standard.leadShare is missing',
    ],
    [
      'file outside the folder',
      editJson((j) => {
        j['files'].bids = '../bids.csv';
      }),
      'file "../bids.csv" is outside the scenario folder',
    ],
    [
      'absolute file path',
      editJson((j) => {
        j['files'].bids = '/etc/passwd';
      }),
      'file "/etc/passwd" is outside the scenario folder',
    ],
    [
      'missing file',
      (f) => {
        delete f['bids.csv'];
      },
      'bids.csv: cannot read the file',
    ],
    [
      'a file named with other capitals (found on Windows and Mac drives, not on Linux)',
      (f) => {
        f['Bids.CSV'] = f['bids.csv'] ?? '';
        delete f['bids.csv'];
      },
      'bids.csv: cannot read the file (named in scenario.json): the folder has "Bids.CSV"; names must match exactly, capitals and ending too',
    ],
    [
      'a file named without its ending',
      (f) => {
        editJson((j) => {
          j['files'].bids = 'bids';
        })(f);
      },
      'bids: cannot read the file (named in scenario.json): the folder has "bids.csv"; names must match exactly, capitals and ending too',
    ],
    [
      'a column given twice (an updated price column pasted beside the old one)',
      (f) => {
        f['bids.csv'] = (f['bids.csv'] ?? '')
          .trim()
          .split('\n')
          .map((l, i) => `${l},${i === 0 ? 'Price per hour' : '19.99'}`)
          .join('\n');
      },
      'bids.csv:1: column price_per_hour is given twice (columns 5, 9): zonal cannot tell which one is meant; keep one and delete or rename the others',
    ],
    [
      'missing column',
      set(
        'bids.csv',
        1,
        'bid_id,provider_id,care_type,coverage,price_per_hour,max_hours_per_week,package_id',
      ),
      'bids.csv:1: missing column(s) role',
    ],
    [
      'row longer than the header',
      set('bids.csv', 2, 'B1,P1,standard,Z1,1,200.50,500,any,'),
      'bids.csv:2: the row has 9 cells but the header has 8',
    ],
    [
      'unknown zoning',
      editJson((j) => {
        j['zoning'] = 'three';
      }),
      'zoning "three" is not one of the scenario\'s zonings: choose one of two',
    ],
    [
      'period with no demand',
      editJson((j) => {
        j['period'] = '2030';
      }),
      'period "2030" has no rows in demand.csv: set period to one of 2027',
    ],
    [
      'care type with demand and no lot',
      editJson((j) => {
        delete j['lots'].reablement;
      }),
      'lots has no entry for "reablement" but demand.csv has 10 h/week of it',
    ],
    [
      'misspelt award rule',
      editJson((j) => {
        j['award'].maxShare = 0.5;
      }),
      'scenario.json',
    ],
    [
      'standard merged into itself',
      editJson((j) => {
        j['lots'].standard = { merge: 'standard' };
      }),
      'lots.standard cannot merge into itself',
    ],
    [
      'invalid JSON',
      (f) => {
        f['scenario.json'] = '{\n  "name": "x",\n  "period": "2027"\n  "files": {}\n}';
      },
      'scenario.json:3: a comma is missing at the end of this line',
    ],
  ])('%s', async (_name, patch, expected) => {
    const { scenario, errors } = await problems(patch);
    expect(scenario).toBeNull();
    expect(errors.join('\n')).toContain(expected);
  });

  test.each([
    [
      'leadShare',
      (j: Record<string, any>) => {
        j['lots'].standard.leadShare = 1.2;
      },
      '"leadShare": 1.2',
    ],
    [
      'outside',
      (j: Record<string, any>) => {
        j['files'].bids = '../bids.csv';
      },
      '"bids": "../bids.csv"',
    ],
    [
      'zoning',
      (j: Record<string, any>) => {
        j['zoning'] = 'three';
      },
      '"zoning": "three"',
    ],
    [
      'period',
      (j: Record<string, any>) => {
        j['period'] = '2030';
      },
      '"period": "2030"',
    ],
  ])('a scenario.json problem (%s) names the line of its key', async (_name, change, needle) => {
    const files = goodFiles();
    editJson(change)(files);
    const line = (files['scenario.json'] ?? '').split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(line).toBeGreaterThan(1);
    const { errors } = await problems((f) => {
      f['scenario.json'] = files['scenario.json'] ?? '';
    });
    expect(errors[0]).toMatch(new RegExp(`^scenario\\.json:${line}: `));
  });

  test('every problem is reported at once, each with file and line', async () => {
    const { errors } = await problems((f) => {
      set('bids.csv', 2, 'B1,P1,standard,Z1,cheap,500,any,')(f);
      set('bids.csv', 3, 'B2,P2,standard,Z9,25,500,any,')(f);
      set('demand.csv', 2, 'A1,standard,2027,-100,,')(f);
      set('zones-two.csv', 4, 'A3,A1')(f);
      set('providers.csv', 3, 'P2,Second Care,500,50,170')(f);
    });
    expect(errors.length).toBeGreaterThanOrEqual(5);
    for (const prefix of [
      'bids.csv:2:',
      'bids.csv:3:',
      'demand.csv:2:',
      'zones-two.csv:4:',
      'providers.csv:3:',
    ])
      expect(errors.some((e) => e.startsWith(prefix))).toBe(true);
  });

  test('extra columns and min viable above capacity are warnings, not errors', async () => {
    const { scenario, errors, warnings } = await problems((f) => {
      f['providers.csv'] = [
        'provider_id,name,max_hours_per_week,min_viable_hours_per_week,quality_score,notes',
        'P1,First Care,500,600,70,x',
        'P2,Second Care,500,50,80,y',
      ].join('\n');
    });
    expect(errors).toEqual([]);
    expect(scenario).not.toBeNull();
    expect(warnings).toEqual([
      'providers.csv:1: warning: extra column(s) notes ignored',
      'providers.csv:2: warning: min_viable_hours_per_week 600 is more than max_hours_per_week 500: this provider can never be viable',
    ]);
  });

  test("a per-bid quality score overrides the provider's; coverage may mix zones and areas", async () => {
    const { scenario } = await problems(set('bids.csv', 2, 'B1,P1,standard,Z2;A1,24.5,"1,500",any,,91'));
    expect(scenario).toBeNull(); // quality_score column is not in the header: the row is too long
    const files = goodFiles();
    files['bids.csv'] = (files['bids.csv'] ?? '')
      .replace('role,package_id', 'role,package_id,quality_score')
      .replace('B1,P1,standard,Z1,24.5,500,any,', 'B1,P1,standard,Z2;A1,24.5,"1,500",any,,91');
    const read = await readScenario(await writeScenarioFolder(files));
    expect(read.issues.errors).toEqual([]);
    expect(read.scenario?.bids.find((b) => b.id === 'B1')).toMatchObject({
      areaIds: ['A1', 'A3'],
      maxHours: 1500,
      quality: 91,
    });
  });

  test('Excel-style files load: BOM, CRLF, quoted commas, thousands separators', async () => {
    const files = goodFiles();
    for (const name of Object.keys(files))
      if (name.endsWith('.csv')) files[name] = `\ufeff${(files[name] ?? '').replace(/\n/g, '\r\n')}`;
    files['areas.csv'] = (files['areas.csv'] ?? '')
      .replace('A2,Beta,', 'A2,"Beta, Upper",')
      .replace(',1000,200,', ',"1,000",200,');
    const { scenario, issues } = await readScenario(await writeScenarioFolder(files));
    expect(issues.all).toEqual([]);
    expect(scenario?.areas.map((a) => [a.name, a.population])).toEqual([
      ['Alpha', 1000],
      ['Beta, Upper', 800],
      ['Gamma', 500],
    ]);
  });

  test('every row of the period at 0 hours is one error, not an infeasible award or a warning per zone', async () => {
    const files = goodFiles();
    files['demand.csv'] = (files['demand.csv'] ?? '').replace(/,2027,[0-9]+,[0-9]+,[0-9]+/g, ',2027,0,0,0');
    const read = await readScenario(await writeScenarioFolder(files));
    expect(read.issues.errors.map(formatIssue)).toEqual([
      'demand.csv: every row of period 2027 has 0 in hours_per_week: there is nothing to tender; check hours_per_week, or the period in scenario.json',
    ]);
  });

  test('a folder that is not there, or has no scenario.json', async () => {
    const missing = await readScenario('/nonexistent/zonal');
    expect(missing.issues.errors.map(formatIssue)[0]).toContain('is not a scenario folder');
    const empty = await readScenario(await writeScenarioFolder({}));
    expect(empty.issues.errors.map(formatIssue)[0]).toMatch(/scenario\.json: is missing/);
  });

  test('a folder with a workbook and no scenario.json: told to give the workbook', async () => {
    const dir = await writeScenarioFolder({ 'county.xlsx': 'PK', 'notes.txt': 'x' });
    const read = await readScenario(dir);
    expect(read.issues.errors.map(formatIssue)).toEqual([
      `${path.join(dir, 'scenario.json')}: is missing, and the folder holds the workbook ${path.join(dir, 'county.xlsx')}: give the workbook in place of the folder`,
    ]);
  });

  test('a folder zonal wrote results into is told so, not told to give its result.xlsx as the scenario (explore11)', async () => {
    const dir = await writeScenarioFolder({ 'result.xlsx': 'PK', '.zonal-sets/1-2-3/result.xlsx': 'PK' });
    const read = await readScenario(dir);
    expect(read.issues.errors.map(formatIssue)).toEqual([
      `${path.join(dir, 'scenario.json')}: is missing: this is a folder zonal wrote its results into, not a scenario; give the scenario folder (or workbook) the results came from`,
    ]);
  });

  test('scenario.json given instead of its folder: told to give the folder', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    const file = path.join(dir, 'scenario.json');
    const read = await readScenario(file);
    expect(read.issues.errors.map(formatIssue)).toEqual([
      `${file}: is the scenario's settings file: give the folder that holds it (${dir})`,
    ]);
  });

  test('one of its tables given instead of its folder (bids.csv, as a file manager offers it): told to give the folder (explore11)', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    const file = path.join(dir, 'bids.csv');
    const read = await readScenario(file);
    expect(read.issues.errors.map(formatIssue)).toEqual([
      `${file}: is one of the scenario's files: give the folder that holds it (${dir})`,
    ]);
  });
});

describe('an id mistyped by one slip', () => {
  /** The small scenario with ids long enough for a slip to be told from another id: ALPHA, BETA, GAMMA, P-ALDER, P-BIRCH, Z-NORTH, Z-SOUTH. */
  const longIds = (f: ScenarioFiles) => {
    const ids: Record<string, string> = {
      A1: 'ALPHA',
      A2: 'BETA',
      A3: 'GAMMA',
      P1: 'P-ALDER',
      P2: 'P-BIRCH',
      Z1: 'Z-NORTH',
      Z2: 'Z-SOUTH',
    };
    for (const file of Object.keys(f))
      if (file.endsWith('.csv')) f[file] = (f[file] ?? '').replace(/\b[APZ][123]\b/g, (id) => ids[id] ?? id);
  };

  test('names the one id it most likely meant, in every table that names an id of another (a letter missing, extra, changed or two swapped)', async () => {
    const { errors } = await problems((f) => {
      longIds(f);
      set('zones-two.csv', 2, 'ALHPA,Z-NORTH')(f);
      set('demand.csv', 2, 'ALPA,standard,2027,100,90,120')(f);
      set('bids.csv', 2, 'B1,P-ALDR,standard,Z-NORTH,24.5,500,any,')(f);
      set('bids.csv', 3, 'B2,P-BIRCH,standard,Z-NORHT,25,500,any,')(f);
      f['providers.csv'] = (f['providers.csv'] ?? '')
        .replace('quality_score\n', 'quality_score,base_area_id\n')
        .replace('First Care,500,50,70', 'First Care,500,50,70,GAMMMA')
        .replace('Second Care,500,50,80', 'Second Care,500,50,80,BETA');
    });
    // ALPHA is not told as in no zone too: the row meant it (one mistake, one message).
    expect(errors).toEqual([
      'zones-two.csv:2: unknown area "ALHPA": it is not in areas.csv (did you mean "ALPHA"?)',
      'demand.csv:2: unknown area "ALPA": it is not in areas.csv (did you mean "ALPHA"?)',
      'providers.csv:2: base_area_id "GAMMMA" is not in areas.csv (did you mean "GAMMA"?)',
      'bids.csv:2: unknown provider "P-ALDR": it is not in providers.csv (did you mean "P-ALDER"?)',
      'bids.csv:3: coverage names unknown area or zone id(s) "Z-NORHT": use * or ids from areas.csv and the zone files, separated by ; (did you mean "Z-NORTH"?)',
    ]);
  });

  test('names an id whose own row has a mistake too: that row is told, and the slip is asked about it (once the row is mended it is an id)', async () => {
    const { errors } = await problems((f) => {
      longIds(f);
      f['areas.csv'] = (f['areas.csv'] ?? '').replace(
        'ALPHA,Alpha,52.1,-1.2,1000',
        'ALPHA,Alpha,52.1,-1.2,-1000',
      );
      f['providers.csv'] = (f['providers.csv'] ?? '').replace(
        'P-ALDER,First Care,500',
        'P-ALDER,First Care,five hundred',
      );
      set('demand.csv', 3, 'ALPA,standard,2027,50,45,60')(f);
      set('bids.csv', 3, 'B2,P-ALDR,standard,Z-NORTH,25,500,any,')(f);
    });
    // Until 2026-12-03 the slips were told "it is not in …" alone.
    expect(errors).toEqual([
      'areas.csv:2: population must not be negative (got "-1000")',
      'providers.csv:2: max_hours_per_week is not a number: give the most hours per week the provider can serve (got "five hundred")',
      'demand.csv:3: unknown area "ALPA": it is not in areas.csv (did you mean "ALPHA"?)',
      'bids.csv:3: unknown provider "P-ALDR": it is not in providers.csv (did you mean "P-ALDER"?)',
    ]);
  });

  test('is one message when it leaves a zone short in one zoning: the zone is not told as differing from another zoning', async () => {
    const { errors } = await problems((f) => {
      longIds(f);
      f['zones-alt.csv'] = f['zones-two.csv'] ?? '';
      editJson((json) => {
        json.zonings.alt = 'zones-alt.csv';
      })(f);
      set('zones-two.csv', 2, 'ALHPA,Z-NORTH')(f);
    });
    expect(errors).toEqual([
      'zones-two.csv:2: unknown area "ALHPA": it is not in areas.csv (did you mean "ALPHA"?)',
    ]);
  });

  test('names no id when two are as close, or the ids are too short for a slip to tell them apart', async () => {
    const { errors } = await problems((f) => {
      longIds(f);
      f['providers.csv'] = (f['providers.csv'] ?? '').replace('P-BIRCH', 'P-ALDEN');
      f['bids.csv'] = (f['bids.csv'] ?? '').replaceAll('P-BIRCH', 'P-ALDEN');
      set('bids.csv', 2, 'B1,P-ALDEX,standard,Z-NORTH,24.5,500,any,')(f);
    });
    expect(errors).toEqual(['bids.csv:2: unknown provider "P-ALDEX": it is not in providers.csv']);
    const short = await problems(set('bids.csv', 2, 'B1,P3,standard,Z1,24.5,500,any,'));
    expect(short.errors).toEqual(['bids.csv:2: unknown provider "P3": it is not in providers.csv']);
  });
});
