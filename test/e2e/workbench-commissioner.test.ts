/**
 * The workbench as a commissioner reads it, in headless Chromium against the
 * built `zonal serve`: on a copy of the bundled county, the no-award panel in
 * words, a renamed zone's lot matched to the lot it was, and a zone left in
 * two pieces named with its pieces; on a county made up from `zonal init`'s
 * example with a zone that has no demand, the result's warnings and the bids
 * each lot has.
 */
import type { ChildProcess } from 'node:child_process';
import { appendFile, cp } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { haveChromium } from '../helpers/chromium.js';
import { tempDir } from '../helpers/scenario-folder.js';
import { browserBench, moveTo, serve, statusText, type BrowserBench } from '../helpers/workbench-server.js';

const chromiumHere = haveChromium('workbench commissioner test');

describe.skipIf(!chromiumHere)('the workbench read by a commissioner', () => {
  let bench: BrowserBench;
  let browser: Browser;
  let server: BrowserBench['server'];

  beforeAll(async () => {
    bench = await browserBench('hertfordshire', 'zonal-serve-commissioner-');
    ({ browser, server } = bench);
  });
  afterAll(async () => bench?.close());

  async function opened(url = server.url, zoning = 'districts'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await expect
      .poll(() => statusText(page), { timeout: 60_000 })
      .toMatch(`Award optimal, zoning ${zoning}:`);
    return page;
  }

  async function splitOff(page: Page, areas: readonly string[], zone: string): Promise<void> {
    await page.locator('#clear-selection').click();
    for (const area of areas) await page.locator(`path[data-area-id="${area}"]`).click();
    await page.locator('#new-zone').fill(zone);
    await page.locator('#split').click();
    await expect
      .poll(() => statusText(page), { timeout: 60_000 })
      .toMatch(/^Award optimal, zoning workbench/);
  }

  it('says why no award is possible in words, as the report does, not as result.json field names', async () => {
    const page = await opened();
    await page.locator('#rule-minDistinctProviders').fill('50');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => statusText(page), { timeout: 60_000 })
      .toMatch(/^No award possible: no award meets every hard rule as drawn\. Zoning /);
    const panel = await page.locator('#diagnosis').textContent();
    expect(panel).toContain('No award possible');
    expect(panel).toContain('This change would allow an award:');
    expect(panel).toContain('at least 50 distinct providers: at most 22 can win');
    expect(panel).toContain('(Award rules, fewest different providers awarded)');
    // Until 2026-12-02 the panel listed result.json's keys and codes: "summary", "relaxations",
    // "rule min-providers", "allowsAwardAt —".
    expect(panel).not.toMatch(/summary|relaxations|allowsAwardAt|min-providers|\bsetting\b|\btext\b|—/);
    await page.close();
  });

  it("names the control a refused setting was typed into, before zonal's message about it", async () => {
    const page = await opened();
    const refused = async (input: string, value: string) => {
      await page.locator(input).fill(value);
      await page.locator(input).press('Tab');
      await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^No award for this edit/);
      return page.locator('#diagnosis').textContent();
    };
    // Until 2026-12-02 only scenario.json's names, which the page shows nowhere: "award.maxLotsPerProvider: …".
    expect(await refused('#rule-maxLotsPerProvider', '0')).toContain(
      'No award for this edit: Award rules, most lots per provider (blank: no cap): award.maxLotsPerProvider: must be at least 1',
    );
    await page.locator('#undo').click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Award optimal/);
    expect(await refused('#lot-standard-lead-share', '1.5')).toContain(
      'No award for this edit: Lots per care type, standard, lead share: lots.standard.leadShare is 1.5',
    );
    await page.close();
  });

  it('takes down a download refusal once an edit has an award again', async () => {
    const page = await opened();
    await page.locator('#rule-minDistinctProviders').fill('50');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => statusText(page), { timeout: 60_000 })
      .toMatch(/^No award possible: no award meets every hard rule as drawn\. Zoning /);
    await page.locator('#download-report').click();
    const message = page.locator('#download-message');
    await expect
      .poll(() => message.textContent(), { timeout: 60_000 })
      .toMatch(/^Not downloaded: no award is possible/);
    await page.locator('#undo').click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Award optimal/);
    // Until 2026-12-02 "Not downloaded: no award is possible under these rules" stayed beside an optimal award.
    expect(await message.textContent()).toBe('');
    await page.close();
  });

  it('matches a renamed zone’s lot to the lot it was, by its areas and care type', async () => {
    const page = await opened();
    await splitOff(page, ['BRX-CHE', 'BRX-HOD'], 'Z-BROX');
    // Until 2026-12-02: "standard:Z-BROX: not a lot → P-LEA lead, …" and "standard:Z-BRX: … → not a lot"
    // (and "not a lot", in British English, also means "little").
    expect(await page.locator('#changes').textContent()).toBe(
      'None: every lot has the same winners as at the start.',
    );
    expect(await page.locator('#lots tr[data-lot-id="standard:Z-BROX"] td').first().textContent()).toBe(
      'standard:Z-BROX (renamed from standard:Z-BRX)',
    );
    expect(await page.locator('#lots tr.changed').count()).toBe(0);
    await page.close();
  });

  it('matches a lot whose zone a save renamed to the lot it was', async () => {
    const page = await opened();
    await moveTo(page, ['EH-HW'], 'Z-NH');
    await page.locator('#save-name').fill('renamed');
    await page.locator('#save').click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Award optimal, zoning renamed/);
    const changes = await page.locator('#changes li').allTextContents();
    // The save renamed Z-NH (now with Hertford & Ware) to Z-NH-renamed, and Z-EH to Z-EH-renamed: until
    // 2026-12-02 each lot then read as gone ("→ no such lot now") and another added.
    expect(changes.filter((c) => c.includes('no such lot'))).toEqual([]);
    expect(changes.some((c) => c.startsWith('standard:Z-NH-renamed (renamed from standard:Z-NH): '))).toBe(
      true,
    );
    // An edit after the save: the page no longer says only "Saved as …", as if these zones were the ones saved.
    const saved = page.locator('#save-message');
    expect(await saved.textContent()).toMatch(/^Saved as zones-renamed\.csv/);
    await moveTo(page, ['WAT-C'], 'Z-TR');
    await expect
      .poll(() => saved.textContent(), { timeout: 30_000 })
      .toBe('The zones have changed since they were saved as zones-renamed.csv: save again to keep them.');
    await page.locator('#undo').click();
    await expect.poll(() => saved.textContent(), { timeout: 30_000 }).toMatch(/^Saved as zones-renamed\.csv/);
    await page.close();
  });

  it('names a zone a split leaves in two pieces, and its pieces, until an edit joins them again', async () => {
    const page = await opened();
    const pieces = page.locator('#zone-pieces');
    expect(await pieces.isVisible()).toBe(false);
    // North Herts is Hitchin, Letchworth & Baldock and its rural area, in a row: Letchworth joins the other two.
    await splitOff(page, ['NH-LB'], 'Z-LB');
    await expect.poll(() => pieces.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await pieces.textContent()).toContain(
      'Zone Z-NH is not connected: its areas fall into 2 pieces with no neighbour link between them: Hitchin (NH-HIT) | Royston & rural North Herts (NH-R).',
    );
    await page.locator('#undo').click();
    await expect.poll(() => pieces.isVisible(), { timeout: 30_000 }).toBe(false);
    await page.close();
  });

  describe('on a county made up with a zone that has no demand', () => {
    let made: { child: ChildProcess; url: string };
    beforeAll(async () => {
      const dir = path.join(await tempDir('zonal-serve-made-'), 'made');
      await cp(path.join(repoRoot, 'scenarios/tiny'), dir, { recursive: true });
      // Westfield joins the county in a zone of its own, with no demand; Dormant Homecare bids for nothing.
      await appendFile(path.join(dir, 'areas.csv'), 'W1,Westfield,52.300,-1.700,9000,1500,rural,80\n');
      await appendFile(path.join(dir, 'zones-two.csv'), 'W1,Z-WEST\n');
      await appendFile(path.join(dir, 'zones-one.csv'), 'W1,Z-ALL\n');
      await appendFile(path.join(dir, 'providers.csv'), 'P-DORMANT,Dormant Homecare,1500,500,70,S1\n');
      made = await serve(dir);
    });
    afterAll(() => made?.child.kill('SIGTERM'));

    const warnings = (page: Page) => page.locator('#warnings li').allTextContents();
    const bids = (page: Page, lotId: string) =>
      page.locator(`#lots tr[data-lot-id="${lotId}"] td`).nth(2).textContent();

    it("shows the result's warnings, those an edit brings marked new, and the bids that may win each lot", async () => {
      const page = await opened(made.url, 'two');
      // Until 2026-12-02 the page showed no warning: Z-WEST was on the map with no lot, and no word why.
      expect(await warnings(page)).toEqual([
        'zone Z-WEST (area W1) has no demand in period 2027: no lot is tendered there; check demand.csv if that is not meant',
      ]);
      expect(await bids(page, 'standard:Z-NORTH')).toBe('6');
      // Which bids those are, for a commissioner who wonders why a count falls (a structure the bids do not accept).
      expect(await page.locator('#lots th', { hasText: 'Bids that may win' }).getAttribute('title')).toBe(
        "Bids that cover every area of the lot, accept its structure (bids.csv structures), meet the quality threshold and, where the tender rejects bids below it (the default), pay at least the lot's legal wage floor",
      );
      // Westfield into North: the bids for Z-NORTH were priced for its three areas and cover no lot with a fourth,
      // so one bid (P-ALDER's county-wide) may win it, and 490 h/week go unmet; until 2026-12-02 the page showed
      // the unmet hours and no reason.
      await moveTo(page, ['W1'], 'Z-NORTH');
      await expect.poll(() => bids(page, 'standard:Z-NORTH'), { timeout: 60_000 }).toBe('1 (6 at the start)');
      expect(await warnings(page)).toEqual([]);
      await page.locator('#undo').click();
      await expect.poll(() => bids(page, 'standard:Z-NORTH'), { timeout: 60_000 }).toBe('6');
      // North Moors on its own: its wage floor is above five of the six bids, which the warnings say, marked new.
      await page.locator('#clear-selection').click();
      await splitOff(page, ['N3'], 'Z-MOORS');
      const now = await warnings(page);
      expect(now[0]).toBe(
        'New with this edit: bids.csv:2: bid B01 rejected for lot standard:Z-MOORS: £24.50/h cannot pay legal wages there (floor £25.95/h)',
      );
      expect(now.filter((w) => w.startsWith('New with this edit: '))).toHaveLength(5);
      expect(now.at(-1)).toMatch(/^zone Z-WEST \(area W1\) has no demand/);
      expect(await bids(page, 'standard:Z-MOORS')).toBe('1');
      expect(await page.locator('#changes').textContent()).toBe(
        'standard:Z-MOORS: in standard:Z-NORTH at the start: P-BIRCH lead, P-CEDAR secondary → P-CEDAR lead',
      );
      await page.close();
    });
  });
});
