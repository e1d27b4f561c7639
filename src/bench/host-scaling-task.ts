/**
 * One thread of host-scaling.ts: prepares its task (a copy's buffers are filled, so their
 * first touch is not timed), waits for the word to start, runs the task once and posts the
 * milliseconds it took. Measures; checks nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScalingTask } from './host-scaling.js';

function prepared(task: ScalingTask): () => void {
  if (task.kind === 'loop')
    return () => {
      let sum = 0;
      for (let i = 0; i < task.turns; i++) sum += i % 7;
      if (sum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
    };
  const from = Buffer.alloc(task.bytes, 1);
  const to = Buffer.alloc(task.bytes);
  return () => {
    for (let pass = 0; pass < task.passes; pass++) from.copy(to);
  };
}

const run = prepared(workerData as ScalingTask);
parentPort?.once('message', () => {
  const started = performance.now();
  run();
  parentPort?.postMessage(performance.now() - started);
});
parentPort?.postMessage('ready');
