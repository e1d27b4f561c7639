import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { renderComparisonReport, type ComparisonOption } from '../../src/report/html/comparison.js';
import { solved } from '../helpers/run.js';

const option = (
  key: string,
  rank: number | null,
  annualCost: number | null,
  riskScore: number | null,
  dominatedBy: string[] = [],
  unmet = 0,
): ComparisonOption => ({
  key,
  rank,
  label: `label of ${key}`,
  zoning: 'two',
  status: annualCost === null ? 'error' : 'optimal',
  annualCost,
  allInAnnualCost: annualCost === null ? null : annualCost + unmet * 1000,
  riskScore,
  unmetHoursPerWeek: annualCost === null ? null : unmet,
  viabilityMean: 60,
  viabilityWorst: 55,
  providers: 2,
  dominatedBy,
  buyable: annualCost !== null && unmet === 0,
  ...(annualCost === null
    ? { note: 'the run failed: solver failed <badly>' }
    : unmet > 0
      ? { note: `leaves ${unmet} hours a week unbought` }
      : {}),
});

const options = [
  option('sole@two', 1, 100_000, 60),
  option('lead@two', 2, 120_000, 40),
  option('split@two', 3, 130_000, 50, ['lead@two']),
  option('broken@two', null, null, null),
];

describe('report.html for a comparison', () => {
  it('plots every solved option, greys the dominated ones and names the others', () => {
    const page = renderComparisonReport({
      scenario: 'Test <county>',
      period: '2027',
      currency: 'GBP',
      options,
    });
    const { document } = parseHTML(page);
    const dots = [...document.querySelectorAll('g.option circle')];
    expect(dots).toHaveLength(3);
    expect(dots.filter((d) => d.getAttribute('fill') === '#b8b8b8')).toHaveLength(1);
    const labels = [...document.querySelectorAll('#tradeoff svg.zonal-plot text')]
      .map((t) => t.textContent)
      .join('\n');
    expect(labels).toContain('#1 sole@two');
    expect(labels).toContain('#2 lead@two');
    expect(labels).not.toContain('split@two');
    expect(document.querySelector('h1')?.textContent).toBe('Test <county>');
  });

  it('ranks every option in the table, failed ones last with their reason, and lists them apart as not buyable', () => {
    const { document } = parseHTML(
      renderComparisonReport({
        scenario: 'T',
        period: '2027',
        currency: 'GBP',
        options: [...options].reverse(),
      }),
    );
    const tables = [...document.querySelectorAll('#comparison table')];
    const keys = (n: number) =>
      [...(tables[n]?.querySelectorAll('tbody tr') ?? [])].map((tr) => tr.querySelector('b')?.textContent);
    expect(tables).toHaveLength(2);
    expect(keys(0)).toEqual(['sole@two', 'lead@two', 'split@two', 'broken@two']);
    expect(keys(1)).toEqual(['broken@two']);
    expect(document.body.textContent).toContain('solver failed <badly>');
    expect(document.body.textContent).toContain('No option was solved, so there is no award to draw.');
  });

  it('gives the all-in cost the ranks follow, beside the annual cost', () => {
    // Rank 2 leaves hours unmet: cheaper a year (£90,000) than rank 1, dearer all in (£590,000).
    // The table had the annual cost only, and its ranks looked out of order (`zonal compare`
    // prints both).
    const { document } = parseHTML(
      renderComparisonReport({
        scenario: 'T',
        period: '2027',
        currency: 'GBP',
        options: [option('lead@two', 1, 120_000, 40), option('sole@two', 2, 90_000, 60, [], 500)],
      }),
    );
    const ranked = document.querySelector('#comparison table');
    const headers = [...(ranked?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent);
    expect(headers.slice(3, 5)).toEqual(['Annual cost', 'All-in a year']);
    const cells = [...(ranked?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].slice(3, 5).map((td) => td.textContent),
    );
    expect(cells).toEqual([
      ['£120,000', '£120,000'],
      ['£90,000', '£590,000'],
    ]);
  });

  it('never draws an option that leaves hours unmet, however cheap', () => {
    const cheapNothing = option('nothing@two', 4, 0, 0, [], 500);
    const { document } = parseHTML(
      renderComparisonReport({
        scenario: 'T',
        period: '2027',
        currency: 'GBP',
        options: [...options, cheapNothing],
      }),
    );
    expect(document.querySelectorAll('g.option circle')).toHaveLength(3);
    expect(
      [...document.querySelectorAll('#tradeoff svg.zonal-plot text')].map((t) => t.textContent).join('\n'),
    ).not.toContain('nothing@two');
    expect(document.body.textContent).toContain('leaves 500 hours a week unbought');
  });

  it('draws the best option in full when it is given', async () => {
    const read = await readScenario('scenarios/tiny');
    if (read.scenario === null) throw new Error('scenarios/tiny did not load');
    const result = await solved(read.scenario);
    const { document } = parseHTML(
      renderComparisonReport({
        scenario: 'T',
        period: '2027',
        currency: 'GBP',
        options,
        best: { key: 'sole@two', result, scenario: read.scenario },
      }),
    );
    expect(document.querySelectorAll('figure.map')).toHaveLength(2);
    expect(document.querySelector('h2.best')?.textContent).toContain('sole@two');
    // A screen reader lists the headings: the best option's sections sit under its heading,
    // not beside it as if they were the comparison's own (explore15).
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
      (h) => `${h.tagName.toLowerCase()} ${h.textContent}`,
    );
    const best = headings.findIndex((h) => h.startsWith('h2 Best option in detail'));
    expect(headings.slice(best + 1).filter((h) => /^h[12] /.test(h))).toEqual([]);
    expect(headings).toContain('h3 Zone map');
    expect(headings).toContain('h4 Settings');
  });
});

describe("report.html's ranked table", () => {
  it('lists options by rank, and the unranked (failed) ones after them by key by code point', () => {
    const page = renderComparisonReport({
      scenario: 'Test',
      period: '2027',
      currency: 'GBP',
      options: [
        option('b-failed', null, null, null),
        option('lead@two', 2, 120_000, 40),
        option('A-failed', null, null, null),
        option('sole@two', 1, 100_000, 60),
      ],
    });
    const { document } = parseHTML(page);
    const ranked = [...document.querySelectorAll('table')].find((t) =>
      t.querySelector('caption')?.textContent?.includes('Options ranked'),
    );
    const keys = [...(ranked?.querySelectorAll('b') ?? [])].map((b) => b.textContent ?? '');
    expect(keys).toEqual(['sole@two', 'lead@two', 'A-failed', 'b-failed']);
  });
});
