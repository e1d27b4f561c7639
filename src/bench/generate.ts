/**
 * Seeded generator of realistic award instances for the benchmark (and for
 * anyone who needs a big, valid Scenario). The shape follows DESIGN.md §4's
 * solver table: zones on a map with urban centres and rural fringes, standard
 * care as lead/secondary lots and complex care as sole lots per zone,
 * providers with capacities and a 25% share cap, bids that cover one to three
 * neighbouring zones (some lead- or secondary-only, some in all-or-nothing
 * packages), dearer and scarcer in rural zones.
 *
 * Deterministic: the same size and seed give the same scenario (mulberry32, no
 * Math.random).
 */
import { defaultScoringSettings } from '../scoring/settings.js';
import type { Area, Bid, BidRole, CareType, DemandRow, Provider, Scenario } from '../model/types.js';

export interface InstanceSize {
  readonly name: string;
  /** Zones; each zone gives one standard (lead/secondary) and one complex (sole) lot. */
  readonly zones: number;
  readonly providers: number;
  readonly bids: number;
}

/** DESIGN.md §4: S 12 lots, M 40, L 150, XL 600. */
export const instanceSizes: Readonly<Record<'S' | 'M' | 'L' | 'XL', InstanceSize>> = {
  S: { name: 'S', zones: 6, providers: 8, bids: 60 },
  M: { name: 'M', zones: 20, providers: 25, bids: 400 },
  L: { name: 'L', zones: 75, providers: 80, bids: 3000 },
  XL: { name: 'XL', zones: 300, providers: 300, bids: 20000 },
};

/** A seeded PRNG (mulberry32): a function giving floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const between = (random: Random, low: number, high: number) => low + (high - low) * random();
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Zone {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly rural: number;
  readonly areaIds: readonly string[];
  /** Standard and complex hours per week. */
  readonly demand: Readonly<Record<'standard' | 'complex', number>>;
}

/** Zones on a jittered grid; rurality grows with distance from a few urban centres. */
function makeZones(random: Random, count: number): Zone[] {
  const side = Math.ceil(Math.sqrt(count));
  const centres = Array.from({ length: Math.max(1, Math.round(count / 12)) }, () => ({
    x: random() * side,
    y: random() * side,
  }));
  return Array.from({ length: count }, (_, i) => {
    const x = (i % side) + between(random, -0.3, 0.3);
    const y = Math.floor(i / side) + between(random, -0.3, 0.3);
    const nearest = Math.min(...centres.map((c) => Math.hypot(c.x - x, c.y - y)));
    const rural = Math.min(1, nearest / 3);
    const id = `Z${pad(i + 1, 3)}`;
    const areas = 2 + Math.floor(random() * 3);
    const standard = round2(between(random, 1500, 4500) * (1 - 0.5 * rural));
    return {
      id,
      x,
      y,
      rural,
      areaIds: Array.from({ length: areas }, (_, k) => `A${pad(i + 1, 3)}${String.fromCharCode(97 + k)}`),
      demand: { standard, complex: round2(standard * between(random, 0.08, 0.16)) },
    };
  });
}

function areasOf(zones: readonly Zone[]): Area[] {
  return zones.flatMap((z) =>
    z.areaIds.map(
      (id, k): Area => ({
        id,
        name: `Area ${id}`,
        lat: 51 + z.y * 0.05 + k * 0.005,
        lon: -1 + z.x * 0.08,
        population: 20000,
        population65: 4000,
        rurality: z.rural > 0.66 ? 'rural' : z.rural > 0.33 ? 'town' : 'urban',
        areaKm2: 10 + 60 * z.rural,
      }),
    ),
  );
}

/** Zone demand split over its areas (first area gets the rounding). */
function demandOf(zones: readonly Zone[]): DemandRow[] {
  return zones.flatMap((z) =>
    (['standard', 'complex'] as const).flatMap((careType) => {
      const each = round2(z.demand[careType] / z.areaIds.length);
      return z.areaIds.map((areaId, k): DemandRow => {
        const hours = k === 0 ? round2(z.demand[careType] - each * (z.areaIds.length - 1)) : each;
        return {
          areaId,
          careType,
          period: '2027',
          hours,
          low: round2(hours * 0.9),
          high: round2(hours * 1.15),
        };
      });
    }),
  );
}

interface ProviderPlan {
  readonly provider: Provider;
  readonly base: Zone;
  /** Pence per hour above or below the market. */
  readonly priceOffset: number;
  readonly doesComplex: boolean;
}

function makeProviders(random: Random, zones: readonly Zone[], count: number): ProviderPlan[] {
  const total = zones.reduce((t, z) => t + z.demand.standard + z.demand.complex, 0);
  return Array.from({ length: count }, (_, i) => {
    const maxHours = Math.round(((2.2 * total) / count) * between(random, 0.4, 1.6));
    const id = `P${pad(i + 1, 3)}`;
    const base = pick(random, zones);
    return {
      provider: {
        id,
        name: `Provider ${id}`,
        maxHours,
        minViableHours: Math.round(maxHours * 0.3),
        quality: Math.round(between(random, 55, 95)),
        baseAreaId: base.areaIds[0] ?? null,
      },
      base,
      priceOffset: between(random, -1.5, 1.5),
      doesComplex: random() < 0.5,
    };
  });
}

/** The eight zones nearest to each zone (itself first), computed once per scenario. */
function nearestZones(zones: readonly Zone[]): (zone: Zone) => readonly Zone[] {
  const memo = new Map<Zone, readonly Zone[]>();
  return (zone) => {
    const known = memo.get(zone);
    if (known !== undefined) return known;
    const near = [...zones]
      .sort((a, b) => Math.hypot(a.x - zone.x, a.y - zone.y) - Math.hypot(b.x - zone.x, b.y - zone.y))
      .slice(0, 8);
    memo.set(zone, near);
    return near;
  };
}

type Nearest = ReturnType<typeof nearestZones>;

/** A zone near the provider's base, nearer more often; rural zones are less often chosen. */
function nearbyZones(random: Random, nearest: Nearest, base: Zone): Zone {
  const near = nearest(base);
  for (;;) {
    const zone = near[Math.floor(random() ** 1.6 * near.length)] ?? base;
    if (random() > 0.5 * zone.rural) return zone;
  }
}

/** One to three neighbouring zones, starting at `first`. */
function coverageFrom(random: Random, nearest: Nearest, first: Zone): Zone[] {
  const extra = random() < 0.25 ? 1 + Math.floor(random() * 2) : 0;
  return nearest(first).slice(0, 1 + extra);
}

function makeBid(
  random: Random,
  id: string,
  plan: ProviderPlan,
  careType: CareType,
  covered: readonly Zone[],
  packageId: string | null,
): Bid {
  const rural = covered.reduce((t, z) => t + z.rural, 0) / covered.length;
  const hours = covered.reduce((t, z) => t + z.demand[careType === 'complex' ? 'complex' : 'standard'], 0);
  const roleDraw = random();
  const role: BidRole = packageId !== null || roleDraw < 0.7 ? 'any' : roleDraw < 0.85 ? 'lead' : 'secondary';
  const price =
    23.5 + (careType === 'complex' ? 4 : 0) + 3 * rural + plan.priceOffset + between(random, -1.2, 1.2);
  return {
    id,
    providerId: plan.provider.id,
    careType,
    areaIds: covered.flatMap((z) => z.areaIds).sort(),
    price: round2(price),
    maxHours: Math.round(hours * between(random, 0.5, 1.3)),
    role,
    packageId,
    quality: plan.provider.quality,
  };
}

/** Bids spread over providers; about one provider in ten offers one package of two or three zones. */
function makeBids(
  random: Random,
  zones: readonly Zone[],
  plans: readonly ProviderPlan[],
  count: number,
): Bid[] {
  const bids: Bid[] = [];
  const nearest = nearestZones(zones);
  const nextId = () => `B${pad(bids.length + 1, 5)}`;
  plans.forEach((plan, i) => {
    if (random() >= 0.1) return;
    const packageId = `K${pad(i + 1, 3)}`;
    const members = 2 + Math.floor(random() * 2);
    for (let k = 0; k < members; k++)
      bids.push(
        makeBid(random, nextId(), plan, 'standard', [nearbyZones(random, nearest, plan.base)], packageId),
      );
  });
  while (bids.length < count) {
    const plan = pick(random, plans);
    const careType: CareType = plan.doesComplex && random() < 0.3 ? 'complex' : 'standard';
    const covered = coverageFrom(random, nearest, nearbyZones(random, nearest, plan.base));
    bids.push(makeBid(random, nextId(), plan, careType, covered, null));
  }
  return bids;
}

/** A complete, valid Scenario of the given size. */
export function generateScenario(size: InstanceSize, seed: number): Scenario {
  const random = seededRandom(seed * 7919 + size.zones);
  const zones = makeZones(random, size.zones);
  const plans = makeProviders(random, zones, size.providers);
  const zoning = new Map(zones.flatMap((z) => z.areaIds.map((a): [string, string] => [a, z.id])));
  return {
    name: `generated ${size.name} (seed ${seed})`,
    currency: 'GBP',
    weeksPerYear: 52,
    period: '2027',
    areas: areasOf(zones),
    zonings: new Map([['zones', zoning]]),
    zoning: 'zones',
    lotPlan: {
      standard: {
        kind: 'lot',
        geography: 'zone',
        structure: 'lead-secondary',
        leadShare: 0.8,
      },
      complex: {
        kind: 'lot',
        geography: 'zone',
        structure: 'sole',
        backup: false,
      },
    },
    award: {
      objective: 'cost',
      qualityWeight: 0.6,
      priceWeight: 0.4,
      minQuality: 0,
      maxShareOfTotalHours: 0.25,
      maxLotsPerProvider: null,
      minDistinctProviders: Math.min(10, Math.floor(size.providers / 4)),
      unmetPenaltyPerHour: 1000,
      rejectBelowLegalPay: false,
      spotPricePerHour: 32.14,
    },
    demand: demandOf(zones),
    providers: plans.map((p) => p.provider),
    bids: makeBids(random, zones, plans, size.bids),
    current: [],
    ...defaultScoringSettings,
    boundaries: null,
  };
}
