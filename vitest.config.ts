import { defineConfig } from 'vitest/config';

/**
 * Two sets. `npm test` runs `unit`: every in-process test and the command-line
 * tests of test/cli/, in threads that share one module cache (isolate: false:
 * no test mocks modules or changes process-wide state; loading the modules
 * again for every file took 75 s of processor time for the 49 quickest
 * files, against 23 s shared; docs/development.md). `npm run test:e2e` runs `e2e`, the slow set: end-to-end
 * tests that drive other programs (Chromium, LibreOffice, Redis with worker
 * processes), the command-line tests that run many solves (compare, batch,
 * zone design, workbooks, hardening, reproducibility) and the cross-backend
 * property test (CBC as a process, javascript-lp-solver in worker threads).
 * CI (.ci/run) runs both; docs/development.md has their times.
 */
const endToEnd = [
  'test/e2e/**/*.test.ts',
  'test/queue/queue-cli.test.ts',
  'test/queue/queue-batch.test.ts',
  'test/compare/cli.test.ts',
  'test/zones/cli.test.ts',
  'test/cli/workbook-cli.test.ts',
  'test/cli/hardening.test.ts',
  'test/cli/honest.test.ts',
  'test/solve/backends.property.test.ts',
  // Mock a module (node:fs/promises to fail a write; the V8 flags zonal solve sets, to catch them):
  // each needs a module cache of its own (unit shares one).
  'test/serve/save-zoning-rollback.test.ts',
  'test/cli/solve-start.test.ts',
];

export default defineConfig({
  test: {
    setupFiles: ['test/helpers/cleanup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: endToEnd,
          pool: 'threads',
          isolate: false,
        },
      },
      // Whole command-line runs side by side: on a busy shared machine one takes minutes, not seconds.
      { extends: true, test: { name: 'e2e', include: endToEnd, testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
