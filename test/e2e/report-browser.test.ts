import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { renderComparisonReport } from '../../src/report/html/comparison.js';
import { renderSolveReport } from '../../src/report/html/solve-report.js';
import { runScenario } from '../../src/pipeline.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { browserOutDir, haveChromium, launchChromium } from '../helpers/chromium.js';

const chromiumHere = haveChromium('report browser test');
const outDir = browserOutDir;

interface Visit {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

/** `ruleCosts`: with what each award rule costs, as `zonal solve` writes the report. */
async function writeReport(name: string, scenario: Scenario, ruleCosts = false): Promise<string> {
  const outcome = await runScenario(scenario, {
    backend: highsBackend,
    timeLimit: 30,
    inputHash: 'test',
    version: 'test',
    ruleCosts,
  });
  if (outcome.kind !== 'ok') throw new Error(`the scenario has no award (${outcome.kind})`);
  const result = outcome.result;
  const file = path.join(outDir, `${name}.html`);
  await writeFile(file, renderSolveReport(result, scenario), 'utf8');
  return file;
}

async function visit(browser: Browser, file: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const url = pathToFileURL(file).href;
  const visitLog: Visit = { page, requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => {
    if (r.url() !== url) visitLog.requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') visitLog.errors.push(m.text());
  });
  page.on('pageerror', (e) => visitLog.errors.push(e.message));
  page.on('dialog', (d) => {
    visitLog.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return visitLog;
}

/** Lay the page out as it prints on A4. */
async function printOnA4(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  // A4 is 210 mm wide and the page CSS leaves 11 mm each side: 188 mm at 96 px per inch.
  await page.setViewportSize({ width: Math.floor((188 / 25.4) * 96), height: 1000 });
}

/** The captions of the tables that run past the right edge of an A4 page in print. */
async function tablesCutInPrint(page: Page): Promise<string[]> {
  await printOnA4(page);
  return page.$$eval('table', (tables) =>
    tables
      .filter((t) => t.getBoundingClientRect().right > t.ownerDocument.body.clientWidth + 1)
      .map((t) => t.caption?.textContent ?? ''),
  );
}

/**
 * Pairs of zone labels on one map whose boxes overlap, each box grown by half its white halo
 * (the stroke drawn round the letters): labels whose halos touch read as one line.
 */
async function touchingZoneLabels(page: Page): Promise<string[]> {
  return page.$$eval('figure.map', (maps) =>
    maps.flatMap((map) => {
      const svg = map.querySelector('svg.zonal-plot');
      const group = map.querySelector('g.zone-label');
      if (svg === null || group === null) return [];
      const viewBox = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
      const scale = svg.getBoundingClientRect().width / (viewBox[2] ?? 1);
      const halo = (Number.parseFloat(group.getAttribute('stroke-width') ?? '0') / 2) * scale;
      const boxes = [...group.querySelectorAll('text')].map((t) => ({
        text: [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' '),
        box: t.getBoundingClientRect(),
      }));
      return boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter(
            (b) =>
              a.box.left - halo < b.box.right + halo &&
              b.box.left - halo < a.box.right + halo &&
              a.box.top - halo < b.box.bottom + halo &&
              b.box.top - halo < a.box.bottom + halo,
          )
          .map((b) => `${map.className}: "${a.text}" and "${b.text}"`),
      );
    }),
  );
}

describe.skipIf(!chromiumHere)('report.html in headless Chromium', () => {
  let browser: Browser;
  let scenario: Scenario;

  beforeAll(async () => {
    await mkdir(outDir, { recursive: true });
    const read = await readScenario('scenarios/hertfordshire');
    if (read.scenario === null) throw new Error('the bundled hertfordshire scenario did not load');
    scenario = read.scenario;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws one shape per area on each map, sized charts, no requests, no errors', async () => {
    const { page, requests, errors } = await visit(browser, await writeReport('report', scenario));
    const shapesPerMap = await page.$$eval('figure.map g.area', (groups) =>
      groups.map((g) => g.querySelectorAll('path').length),
    );
    expect(shapesPerMap).toEqual([scenario.areas.length, scenario.areas.length]);
    const zoneBorders = await page.$$eval('figure.map g.zone-border', (groups) =>
      groups.map((g) => g.querySelectorAll('path').length),
    );
    const zones = new Set(scenario.zonings.get(scenario.zoning)?.values()).size;
    expect(zoneBorders).toEqual([zones, zones]);
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const box = f.querySelector('svg.zonal-plot')?.getBoundingClientRect();
        return { id: f.id, width: box?.width ?? 0, height: box?.height ?? 0 };
      }),
    );
    expect(charts.map((c) => c.id)).toEqual(['cost', 'risk', 'viability', 'price']);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(300);
      expect(c.height, c.id).toBeGreaterThan(100);
    }
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(6);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(outDir, 'report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: path.join(outDir, 'report-print.png'), fullPage: true });
    await page.pdf({ path: path.join(outDir, 'report.pdf'), format: 'A4', printBackground: true });
    await page.close();
  });

  it('prints every table of a solve report within the width of an A4 page', async () => {
    const { page } = await visit(browser, await writeReport('report-a4', scenario, true));
    expect(await page.$$eval('#rule-costs tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    expect(await tablesCutInPrint(page)).toEqual([]);
    await page.close();
  });

  it('keeps every zone label of both maps clear of the others, on screen and printed on A4', async () => {
    const { page } = await visit(browser, await writeReport('report-labels', scenario));
    expect(await page.locator('figure.map g.zone-label text').count()).toBeGreaterThan(0);
    expect(await touchingZoneLabels(page)).toEqual([]);
    await printOnA4(page);
    expect(await touchingZoneLabels(page)).toEqual([]);
    await page.close();
  });

  it('prints the ranking of a comparison within the width of an A4 page', async () => {
    const keys = ['complex-per-zone@districts', 'reablement-per-zone@districts', 'lead-80-20@districts'];
    const options = keys.map((key, i) => ({
      key,
      rank: i + 1,
      label: 'complex care separate per zone (80/20 standard)',
      zoning: 'districts',
      status: 'optimal' as const,
      annualCost: 56_888_556 + i,
      allInAnnualCost: 56_888_556 + i,
      riskScore: 49,
      unmetHoursPerWeek: 0,
      viabilityMean: 56,
      viabilityWorst: 50,
      providers: 6,
      dominatedBy: keys.slice(0, i),
      buyable: true,
    }));
    const file = path.join(outDir, 'comparison-a4.html');
    await writeFile(
      file,
      renderComparisonReport({ scenario: 'Hertfordshire', period: '2027', currency: 'GBP', options }),
      'utf8',
    );
    const { page } = await visit(browser, file);
    expect(await tablesCutInPrint(page)).toEqual([]);
    await page.close();
  });

  it('shows provider names with <, & and quotes as text, running nothing', async () => {
    const hostile = `<img src=x onerror="alert('img')"><script>alert("x")</script> & 'Sons' "Care"`;
    const renamed: Scenario = {
      ...scenario,
      providers: scenario.providers.map((p, i) => (i === 0 ? { ...p, name: hostile } : p)),
    };
    const { page, requests, errors, dialogs } = await visit(
      browser,
      await writeReport('report-hostile', renamed),
    );
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    const cells = await page.$$eval('td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells).toContain(hostile);
    await page.close();
  });
});
