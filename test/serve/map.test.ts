/**
 * The workbench map: drawn from the scenario's boundaries file when it has
 * one (else from centroid cells, see api.test.ts), one shape per area with
 * data-area-id, and one outline per zone.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { buildWorkbench } from '../../src/serve/server.js';
import { inProcessSolver } from '../../src/serve/solver.js';
import { workbenchOn, zonesOf, type Bench } from './workbench-fixture.js';

let bench: Bench | null = null;
afterAll(async () => bench?.app.close());

describe('the workbench map', () => {
  it('draws areas from a boundaries file, one path per area, and one outline per zone', async () => {
    const copy = await workbenchOn('tiny');
    await copy.app.close();
    const square = (lon: number, lat: number) => [
      [
        [lon - 0.03, lat - 0.03],
        [lon + 0.03, lat - 0.03],
        [lon + 0.03, lat + 0.03],
        [lon - 0.03, lat + 0.03],
        [lon - 0.03, lat - 0.03],
      ],
    ];
    const features = copy.scenario.areas.map((a) => ({
      type: 'Feature',
      properties: { area_id: a.id },
      geometry: { type: 'Polygon', coordinates: square(a.lon, a.lat) },
    }));
    await writeFile(
      path.join(copy.dir, 'boundaries.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features }),
    );
    const json = JSON.parse(await readFile(path.join(copy.dir, 'scenario.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    json.files['boundaries'] = 'boundaries.geojson';
    await writeFile(path.join(copy.dir, 'scenario.json'), JSON.stringify(json, null, 2));
    const { scenario } = await readScenario(copy.dir);
    if (scenario === null) throw new Error('the tiny copy with boundaries did not load');
    const app = await buildWorkbench({
      dir: copy.dir,
      scenario,
      solver: inProcessSolver(scenario, { inputHash: 't', version: 't', timeLimit: 30 }),
      version: 't',
    });
    bench = { ...copy, app, scenario };
    const map = (await app.inject({ method: 'GET', url: '/api/map' })).json<{
      source: string;
      areas: { areaId: string; d: string }[];
    }>();
    expect(map.source).toBe('boundaries');
    expect(map.areas.map((a) => a.areaId)).toEqual(scenario.areas.map((a) => a.id));
    // A square is one ring of four corners plus the closing point.
    expect(map.areas.every((a) => (a.d.match(/L/g) ?? []).length === 4)).toBe(true);
    const page = (await app.inject({ method: 'GET', url: '/' })).body;
    expect(page).toContain('drawn from the boundaries file');
    expect(page.match(/data-area-id=/g)).toHaveLength(scenario.areas.length);
    const outlines = (
      await app.inject({ method: 'POST', url: '/api/outlines', payload: { zones: zonesOf(scenario) } })
    ).json<{ zones: { zoneId: string }[] }>();
    expect(outlines.zones.map((z) => z.zoneId)).toEqual(
      [...new Set(Object.values(zonesOf(scenario)))].sort(),
    );
  });
});
