/**
 * A workbook's settings as they were meant. In a spreadsheet a cell's type follows
 * its format, not the person: `2` typed in a cell formatted as text is the text "2",
 * and a scenario named 2027 in a General cell is a number. Where the settings schema
 * wants a number, text that reads as one (`2`, `1,500`, `0.7`, as in a table's cell)
 * is that number; where it wants text, a number is its text. Anything else is left
 * for the schema to report. scenario.json is not read so: there a type is written on
 * purpose. Pure.
 */
import type { z } from 'zod';
import * as msg from '../diagnostics/messages.js';
import { issueMessage } from '../model/issue-text.js';
import { readNumberText } from '../model/number-text.js';
import { settingsReader } from '../model/quick-settings.js';
import { scenarioJsonSchema } from '../model/scenario-schema.js';
import { costModelSchema, scoringSchema } from '../model/scoring-settings.js';

type Node = Record<PropertyKey, unknown>;

/**
 * The value meant at an issue's key path, or undefined when the cell is not one a format could
 * have changed. A number is wanted where the schema expects one, whatever its message says (a
 * money setting's names the currency: until explore22 only the plain message's settings were read
 * so, and `6,500,000` typed as text in award.maxAnnualBudget was refused).
 */
function meant(issue: z.core.$ZodIssue, value: unknown): unknown {
  if (typeof value === 'number' && issue.code === 'invalid_type' && issue.expected === 'string')
    return String(value);
  if (typeof value !== 'string') return undefined;
  const message = issueMessage(issue);
  const wantsNumber =
    (issue.code === 'invalid_type' && issue.expected === 'number') ||
    message === msg.settingNotNumber() ||
    message === msg.shareNotNumber();
  if (!wantsNumber) return undefined;
  const read = readNumberText(value, 'a number');
  return read.kind === 'ok' ? read.value : undefined;
}

/** The holder of the last key of `path` in `root`, or null when the path does not lead to an object. */
function holderOf(root: Node, path: readonly PropertyKey[]): Node | null {
  let at: unknown = root;
  for (const key of path.slice(0, -1))
    at = typeof at === 'object' && at !== null ? (at as Node)[key] : undefined;
  return typeof at === 'object' && at !== null ? (at as Node) : null;
}

/** Each issue's cell in `root` (at `under`, the path of what was parsed) set to the value meant. */
function mend(root: Node, issues: readonly z.core.$ZodIssue[], under: readonly PropertyKey[] = []): void {
  for (const issue of issues) {
    const path = [...under, ...issue.path];
    const holder = holderOf(root, path);
    const key = path[path.length - 1];
    if (holder === null || key === undefined) continue;
    const value = meant(issue, holder[key]);
    if (value !== undefined) holder[key] = value;
  }
}

/**
 * The cost-model and scoring settings are checked by their own schemas (scenario.json's takes
 * them as they are), so their cells are read as meant by those (until explore22
 * `costModel.wagePerHour` typed `14.15` as text was "must be a number, not text").
 */
const ownSchemas = [
  ['costModel', costModelSchema],
  ['scoring', scoringSchema],
] as const;

export function settingsAsMeant(settings: Record<string, unknown>): Record<string, unknown> {
  const own = ownSchemas.flatMap(([key, schema]) => {
    if (typeof settings[key] !== 'object' || settings[key] === null) return [];
    const result = schema().safeParse(settings[key]);
    return result.success ? [] : [{ key, issues: result.error.issues }];
  });
  const quick = settingsReader.read('scenarioJson', settings) !== undefined;
  const parsed = quick ? null : scenarioJsonSchema().safeParse(settings);
  if ((parsed === null || parsed.success) && own.length === 0) return settings;
  const copy = structuredClone(settings);
  if (parsed !== null && !parsed.success) mend(copy, parsed.error.issues);
  for (const { key, issues } of own) mend(copy, issues, [key]);
  return copy;
}
