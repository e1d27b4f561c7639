/**
 * A tender of the bench's generator (src/bench/generate.ts) written as a scenario folder, for
 * tests that need a model of a regional or national size read from disk as a user's would be.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateScenario, instanceSizes } from '../../src/bench/generate.js';
import { tempDir } from './scenario-folder.js';

/** The bench's tender of `size` and `seed` as a scenario folder in a fresh temporary folder (removed after the test file); its path. */
export async function writeGeneratedScenario(
  size: keyof typeof instanceSizes,
  seed: number,
): Promise<string> {
  const s = generateScenario(instanceSizes[size], seed);
  const dir = await tempDir(`zonal-generated-${size}-`);
  const csv = (name: string, header: string, rows: readonly (readonly unknown[])[]) =>
    writeFile(path.join(dir, name), `${[header, ...rows.map((r) => r.join(','))].join('\n')}\n`);
  const lots = Object.fromEntries(
    Object.entries(s.lotPlan).map(([careType, plan]) => {
      const { kind: _kind, ...rest } = plan;
      return [careType, rest];
    }),
  );
  const { spotPricePerHour: _spot, ...award } = s.award;
  await Promise.all([
    csv(
      'areas.csv',
      'area_id,name,lat,lon,population,population_65_plus,rurality',
      s.areas.map((a) => [
        a.id,
        a.name,
        a.lat.toFixed(5),
        a.lon.toFixed(5),
        a.population,
        a.population65,
        a.rurality,
      ]),
    ),
    csv('zones.csv', 'area_id,zone_id', [...(s.zonings.get(s.zoning) ?? [])]),
    csv(
      'demand.csv',
      'area_id,care_type,period,hours_per_week,hours_low,hours_high',
      [...s.demand].map((d) => [d.areaId, d.careType, d.period, d.hours, d.low, d.high]),
    ),
    csv(
      'providers.csv',
      'provider_id,name,max_hours_per_week,min_viable_hours_per_week,quality_score',
      s.providers.map((p) => [p.id, p.name, p.maxHours, p.minViableHours, p.quality]),
    ),
    csv(
      'bids.csv',
      'bid_id,provider_id,care_type,coverage,price_per_hour,max_hours_per_week,role,package_id',
      s.bids.map((b) => [
        b.id,
        b.providerId,
        b.careType,
        b.areaIds.join(';'),
        b.price.toFixed(2),
        b.maxHours,
        b.role,
        b.packageId ?? '',
      ]),
    ),
    writeFile(
      path.join(dir, 'scenario.json'),
      JSON.stringify({
        name: s.name,
        currency: s.currency,
        weeksPerYear: s.weeksPerYear,
        period: s.period,
        files: { areas: 'areas.csv', demand: 'demand.csv', providers: 'providers.csv', bids: 'bids.csv' },
        zonings: { zones: 'zones.csv' },
        zoning: 'zones',
        lots,
        award,
      }),
    ),
  ]);
  return dir;
}
