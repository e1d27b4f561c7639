/**
 * A batch file's grid checked key by key before it is expanded: a key no override has, a key
 * misspelt below the override (told once at the key), a value of the wrong kind (at its own
 * line), a value listed twice. Pure; split from batch-file.ts.
 */
import stableStringify from 'safe-stable-stringify';
import * as msg from '../diagnostics/messages.js';
import { percentShare } from '../model/json-limits.js';
import { issueText } from '../model/issue-text.js';
import { atPath } from './batch-variants.js';
import { gridKeyProblem, overridesSchema } from './overrides-schema.js';

/** Whether an unknown key is one the grid key names (`wagePerHr` in `costModel.wagePerHr`), not one inside a value. */
function isInGridKey(
  path: string,
  issue: { readonly path: readonly PropertyKey[]; readonly keys?: readonly string[] },
): boolean {
  const named = [...issue.path.map(String), ...(issue.keys ?? [])];
  return issue.keys !== undefined && path.split('.').slice(0, named.length).join('.') === named.join('.');
}

/**
 * Grid values are checked one by one, so a bad value names its own line. A key
 * no override has is one mistake, told once at the key, not once per value.
 */
export function checkGrid(
  grid: Readonly<Record<string, readonly unknown[]>>,
  report: (path: PropertyKey[], message: string) => void,
): void {
  for (const [path, values] of Object.entries(grid)) {
    const keyProblem = gridKeyProblem(path);
    if (keyProblem !== null) {
      report(['grid', path], keyProblem);
      continue;
    }
    // A key misspelt below the override (`costModel.wagePerHr`) is in every value: told once, at the key.
    const inKey = new Set<string>();
    values.forEach((value, i) => {
      // With its value, so a number typed "1,1" is told its decimal comma (issueMessage).
      const parsed = overridesSchema.safeParse(atPath(path, value), { reportInput: true });
      for (const issue of parsed.error?.issues ?? [])
        if (isInGridKey(path, issue)) inKey.add(issueText(issue));
        else report(['grid', path, i], `grid "${path}" value ${JSON.stringify(value)}: ${issueText(issue)}`);
    });
    for (const text of inKey) report(['grid', path], `grid "${path}": ${text}`);
    repeatedValues(path, values, report);
  }
}

/**
 * A value listed twice for one grid key: one message at the repeat, not one per combination it
 * is in. A share written "40%" is the 0.4 it runs as, so the two are one value.
 */
function repeatedValues(
  path: string,
  values: readonly unknown[],
  report: (path: PropertyKey[], message: string) => void,
): void {
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    const key = stableStringify(typeof value === 'string' ? (percentShare(value) ?? value) : value) ?? '';
    const before = first.get(key);
    if (before === undefined) first.set(key, i);
    else report(['grid', path, i], msg.batchGridValueTwice(path, JSON.stringify(value), before + 1, i + 1));
  });
}
