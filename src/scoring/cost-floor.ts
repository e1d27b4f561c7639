/**
 * The cost floor per contact hour of a zone (DESIGN.md section 6): what a
 * provider must charge to pay the wage for contact and travel time, on-costs,
 * mileage, overheads and a small surplus. Every part is kept so a person can
 * redo the sum by hand (docs/scoring.md).
 */
import type { Area, Lot, Rurality, Scenario } from '../model/types.js';
import { ruralities } from '../model/types.js';
import { spreadKm } from './geo.js';
import type { CostFloor } from '../model/scores.js';
import type { CostModel } from './settings.js';
import { byId, byKey } from '../model/order.js';
import { pushTo } from '../model/map-lists.js';

export type { CostFloor } from '../model/scores.js';

/** What the floors are worked out from: the areas, the active zoning and the design period's demand. */
type FloorSource = Pick<Scenario, 'areas' | 'zoning' | 'zonings' | 'period' | 'demand'>;

export interface WeightedArea {
  readonly area: Area;
  readonly weight: number;
}

const pennies = (x: number) => Math.round(x * 100) / 100;

function ruralityMix(areas: readonly WeightedArea[]): Record<Rurality, number> {
  const total = areas.reduce((t, a) => t + a.weight, 0);
  const mix: Record<Rurality, number> = { urban: 0, town: 0, rural: 0 };
  for (const { area, weight } of areas) mix[area.rurality] += total > 0 ? weight / total : 1 / areas.length;
  return mix;
}

/** The floor of one zone: its areas weighted by demand. */
export function zoneCostFloor(areas: readonly WeightedArea[], model: CostModel): CostFloor {
  const mix = ruralityMix(areas);
  const spread = spreadKm(areas.map(({ area, weight }) => ({ lat: area.lat, lon: area.lon, weight })));
  const mixed = (byRurality: Readonly<Record<Rurality, number>>) =>
    ruralities.reduce((t, r) => t + mix[r] * byRurality[r], 0);
  const travelMinutes = mixed(model.travelMinutesPerContactHour) + model.spreadMinutesPerKm * spread;
  const miles = mixed(model.milesPerContactHour) + model.spreadMilesPerKm * spread;
  const contactPay = model.wagePerHour;
  const travelPay = (model.wagePerHour * travelMinutes) / 60;
  const { employerNi, holidayPay, pension } = model.onCosts;
  const onCosts = (contactPay + travelPay) * (employerNi + holidayPay + pension);
  const mileage = miles * model.mileageRatePerMile;
  const cost = contactPay + travelPay + onCosts + mileage + model.overheadPerHour;
  const surplus = cost * model.surplus;
  return {
    perHour: pennies(cost + surplus),
    wageFloorPerHour: pennies(contactPay + travelPay + onCosts + mileage),
    mix,
    spreadKm: spread,
    travelMinutesPerContactHour: travelMinutes,
    milesPerContactHour: miles,
    parts: { contactPay, travelPay, onCosts, mileage, overhead: model.overheadPerHour, surplus },
  };
}

/** Design-period demand of every care type per area: the weights of a zone's floor. */
function demandByArea(scenario: FloorSource): Map<string, number> {
  const demand = new Map<string, number>();
  for (const d of scenario.demand)
    if (d.period === scenario.period) demand.set(d.areaId, (demand.get(d.areaId) ?? 0) + d.hours);
  return demand;
}

/** Floors of every zone of the active zoning, by zone id. */
export function zoneFloors(scenario: FloorSource, model: CostModel): Map<string, CostFloor> {
  const zoning = scenario.zonings.get(scenario.zoning) ?? new Map<string, string>();
  const demand = demandByArea(scenario);
  const members = new Map<string, WeightedArea[]>();
  for (const area of [...scenario.areas].sort(byId)) {
    const zoneId = zoning.get(area.id);
    if (zoneId === undefined) continue;
    const member = { area, weight: demand.get(area.id) ?? 0 };
    pushTo(members, zoneId, member);
  }
  return new Map([...members].map(([zoneId, areas]) => [zoneId, zoneCostFloor(areas, model)]));
}

/** Mix floors linearly by weight (every field of a floor is linear in the mix). */
export function mixFloors(floors: readonly { floor: CostFloor; weight: number }[]): CostFloor | null {
  const total = floors.reduce((t, f) => t + f.weight, 0);
  if (floors.length === 0 || total <= 0) return null;
  const mean = (pick: (f: CostFloor) => number) =>
    floors.reduce((t, f) => t + (f.weight / total) * pick(f.floor), 0);
  const parts = ['contactPay', 'travelPay', 'onCosts', 'mileage', 'overhead', 'surplus'] as const;
  return {
    perHour: pennies(mean((f) => f.perHour)),
    wageFloorPerHour: pennies(mean((f) => f.wageFloorPerHour)),
    mix: { urban: mean((f) => f.mix.urban), town: mean((f) => f.mix.town), rural: mean((f) => f.mix.rural) },
    spreadKm: mean((f) => f.spreadKm),
    travelMinutesPerContactHour: mean((f) => f.travelMinutesPerContactHour),
    milesPerContactHour: mean((f) => f.milesPerContactHour),
    parts: Object.fromEntries(parts.map((p) => [p, mean((f) => f.parts[p])])) as CostFloor['parts'],
  };
}

/**
 * The floor of each lot: its zone's floor, or for a county lot the floors of
 * the zones it spans mixed by the lot's own demand in each (a county-wide
 * provider still runs its rounds zone by zone).
 */
export function lotFloors(
  scenario: FloorSource,
  lots: readonly Lot[],
  model: CostModel,
  zones: ReadonlyMap<string, CostFloor> = zoneFloors(scenario, model),
): Map<string, CostFloor> {
  const floors = new Map<string, CostFloor>();
  for (const lot of lots) {
    const floor = zones.get(lot.zoneId) ?? floorOfAreas(scenario, lot.demandByArea, zones);
    if (floor !== null) floors.set(lot.id, floor);
  }
  return floors;
}

/**
 * The floor where some hours are: the floors of the zones their areas are in,
 * mixed by the hours in each. A county lot's floor mixes its demand; a framework
 * member's, its own hours (it runs rounds only in the areas it serves).
 */
export function floorOfAreas(
  scenario: Pick<Scenario, 'zoning' | 'zonings'>,
  hoursByArea: Iterable<readonly [string, number]>,
  zones: ReadonlyMap<string, CostFloor>,
): CostFloor | null {
  const zoning = scenario.zonings.get(scenario.zoning) ?? new Map<string, string>();
  const byZone = new Map<string, number>();
  for (const [areaId, hours] of hoursByArea) {
    const zoneId = zoning.get(areaId);
    if (zoneId !== undefined) byZone.set(zoneId, (byZone.get(zoneId) ?? 0) + hours);
  }
  const parts = [...byZone].sort(byKey).flatMap(([zoneId, weight]) => {
    const floor = zones.get(zoneId);
    return floor === undefined ? [] : [{ floor, weight }];
  });
  return mixFloors(parts);
}
