/**
 * A workbench on a copy of a bundled scenario, driven through Fastify's
 * inject (no port), with solves run in the test's own thread.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Scenario } from '../../src/model/types.js';
import { buildWorkbench } from '../../src/serve/server.js';
import { inProcessSolver, type Solver } from '../../src/serve/solver.js';
import { tempDir } from '../helpers/scenario-folder.js';

export interface Bench {
  readonly app: FastifyInstance;
  readonly dir: string;
  readonly scenario: Scenario;
  readonly post: (
    url: string,
    body: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  readonly get: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
}

/** A copy of scenarios/<name> in a temporary folder, and a workbench on it. */
export async function workbenchOn(name: string, solverFor?: (scenario: Scenario) => Solver): Promise<Bench> {
  const dir = path.join(await tempDir('zonal-serve-'), name);
  await cp(path.resolve('scenarios', name), dir, { recursive: true });
  return workbenchIn(dir, solverFor);
}

/** A workbench on the scenario folder `dir` as it is now: what `zonal serve` started again finds. */
export async function workbenchIn(dir: string, solverFor?: (scenario: Scenario) => Solver): Promise<Bench> {
  const { scenario } = await readScenario(dir);
  if (scenario === null) throw new Error(`${dir} did not load`);
  const solver =
    solverFor?.(scenario) ?? inProcessSolver(scenario, { inputHash: 'test', version: 'test', timeLimit: 30 });
  const app = await buildWorkbench({ dir, scenario, solver, version: 'test' });
  return {
    app,
    dir,
    scenario,
    post: (url, body, headers = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', ...headers },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers }),
  };
}

export const zonesOf = (scenario: Scenario, zoning = scenario.zoning): Record<string, string> =>
  Object.fromEntries(scenario.zonings.get(zoning) ?? new Map());
