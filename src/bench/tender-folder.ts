/**
 * A tender of the bench's generator (generate.ts) written as a scenario folder, as a user's
 * files would be: so that `zonal solve` and `zonal batch` can be measured on the bench's
 * regional and national tenders (docs/performance.md) by anyone, with the same files.
 * `npm run bench:tender` writes one (write-tender.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateScenario, instanceSizes } from './generate.js';

export type TenderSize = keyof typeof instanceSizes;

const csvText = (header: string, rows: readonly (readonly unknown[])[]): string =>
  `${[header, ...rows.map((r) => r.join(','))].join('\n')}\n`;

/** The bench's tender of `size` and `seed` as scenario.json and its CSV files in `dir` (made if missing). */
export async function writeGeneratedScenario(size: TenderSize, seed: number, dir: string): Promise<void> {
  const s = generateScenario(instanceSizes[size], seed);
  const lots = Object.fromEntries(
    Object.entries(s.lotPlan).map(([careType, plan]) => {
      const { kind: _kind, ...entry } = plan;
      return [careType, entry];
    }),
  );
  const files: Record<string, string> = {
    'areas.csv': csvText(
      'area_id,name,lat,lon,population,population_65_plus,rurality,area_km2',
      s.areas.map((a) => [
        a.id,
        a.name,
        a.lat.toFixed(5),
        a.lon.toFixed(5),
        a.population,
        a.population65,
        a.rurality,
        a.areaKm2 ?? '',
      ]),
    ),
    'zones.csv': csvText('area_id,zone_id', [...(s.zonings.get(s.zoning) ?? [])]),
    'demand.csv': csvText(
      'area_id,care_type,period,hours_per_week,hours_low,hours_high',
      [...s.demand].map((d) => [d.areaId, d.careType, d.period, d.hours, d.low, d.high]),
    ),
    'providers.csv': csvText(
      'provider_id,name,max_hours_per_week,min_viable_hours_per_week,quality_score,base_area_id',
      s.providers.map((p) => [p.id, p.name, p.maxHours, p.minViableHours, p.quality, p.baseAreaId ?? '']),
    ),
    'bids.csv': csvText(
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
    'scenario.json': `${JSON.stringify(
      {
        name: s.name,
        currency: s.currency,
        weeksPerYear: s.weeksPerYear,
        period: s.period,
        files: { areas: 'areas.csv', demand: 'demand.csv', providers: 'providers.csv', bids: 'bids.csv' },
        zonings: { zones: 'zones.csv' },
        zoning: 'zones',
        lots,
        award: s.award,
      },
      null,
      2,
    )}\n`,
  };
  await mkdir(dir, { recursive: true });
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(dir, name), text)));
}
