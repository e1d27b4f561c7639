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

type Node = Record<PropertyKey, unknown>;

/** The value meant at an issue's key path, or undefined when the cell is not one a format could have changed. */
function meant(issue: z.core.$ZodIssue, value: unknown): unknown {
  if (typeof value === 'number' && issue.code === 'invalid_type' && issue.expected === 'string')
    return String(value);
  if (typeof value !== 'string') return undefined;
  const message = issueMessage(issue);
  if (message !== msg.settingNotNumber() && message !== msg.shareNotNumber()) return undefined;
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

export function settingsAsMeant(settings: Record<string, unknown>): Record<string, unknown> {
  if (settingsReader.read('scenarioJson', settings) !== undefined) return settings;
  const parsed = scenarioJsonSchema().safeParse(settings);
  if (parsed.success) return settings;
  const copy = structuredClone(settings);
  for (const issue of parsed.error.issues) {
    const holder = holderOf(copy, issue.path);
    const key = issue.path[issue.path.length - 1];
    if (holder === null || key === undefined) continue;
    const value = meant(issue, holder[key]);
    if (value !== undefined) holder[key] = value;
  }
  return copy;
}
