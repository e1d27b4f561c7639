/**
 * The main thread's zod setting (src/cli/zod-settings.ts) is set without
 * loading zod; zod, loaded after it here (as the command line does), must
 * still see it. (zod creates its settings with `??=`, so the other order holds
 * too; this file tests the one zonal uses.)
 */
import { expect, test } from 'vitest';

test('zod sees jitless set by the command line, though set without zod', async () => {
  await import('../../src/cli/zod-settings.js');
  const { config } = await import('zod');
  expect(config().jitless).toBe(true);
});
