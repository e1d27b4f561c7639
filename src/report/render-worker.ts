/**
 * The report thread (render-thread.ts): loads the report and workbook code at
 * once; draws the maps' shapes when the scenario arrives, while the main
 * thread solves, and loads the collation the legend sorts by; then makes
 * report.html and result.xlsx for the award.
 */
import { parentPort } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './render-thread.js';
import { renderedFiles } from './rendered-files.js';
import { reviveScenario } from '../model/demand-table.js';
import type { Scenario } from '../model/types.js';
import { mapShapes, type MapShapes } from './html/map-geometry.js';
import { recordCodeCache } from '../cli/code-cache-record.js';
import { loadLocaleCollation } from '../model/order.js';

interface Prepared {
  readonly scenario: Scenario;
  readonly zoning: string;
  readonly shapes: MapShapes | undefined;
}

/**
 * The maps' shapes for the zoning, or undefined when they cannot be drawn yet:
 * the render draws them again, and reports what is wrong then.
 */
function shapesFor(scenario: Scenario, zoningName: string): MapShapes | undefined {
  const zoning = scenario.zonings.get(zoningName);
  if (zoning === undefined) return undefined;
  try {
    return mapShapes(scenario.areas, scenario.boundaries, zoning);
  } catch {
    return undefined;
  }
}

let prepared: Prepared | null = null;

parentPort?.on('message', (request: RenderRequest) => {
  if (request.kind === 'scenario') {
    const scenario = reviveScenario(request.scenario);
    prepared = { scenario, zoning: request.zoning, shapes: shapesFor(scenario, request.zoning) };
    loadLocaleCollation();
    return;
  }
  const reply = (r: RenderReply) => parentPort?.postMessage(r);
  const scenario = request.scenario === undefined ? prepared?.scenario : reviveScenario(request.scenario);
  if (scenario === undefined) {
    reply({ kind: 'failed', error: 'the award came without its scenario' });
    return;
  }
  const shapes =
    request.scenario === undefined && prepared?.zoning === request.result.zoning
      ? prepared.shapes
      : undefined;
  renderedFiles(request.result, scenario, shapes).then(
    (files) => {
      recordCodeCache(); // `npm run build` only: the thread is stopped once it has replied
      reply({ kind: 'rendered', files });
    },
    (e: unknown) => reply({ kind: 'failed', error: e instanceof Error ? e.message : String(e) }),
  );
});
