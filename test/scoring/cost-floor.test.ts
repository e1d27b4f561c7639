import { describe, expect, it } from 'vitest';
import type { Rurality } from '../../src/model/types.js';
import { lotFloors, mixFloors, zoneCostFloor } from '../../src/scoring/cost-floor.js';
import { costModelSchema, defaultScoringSettings } from '../../src/scoring/settings.js';
import { area, demand, lotEntry, makeScenario } from '../helpers/scenario-builder.js';
import { buildLots } from '../../src/lots/build-lots.js';

const at1221 = costModelSchema().parse({ wagePerHour: 12.21 });
const single = (rurality: Rurality, model = at1221) =>
  zoneCostFloor([{ area: area('A', { rurality }), weight: 1 }], model).perHour;
const within = (x: number, target: number, rel: number) => Math.abs(x / target - 1) <= rel;

describe('cost floor calibration (facts/homecare-uk.md)', () => {
  it('a compact town zone at £12.21 lands within 2% of the Homecare Association 2025/26 minimum price £32.14', () => {
    expect(within(single('town'), 32.14, 0.02)).toBe(true);
  });

  it('a mixed town zone (urban core, town and rural fringe, 3-4 km spread) at £12.21 is within ±5% of £32.14', () => {
    const areas = [
      { area: area('U', { rurality: 'urban', lat: 51.8, lon: -0.2 }), weight: 40 },
      { area: area('T', { rurality: 'town', lat: 51.83, lon: -0.17 }), weight: 35 },
      { area: area('R', { rurality: 'rural', lat: 51.78, lon: -0.14 }), weight: 25 },
    ];
    const floor = zoneCostFloor(areas, at1221);
    expect(floor.spreadKm).toBeGreaterThan(1.5);
    expect(floor.spreadKm).toBeLessThan(5);
    expect(within(floor.perHour, 32.14, 0.05)).toBe(true);
  });

  it('town and rural floors sit about +13% and +25% above urban, the Norfolk 2018/19 bands', () => {
    const urban = single('urban');
    expect(within(single('town') / urban, 1.13, 0.02)).toBe(true);
    expect(within(single('rural') / urban, 1.25, 0.02)).toBe(true);
  });

  it('defaults to the April 2026 National Living Wage £12.71', () => {
    expect(defaultScoringSettings.costModel.wagePerHour).toBe(12.71);
    expect(single('town', defaultScoringSettings.costModel)).toBeGreaterThan(single('town'));
  });
});

describe('zoneCostFloor', () => {
  it('adds up by hand: contact pay, travel pay, on-costs, mileage, overhead, surplus', () => {
    const f = zoneCostFloor([{ area: area('A', { rurality: 'town' }), weight: 1 }], at1221);
    const travelPay = (12.21 * 15) / 60;
    const onCosts = (12.21 + travelPay) * (0.12 + 0.1207 + 0.02);
    const cost = 12.21 + travelPay + onCosts + 5.5 * 0.45 + 9.49;
    expect(f.perHour).toBeCloseTo(cost * 1.03, 2);
    expect(f.wageFloorPerHour).toBeCloseTo(12.21 + travelPay + onCosts + 5.5 * 0.45, 2);
    expect(f.spreadKm).toBe(0);
  });

  it('grows with spread: the same mix spread wider costs more', () => {
    const near = zoneCostFloor(
      [
        { area: area('A', { lat: 52, lon: -1 }), weight: 1 },
        { area: area('B', { lat: 52.01, lon: -1 }), weight: 1 },
      ],
      at1221,
    );
    const far = zoneCostFloor(
      [
        { area: area('A', { lat: 52, lon: -1 }), weight: 1 },
        { area: area('B', { lat: 52.2, lon: -1 }), weight: 1 },
      ],
      at1221,
    );
    expect(far.spreadKm).toBeGreaterThan(near.spreadKm);
    expect(far.perHour).toBeGreaterThan(near.perHour);
  });

  it('mixes floors linearly by weight', () => {
    const u = zoneCostFloor([{ area: area('U'), weight: 1 }], at1221);
    const r = zoneCostFloor([{ area: area('R', { rurality: 'rural' }), weight: 1 }], at1221);
    const mixed = mixFloors([
      { floor: u, weight: 3 },
      { floor: r, weight: 1 },
    ]);
    expect(mixed?.perHour).toBeCloseTo(0.75 * u.perHour + 0.25 * r.perHour, 1);
    expect(mixFloors([])).toBeNull();
  });

  it("gives a county lot the demand-weighted mix of its zones' floors", () => {
    const scenario = makeScenario({
      areas: [area('A1'), area('A2', { rurality: 'rural', lat: 52.3 })],
      zones: { A1: 'Z1', A2: 'Z2' },
      demand: [demand('A1', 30), demand('A2', 10)],
      providers: [],
      bids: [],
      lotPlan: { standard: lotEntry({ geography: 'county' }) },
    });
    const model = defaultScoringSettings.costModel;
    const floors = lotFloors(scenario, buildLots(scenario, scenario.zonings.get('z') ?? new Map()), model);
    const z1 = zoneCostFloor([{ area: area('A1'), weight: 1 }], model).perHour;
    const z2 = zoneCostFloor(
      [{ area: area('A2', { rurality: 'rural', lat: 52.3 }), weight: 1 }],
      model,
    ).perHour;
    expect(floors.get('standard:county')?.perHour).toBeCloseTo(0.75 * z1 + 0.25 * z2, 1);
  });
});
