/**
 * The workbench's solver thread: reads the scenario once, warms up (see
 * warm-up.ts; real requests may come in between the warm-up solves), then
 * answers one solve request per message (the server's queue sends one at a
 * time). Posts `{ kind: 'warm' }` when the warm-up is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatIssue } from '../diagnostics/issues.js';
import { readScenario } from '../io/read-scenario.js';
import { highsBackend } from '../solve/backend-highs.js';
import { answerSolve, type SolveAnswer } from './solve-answer.js';
import type { WorkerReply, WorkerSetup } from './solver.js';
import { warmUpBodies } from './warm-up.js';

const setup = workerData as WorkerSetup;
const read = readScenario(setup.dir);

async function answer(body: unknown): Promise<SolveAnswer> {
  const { scenario, issues } = await read;
  if (scenario === null || issues.hasErrors)
    return {
      kind: 'failed',
      error: `the scenario no longer reads cleanly: ${issues.errors.slice(0, 3).map(formatIssue).join('; ')}`,
    };
  try {
    return await answerSolve(
      {
        scenario,
        backend: highsBackend,
        inputHash: setup.inputHash,
        version: setup.version,
        timeLimit: setup.timeLimit,
      },
      body,
    );
  } catch (e) {
    return { kind: 'failed', error: `unexpected error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

parentPort?.on('message', (message: { id: number; body: unknown }) => {
  void answer(message.body).then((a) =>
    parentPort?.postMessage({ kind: 'answer', id: message.id, answer: a } satisfies WorkerReply),
  );
});

async function warmUp(): Promise<void> {
  const { scenario } = await read;
  for (const body of scenario === null ? [] : warmUpBodies(scenario)) {
    await answer(body);
    // Let a waiting real request in between warm-up solves.
    await new Promise((resolve) => setImmediate(resolve));
  }
  parentPort?.postMessage({ kind: 'warm' } satisfies WorkerReply);
}

void warmUp();
