/**
 * The workbench's HTTP API (DESIGN.md section 9) on a copy of the bundled
 * Hertfordshire scenario: the scenario and map, solves of edited zonings,
 * every kind of bad input, refused origins, saving zonings and downloads.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import { buildWorkbench } from '../../src/serve/server.js';
import { workbenchInputs } from '../../src/structures/index.js';
import type { StructureInputs } from '../../web/workbench/structure-inputs.js';
import { inProcessSolver } from '../../src/serve/solver.js';
import { assignmentOf, zoneRows } from '../../src/zones/describe.js';
import { buildProblem } from '../../src/zones/build-problem.js';
import { zonal } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';
import { solved, close } from '../helpers/run.js';
import { workbenchIn, workbenchOn, zonesOf, type Bench } from './workbench-fixture.js';

let bench: Bench;
let start: Record<string, string>;

beforeAll(async () => {
  bench = await workbenchOn('hertfordshire');
  start = zonesOf(bench.scenario);
});
afterAll(async () => bench.app.close());

describe('GET /api/scenario and the page', () => {
  it('lists every lot structure with the number settings the page offers for it', async () => {
    // What the server sends must fit what the page reads (web/workbench/structure-inputs.ts): tsc checks this line.
    const sent: StructureInputs = workbenchInputs();
    const body = (await bench.get('/api/scenario')).json<{ structures: StructureInputs }>();
    expect(body.structures).toEqual(sent);
    expect(Object.keys(body.structures)).toEqual([
      'sole',
      'lead-secondary',
      'framework',
      'prime-secondaries',
    ]);
    expect(body.structures['prime-secondaries']?.map((i) => [i.key, i.start, i.min, i.max])).toEqual([
      ['primeShare', 0.6, 0.35, 0.95],
      ['secondaries', 2, 1, 2],
    ]);
    expect(body.structures['sole']).toEqual([]);
  });

  it('describes the scenario: name, zoning, every zoning by area, the areas', async () => {
    const reply = await bench.get('/api/scenario');
    expect(reply.statusCode).toBe(200);
    const body = reply.json<{
      name: string;
      zoning: string;
      zonings: Record<string, Record<string, string>>;
      areas: { area_id: string; name: string; lat: number; lon: number }[];
    }>();
    expect(body.name).toBe(bench.scenario.name);
    expect(body.zoning).toBe('districts');
    expect(Object.keys(body.zonings).sort()).toEqual([...bench.scenario.zonings.keys()].sort());
    expect(Object.keys(body.zonings)).toEqual(expect.arrayContaining(['districts', 'quadrants', 'twelve']));
    expect(body.zonings['districts']).toEqual(start);
    expect(body.areas.map((a) => a.area_id)).toEqual(bench.scenario.areas.map((a) => a.id));
    expect(body.areas[0]).toEqual({
      area_id: bench.scenario.areas[0]?.id,
      name: bench.scenario.areas[0]?.name,
      lat: bench.scenario.areas[0]?.lat,
      lon: bench.scenario.areas[0]?.lon,
    });
  });

  it('serves a page with one shape per area, each carrying data-area-id, and its script', async () => {
    const page = await bench.get('/');
    expect(page.headers['content-type']).toContain('text/html');
    const ids = [...page.body.matchAll(/<path class="area" data-area-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(bench.scenario.areas.map((a) => a.id).sort());
    expect(page.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it("names the zones in more than one piece, with their pieces, as zonal zones counts them 'not connected'", async () => {
    const { problem } = buildProblem(bench.scenario, {
      count: null,
      minHours: null,
      maxHours: null,
      within: null,
    });
    for (const [name, zoning] of bench.scenario.zonings) {
      const body = (await bench.post('/api/outlines', { zones: Object.fromEntries(zoning) })).json<{
        notConnected: { zoneId: string; pieces: string[][] }[];
        neighboursFrom: string;
      }>();
      const { assignment, zoneIds } = assignmentOf(problem, zoning);
      const apart = zoneRows(problem, assignment, zoneIds).filter((r) => !r.connected);
      expect(
        body.notConnected.map((z) => z.zoneId),
        name,
      ).toEqual(apart.map((r) => r.zoneId).sort());
      expect(body.neighboursFrom).toBe('centroids');
    }
    // The 2015-style map's rural contracts: contiguous on the real map, not under the centroid rule (docs/zones.md).
    const twelve = (await bench.post('/api/outlines', { zones: zonesOf(bench.scenario, 'twelve') })).json<{
      notConnected: { zoneId: string; pieces: string[][] }[];
    }>();
    expect(twelve.notConnected).toEqual([
      { zoneId: 'Z-RURAL-E', pieces: [['EH-R', 'NH-R'], ['WH-R']] },
      { zoneId: 'Z-RURAL-W', pieces: [['DAC-R'], ['HMR-R'], ['SA-R']] },
    ]);
  });

  it('draws zone outlines for any zoning, and refuses one that leaves out an area', async () => {
    const outlines = await bench.post('/api/outlines', { zones: start });
    expect(outlines.json<{ zones: { zoneId: string; d: string }[] }>().zones.map((z) => z.zoneId)).toEqual(
      [...new Set(Object.values(start))].sort(),
    );
    const { 'EH-HW': _dropped, ...partial } = start;
    const bad = await bench.post('/api/outlines', { zones: partial });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: string }>().error).toContain('EH-HW');
  });
});

describe('POST /api/solve', () => {
  it('answers the starting zoning with the award `zonal solve` makes', async () => {
    const reply = await bench.post('/api/solve', { zones: start });
    expect(reply.statusCode).toBe(200);
    const result = reply.json<Result>();
    const direct = await solved(bench.scenario);
    expect(result.status).toBe('optimal');
    expect(result.zoning).toBe('districts');
    expect(close(result.totals.annualCost, direct.totals.annualCost)).toBe(true);
    expect(result.lots.map((l) => l.lotId)).toEqual(direct.lots.map((l) => l.lotId));
  });

  it("solves an edited zoning: the moved area is in its new zone's lot", async () => {
    const reply = await bench.post('/api/solve', { zones: { ...start, 'EH-HW': 'Z-NH' } });
    expect(reply.statusCode).toBe(200);
    const result = reply.json<Result>();
    expect(result.zoning).toBe('workbench');
    expect(result.lots.find((l) => l.lotId === 'standard:Z-NH')?.areaIds).toContain('EH-HW');
    expect(result.lots.find((l) => l.lotId === 'standard:Z-EH')?.areaIds).not.toContain('EH-HW');
  });

  it("applies lots and award shaped like scenario.json's", async () => {
    const reply = await bench.post('/api/solve', {
      zones: start,
      lots: { standard: { structure: 'sole' } },
      award: { maxShareOfTotalHours: 0.4 },
    });
    expect(reply.statusCode).toBe(200);
    const lots = reply.json<Result>().lots.filter((l) => l.careType === 'standard');
    expect(lots.length).toBeGreaterThan(0);
    expect(lots.every((l) => l.structure === 'sole' && l.winners.every((w) => w.role === 'sole'))).toBe(true);
  });

  it('answers an impossible award with its status, not an error', async () => {
    const reply = await bench.post('/api/solve', {
      zones: start,
      award: { minDistinctProviders: bench.scenario.providers.length + 1 },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json<Result>().status).toBe('infeasible');
  });

  const bad: [string, (zones: Record<string, string>) => unknown, string][] = [
    ['an unknown area', (zones) => ({ zones: { ...zones, NOWHERE: 'Z-EH' } }), 'NOWHERE'],
    [
      'an area left out',
      (zones) => ({ zones: Object.fromEntries(Object.entries(zones).filter(([a]) => a !== 'WAT-C')) }),
      'WAT-C',
    ],
    ['no zones at all', (_zones) => ({}), 'zones'],
    ['an unknown field', (zones) => ({ zones: zones, zonning: 'x' }), 'zonning'],
    ['a zone id that is not an id', (zones) => ({ zones: { ...zones, 'WAT-C': 'a zone' } }), 'a zone'],
    ['a zone id that is an area id', (zones) => ({ zones: { ...zones, 'WAT-C': 'WAT-S' } }), 'WAT-S'],
    [
      'a lead share out of range',
      (zones) => ({ zones: zones, lots: { standard: { leadShare: 0.3 } } }),
      'leadShare',
    ],
    ['an unknown award rule', (zones) => ({ zones: zones, award: { maxShare: 0.3 } }), 'maxShare'],
  ];
  it.each(bad)('refuses %s with 400 naming it', async (_what, body, named) => {
    const reply = await bench.post('/api/solve', body(start));
    expect(reply.statusCode).toBe(400);
    expect(reply.json<{ error: string }>().error).toContain(named);
  });

  it("words a body's shape in zonal's words, one message for one slip", async () => {
    const error = async (body: unknown) =>
      (await bench.post('/api/solve', body)).json<{ error: string }>().error;
    // A misnamed field is the slip; "zones is missing" would be its echo.
    expect(await error({ zone: start })).toBe(
      'the request body has no field "zone" (did you mean "zones"?): it takes zones, lots and award',
    );
    expect(await error({})).toBe(
      'zones is missing: give every area its zone, e.g. {"zones": {"AREA_ID": "ZONE_ID", …}}',
    );
    expect(await error({ zones: 'districts' })).toBe(
      'zones: give an object from area id to zone id, e.g. {"zones": {"AREA_ID": "ZONE_ID", …}}',
    );
    expect(await error({ zones: { ...start, 'WAT-C': 7 } })).toBe(
      'zones.WAT-C: a zone id is text, such as "Z-NORTH"',
    );
    // zod's words were "Invalid input", "Invalid input: expected object, received array", …
    expect(await error({ zones: start, lots: { standard: { leadshare: 0.6 } } })).toBe(
      'lots.standard: has an unknown key "leadshare" (did you mean "leadShare"?): remove it or correct its name',
    );
    expect(await error([])).toBe('the request body: must be an object ({…}), not a list ([…])');
    expect(await error({ zones: start, award: { rejectBelowLegalPay: 'no' } })).toBe(
      'award.rejectBelowLegalPay: must be true or false, not text',
    );
    const saving = async (body: unknown) =>
      (await bench.post('/api/zonings', body)).json<{ error: string }>().error;
    expect(await saving({ zones: start })).toBe('name: is missing: give it as text');
    expect(await saving({ name: 'mine2', zones: start, overwrite: 'yes' })).toBe(
      'overwrite: must be true or false, not text',
    );
  });

  it('refuses bad JSON, a body over 1 MB and a body that is not JSON with 400 and a message', async () => {
    const broken = await bench.post('/api/solve', '{"zones": {');
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ error: string }>().error).toMatch(/not valid JSON/);
    const huge = await bench.post(
      '/api/solve',
      JSON.stringify({ zones: start, pad: 'x'.repeat(1024 * 1024) }),
    );
    expect(huge.statusCode).toBe(400);
    expect(huge.json<{ error: string }>().error).toMatch(/over 1 MB/);
    const text = await bench.app.inject({
      method: 'POST',
      url: '/api/solve',
      headers: { 'content-type': 'text/plain' },
      payload: 'zones',
    });
    expect(text.statusCode).toBe(400);
    expect(text.json<{ error: string }>().error).toMatch(/JSON/);
    // Well under 1 MB: the answers' cache key overflowed the stack on it, a 500
    // "Maximum call stack size exceeded" in place of a message.
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const refused =
      'the request body nests {…} and […] more than 16 levels deep: a workbench request nests 3 ({"lots": {"standard": {"leadShare": 0.8}}})';
    for (const body of [
      `{"zones": ${nested(20_000)}}`,
      `{"zones": ${JSON.stringify(start)}, "lots": {"standard": {"leadShare": ${nested(20_000)}}}}`,
    ])
      for (const url of ['/api/solve', '/api/report', '/api/zonings', '/api/outlines']) {
        const deep = await bench.post(url, body);
        expect([url, deep.statusCode, deep.json<{ error: string }>().error]).toEqual([url, 400, refused]);
      }
    const sixteen = await bench.post(
      '/api/solve',
      `{"zones": ${JSON.stringify(start)}, "award": {"minQuality": ${nested(14)}}}`,
    );
    expect(sixteen.json<{ error: string }>().error).toBe(
      'award.minQuality: must be a number, not a list ([…])',
    );
  });
});

describe('origins', () => {
  it('refuses a request from another origin (403) and takes one from its own', async () => {
    for (const reply of [
      await bench.post('/api/solve', { zones: start }, { origin: 'http://evil.example' }),
      await bench.get('/api/scenario', { origin: 'http://localhost:9999' }),
    ]) {
      expect(reply.statusCode).toBe(403);
      expect(reply.json<{ error: string }>().error).toMatch(/refused/);
    }
    expect((await bench.get('/api/scenario', { origin: 'http://localhost:80' })).statusCode).toBe(200);
  });

  it('refuses a Host that is not this machine (a site re-pointing its name at 127.0.0.1)', async () => {
    const reply = await bench.get('/api/scenario', {
      host: 'evil.example:80',
      origin: 'http://evil.example:80',
    });
    expect(reply.statusCode).toBe(403);
  });
});

describe('POST /api/zonings', () => {
  it('saves a zoning: zones-<name>.csv and a scenario.json entry, and the scenario still reads cleanly', async () => {
    const zones = { ...start, 'EH-HW': 'Z-NH', 'WAT-C': 'Z-NEW1' };
    const reply = await bench.post('/api/zonings', { name: 'mine', zones });
    expect(reply.statusCode).toBe(201);
    const body = reply.json<{
      file: string;
      renamed: Record<string, string>;
      zones: Record<string, string>;
    }>();
    expect(body.file).toBe('zones-mine.csv');
    // Z-EH, Z-NH and Z-WAT now hold other areas than in "districts": renamed so zone ids keep one meaning.
    expect(body.renamed).toEqual({ 'Z-EH': 'Z-EH-mine', 'Z-NH': 'Z-NH-mine', 'Z-WAT': 'Z-WAT-mine' });
    const json = JSON.parse(await readFile(path.join(bench.dir, 'scenario.json'), 'utf8')) as {
      zonings: Record<string, string>;
    };
    expect(json.zonings['mine']).toBe('zones-mine.csv');
    const reread = await readScenario(bench.dir);
    expect(reread.issues.errors).toEqual([]);
    expect(Object.fromEntries(reread.scenario?.zonings.get('mine') ?? [])).toEqual(body.zones);
    expect(reread.scenario?.zonings.get('mine')?.get('WAT-C')).toBe('Z-NEW1');
    const listed = (await bench.get('/api/scenario')).json<{ zonings: Record<string, unknown> }>();
    expect(Object.keys(listed.zonings)).toContain('mine');
    // Its zones are solved under its name at once, as they will be after a restart and by `zonal solve --zoning mine`.
    const again = await bench.post('/api/solve', { zones: body.zones });
    expect(again.json<Result>().zoning).toBe('mine');
  });

  it("never saves over one of the scenario's own zonings (409, no Replace), even with overwrite", async () => {
    const before = await readFile(path.join(bench.dir, 'zones-districts.csv'), 'utf8');
    const settings = await readFile(path.join(bench.dir, 'scenario.json'), 'utf8');
    const moved = { ...start, 'EH-HW': 'Z-NH' };
    for (const overwrite of [false, true]) {
      const reply = await bench.post('/api/zonings', { name: 'districts', zones: moved, overwrite });
      expect(reply.statusCode).toBe(409);
      // Until 2026-12-01 this was replaceable, and one click on the page rewrote the council's own zone map.
      expect(reply.json()).toEqual({
        error:
          '"districts" is one of the scenario\'s zone maps (zones-districts.csv, used by zonal solve): choose another name',
        replaceable: false,
      });
    }
    expect(await readFile(path.join(bench.dir, 'zones-districts.csv'), 'utf8')).toBe(before);
    expect(await readFile(path.join(bench.dir, 'scenario.json'), 'utf8')).toBe(settings);
  });

  it('refuses a name this workbench saved (409), offering to replace it, unless asked to overwrite', async () => {
    const overwrite = await bench.post('/api/zonings', { name: 'copy', zones: start });
    expect(overwrite.statusCode).toBe(201);
    const again = await bench.post('/api/zonings', { name: 'copy', zones: start });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: string }>().error).toContain('copy');
    // The page offers to replace it (it cannot send "overwrite": true itself).
    expect(again.json<{ replaceable: boolean }>().replaceable).toBe(true);
    expect(
      (await bench.post('/api/zonings', { name: 'copy', zones: start, overwrite: true })).statusCode,
    ).toBe(201);
  });

  it("after zonal serve restarts, replaces a zoning it saved before, but still never the scenario's own or one edited since", async () => {
    const before = await workbenchOn('hertfordshire');
    expect((await before.post('/api/zonings', { name: 'yesterday', zones: start })).statusCode).toBe(201);
    await before.app.close();
    // Started again on the same folder: until 2026-12-02 only zonings saved since the start were replaceable.
    const after = await workbenchIn(before.dir);
    try {
      const moved = { ...start, 'EH-HW': 'Z-NH' };
      const again = await after.post('/api/zonings', { name: 'yesterday', zones: moved });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({
        error:
          'zoning "yesterday" already exists (in scenario.json): choose another name, or send "overwrite": true to replace it',
        replaceable: true,
      });
      const replaced = await after.post('/api/zonings', { name: 'yesterday', zones: moved, overwrite: true });
      expect(replaced.statusCode, replaced.body).toBe(201);
      const reread = await readScenario(before.dir);
      const written = reread.scenario?.zonings.get('yesterday');
      expect(Object.fromEntries(written ?? [])).toEqual(replaced.json<{ zones: unknown }>().zones);
      expect(written?.get('EH-HW')).toBe(written?.get('NH-HIT'));
      const districts = await after.post('/api/zonings', {
        name: 'districts',
        zones: moved,
        overwrite: true,
      });
      expect(districts.json<{ replaceable: boolean }>().replaceable).toBe(false);
      // Edited by hand since it was saved: saving over it would lose the edits.
      const file = path.join(before.dir, 'zones-yesterday.csv');
      const edited = `${await readFile(file, 'utf8')}\n`;
      await writeFile(file, edited);
      expect(
        (await after.post('/api/zonings', { name: 'yesterday', zones: start, overwrite: true })).json(),
      ).toEqual({
        error:
          '"yesterday": zones-yesterday.csv was changed after the workbench saved it, and saving over it would lose those changes: choose another name',
        replaceable: false,
      });
      expect(await readFile(file, 'utf8')).toBe(edited);
    } finally {
      await after.app.close();
    }
  });

  it('a workbook scenario is never changed: the zoning goes beside it as zones-<name>.csv', async () => {
    const folder = await tempDir('zonal-serve-workbook-');
    const workbook = path.join(folder, 'county.xlsx');
    expect((await zonal(['init', '--xlsx', workbook])).code).toBe(0);
    const before = await readFile(workbook);
    const { scenario } = await readScenario(workbook);
    if (scenario === null) throw new Error('the template workbook did not load');
    const app = await buildWorkbench({
      dir: workbook,
      scenario,
      solver: inProcessSolver(scenario, { inputHash: 'test', version: 'test', timeLimit: 30 }),
      version: 'test',
    });
    try {
      const save = () =>
        app.inject({
          method: 'POST',
          url: '/api/zonings',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ name: 'mine', zones: zonesOf(scenario) }),
        });
      const reply = await save();
      expect(reply.statusCode, reply.body).toBe(201);
      expect(reply.json<{ file: string; addedTo: string }>()).toMatchObject({
        file: 'zones-mine.csv',
        addedTo: 'beside the workbook',
      });
      expect(await readFile(path.join(folder, 'zones-mine.csv'), 'utf8')).toMatch(/^area_id,zone_id\n/);
      expect((await readFile(workbook)).equals(before)).toBe(true);
      expect((await save()).statusCode).toBe(409);
    } finally {
      await app.close();
    }
  });

  it('a scenario.json edited since the start so that it cannot take the entry: 409, one message, nothing written', async () => {
    const edited = await workbenchOn('hertfordshire');
    try {
      const file = path.join(edited.dir, 'scenario.json');
      const settings = (await readFile(file, 'utf8')).replace(/"zonings": \{[^}]*\}/, '"zonings": []');
      await writeFile(file, settings);
      const before = (await readdir(edited.dir)).sort();
      const reply = await edited.post('/api/zonings', { name: 'mine', zones: start });
      // Until 2026-12-02: 500 { "error": "Can not add index to parent of type array" }, jsonc-parser's words.
      expect(reply.statusCode).toBe(409);
      expect(reply.json()).toEqual({
        error:
          'scenario.json:13: zonings must name each zoning\'s file ({ "districts": "zones-districts.csv" }), not be a list ([…]): correct it, then save again',
      });
      expect((await readdir(edited.dir)).sort()).toEqual(before);
      expect(await readFile(file, 'utf8')).toBe(settings);
    } finally {
      await edited.app.close();
    }
  });

  it('refuses a name that is not an id (400) and writes nothing', async () => {
    const before = (await readdir(bench.dir)).sort();
    for (const name of ['../escape', 'a/b', '', 'with space', '.'.repeat(0)]) {
      const reply = await bench.post('/api/zonings', { name, zones: start });
      expect(reply.statusCode).toBe(400);
    }
    expect(
      (await bench.post('/api/zonings', { name: 'partial', zones: { 'EH-HW': 'Z-EH' } })).statusCode,
    ).toBe(400);
    expect((await readdir(bench.dir)).sort()).toEqual(before);
  });
});

describe('downloads', () => {
  it('gives the report of the current award as an attachment', async () => {
    const reply = await bench.post('/api/report', { zones: { ...start, 'EH-HW': 'Z-NH' } });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-disposition']).toContain('report.html');
    expect(reply.body).toContain('<svg');
    expect(reply.body).toContain('workbench');
  });

  it('has no report to give when no award is possible (409, saying why)', async () => {
    const reply = await bench.post('/api/report', {
      zones: start,
      award: { minDistinctProviders: bench.scenario.providers.length + 1 },
    });
    expect(reply.statusCode).toBe(409);
    expect(reply.json<{ error: string }>().error).toMatch(/no award is possible/);
  });

  it('says the result workbook is not available yet (501)', async () => {
    const reply = await bench.post('/api/workbook', { zones: start });
    expect(reply.statusCode).toBe(501);
    expect(reply.json<{ error: string }>().error).toMatch(/workbook/);
  });
});
