/**
 * Debian's headless Chromium for the browser tests, through playwright-core
 * (never a downloaded browser). A test file that needs it skips, with a
 * warning saying how to install it, when it is missing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const executablePath = '/usr/bin/chromium';
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the browser tests leave their screenshots and PDFs. */
export const browserOutDir = path.resolve('test-output/e2e');

/** Whether /usr/bin/chromium is there; warns, naming the test, when it is not. */
export function haveChromium(test: string): boolean {
  const have = existsSync(executablePath);
  if (!have)
    console.warn(
      `${test} skipped: ${executablePath} is missing (install Debian's chromium: scripts/ensure-chromium.sh)`,
    );
  return have;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: flags });
}
