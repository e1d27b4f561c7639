/** The built `zonal serve` on a free port, and a browser on it, for the browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './chromium.js';
import { assertBuilt, repoRoot } from './cli.js';
import { tempDir } from './scenario-folder.js';

/** Start `zonal serve` on a free port; resolves with its printed address. */
export function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin/zonal.js'), 'serve', dir, '--port', '0'],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } },
    );
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /zonal workbench: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1] !== undefined) resolve({ child, url: m[1] });
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('exit', (code) =>
      reject(new Error(`zonal serve exited (${code}) before printing its address: ${err}`)),
    );
  });
}

/** A copy of a bundled scenario, `zonal serve` on it and headless Chromium: what a browser test of the workbench drives. */
export interface BrowserBench {
  readonly dir: string;
  readonly server: { readonly child: ChildProcess; readonly url: string };
  readonly browser: Browser;
  /** Closes the browser and stops the server. */
  readonly close: () => Promise<void>;
}

/** Copies scenarios/<scenario> into a temporary folder (`prefix`) and starts the built server and a browser on it. */
export async function browserBench(scenario: string, prefix: string): Promise<BrowserBench> {
  assertBuilt();
  const dir = path.join(await tempDir(prefix), scenario);
  await cp(path.join(repoRoot, 'scenarios', scenario), dir, { recursive: true });
  const server = await serve(dir);
  const browser = await launchChromium();
  return {
    dir,
    server,
    browser,
    close: async () => {
      await browser.close();
      server.child.kill('SIGTERM');
    },
  };
}

/** The status line, where the page says what the last edit's award is. */
export const statusText = (page: Page) => page.locator('#status').textContent();

/** Selects `areas` on the map (only them) and moves them to `zone`, as a commissioner does, and waits for the award. */
export async function moveTo(page: Page, areas: readonly string[], zone: string): Promise<void> {
  await page.locator('#clear-selection').click();
  for (const area of areas) await page.locator(`path[data-area-id="${area}"]`).click();
  await page.locator('#move-target').selectOption(zone);
  await page.locator('#move').click();
  await expect.poll(() => statusText(page), { timeout: 60_000 }).toMatch(/^Award optimal, zoning workbench/);
}
