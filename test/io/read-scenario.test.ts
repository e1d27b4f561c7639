import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { formatIssue } from '../../src/diagnostics/issues.js';
import { goodFiles, withJson, withLine, writeScenarioFolder } from '../helpers/scenario-folder.js';

describe('readScenario', () => {
  test('without the input hash: the same scenario and problems, and an empty hash', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    const hashed = await readScenario(dir);
    const unhashed = await readScenario(dir, { hash: false });
    expect(hashed.inputHash).toMatch(/^[0-9a-f]{16}$/);
    expect(unhashed.inputHash).toBe('');
    expect(unhashed.scenario).not.toBeNull();
    expect(unhashed.scenario).toEqual(hashed.scenario);
    expect(unhashed.issues.all).toEqual(hashed.issues.all);
  });

  test('"1.200" in an hours cell of a CSV file is one warning a column with the rows that repeat it, whatever their values; prices and 0.500 are not told (tidy10, explore11)', async () => {
    const files = goodFiles();
    let demand = files['demand.csv'] ?? '';
    demand = withLine(demand, 2, 'A1,standard,2027,1.200,0.500,2.250');
    demand = withLine(demand, 3, 'A2,standard,2027,1.200,1,2.000');
    const bids = withLine(files['bids.csv'] ?? '', 2, 'B1,P1,standard,Z1,24.500,500,any,');
    const { scenario, issues } = await readScenario(
      await writeScenarioFolder({ ...files, 'demand.csv': demand, 'bids.csv': bids }),
    );
    expect(scenario).not.toBeNull();
    expect(issues.warnings.map(formatIssue).filter((w) => w.includes('is read as'))).toEqual([
      'demand.csv:2: warning: hours_per_week "1.200" is read as 1.2: if you meant 1,200 write 1200; the same in 1 more row: 3',
      'demand.csv:2: warning: hours_high "2.250" is read as 2.25: if you meant 2,250 write 2250; the same in 1 more row: 3',
    ]);
  });

  test('a scenario.json saved as Windows-1252 (an older Notepad\'s "ANSI") keeps its £, dash and accents, with one warning at the first such line (explore11)', async () => {
    const files = goodFiles();
    const json = (files['scenario.json'] ?? '').replace('"Folder test"', '"Café – £ retender"');
    const dir = await writeScenarioFolder(files);
    await writeFile(path.join(dir, 'scenario.json'), Buffer.from(json.replace('–', '\x96'), 'latin1'));
    const { scenario, issues } = await readScenario(dir);
    expect(scenario?.name).toBe('Café – £ retender');
    expect(issues.warnings.map(formatIssue)).toEqual([
      'scenario.json:2: warning: is not UTF-8, so it was read as Windows-1252 (what an older Notepad saves as "ANSI"): check that £ and accented names look right, or save it as UTF-8 (in Notepad: File > Save As, Encoding "UTF-8")',
    ]);
  });

  test('a council that prices in euros is told to check its € after a Windows-1252 reading, in scenario.json and in its tables', async () => {
    // Until 2026-12-02 each warning said "check that £ …" whatever scenario.json's currency:
    // the warnings are made while the files are read, so each takes the currency scenario.json sets.
    const files = goodFiles();
    const json = (files['scenario.json'] ?? '')
      .replace(
        '"Folder test"',
        // Its own cost model and spot price in euros: left at the UK defaults, they are a warning of their own (explore22).
        '"Café retender", "currency": "EUR", "costModel": {"wagePerHour": 14.15, "mileageRatePerMile": 0.4, "overheadPerHour": 10}',
      )
      .replace('"award": {', '"award": { "spotPricePerHour": 35,');
    expect(json).toContain('"spotPricePerHour": 35');
    const providers = (files['providers.csv'] ?? '').replace('First Care', 'Première Care');
    const dir = await writeScenarioFolder(files);
    await writeFile(path.join(dir, 'scenario.json'), Buffer.from(json, 'latin1'));
    await writeFile(path.join(dir, 'providers.csv'), Buffer.from(providers, 'latin1'));
    const { scenario, issues } = await readScenario(dir);
    expect(scenario?.currency).toBe('EUR');
    expect(issues.warnings.map(formatIssue)).toEqual([
      'scenario.json:2: warning: is not UTF-8, so it was read as Windows-1252 (what an older Notepad saves as "ANSI"): check that € and accented names look right, or save it as UTF-8 (in Notepad: File > Save As, Encoding "UTF-8")',
      'providers.csv:2: warning: is not UTF-8, so it was read as Windows-1252 (what Excel\'s "CSV (Comma delimited)" saves): check that € and accented names look right, or save it as "CSV UTF-8 (Comma delimited)"',
    ]);
  });

  // mend17b: until then "must be a number, not text", without the hint bids.csv's price_per_hour gets for "30,00".
  test('a money setting written with a decimal comma, as text, is told to be written with a point; other text is not a number', async () => {
    const errorsOf = async (edit: (json: { costModel?: unknown; award: Record<string, unknown> }) => void) =>
      (await readScenario(await writeScenarioFolder(withJson(goodFiles(), edit)))).issues.errors.map(
        (e) => e.message,
      );
    expect(
      await errorsOf((json) => {
        json.award['spotPricePerHour'] = '32,14';
      }),
    ).toEqual([
      'award.spotPricePerHour must be a number: "32,14" uses a comma as the decimal point: write 32.14 (commas may only separate thousands, as in 1,200)',
    ]);
    expect(
      await errorsOf((json) => {
        json.costModel = { wagePerHour: '€30,00', overheadPerHour: 'ten' };
      }),
    ).toEqual([
      'costModel.wagePerHour must be a number: "€30,00" uses a comma as the decimal point: write 30.00 (commas may only separate thousands, as in 1,200) (see docs/scoring.md)',
      'costModel.overheadPerHour must be a number, not text (see docs/scoring.md)',
    ]);
  });

  // mend17d: until then "1,000" was told to be written 1.000 (a decimal comma), which made the penalty 1.
  test('a number setting written as text with thousands commas is told to be written as a number without them, never as a decimal', async () => {
    const errorsOf = async (edit: (json: { award: Record<string, unknown> }) => void) =>
      (await readScenario(await writeScenarioFolder(withJson(goodFiles(), edit)))).issues.errors.map(
        (e) => e.message,
      );
    expect(
      await errorsOf((json) => {
        json.award['unmetPenaltyPerHour'] = '1,000';
        json.award['spotPricePerHour'] = '£12,500.50';
      }),
    ).toEqual([
      'award.unmetPenaltyPerHour must be a number, not text: write "1,000" as 1000, without quotes or commas',
      'award.spotPricePerHour must be a number, not text: write "£12,500.50" as 12500.50, without quotes or commas',
    ]);
    expect(
      await errorsOf((json) => {
        json.award['unmetPenaltyPerHour'] = '1,5';
      }),
    ).toEqual([
      'award.unmetPenaltyPerHour must be a number: "1,5" uses a comma as the decimal point: write 1.5 (commas may only separate thousands, as in 1,200)',
    ]);
  });

  // mend17d: until then only "must be a number, not text (a share may also be written "80%")", with no word of the comma.
  test('a share written as text with a decimal comma, as a number or a percentage, is told to be written with a point', async () => {
    const { issues } = await readScenario(
      await writeScenarioFolder(
        withJson<{ award: Record<string, unknown>; lots: Record<string, Record<string, unknown>> }>(
          goodFiles(),
          (json) => {
            json.award['maxShareOfTotalHours'] = '80,5%';
            json.lots['standard'] = { ...json.lots['standard'], leadShare: '0,8' };
          },
        ),
      ),
    );
    expect(issues.errors.map((e) => e.message).sort()).toEqual([
      'award.maxShareOfTotalHours must be a number: "80,5%" uses a comma as the decimal point: write "80.5%" (commas may only separate thousands, as in 1,200)',
      'lots.standard.leadShare must be a number: "0,8" uses a comma as the decimal point: write 0.8 (commas may only separate thousands, as in 1,200)',
    ]);
  });

  // In a scenario in euros: in one in pounds a € price is a mistake (explore22; test/io/one-mistake.test.ts).
  test('a price with a € before it, as a spreadsheet in euros shows it, is read as the number', async () => {
    const files = withJson<{ currency: string }>(goodFiles(), (json) => {
      json.currency = 'EUR';
    });
    const bids = withLine(files['bids.csv'] ?? '', 2, 'B1,P1,standard,Z1,€24.50,500,any,');
    const { scenario, issues } = await readScenario(
      await writeScenarioFolder({ ...files, 'bids.csv': bids }),
    );
    expect(issues.errors.map(formatIssue)).toEqual([]);
    expect(scenario?.bids.find((b) => b.id === 'B1')?.price).toBe(24.5);
  });
});
