/**
 * The workbench's HTTP server (Fastify): the page, its scripts, and the API
 * of DESIGN.md section 9. Solves go through one queue to one solver, so a
 * burst of edits never runs two at once; identical requests (undo, redo,
 * back to an earlier zoning) are answered from a small cache.
 */
import { readdir, readFile } from 'node:fs/promises';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';
import { lotPlanToJson } from '../compare/lot-plan-json.js';
import type { Result } from '../model/result.js';
import type { Scenario } from '../model/types.js';
import { categoricalColour } from '../report/html/palette.js';
import { reportHtml, resultWorkbook, resultWorkbookReady } from './downloads.js';
import { mapDrawing } from './map-svg.js';
import { refusal } from './origin-guard.js';
import { workbenchPage } from './page.js';
import { saveZoning, type SaveOutcome } from './save-zoning.js';
import type { SolveAnswer } from './solve-answer.js';
import { SolveQueue } from './solve-queue.js';
import { bodyProblem, requestScenario, solveBodySchema, zoningFrom } from './solve-request.js';
import type { Solver } from './solver.js';

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

export const bodyLimitBytes = 1024 * 1024;
const streamHeader = 'x-zonal-stream';

const zoningsBodySchema = z.strictObject({ name: z.string(), zones: z.record(z.string(), z.string()), overwrite: z.boolean().optional() });
const outlinesBodySchema = z.strictObject({ zones: z.record(z.string(), z.string()) });

function zoningsJson(scenario: Scenario): Record<string, Record<string, string>> {
  return Object.fromEntries([...scenario.zonings].map(([name, zoning]) => [name, Object.fromEntries(zoning)]));
}

/** Body-parsing failures are the client's mistake: 400 with a plain message. */
function clientError(e: FastifyError): string | null {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `the request body is over ${bodyLimitBytes / 1024 / 1024} MB`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as JSON (Content-Type: application/json)';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the request body is empty: send a JSON object';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    default:
      return e instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? `the request body is not valid JSON (${e.message})` : null;
  }
}

export async function buildWorkbench(options: WorkbenchOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: bodyLimitBytes, logger: false });
  // Only JSON bodies: plain text would reach the handlers as a string.
  app.removeContentTypeParser('text/plain');
  const boundHost = options.host ?? '127.0.0.1';
  let scenario = options.scenario;
  const drawing = mapDrawing(scenario.areas, scenario.boundaries);
  const webRoot = options.webRoot ?? new URL('../web/workbench/', import.meta.url);
  const scripts = new Set(await readdir(webRoot).catch(() => [] as string[]));
  const queue = new SolveQueue<unknown, SolveAnswer>((body) => options.solver.solve(body));
  const cache = new Map<string, SolveAnswer>();
  const cacheSize = options.cacheSize ?? 64;
  let saving: Promise<unknown> = Promise.resolve();

  app.addHook('onRequest', async (request, reply) => {
    const why = refusal({ host: request.headers.host, origin: request.headers.origin }, boundHost);
    if (why !== null) return reply.code(403).send({ error: why });
  });
  app.setErrorHandler(async (error: FastifyError, _request, reply) => {
    const message = clientError(error);
    if (message !== null) return reply.code(400).send({ error: message });
    return reply.code(error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500).send({ error: error.message });
  });
  app.setNotFoundHandler(async (request, reply) => reply.code(404).send({ error: `nothing at ${request.method} ${request.url}` }));

  /** A solve answer, from the cache or the queue; null when a newer edit superseded it. */
  async function solve(body: unknown, stream: string | null): Promise<SolveAnswer | null> {
    const key = stringify(body) ?? '';
    const known = cache.get(key);
    if (known !== undefined) return known;
    const queued = await queue.submit(body, stream);
    if (queued.kind === 'superseded') return null;
    if (queued.value.kind === 'result' && cacheSize > 0) {
      cache.set(key, queued.value);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value ?? '');
    }
    return queued.value;
  }

  const sendAnswer = (reply: FastifyReply, answer: SolveAnswer | null) => {
    if (answer === null) return reply.code(409).send({ error: 'superseded by a newer edit', superseded: true });
    if (answer.kind === 'result') return reply.send(answer.result);
    return reply.code(answer.kind === 'bad-request' ? 400 : 500).send({ error: answer.error });
  };

  /** The result and scenario of a download request, or the reply already sent. */
  async function solvedFor(body: unknown, reply: FastifyReply): Promise<{ result: Result; scenario: Scenario } | null> {
    const parsed = solveBodySchema.safeParse(body);
    const asked = parsed.success ? requestScenario(scenario, parsed.data) : bodyProblem(parsed.error);
    if (typeof asked === 'string') {
      await reply.code(400).send({ error: asked });
      return null;
    }
    const answer = await solve(body, null);
    if (answer?.kind === 'result') return { result: answer.result, scenario: asked };
    await sendAnswer(reply, answer);
    return null;
  }

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(workbenchPage(scenario.name, drawing)));
  app.get<{ Params: { file: string } }>('/app/:file', async (request, reply) => {
    if (!scripts.has(request.params.file) || !request.params.file.endsWith('.js')) return reply.code(404).send({ error: `no script ${request.params.file}` });
    return reply.type('text/javascript; charset=utf-8').send(await readFile(new URL(request.params.file, webRoot), 'utf8'));
  });

  app.get('/api/scenario', async () => ({
    name: scenario.name,
    zoning: scenario.zoning,
    zonings: zoningsJson(scenario),
    areas: scenario.areas.map((a) => ({ area_id: a.id, name: a.name, lat: a.lat, lon: a.lon })),
    lots: lotPlanToJson(scenario.lotPlan),
    award: scenario.award,
    currency: scenario.currency,
    palette: Array.from({ length: 16 }, (_, i) => categoricalColour(i)),
    downloads: { report: true, workbook: resultWorkbookReady },
    version: options.version,
  }));
  app.get('/api/map', async () => ({ width: drawing.width, height: drawing.height, source: drawing.source, note: drawing.note, areas: drawing.areas }));
  app.post('/api/outlines', async (request, reply) => {
    const parsed = outlinesBodySchema.safeParse(request.body);
    const zoning = parsed.success ? zoningFrom(scenario, parsed.data.zones) : bodyProblem(parsed.error);
    if (typeof zoning === 'string') return reply.code(400).send({ error: zoning });
    return { zones: drawing.outlines(zoning) };
  });

  app.post('/api/solve', async (request, reply) => {
    const stream = request.headers[streamHeader];
    return sendAnswer(reply, await solve(request.body, typeof stream === 'string' && stream !== '' ? stream : null));
  });

  app.post('/api/zonings', async (request, reply) => {
    const parsed = zoningsBodySchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: bodyProblem(parsed.error) });
    const save = saving.then(() => saveZoning(options.dir, scenario, { ...parsed.data, overwrite: parsed.data.overwrite ?? false }));
    saving = save.catch(() => undefined);
    const outcome: SaveOutcome = await save;
    if (outcome.kind === 'exists') return reply.code(409).send({ error: outcome.error });
    if (outcome.kind === 'bad-request') return reply.code(400).send({ error: outcome.error });
    scenario = { ...scenario, zonings: new Map([...scenario.zonings, [outcome.name, outcome.zoning]]) };
    return reply.code(201).send({ name: outcome.name, file: outcome.file, zones: Object.fromEntries(outcome.zoning), renamed: outcome.renamed });
  });

  app.post('/api/report', async (request, reply) => {
    const solved = await solvedFor(request.body, reply);
    if (solved === null) return reply;
    return reply.type('text/html; charset=utf-8').header('content-disposition', 'attachment; filename="report.html"').send(await reportHtml(solved.result, solved.scenario));
  });
  app.post('/api/workbook', async (request, reply) => {
    if (!resultWorkbookReady) return reply.code(501).send({ error: 'the result workbook is not available in this version of zonal: download the report instead' });
    const solved = await solvedFor(request.body, reply);
    if (solved === null) return reply;
    const book = await resultWorkbook(solved.result, solved.scenario);
    if (book === null) return reply.code(501).send({ error: 'the result workbook could not be made' });
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', 'attachment; filename="result.xlsx"').send(Buffer.from(book));
  });

  app.addHook('onClose', async () => options.solver.close());
  return app;
}
