/**
 * The report thread (render-thread.ts): loads the report and workbook code at
 * once, then makes report.html and result.xlsx for the one award it is sent.
 */
import { parentPort } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './render-thread.js';
import { renderedFiles } from './rendered-files.js';
import { reviveDemand } from '../model/demand-table.js';

parentPort?.once('message', (request: RenderRequest) => {
  const reply = (r: RenderReply) => parentPort?.postMessage(r);
  const scenario = { ...request.scenario, demand: reviveDemand(request.scenario.demand) };
  renderedFiles(request.result, scenario).then(
    (files) => reply({ kind: 'rendered', files }),
    (e: unknown) => reply({ kind: 'failed', error: e instanceof Error ? e.message : String(e) }),
  );
});
