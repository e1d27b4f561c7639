/**
 * The main thread's zod setting (src/cli/zod-settings.ts) is set without
 * loading zod; zod must still see it, whether it loads before or after.
 */
import { expect, test } from 'vitest';

test('zod sees jitless set by the command line, though set without zod', async () => {
  await import('../../src/cli/zod-settings.js');
  const { config } = await import('zod');
  expect(config().jitless).toBe(true);
});
