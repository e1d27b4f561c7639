/**
 * The manual is the README plus the pages in docs/: every link between them
 * leads to a file that exists and, with a #fragment, to a heading of that page;
 * nothing sends a reader outside the project (../shared); and the README stays
 * a front door.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { manualPages, readPage as read } from '../helpers/quoted.js';

/**
 * Pages being written on other branches at the same time (the lot-structure
 * registry, the speed work); links to them are checked once they exist.
 */
const pendingPages = new Set(['docs/structures.md', 'docs/performance.md']);

const pages = [
  ...manualPages,
  ...readdirSync(path.join(repoRoot, 'scenarios'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(repoRoot, 'scenarios', d.name, 'README.md')))
    .map((d) => `scenarios/${d.name}/README.md`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (m?.[1] === undefined) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

function links(text: string): string[] {
  const withoutCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
}

describe('the manual: README.md and docs/', () => {
  test('slug() makes the anchors GitHub makes', () => {
    expect(slug('Demand uncertainty: `--samples N --seed S`')).toBe(
      'demand-uncertainty---samples-n---seed-s',
    );
    expect(slug('Zone files (`zones-*.csv`, one per zoning)')).toBe('zone-files-zones-csv-one-per-zoning');
    expect(slug('2. Abnormally low tenders')).toBe('2-abnormally-low-tenders');
  });

  test('every link between the pages leads to a file and a heading that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const link of links(read(page))) {
        if (/^[a-z]+:/.test(link)) continue;
        const [file = '', fragment] = link.split('#');
        const target =
          file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
        if (!existsSync(path.join(repoRoot, target))) {
          if (!pendingPages.has(target)) broken.push(`${page}: ${link}: no file ${target}`);
          continue;
        }
        if (fragment !== undefined && target.endsWith('.md') && !anchors(read(target)).has(fragment))
          broken.push(`${page}: ${link}: no heading #${fragment} in ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('nothing sends a reader outside the project', () => {
    const outside = pages.flatMap((page) =>
      read(page)
        .split('\n')
        .map((line, i) => ({ where: `${page}:${i + 1}`, line }))
        .filter(({ line }) => /\.\.\/shared|shared\/facts|facts\/homecare|DESIGN\.md|STYLE\.md/.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(outside).toEqual([]);
  });

  test('the README is a front door: under about 200 lines, linking every page of docs/', () => {
    const readme = read('README.md');
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
    const linked = new Set(links(readme).map((l) => l.split('#')[0]));
    const unlinked = pages.filter((p) => p.startsWith('docs/') && !linked.has(p));
    expect(unlinked).toEqual([]);
  });
});
