/**
 * Who the providers map says serves a zone. A lead-secondary lot whose lead went
 * unfilled was coloured and labelled by its secondary, as though it led the zone
 * (explore12: Hertfordshire's designed2 map showed P-ACORN on Z-DESIGNED2-04, where it
 * holds the secondary's 842 of 4,210 h/week and the rest is unmet).
 */
import { describe, expect, it } from 'vitest';
import type { LotResult, Result } from '../../src/model/result.js';
import { mapCareType, zoneAwards, zoneServedBy } from '../../src/report/html/zone-awards.js';

const lot = (winners: LotResult['winners'], unmet: number): LotResult =>
  ({
    lotId: 'standard:Z-1',
    careType: 'standard',
    zoneId: 'Z-1',
    winners,
    unmetHoursPerWeek: unmet,
    demandHoursPerWeek: 4209.7,
    riskScore: 92,
    risk: {},
  }) as unknown as LotResult;

const awardOf = (l: LotResult) => zoneAwards({ lots: [l] } as unknown as Result, ['Z-1'])[0];

describe('zoneAwards', () => {
  it('says when the provider a zone is coloured by holds only its secondary role', () => {
    const z = awardOf(
      lot([{ providerId: 'P-ACORN', bidId: 'B1', role: 'secondary', hoursPerWeek: 841.9 }], 3367.8),
    );
    expect(z?.leadProviderId).toBe('P-ACORN');
    expect(z?.leadUnfilled).toBe(true);
    expect(z === undefined ? '' : zoneServedBy(z, 'Acorn (P-ACORN)')).toBe(
      'Acorn (P-ACORN), secondary only: no lead',
    );
  });

  it('names the lead as it is when there is one', () => {
    const z = awardOf(
      lot(
        [
          { providerId: 'P-ACORN', bidId: 'B1', role: 'secondary', hoursPerWeek: 894.7 },
          { providerId: 'P-CHILT', bidId: 'B2', role: 'lead', hoursPerWeek: 3579 },
        ],
        0,
      ),
    );
    expect(z?.leadProviderId).toBe('P-CHILT');
    expect(z?.leadUnfilled).toBe(false);
    expect(z === undefined ? '' : zoneServedBy(z, 'Chiltern (P-CHILT)')).toBe('Chiltern (P-CHILT)');
  });
});

describe('ties', () => {
  it('between framework members with equal hours: the first by provider id (code point) leads the zone on the map', () => {
    const z = awardOf(
      lot(
        [
          { providerId: 'p-ash', bidId: 'B1', role: 'member', hoursPerWeek: 100 },
          { providerId: 'P-OAK', bidId: 'B2', role: 'member', hoursPerWeek: 100 },
          { providerId: 'P-ELM', bidId: 'B3', role: 'member', hoursPerWeek: 100 },
        ],
        0,
      ),
    );
    // The locale's order would make p-ash the lead.
    expect(z?.leadProviderId).toBe('P-ELM');
    expect(z?.otherProviderIds).toEqual(['P-OAK', 'p-ash']);
  });

  it('between care types with equal demand: the map shows the first by name', () => {
    const zoneLot = (careType: string) => ({ careType, zoneId: 'Z-1', demandHoursPerWeek: 50 }) as LotResult;
    expect(mapCareType([zoneLot('standard'), zoneLot('complex')])).toBe('complex');
  });
});
