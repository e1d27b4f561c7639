/**
 * A settings file that is not JSON: the line to look at and the slip a
 * spreadsheet user most likely made (src/io/json-problem.ts), through
 * readScenario as `zonal validate` reads scenario.json.
 */
import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/diagnostics/issues.js';
import { jsonProblem } from '../../src/io/json-problem.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { goodFiles, writeScenarioFolder } from '../helpers/scenario-folder.js';

const good = goodFiles()['scenario.json'] ?? '';

/** scenario.json's one error as validate prints it, after `edit` of its good text. */
async function settingsError(json: string | Buffer): Promise<string[]> {
  const dir = await writeScenarioFolder({ ...goodFiles(), 'scenario.json': '' });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(`${dir}/scenario.json`, json);
  const { scenario, issues } = await readScenario(dir);
  expect(scenario).toBeNull();
  return issues.errors.map(formatIssue);
}

describe('scenario.json that is not JSON', () => {
  test.each([
    [
      'a comma after the last item (on the line of the comma)',
      good.replace('"two": "zones-two.csv"', '"two": "zones-two.csv",'),
      /^scenario\.json:(\d+): has a comma after the last item of a list or \{…\}: remove it/,
      '"two": "zones-two.csv",',
    ],
    [
      'a missing comma (on the line that needs it, not the next)',
      good.replace('"period": "2027",', '"period": "2027"'),
      /^scenario\.json:(\d+): a comma is missing at the end of this line/,
      '"period": "2027"',
    ],
    [
      'a comment',
      good.replace('"zoning": "two",', '// the active map\n  "zoning": "two",'),
      /^scenario\.json:(\d+): has a comment \(\/\/ or \/\* \*\/\), which JSON does not allow/,
      '// the active map',
    ],
    [
      'curly quotes pasted from a word processor',
      good.replace('"name": "Folder test"', '“name”: “Folder test”'),
      /^scenario\.json:(\d+): has curly quotes/,
      '“name”: “Folder test”,',
    ],
    [
      'a comma after the last item, with a curly apostrophe in a name before it (valid in a string)',
      good
        .replace('"name": "Folder test"', '"name": "St John’s test"')
        .replace('"two": "zones-two.csv"', '"two": "zones-two.csv",'),
      /^scenario\.json:(\d+): has a comma after the last item of a list or \{…\}: remove it/,
      '"two": "zones-two.csv",',
    ],
    [
      'single quotes',
      good.replace('"period": "2027"', "'period': '2027'"),
      /^scenario\.json:(\d+): uses single quotes \('…'\): JSON needs double quotes/,
      "'period': '2027',",
    ],
  ])('%s', async (_name, text, expected, lineText) => {
    const errors = await settingsError(text);
    expect(errors).toHaveLength(1);
    const line = Number(expected.exec(errors[0] ?? '')?.[1]);
    expect(text.split('\n')[line - 1]?.trim()).toBe(lineText);
  });

  test('a key given twice is told at its second line: JSON.parse would keep the last without a word', async () => {
    const text = good.replace('"period": "2027",', '"period": "2027",\n  "period": "2028",');
    const errors = await settingsError(text);
    const line = text.split('\n').findIndex((l) => l.includes('"2028"')) + 1;
    const first = text.split('\n').findIndex((l) => l.includes('"2027"')) + 1;
    expect(errors).toEqual([
      `scenario.json:${line}: "period" is given twice at the top of the file (first at line ${first}): JSON keeps only the last, so the first is lost; give each key once`,
    ]);
    // A colon or a quote inside a text is no key: good text with one is still good.
    const colon = good.replace('"name": "Folder test"', '"name": "Folder: \\"test\\" {a: 1}"');
    const { scenario } = await readScenario(
      await writeScenarioFolder({ ...goodFiles(), 'scenario.json': colon }),
    );
    expect(scenario).not.toBeNull();
  });

  test('an empty file and a UTF-16 file are told as such, not as parser errors', async () => {
    expect(await settingsError('')).toEqual([
      'scenario.json: is empty: it needs the settings as JSON (`zonal init` writes an example)',
    ]);
    expect(await settingsError(Buffer.from(`\ufeff${good}`, 'utf16le'))).toEqual([
      'scenario.json: is saved as UTF-16 ("Unicode Text"): save it as UTF-8 (in Notepad: File > Save As, Encoding "UTF-8")',
    ]);
  });

  test('valid JSON is no problem; an unclosed brace and other slips name their line', () => {
    expect(jsonProblem(good)).toBeNull();
    expect(jsonProblem('{\n  "a": [1, 2\n}')).toEqual({
      line: 3,
      message: 'a { or [ is not closed before here: add the missing } or ]',
    });
    expect(jsonProblem('{\n  "a": 1\n')).toEqual({
      line: 3,
      message: 'a { or [ is not closed before the end: add the missing } or ]',
    });
    expect(jsonProblem('{\n  "a": tru\n}')?.line).toBe(2);
  });
});
