/**
 * The workbench's solver thread: reads the scenario once, then answers one
 * solve request per message (the server's queue sends one at a time).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatIssue } from '../diagnostics/issues.js';
import { readScenario } from '../io/read-scenario.js';
import { highsBackend } from '../solve/backend-highs.js';
import { answerSolve, type SolveAnswer } from './solve-answer.js';
import type { WorkerReply, WorkerSetup } from './solver.js';

const setup = workerData as WorkerSetup;
const read = readScenario(setup.dir);

async function answer(body: unknown): Promise<SolveAnswer> {
  const { scenario, issues } = await read;
  if (scenario === null || issues.hasErrors) return { kind: 'failed', error: `the scenario no longer reads cleanly: ${issues.errors.slice(0, 3).map(formatIssue).join('; ')}` };
  try {
    return await answerSolve({ scenario, backend: highsBackend, inputHash: setup.inputHash, version: setup.version, timeLimit: setup.timeLimit }, body);
  } catch (e) {
    return { kind: 'failed', error: `unexpected error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

parentPort?.on('message', (message: { id: number; body: unknown }) => {
  void answer(message.body).then((a) => parentPort?.postMessage({ id: message.id, answer: a } satisfies WorkerReply));
});
