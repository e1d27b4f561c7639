/**
 * The report thread's protocol and failures, with stand-in worker code (data:
 * URLs): every way the thread can fail becomes a RenderError with the reason,
 * and the main thread never waits forever. The real worker (render-worker.ts)
 * runs in the CLI tests, which compare its files with ones made in-process.
 */
import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { RenderError, startRenderThread } from '../../src/report/render-thread.js';

const workerCode = (body: string) =>
  new URL(
    `data:text/javascript,${encodeURIComponent(`import { parentPort } from 'node:worker_threads';\n${body}`)}`,
  );

const result = { scenario: 'a "quoted" name', lots: [1, 2, 3] } as unknown as Result;
const scenario = { name: 'x', zonings: new Map([['z', new Map([['a1', 'z1']])]]) } as unknown as Scenario;

async function renderWith(body: string) {
  const thread = startRenderThread(workerCode(body));
  try {
    return await thread.render(result, scenario);
  } finally {
    await thread.close();
  }
}

describe('the report thread', () => {
  test.each([[2], [undefined]])(
    "starts with the young generation it is given (%s MB), or V8's",
    async (youngGenerationMb) => {
      const thread = startRenderThread(
        workerCode(`import { resourceLimits } from 'node:worker_threads';
        parentPort.once('message', () => parentPort.postMessage({
          kind: 'rendered',
          files: { reportHtml: String(resourceLimits.maxYoungGenerationSizeMb), resultXlsx: new Uint8Array() },
        }));`),
        youngGenerationMb === undefined ? {} : { youngGenerationMb },
      );
      try {
        const { reportHtml } = await thread.render(result, scenario);
        if (youngGenerationMb === undefined) expect(Number(reportHtml)).toBeGreaterThan(2);
        else expect(Number(reportHtml)).toBe(youngGenerationMb);
      } finally {
        await thread.close();
      }
    },
  );

  test('posts the award and the scenario (maps included) and returns the files it is sent back', async () => {
    const files = await renderWith(`
      parentPort.once('message', ({ result, scenario }) => parentPort.postMessage({
        kind: 'rendered',
        files: {
          reportHtml: result.scenario + ' ' + scenario.zonings.get('z').get('a1'),
          resultXlsx: new Uint8Array([result.lots.length]),
        },
      }));`);
    expect(files.reportHtml).toBe('a "quoted" name z1');
    expect([...files.resultXlsx]).toEqual([3]);
  });

  test('a prepared scenario goes over once, before the award; the award then comes without it', async () => {
    const thread = startRenderThread(
      workerCode(`
      const seen = [];
      parentPort.on('message', (m) => {
        seen.push(m.kind + (m.scenario === undefined ? '' : ' with ' + m.scenario.name + (m.zoning ? ' on ' + m.zoning : '')));
        if (m.kind === 'award')
          parentPort.postMessage({ kind: 'rendered', files: { reportHtml: seen.join('; '), resultXlsx: new Uint8Array() } });
      });`),
    );
    try {
      thread.prepare(scenario, 'z');
      const files = await thread.render(result, scenario);
      expect(files.reportHtml).toBe('scenario with x on z; award');
    } finally {
      await thread.close();
    }
  });

  test('a scenario that cannot be prepared (a function in it) goes with the award instead', async () => {
    const thread = startRenderThread(workerCode(`parentPort.on('message', () => {});`));
    try {
      const odd = { ...scenario, note: () => 1 } as unknown as Scenario;
      expect(() => thread.prepare(odd, 'z')).not.toThrow();
      await expect(thread.render(result, odd)).rejects.toThrow(
        'the award could not be handed to the report thread',
      );
    } finally {
      await thread.close();
    }
  });

  test("the worker's own failure message becomes a RenderError", async () => {
    const run = renderWith(
      `parentPort.once('message', () => parentPort.postMessage({ kind: 'failed', error: 'no room on the page' }));`,
    );
    await expect(run).rejects.toThrow(RenderError);
    await expect(run).rejects.toThrow('no room on the page');
  });

  test('a worker that throws while loading: a RenderError naming the error, not a hang', async () => {
    await expect(renderWith(`throw new Error('the chart library is missing');`)).rejects.toThrow(
      'the report thread failed: the chart library is missing',
    );
  });

  test('a worker that exits without answering: a RenderError with its exit code', async () => {
    await expect(renderWith(`parentPort.once('message', () => process.exit(7));`)).rejects.toThrow(
      'the report thread stopped (exit code 7)',
    );
  });

  test('an award that cannot be posted (a function in it): a RenderError, not a crash', async () => {
    const thread = startRenderThread(workerCode(`parentPort.once('message', () => {});`));
    try {
      const odd = { ...result, note: () => 1 } as unknown as Result;
      await expect(thread.render(odd, scenario)).rejects.toThrow(
        'the award could not be handed to the report thread',
      );
    } finally {
      await thread.close();
    }
  });
});
