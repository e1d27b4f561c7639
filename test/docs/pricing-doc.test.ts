/**
 * The worked example of docs/pricing.md and docs/scenario-files.md quote the merged
 * Hertfordshire award; the golden test keeps that award in
 * test/golden/expected/hertfordshire-complex-merged.json. This checks the
 * documents still quote it, so a change of the award cannot leave them behind.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';

interface GoldenAllocation {
  lotId: string;
  role: string;
  bidId: string;
  providerId: string;
  hoursPerWeek: number;
  pricePerHour: number;
  annualCost: number;
  parts?: { bidId: string; careType: string; hoursPerWeek: number; pricePerHour: number }[];
}
interface Golden {
  districts: { totals: { annualCost: number }; allocations: GoldenAllocation[] };
}

const read = (file: string) => readFile(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('docs/pricing.md quotes the golden merged award', () => {
  test('the Broxbourne lines of allocations.csv, the total, in the doc and the scenario-files page', async () => {
    const golden = JSON.parse(await read('test/golden/expected/hertfordshire-complex-merged.json')) as Golden;
    const [doc, files] = [await read('docs/pricing.md'), await read('docs/scenario-files.md')];
    const lines = golden.districts.allocations
      .filter((a) => a.lotId === 'standard:Z-BRX')
      .map((a) =>
        [
          a.lotId,
          a.bidId,
          a.providerId,
          a.role,
          a.hoursPerWeek,
          a.pricePerHour,
          a.annualCost,
          '',
          (a.parts ?? [])
            .map((p) => `${p.bidId}:${p.careType}:${p.hoursPerWeek}@${p.pricePerHour}`)
            .join(';'),
        ].join(','),
      );
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(doc).toContain(line);
    const millions = `£${(golden.districts.totals.annualCost / 1e6).toFixed(2)}m`;
    expect(millions).toBe('£57.16m');
    expect(doc).toContain(millions);
    expect(files).toContain(millions);
    expect(files).toContain('£3,475,811.87');
  });
});
