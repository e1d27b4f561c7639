import { describe, expect, test } from 'vitest';
import { areaRows, bidRows, demandRows, idCell, providerRows } from '../../src/model/row-schemas.js';

const areaRowSchema = areaRows.schema();
const bidRowSchema = bidRows.schema();
const demandRowSchema = demandRows.schema();
const providerRowSchema = providerRows.schema();

const bidRow = {
  bid_id: 'B1',
  provider_id: 'P1',
  care_type: 'standard',
  coverage: 'Z1',
  price_per_hour: '24.50',
  max_hours_per_week: '1,200',
  role: '',
  package_id: '',
};

function messages(result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}): string[] {
  return (result.error?.issues ?? []).map((i) => `${String(i.path[0])} ${i.message}`);
}

describe('row schemas', () => {
  test('a bid row: thousands separators, £, empty role means any, empty package is null', () => {
    const parsed = bidRowSchema.parse({ ...bidRow, price_per_hour: '£24.50' });
    expect(parsed).toMatchObject({
      price_per_hour: 24.5,
      max_hours_per_week: 1200,
      role: 'any',
      package_id: null,
      quality_score: null,
    });
    expect(bidRowSchema.parse({ ...bidRow, role: 'Lead', quality_score: '81' })).toMatchObject({
      role: 'lead',
      quality_score: 81,
    });
  });

  test('structures: the lot structures a price holds for; empty or absent means any', () => {
    expect(bidRowSchema.parse(bidRow).structures).toEqual([]);
    expect(bidRowSchema.parse({ ...bidRow, structures: ' ' }).structures).toEqual([]);
    expect(bidRowSchema.parse({ ...bidRow, structures: 'Sole; lead-secondary;sole' }).structures).toEqual([
      'lead-secondary',
      'sole',
    ]);
    expect(bidRowSchema.parse({ ...bidRow, structures: 'framework' }).structures).toEqual(['framework']);
  });

  test.each([
    ['price_per_hour', 'abc', 'is not a number'],
    ['price_per_hour', '0', 'must be more than 0'],
    ['max_hours_per_week', '-5', 'must not be negative'],
    ['max_hours_per_week', '', 'is empty'],
    ['role', 'boss', 'must be any, lead or secondary'],
    ['care_type', 'nursing', 'must be one of standard, complex, reablement'],
    ['bid_id', 'B 1', 'is not a valid id'],
    ['package_id', 'P K', 'is not a valid id: use only letters, digits, _ . and -'],
    [
      'provider_id',
      'P-ALDER\u200b',
      'is not a valid id: use only letters, digits, _ . and -; it holds U+200B, a character that cannot be seen, after "P-ALDER": retype the id',
    ],
    [
      'provider_id',
      'P\u2011ALDER',
      'is not a valid id: use only letters, digits, _ . and -; it holds U+2011 ("‑"), a character that is none of them, after "P": retype the id',
    ],
    ['quality_score', '101', 'must be at most 100'],
    [
      'structures',
      'sole;zonal',
      'must be lot structures (sole, lead-secondary, framework, prime-secondaries) separated by ;',
    ],
    ['structures', 'lead/secondary', 'must be lot structures'],
  ])('a bid row with %s = "%s" says "%s"', (column, value, message) => {
    const result = bidRowSchema.safeParse({ ...bidRow, [column]: value });
    expect(result.success).toBe(false);
    expect(messages(result).join('\n')).toContain(`${column} ${message}`);
  });

  test('area rows: latitude range, rurality, optional area', () => {
    const row = {
      area_id: 'A1',
      name: 'x',
      lat: '52.1',
      lon: '-1.2',
      population: '1,000',
      population_65_plus: '200',
      rurality: 'rural',
    };
    expect(areaRowSchema.parse(row)).toMatchObject({
      lat: 52.1,
      lon: -1.2,
      population: 1000,
      area_km2: null,
    });
    expect(messages(areaRowSchema.safeParse({ ...row, lat: '95' }))).toEqual([
      'lat must be between -90 and 90',
    ]);
    expect(messages(areaRowSchema.safeParse({ ...row, rurality: 'suburban' }))).toEqual([
      'rurality must be one of urban, town, rural',
    ]);
  });

  test('demand and provider rows', () => {
    expect(
      demandRowSchema.parse({
        area_id: 'A1',
        care_type: 'standard',
        period: '2027',
        hours_per_week: '1.5e2',
      }),
    ).toMatchObject({ hours_per_week: 150, hours_low: null, hours_high: null });
    expect(
      messages(
        demandRowSchema.safeParse({ area_id: 'A1', care_type: 'standard', period: '', hours_per_week: '1' }),
      )[0],
    ).toMatch(/^period is empty/);
    const provider = {
      provider_id: 'P1',
      name: 'n',
      max_hours_per_week: '10',
      min_viable_hours_per_week: '1',
      quality_score: '70',
      base_area_id: '',
    };
    expect(providerRowSchema.parse(provider).base_area_id).toBeNull();
  });

  test('ids allow letters, digits, _ . - only', () => {
    expect(idCell.schema().safeParse('Z-NORTH_1.a').success).toBe(true);
    for (const bad of ['', 'a b', 'a;b', 'a:b', 'é'])
      expect(idCell.schema().safeParse(bad).success).toBe(false);
  });
});
