/**
 * Root cause first: each mistake a spreadsheet user makes gets one message
 * that names its cause, not a flood of consequences.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/diagnostics/issues.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { problems } from '../helpers/read-folder.js';
import { editJson, goodFiles, writeScenarioFolder } from '../helpers/scenario-folder.js';

describe('root cause first', () => {
  test('headers match whatever their case, spaces and underscores ("Area ID" is area_id)', async () => {
    const { scenario, errors } = await problems((f) => {
      f['areas.csv'] = (f['areas.csv'] ?? '').replace(
        'area_id,name,lat,lon,population,population_65_plus',
        'Area ID,Name,LAT,lon,Population,Population 65 Plus',
      );
    });
    expect(errors).toEqual([]);
    expect(scenario?.areas.map((a) => a.id)).toEqual(['A1', 'A2', 'A3']);
  });

  test('enum values match whatever their case ("Rural", "STANDARD")', async () => {
    const { scenario, errors } = await problems((f) => {
      f['areas.csv'] = (f['areas.csv'] ?? '').replace(',rural', ',Rural');
      f['demand.csv'] = (f['demand.csv'] ?? '').replace('A1,standard', 'A1,STANDARD');
    });
    expect(errors).toEqual([]);
    expect(scenario?.areas.find((a) => a.id === 'A3')?.rurality).toBe('rural');
  });

  test('a misnamed column is one message with "did you mean", and nothing downstream of it', async () => {
    const { errors } = await problems((f) => {
      f['providers.csv'] = (f['providers.csv'] ?? '').replace('quality_score', 'quality');
    });
    expect(errors).toEqual([
      'providers.csv:1: missing column(s) quality_score (did you mean the header cell "quality"? Rename it to quality_score)',
    ]);
  });

  test('a missing column is one message; the unknown-provider lines it would cause are not reported', async () => {
    const { errors } = await problems((f) => {
      f['providers.csv'] = (f['providers.csv'] ?? '')
        .split('\n')
        .map((l) => l.split(',').slice(0, 4).join(','))
        .join('\n');
    });
    expect(errors).toEqual([
      'providers.csv:1: missing column(s) quality_score: the header must include provider_id,name,max_hours_per_week,min_viable_hours_per_week,quality_score (rows are checked once the header is right)',
    ]);
  });

  test('"80%" is read as the share 0.8', async () => {
    const { scenario, errors } = await problems(
      editJson((j) => {
        j['lots'].standard.leadShare = '80%';
        j['award'].maxShareOfTotalHours = '75%';
      }),
    );
    expect(errors).toEqual([]);
    expect(scenario?.lotPlan.standard).toMatchObject({ kind: 'lot', leadShare: 0.8 });
    expect(scenario?.award.maxShareOfTotalHours).toBe(0.75);
  });

  test('a misspelt setting a structure needs is one message: the key to correct, not also the setting missing', async () => {
    const { errors } = await problems(
      editJson((j) => {
        j['lots'].standard.leadshare = j['lots'].standard.leadShare;
        delete j['lots'].standard.leadShare;
      }),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^scenario\.json:\d+: lots\.standard has an unknown key "leadshare" \(did you mean "leadShare"\?\): remove it or correct its name$/,
      ),
    ]);
  });

  test('a setting a structure needs, given under another name ("places" for maxProviders), is one message at that key', async () => {
    // Before: "maxProviders is missing" at the lot and "unknown key places" listing every lot key.
    const { errors } = await problems(
      editJson((j) => {
        j['lots'].standard = { geography: 'zone', structure: 'framework', places: 3 };
      }),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^scenario\.json:\d+: lots\.standard\.places is not a setting, and maxProviders is missing \(a framework needs maxProviders, e\.g\. 4\): rename "places" to "maxProviders" if that is what it gives, else add maxProviders$/,
      ),
    ]);
  });

  test.each([
    ['"3"', '3'],
    ['0', 0],
  ])(
    'a number setting given under another name as %s, text or out of range, is still one message (review17c)',
    async (_, value) => {
      const { errors } = await problems(
        editJson((j) => {
          j['lots'].standard = { geography: 'zone', structure: 'framework', places: value };
        }),
      );
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('rename "places" to "maxProviders"');
    },
  );

  test('an unknown key whose value the missing setting cannot take is not told as its other name (review17b)', async () => {
    const { errors } = await problems(
      editJson((j) => {
        j['lots'].standard = { geography: 'zone', structure: 'framework', notes: 'call Anne' };
      }),
    );
    expect(errors).toHaveLength(2);
    expect(errors.some((e) => e.includes('rename'))).toBe(false);
    expect(errors.filter((e) => e.includes('is missing: a framework needs maxProviders'))).toHaveLength(1);
  });

  test('two unknown keys beside a missing setting are each told, with the setting missing', async () => {
    const { errors } = await problems(
      editJson((j) => {
        j['lots'].standard = { geography: 'zone', structure: 'framework', places: 3, seats: 2 };
      }),
    );
    expect(errors).toHaveLength(3);
    expect(errors.filter((e) => e.includes('is missing: a framework needs maxProviders'))).toHaveLength(1);
  });

  test('a bad share names its key path (lots.standard.leadShare), not the whole lot entry', async () => {
    const { errors } = await problems(
      editJson((j) => {
        j['lots'].standard.leadShare = 'eighty';
      }),
    );
    expect(errors).toEqual([
      'scenario.json:18: lots.standard.leadShare must be a number, not text (a share may also be written "80%")',
    ]);
  });

  test('text for a number that is not a share is not told to write a percentage', async () => {
    const { errors } = await problems(
      editJson((j) => {
        j['award'].minQuality = 'high';
        j['award'].maxShareOfTotalHours = 'all';
      }),
    );
    expect(errors).toHaveLength(2);
    expect(errors.find((e) => e.includes('award.minQuality'))).toMatch(
      /award\.minQuality must be a number, not text$/,
    );
    expect(errors.find((e) => e.includes('award.maxShareOfTotalHours'))).toMatch(
      /award\.maxShareOfTotalHours must be a number, not text \(a share may also be written "80%"\)$/,
    );
  });

  test('out-of-range settings are told in words, never in zod\'s symbols ("Too small: expected number to be >=0")', async () => {
    const { errors } = await problems(
      editJson((j) => {
        j['award'].minDistinctProviders = -1;
        j['award'].minQuality = 101;
      }),
    );
    expect(errors.map((e) => e.replace(/^scenario\.json:\d+: /, ''))).toEqual([
      'award.minQuality must be at most 100 (quality scores run from 0 to 100)',
      'award.minDistinctProviders must not be negative (0: no minimum)',
    ]);
  });

  test('a missing file setting names files.bids, at the line of "files"', async () => {
    const { errors } = await problems(
      editJson((j) => {
        delete j['files'].bids;
      }),
    );
    expect(errors).toEqual(['scenario.json:4: files.bids is missing: give the file name, e.g. "bids.csv"']);
  });

  test('a misspelt key gets "did you mean", at any depth, at its own line', async () => {
    const { errors } = await problems(
      editJson((j) => {
        j['award'].maxShareOfTotalHour = 0.5;
        j['lots'].standard.leadshare = j['lots'].standard.leadShare;
        j['costmodel'] = { wage: 12 };
      }),
    );
    expect(errors).toContain(
      'scenario.json:28: award has an unknown key "maxShareOfTotalHour" (did you mean "maxShareOfTotalHours"?): remove it or correct its name',
    );
    expect(errors).toContain(
      'scenario.json:19: lots.standard has an unknown key "leadshare" (did you mean "leadShare"?): remove it or correct its name',
    );
    expect(errors).toContain(
      'scenario.json:30: "costmodel" is not a zonal setting: did you mean "costModel"? Rename it, or it would be ignored',
    );
  });

  test('an unknown top-level key that is no typo is a warning, not an error', async () => {
    const { errors, warnings } = await problems(
      editJson((j) => {
        j['notes'] = 'from the 2026 tender';
      }),
    );
    expect(errors).toEqual([]);
    expect(warnings).toContain('scenario.json:28: warning: "notes" is not a zonal setting and is ignored');
  });

  test('a Windows-1252 CSV (£ prices, accented names) is read with a one-line warning and names intact', async () => {
    const files = goodFiles();
    const dir = await writeScenarioFolder(files);
    const providers =
      'provider_id,name,max_hours_per_week,min_viable_hours_per_week,quality_score\nP1,Crème Care,500,50,70\nP2,Second Care,500,50,80\n';
    await writeFile(path.join(dir, 'providers.csv'), Buffer.from(providers, 'latin1'));
    await writeFile(
      path.join(dir, 'bids.csv'),
      Buffer.from((files['bids.csv'] ?? '').replace('24.5', '£24.50'), 'latin1'),
    );
    const { scenario, issues } = await readScenario(dir);
    expect(issues.errors).toEqual([]);
    expect(issues.warnings.map(formatIssue).sort()).toEqual([
      'bids.csv:2: warning: is not UTF-8, so it was read as Windows-1252 (what Excel\'s "CSV (Comma delimited)" saves): check that £ and accented names look right, or save it as "CSV UTF-8 (Comma delimited)"',
      'providers.csv:2: warning: is not UTF-8, so it was read as Windows-1252 (what Excel\'s "CSV (Comma delimited)" saves): check that £ and accented names look right, or save it as "CSV UTF-8 (Comma delimited)"',
    ]);
    expect(scenario?.providers.find((p) => p.id === 'P1')?.name).toBe('Crème Care');
    expect(scenario?.bids.find((b) => b.id === 'B1')?.price).toBe(24.5);
  });

  test('a workbook saved where a CSV file is expected is named as a workbook', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    await writeFile(path.join(dir, 'bids.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const { issues } = await readScenario(dir);
    expect(issues.errors.map(formatIssue)).toEqual([
      expect.stringMatching(/^bids\.csv: is an Excel workbook \(\.xlsx\), not a CSV file: /),
    ]);
  });
});
