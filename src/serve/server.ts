/**
 * The workbench's HTTP server (Fastify): the page, its scripts, and the API
 * of DESIGN.md section 9 (docs/workbench.md). Every request first passes the
 * origin check; solves go through one queue to one solver (answers.ts).
 */
import { workbenchInputs } from '../structures/index.js';
import { readdir, readFile } from 'node:fs/promises';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { lotPlanToJson } from '../compare/lot-plan-json.js';
import type { Result } from '../model/result.js';
import type { Scenario } from '../model/types.js';
import { categoricalColour } from '../report/html/palette.js';
import { Answers } from './answers.js';
import { reportHtml, resultWorkbook, resultWorkbookReady } from './downloads.js';
import { answerErrorsAsJson, bodyLimitBytes } from './http-errors.js';
import { refuseDeepBodies } from './body-depth.js';
import { mapDrawing } from './map-svg.js';
import { refusal } from './origin-guard.js';
import { workbenchPage } from './page.js';
import { saveZoning } from './save-zoning.js';
import type { SolveAnswer } from './solve-answer.js';
import { bodyProblem, requestScenario, solveBodySchema, zoningFrom, zoningName } from './solve-request.js';
import type { Solver } from './solver.js';
import { neighbourGraph, type NeighbourGraph } from '../zones/neighbours.js';
import { zonesInPieces } from '../zones/pieces.js';
import { byId } from '../model/order.js';

export interface WorkbenchOptions {
  /** Absolute path of the scenario folder (zonings are saved into it). */
  readonly dir: string;
  readonly scenario: Scenario;
  readonly solver: Solver;
  /** The host the server listens on (for the Host check). @defaultValue '127.0.0.1' */
  readonly host?: string;
  /** Folder of the page's compiled scripts. @defaultValue dist/web/workbench */
  readonly webRoot?: URL;
  /** Answers kept for repeated requests; 0 turns the cache off. @defaultValue 64 */
  readonly cacheSize?: number;
  readonly version: string;
}

/** What the routes share: the scenario (its zonings grow as zonings are saved) and the answers. */
interface Bench {
  readonly options: WorkbenchOptions;
  scenario: Scenario;
  readonly answers: Answers;
  readonly drawing: ReturnType<typeof mapDrawing>;
  /** Which areas are neighbours, as `zonal zones` judges them (areas by id, as it orders them): whether a zone is one piece. */
  readonly graph: () => AreaGraph;
}

const streamHeader = 'x-zonal-stream';
const zoningsBodySchema = z.strictObject({
  name: z.string(),
  zones: z.record(z.string(), z.string()),
  overwrite: z.boolean().optional(),
});
const outlinesBodySchema = z.strictObject({ zones: z.record(z.string(), z.string()) });

function sendAnswer(reply: FastifyReply, answer: SolveAnswer | null): FastifyReply {
  // 204, not an error status: superseding is the expected outcome of quick edits, and a browser logs every 4xx as an error.
  if (answer === null) return reply.code(204).header('x-zonal-superseded', '1').send();
  if (answer.kind === 'result') return reply.send(answer.result);
  return reply.code(answer.kind === 'bad-request' ? 400 : 500).send({ error: answer.error });
}

async function pageRoutes(app: FastifyInstance, bench: Bench): Promise<void> {
  const webRoot = bench.options.webRoot ?? new URL('../web/workbench/', import.meta.url);
  const scripts = new Set(
    (await readdir(webRoot).catch(() => [] as string[])).filter((f) => f.endsWith('.js')),
  );
  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(workbenchPage(bench.scenario.name, bench.drawing)),
  );
  app.get<{ Params: { file: string } }>('/app/:file', async (request, reply) => {
    if (!scripts.has(request.params.file))
      return reply.code(404).send({ error: `no script ${request.params.file}` });
    return reply
      .type('text/javascript; charset=utf-8')
      .send(await readFile(new URL(request.params.file, webRoot), 'utf8'));
  });
}

function scenarioRoutes(app: FastifyInstance, bench: Bench): void {
  app.get('/api/scenario', async () => {
    const s = bench.scenario;
    return {
      name: s.name,
      zoning: s.zoning,
      zonings: Object.fromEntries([...s.zonings].map(([name, zoning]) => [name, Object.fromEntries(zoning)])),
      areas: s.areas.map((a) => ({ area_id: a.id, name: a.name, lat: a.lat, lon: a.lon })),
      lots: lotPlanToJson(s.lotPlan),
      structures: workbenchInputs(),
      award: s.award,
      currency: s.currency,
      palette: Array.from({ length: 16 }, (_, i) => categoricalColour(i)),
      downloads: { report: true, workbook: resultWorkbookReady },
      version: bench.options.version,
    };
  });
  const { drawing } = bench;
  app.get('/api/map', async () => ({
    width: drawing.width,
    height: drawing.height,
    source: drawing.source,
    note: drawing.note,
    areas: drawing.areas,
  }));
  app.post('/api/outlines', async (request, reply) => {
    const parsed = outlinesBodySchema.safeParse(request.body);
    const zoning = parsed.success
      ? zoningFrom(bench.scenario, parsed.data.zones)
      : bodyProblem(parsed.error, outlinesBodySchema);
    if (typeof zoning === 'string') return reply.code(400).send({ error: zoning });
    const graph = bench.graph();
    return {
      zones: drawing.outlines(zoning),
      notConnected: zonesInPieces(graph.areaIds, graph.neighbours, zoning),
      neighboursFrom: graph.source,
    };
  });
}

/**
 * The answer with its zoning named as the server knows the zonings now: the
 * solver read the scenario once, so zones saved since would still be
 * "workbench" there, and "mine" only after a restart.
 */
function namedNow(bench: Bench, body: unknown, answer: SolveAnswer | null): SolveAnswer | null {
  if (answer?.kind !== 'result') return answer;
  const parsed = solveBodySchema.safeParse(body);
  const zoning = parsed.success ? zoningFrom(bench.scenario, parsed.data.zones) : '';
  const name = typeof zoning === 'string' ? undefined : zoningName(bench.scenario, zoning);
  return name === undefined || name === answer.result.zoning
    ? answer
    : { ...answer, result: { ...answer.result, zoning: name } };
}

/** A solve through the queue, named as the server knows the zonings now. */
async function solveNow(bench: Bench, body: unknown, stream: string | null): Promise<SolveAnswer | null> {
  return namedNow(bench, body, await bench.answers.solve(body, stream));
}

function solveRoutes(app: FastifyInstance, bench: Bench): void {
  app.post('/api/solve', async (request, reply) => {
    const stream = request.headers[streamHeader];
    return sendAnswer(
      reply,
      await solveNow(bench, request.body, typeof stream === 'string' && stream !== '' ? stream : null),
    );
  });
}

function zoningRoutes(app: FastifyInstance, bench: Bench): void {
  let saving: Promise<unknown> = Promise.resolve();
  app.post('/api/zonings', async (request, reply) => {
    const parsed = zoningsBodySchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: bodyProblem(parsed.error, zoningsBodySchema) });
    // One save at a time: two saves of one name must not both pass the "exists" check.
    const save = saving.then(() =>
      saveZoning(bench.options.dir, bench.scenario, {
        ...parsed.data,
        overwrite: parsed.data.overwrite ?? false,
      }),
    );
    saving = save.catch(() => undefined);
    const outcome = await save;
    if (outcome.kind === 'exists')
      return reply.code(409).send({ error: outcome.error, replaceable: outcome.replaceable });
    if (outcome.kind === 'bad-request') return reply.code(400).send({ error: outcome.error });
    if (outcome.kind === 'settings-problem') return reply.code(409).send({ error: outcome.error });
    bench.scenario = {
      ...bench.scenario,
      zonings: new Map([...bench.scenario.zonings, [outcome.name, outcome.zoning]]),
    };
    return reply.code(201).send({
      name: outcome.name,
      file: outcome.file,
      zones: Object.fromEntries(outcome.zoning),
      renamed: outcome.renamed,
      addedTo: outcome.addedTo,
    });
  });
}

/** The result and scenario of a download request, or null when an error reply was sent. */
async function solvedFor(
  bench: Bench,
  body: unknown,
  reply: FastifyReply,
): Promise<{ result: Result; scenario: Scenario } | null> {
  const parsed = solveBodySchema.safeParse(body);
  const asked = parsed.success
    ? requestScenario(bench.scenario, parsed.data)
    : bodyProblem(parsed.error, solveBodySchema);
  if (typeof asked === 'string') {
    await reply.code(400).send({ error: asked });
    return null;
  }
  const answer = await solveNow(bench, body, null);
  if (answer?.kind !== 'result') {
    await sendAnswer(reply, answer);
    return null;
  }
  const { result } = answer;
  if (result.status === 'infeasible') {
    await reply.code(409).send({
      error:
        'no award is possible under these rules, so there is nothing to download: undo the edit or relax a rule',
    });
    return null;
  }
  return { result, scenario: asked };
}

function downloadRoutes(app: FastifyInstance, bench: Bench): void {
  app.post('/api/report', async (request, reply) => {
    const solved = await solvedFor(bench, request.body, reply);
    if (solved === null) return reply;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-disposition', 'attachment; filename="report.html"')
      .send(await reportHtml(solved.result, solved.scenario));
  });
  app.post('/api/workbook', async (request, reply) => {
    if (!resultWorkbookReady)
      return reply.code(501).send({
        error: 'the result workbook is not available in this version of zonal: download the report instead',
      });
    const solved = await solvedFor(bench, request.body, reply);
    if (solved === null) return reply;
    const book = await resultWorkbook(solved.result, solved.scenario);
    if (book === null) return reply.code(501).send({ error: 'the result workbook could not be made' });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="result.xlsx"')
      .send(Buffer.from(book));
  });
}

type AreaGraph = NeighbourGraph & { readonly areaIds: readonly string[] };

/**
 * The neighbour graph, made at the first outline asked for, not at start: a county of
 * thousands of areas with boundaries takes a while, and a script that only solves never needs it.
 */
function workbenchGraph(scenario: Scenario): () => AreaGraph {
  let graph: AreaGraph | undefined;
  return () => {
    if (graph === undefined) {
      const areas = [...scenario.areas].sort(byId);
      graph = { ...neighbourGraph(areas, scenario.boundaries), areaIds: areas.map((a) => a.id) };
    }
    return graph;
  };
}

export async function buildWorkbench(options: WorkbenchOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: bodyLimitBytes, logger: false });
  // Only JSON bodies: plain text would reach the handlers as a string.
  app.removeContentTypeParser('text/plain');
  const boundHost = options.host ?? '127.0.0.1';
  app.addHook('onRequest', async (request, reply) => {
    const why = refusal({ host: request.headers.host, origin: request.headers.origin }, boundHost);
    if (why !== null) return reply.code(403).send({ error: why });
  });
  answerErrorsAsJson(app);
  refuseDeepBodies(app);
  const bench: Bench = {
    options,
    scenario: options.scenario,
    answers: new Answers(options.solver, options.cacheSize ?? 64),
    drawing: mapDrawing(options.scenario.areas, options.scenario.boundaries),
    graph: workbenchGraph(options.scenario),
  };
  await pageRoutes(app, bench);
  scenarioRoutes(app, bench);
  solveRoutes(app, bench);
  zoningRoutes(app, bench);
  downloadRoutes(app, bench);
  app.addHook('onClose', async () => options.solver.close());
  return app;
}
