/**
 * Why a settings file is not JSON, said the way its author can act on: the
 * line to look at and the likely slip (a comma after the last item, a missing
 * comma, a comment, curly or single quotes from a word processor), not the
 * parser's "Expected double-quoted property name in JSON at position 728".
 * Used for batch files (src/compare/batch-file.ts) and scenario.json, for which it is
 * loaded only when JSON.parse has already failed or a key was given twice (json-members.ts). Pure.
 */
import { getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import * as msg from '../diagnostics/messages.js';

export interface JsonProblem {
  /** 1-based; null when the whole file is the problem. */
  readonly line: number | null;
  readonly message: string;
}

/** The 1-based line of a character offset (a settings file is small: the slice is cheap). */
export const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** Where the last token before `offset` ends (skipping spaces and line breaks). */
const endBefore = (text: string, offset: number) => text.slice(0, offset).trimEnd().length;

/** The slip that most likely caused this parse error, and the line it is on. */
function slip(text: string, e: ParseError): JsonProblem {
  const at = text[e.offset] ?? '';
  const before = endBefore(text, e.offset);
  // Its name, not the number: jsonc-parser's codes are a const enum, which this build cannot import.
  const code = printParseErrorCode(e.error);
  if (code === 'InvalidCommentToken' || code === 'UnexpectedEndOfComment')
    return { line: lineAt(text, e.offset), message: msg.jsonComment() };
  if ((at === '}' || at === ']') && text[before - 1] === ',')
    return { line: lineAt(text, before - 1), message: msg.jsonTrailingComma() };
  // A closing bracket where a comma should be: the other kind of bracket is still open.
  if (code === 'CommaExpected' && (at === '}' || at === ']'))
    return { line: lineAt(text, e.offset), message: msg.jsonUnclosed('here') };
  if (code === 'CommaExpected') return { line: lineAt(text, before), message: msg.jsonMissingComma() };
  if (at === "'") return { line: lineAt(text, e.offset), message: msg.jsonSingleQuotes() };
  if (code === 'CloseBraceExpected' || code === 'CloseBracketExpected')
    return { line: lineAt(text, e.offset), message: msg.jsonUnclosed(at === '' ? 'the end' : 'here') };
  const column = e.offset - text.lastIndexOf('\n', e.offset - 1);
  return { line: lineAt(text, e.offset), message: msg.jsonOther(code, column) };
}

/** The first problem of `text` as JSON (no comments, no trailing commas), or null when it is JSON. */
export function jsonProblem(text: string): JsonProblem | null {
  if (text.trim() === '') return { line: null, message: msg.jsonEmpty() };
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const [first] = errors;
  if (first === undefined) return null;
  // Curly quotes are the slip only where the parser stopped at one (a curly apostrophe
  // inside a string, "St John’s", is valid JSON: the slip is elsewhere).
  const curly = /^[\u201c\u201d\u2018\u2019]/;
  if (curly.test(text.slice(first.offset)) || curly.test(text.slice(endBefore(text, first.offset))))
    return { line: lineAt(text, first.offset), message: msg.jsonCurlyQuotes() };
  return slip(text, first);
}

/** Where an object sits, in words: "at the top of the file", "in grid", "in variant 2 overrides.award". */
function placeOf(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'at the top of the file';
  const [first, second, ...rest] = path;
  if (first === 'variants' && typeof second === 'number')
    return `in variant ${second + 1}${rest.length === 0 ? '' : ` ${rest.join('.')}`}`;
  return `in ${path.join('.')}`;
}

/**
 * The first key given twice in one {…}, at the second one's line, or null. JSON.parse keeps
 * the last silently, so a key written twice (a pasted line, a key meant to be another) loses
 * the first one's values without a word.
 */
export function duplicateKey(text: string, root: Node | undefined = parseTree(text)): JsonProblem | null {
  if (root === undefined) return null;
  const seen = new Map<string, number>();
  for (const property of root.type === 'object' ? (root.children ?? []) : []) {
    const key = property.children?.[0];
    if (key === undefined || typeof key.value !== 'string') continue;
    const first = seen.get(key.value);
    if (first !== undefined)
      return {
        line: lineAt(text, key.offset),
        message: msg.jsonDuplicateKey(key.value, placeOf(getNodePath(root)), lineAt(text, first)),
      };
    seen.set(key.value, key.offset);
  }
  for (const child of root.children ?? []) {
    const inner = duplicateKey(text, child);
    if (inner !== null) return inner;
  }
  return null;
}
