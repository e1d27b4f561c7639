import type { z } from 'zod';
import { isMissing, settingNotNumber, settingUnknownKey } from '../diagnostics/messages.js';
import { settingNumberText } from './number-text.js';
import { keysAt } from './schema-keys.js';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  /** zod's unrecognized_keys: the keys the object at `path` does not know. */
  readonly keys?: readonly string[];
  /** The keys it does know, for "did you mean" (withKnownKeys). */
  readonly known?: readonly string[];
  readonly expected?: string;
  /** A range check's limit and whether it is allowed (zod's too_small and too_big). */
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  /** The value at `path`, when zod was asked to report it (`reportInput`). */
  readonly input?: unknown;
}

/** zod's own wording of an unknown key ('Unrecognized key: "x"'), which a schema left without words of its own. */
const zodUnknownKeyWords = /^Unrecognized keys?:/;

/** zod's own wording of a range check ("Too small: expected number to be >=0"), which a schema left without words of its own. */
const zodRangeWords = /^Too (small|big): expected number to be/;

/** zod's own wording of a wrong type ("Invalid input: expected boolean, received string"). */
const zodTypeWords = /^Invalid input: expected (\w+), received (\w+)$/;

/** Kinds of JSON value as a person names them. */
const kindWords: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object ({…})',
  array: 'a list ([…])',
  null: 'null',
};

/** A JSON value's kind (jsonc-parser's and zod's names: "array", "null", ...) as a person names it. */
export const kindOfValue = (type: string) => kindWords[type] ?? type;

/** A wrong or missing value's kind in zonal's words ("must be true or false, not text"), or null if zod did not word it. */
function typeMessage(issue: Issue): string | null {
  const words = issue.code === 'invalid_type' ? zodTypeWords.exec(issue.message) : null;
  if (words === null) return null;
  const [, expected = '', received = ''] = words;
  const wanted = kindWords[expected] ?? expected;
  return received === 'undefined'
    ? isMissing(`give it as ${wanted}`)
    : `must be ${wanted}, not ${kindWords[received] ?? received}`;
}

/** A number's range check in zonal's words ("must be at least 0"), or null if it is not one zod worded. */
function rangeMessage(issue: Issue): string | null {
  if (!zodRangeWords.test(issue.message)) return null;
  if (issue.code === 'too_small' && issue.minimum !== undefined)
    return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.maximum !== undefined)
    return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
  return null;
}

/** A number typed as text with a decimal comma (`"30,00"`) or thousands commas (`"1,000"`), told how to write it (until mend17b only "not text"), or null. */
function numberTextMessage(issue: Issue): string | null {
  if (issue.code !== 'invalid_type' || issue.expected !== 'number' || typeof issue.input !== 'string')
    return null;
  return settingNumberText(issue.input);
}

/**
 * What is wrong, in zonal's words where zod's own are a type name ("expected number, received string"),
 * a range check's symbols ("Too small: expected number to be >=0") or "Unrecognized key".
 */
export function issueMessage(issue: Issue): string {
  if (
    issue.code === 'unrecognized_keys' &&
    issue.keys !== undefined &&
    zodUnknownKeyWords.test(issue.message)
  )
    return issue.keys.map((key) => settingUnknownKey(key, issue.known ?? [])).join('; ');
  const comma = numberTextMessage(issue);
  if (comma !== null) return comma;
  if (issue.code === 'invalid_type' && issue.expected === 'number' && /received string/.test(issue.message))
    return settingNotNumber();
  return rangeMessage(issue) ?? typeMessage(issue) ?? issue.message;
}

/**
 * A schema complaint as a person reads it: where it is (a dotted path, after
 * the names of what holds it) and what is wrong. A complaint about the whole
 * value has no path, so it reads as the message alone, with no stray space or dot.
 */
export function issueText(issue: Issue, ...within: readonly string[]): string {
  const where = [...within, ...issue.path.map(String)].join('.');
  const message = issueMessage(issue);
  return where === '' ? message : `${where} ${message}`;
}

/** An issue of `schema` with the keys known where it is, so an unknown key gets "did you mean". */
export function withKnownKeys<T extends Issue>(schema: z.ZodType, issue: T): T {
  return issue.code === 'unrecognized_keys' ? { ...issue, known: keysAt(schema, issue.path) } : issue;
}
