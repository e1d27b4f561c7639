/**
 * Scenario folders on disk for io and CLI tests: a small valid set of files
 * as text, which a test may patch, written to a fresh temporary folder.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type ScenarioFiles = Record<string, string>;

const json = {
  name: 'Folder test',
  period: '2027',
  files: { areas: 'areas.csv', demand: 'demand.csv', providers: 'providers.csv', bids: 'bids.csv' },
  zonings: { two: 'zones-two.csv' },
  zoning: 'two',
  lots: {
    standard: { geography: 'zone', structure: 'lead-secondary', leadShare: 0.8 },
    reablement: { geography: 'county', structure: 'sole' },
  },
  award: { minDistinctProviders: 1 },
};

/** A small valid scenario; line numbers below are relied on by tests (header = line 1). */
export function goodFiles(): ScenarioFiles {
  return {
    'scenario.json': `${JSON.stringify(json, null, 2)}\n`,
    'areas.csv': `${['area_id,name,lat,lon,population,population_65_plus,rurality', 'A1,Alpha,52.1,-1.2,1000,200,urban', 'A2,Beta,52.2,-1.3,800,150,town', 'A3,Gamma,52.3,-1.4,500,120,rural'].join('\n')}\n`,
    'zones-two.csv': `${['area_id,zone_id', 'A1,Z1', 'A2,Z1', 'A3,Z2'].join('\n')}\n`,
    'demand.csv': `${['area_id,care_type,period,hours_per_week,hours_low,hours_high', 'A1,standard,2027,100,90,120', 'A2,standard,2027,50,45,60', 'A3,standard,2027,40,35,50', 'A1,reablement,2027,10,8,12'].join('\n')}\n`,
    'providers.csv': `${['provider_id,name,max_hours_per_week,min_viable_hours_per_week,quality_score', 'P1,First Care,500,50,70', 'P2,Second Care,500,50,80'].join('\n')}\n`,
    'bids.csv': `${[
      'bid_id,provider_id,care_type,coverage,price_per_hour,max_hours_per_week,role,package_id',
      'B1,P1,standard,Z1,24.5,500,any,',
      'B2,P2,standard,Z1,25,500,any,',
      'B3,P1,standard,Z2,24,500,,',
      'B4,P2,standard,A3,26,500,secondary,',
      'B5,P2,reablement,*,27,100,any,',
    ].join('\n')}\n`,
  };
}

/** Replace one line (1-based) of a file's text. */
export function withLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

/** A patch that edits scenario.json in place: `change` is given the parsed JSON to change. */
export const editJson =
  <Json extends object = Record<string, any>>(change: (json: Json) => void) =>
  (files: ScenarioFiles): void => {
    const json = JSON.parse(files['scenario.json'] ?? '{}') as Json;
    change(json);
    files['scenario.json'] = `${JSON.stringify(json, null, 2)}\n`;
  };

/** The files with scenario.json edited by `change`, which is given the parsed JSON to change. */
export function withJson<Json extends object = Record<string, any>>(
  files: ScenarioFiles,
  change: (json: Json) => void,
): ScenarioFiles {
  const edited = { ...files };
  editJson(change)(edited);
  return edited;
}

/** A polygon's rings of [lon, lat] points, as GeoJSON writes them. */
type Rings = readonly (readonly (readonly number[])[])[];

/** The files with a boundaries file (areas.geojson) holding these areas' shapes, named in scenario.json. */
export function withBoundaries(files: ScenarioFiles, shapes: Readonly<Record<string, Rings>>): ScenarioFiles {
  const features = Object.entries(shapes).map(([id, coordinates]) => ({
    type: 'Feature',
    properties: { area_id: id },
    geometry: { type: 'Polygon', coordinates },
  }));
  return {
    ...withJson<{ files: Record<string, string> }>(files, (json) => {
      json.files['boundaries'] = 'areas.geojson';
    }),
    'areas.geojson': JSON.stringify({ type: 'FeatureCollection', features }),
  };
}

const made: string[] = [];

/** A fresh temporary folder, removed after the test file (test/helpers/cleanup.ts). */
export async function tempDir(prefix = 'zonal-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Write the files to a fresh temporary folder and return its path. */
export async function writeScenarioFolder(files: ScenarioFiles): Promise<string> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text, 'utf8');
  }
  return dir;
}
