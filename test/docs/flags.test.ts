/**
 * The flags the manual shows are flags zonal has. Every `--flag` after
 * `zonal <command>` (or `bin/zonal.js <command>`) in a code span or block is
 * one that `zonal <command> --help` lists, and a code span that starts with a
 * flag (`--time-limit 0`) is a flag of some zonal command, or one of the few
 * flags of Node and of the benchmark that the maintainers' pages name on their
 * own. docs/performance.md, the speed work's notebook, names many of Node's V8
 * flags on their own: only its `zonal <command>` lines are checked.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, zonal } from '../helpers/cli.js';
import { manualPages, readPage } from '../helpers/quoted.js';

/** Flags of other programs that a page names in a code span of their own, and whose they are. */
const otherPrograms: Readonly<Record<string, string>> = {
  '--trace-gc': 'node',
  '--no-liftoff': 'node',
  '--no-wasm-tier-up': 'node',
  '--sizes': 'npm run bench',
  '--repeats': 'npm run bench',
  '--backends': 'npm run bench',
  '--highs-options': 'npm run bench',
};

const notebook = 'docs/performance.md';

/** Code in a page: each inline code span and each line of a fenced block, with its line number. */
function codeOf(page: string): { line: number; code: string }[] {
  const code: { line: number; code: string }[] = [];
  let fenced = false;
  readPage(page)
    .split('\n')
    .forEach((text, i) => {
      if (text.startsWith('```')) fenced = !fenced;
      else if (fenced) code.push({ line: i + 1, code: text });
      else for (const m of text.matchAll(/`([^`\n]+)`/g)) code.push({ line: i + 1, code: m[1] ?? '' });
    });
  return code;
}

const flagsIn = (text: string) => [...text.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0]);

let flagsOf = new Map<string, Set<string>>();

beforeAll(async () => {
  assertBuilt();
  const help = await zonal(['--help']);
  const commands = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)]
    .map((m) => m[1] ?? '')
    .filter((c) => c !== 'help');
  expect(commands).toContain('solve');
  const lists = await Promise.all(
    commands.map(async (c) => {
      const r = await zonal([c, '--help']);
      expect(r.code, r.stderr).toBe(0);
      return [
        c,
        new Set([...r.stdout.matchAll(/^ +(?:-\w, )?(--[a-z][a-z0-9-]*)/gm)].map((m) => m[1] ?? '')),
      ] as const;
    }),
  );
  flagsOf = new Map(lists);
});

describe('the flags the manual shows', () => {
  test('after `zonal <command>`, each is a flag of that command', () => {
    const unknown = manualPages.flatMap((page) =>
      codeOf(page).flatMap(({ line, code }) =>
        [...code.matchAll(/(?:\bzonal|bin\/zonal\.js)\s+([a-z]+)\b([^;|&]*)/g)].flatMap((m) => {
          const flags = flagsOf.get(m[1] ?? '');
          if (flags === undefined) return [];
          return flagsIn(m[2] ?? '')
            .filter((f) => !flags.has(f))
            .map((f) => `${page}:${line}: zonal ${m[1]} has no ${f} (${code.trim()})`);
        }),
      ),
    );
    expect(unknown).toEqual([]);
  });

  test('a flag on its own is a flag of some zonal command', () => {
    const every = new Set([...flagsOf.values()].flatMap((s) => [...s]));
    const unknown = manualPages
      .filter((page) => page !== notebook)
      .flatMap((page) =>
        codeOf(page)
          .filter(({ code }) => /^\s*--[a-z]/.test(code) && !code.includes('has no such flag'))
          .flatMap(({ line, code }) => {
            const flag = flagsIn(code.trimStart())[0] ?? code;
            return every.has(flag) || flag in otherPrograms
              ? []
              : [`${page}:${line}: no zonal command has ${flag}`];
          }),
      );
    expect(unknown).toEqual([]);
  });
});
