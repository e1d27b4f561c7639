/**
 * The settings of a scenario (scenario.json, or a workbook's `scenario` sheet),
 * checked with zod, every problem naming its key path (`lots.standard.leadShare`)
 * and, for a misspelt key, the key that was probably meant. Plainly right
 * settings are read by the schemas' plans, without building a zod schema
 * (model/settings-plan.ts); zod checks the rest. Pure.
 */
import type { z } from 'zod';
import { closestName } from '../diagnostics/did-you-mean.js';
import type { IssueList } from '../diagnostics/issues.js';
import { nearestLine, type LineOf } from '../diagnostics/nearest-line.js';
import * as msg from '../diagnostics/messages.js';
import { lotPlanEntry, scenarioJsonSchema, type ScenarioJson } from '../model/scenario-schema.js';
import { parseSettings, topSettingsKeys } from '../model/quick-settings.js';
import { issueMessage, issueText } from '../model/issue-text.js';
import { problemsBetweenSettings } from '../model/between-settings.js';
import { ukDefaultsLeft } from '../model/currency-defaults.js';
import { ignoredLotSettings } from '../structures/entry-schema.js';
import { entryWarnings } from '../structures/index.js';
import { keysAt } from '../model/schema-keys.js';
import { once } from '../model/once.js';

/** Where the settings are: the file (or sheet) and the line (or row) of a key path. */
export interface SettingsPlace {
  readonly file: string;
  readonly line: LineOf;
}

/** The keys an object at `path` may have, for "did you mean": read from the settings schema, so a new setting is offered. */
export const settingsKeysAt = (path: readonly PropertyKey[]): readonly string[] =>
  keysAt(scenarioJsonSchema(), path);

/** The value at a key path of the settings as written, or undefined. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let at = raw;
  for (const key of path)
    at = typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/** `value`: what the key path holds, so a formula saved without its value (`=B3/2`, workbook-sheets.ts) is told as one, as in a table. */
function describe(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    const last = String(issue.path[issue.path.length - 1] ?? '');
    return msg.settingMissing(issue.path[0] === 'files', last, issue.expected);
  }
  const message = issueMessage(issue);
  const wantsNumber = message === msg.settingNotNumber() || message === msg.shareNotNumber();
  return wantsNumber && typeof value === 'string' && value.startsWith('=')
    ? `${msg.formulaWithoutValue('the value')} (got "${value}")`
    : message;
}

/** Top-level keys zonal does not know: an error when one is a likely typo of a known key, a warning otherwise. */
function unknownTopKeys(raw: unknown, place: SettingsPlace, issues: IssueList): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return true;
  const known = topSettingsKeys();
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (known.includes(key)) continue;
    const guess = closestName(key, known);
    if (guess !== null && !(guess in raw)) ok = false;
    if (guess !== null && !(guess in raw))
      issues.error(place.file, place.line([key]), msg.settingMisspelt(key, guess), 'key');
    else issues.warning(place.file, place.line([key]), msg.settingIgnored(key), 'key');
  }
  return ok;
}

export function checkSettings(raw: unknown, given: SettingsPlace, issues: IssueList): ScenarioJson | null {
  const place: SettingsPlace = { file: given.file, line: nearestLine(given.line) };
  // A setting left out is told at the row of what holds it: not at that row's value, which is another setting's.
  const column = (path: readonly PropertyKey[]) => (given.line(path) === null ? 'row' : 'value');
  const keysOk = unknownTopKeys(raw, place, issues);
  const parsed = parseSettings('scenarioJson', scenarioJsonSchema, raw);
  if (parsed.success) {
    const problems = problemsBetweenSettings(parsed.data, {
      qualityWeight: valueAt(raw, ['award', 'qualityWeight']) !== undefined,
    });
    const ukDefaults = ukDefaultsLeft(
      parsed.data.currency,
      parsed.data.award.spotPricePerHour,
      (path) => valueAt(raw, path) !== undefined,
    );
    if (ukDefaults !== null) problems.push(ukDefaults);
    for (const [careType, entry] of Object.entries((valueAt(raw, ['lots']) ?? {}) as Record<string, unknown>))
      for (const { key, owners, structure } of ignoredLotSettings(entry))
        issues.warning(
          place.file,
          place.line(['lots', careType, key]),
          msg.lotSettingOfOtherStructure(careType, key, owners, structure),
        );
    for (const [careType, entry] of Object.entries(parsed.data.lots)) {
      const planned = lotPlanEntry(entry);
      if (planned.kind === 'lot')
        for (const { key, message } of entryWarnings(careType, planned))
          issues.warning(place.file, place.line(['lots', careType, key]), message);
    }
    for (const p of problems)
      if (p.warning === true) issues.warning(place.file, place.line(p.path), issueText(p));
      else issues.error(place.file, place.line(p.path), issueText(p), column(p.path));
    return keysOk && problems.every((p) => p.warning === true) ? parsed.data : null;
  }
  for (const issue of parsed.error.issues) {
    const where = issue.path.map(String).join('.') || '(top level)';
    // Each unknown key at its own line, not at the line of the object that holds it.
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys)
        issues.error(
          place.file,
          place.line([...issue.path, key]),
          `${where} ${msg.settingUnknownKey(key, settingsKeysAt(issue.path))}`,
          'key',
        );
    else if (issue.code === 'invalid_key') {
      // A key that is not a valid name (a zoning "t w o"): said of the object that holds it, in its own words.
      const holder = issue.path.slice(0, -1).map(String).join('.') || '(top level)';
      const rule = issue.issues[0]?.message ?? 'not a valid name';
      const key = String(issue.path[issue.path.length - 1] ?? '');
      issues.error(place.file, place.line(issue.path), msg.settingBadKey(holder, key, rule), 'value');
    } else
      issues.error(
        place.file,
        place.line(issue.path),
        `${where} ${describe(issue, valueAt(raw, issue.path))}`,
        column(issue.path),
      );
  }
  return null;
}

/** When the settings have errors, the table references that can still be checked, so every problem is reported at once. */
const tableRefsSchema = once(() => scenarioJsonSchema().pick({ files: true, zonings: true }));

/** The table references of settings that have errors (reported), or null when even they cannot be read. */
export function tableRefs(settings: unknown): z.infer<ReturnType<typeof tableRefsSchema>> | null {
  const refs = tableRefsSchema().safeParse(settings);
  return refs.success ? refs.data : null;
}
