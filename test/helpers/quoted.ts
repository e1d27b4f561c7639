/**
 * The manual quotes what zonal prints; these checks say which printed lines a
 * page does not quote (yet), so a deliberate change shows the lines to paste.
 * Runs of white space count as one space, so a message quoted in a paragraph
 * may break across the page's lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './cli.js';

/** The manual: the README and every page of docs/, as paths from the checkout's root. */
export const manualPages: readonly string[] = [
  'README.md',
  ...readdirSync(path.join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** A file of the checkout (a page, a source file), by its path from the root. */
export const readPage = (page: string): string => readFileSync(path.join(repoRoot, page), 'utf8');

export function expectQuoted(page: string, lines: readonly string[]): void {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const text = flat(readPage(page));
  const missing = lines.filter((l) => !text.includes(flat(l)));
  expect(
    missing,
    `${page} should quote these lines as zonal prints them now:\n${missing.join('\n')}`,
  ).toEqual([]);
}

/** The verdict of `zonal compare`: cheapest, least risky, dominated (and what beats each), the real choices and what cannot be bought. */
export function verdictLines(printed: string): string[] {
  return printed
    .split('\n')
    .filter(
      (l) =>
        /^(Cheapest|Least risky|Dominated|Not dominated|Cannot be bought)/.test(l) ||
        (l.startsWith('  ') && (l.includes('unbought') || / a year less, | costs the same, /.test(l))),
    );
}
