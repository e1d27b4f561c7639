/**
 * fast-check arbitraries for small random scenarios: 2-5 areas, 1-3 zones,
 * 2-4 providers, 3-8 bids with lead/secondary roles, a package and some
 * prices that hold only for some lot structures, sole, lead-secondary and
 * prime-secondaries lots (with frameworks allowed: framework standard lots too), an optional
 * reablement lot (sole, framework, or merged into standard, so standard lots
 * are won with a standard and a reablement bid), and random award rules
 * (share cap, lots cap, minDistinctProviders, minQuality, both objectives).
 */
import fc from 'fast-check';
import type {
  Bid,
  BidRole,
  CareType,
  DemandRow,
  LotPlanEntry,
  LotStructure,
  Objective,
  Scenario,
} from '../../src/model/types.js';
import { area, bid, demand, lotEntry, makeScenario, provider } from './scenario-builder.js';

export interface RandomOptions {
  /** Allow framework lots (standard, or reablement county-wide). @defaultValue true */
  readonly framework?: boolean;
  /** Always merge reablement into standard (lots won with a standard and a reablement bid). @defaultValue false */
  readonly merge?: boolean;
  /** Structures the standard lots may have. @defaultValue every structure (framework as `framework` says) */
  readonly standard?: readonly Exclude<LotStructure, 'framework'>[];
}

const roles: readonly BidRole[] = ['any', 'any', 'lead', 'secondary'];
/** Lot structures a bid's price holds for: mostly any (empty), sometimes one or two. */
const structureChoices: readonly (readonly LotStructure[])[] = [
  [],
  [],
  [],
  ['sole'],
  ['lead-secondary'],
  ['framework'],
  ['sole', 'lead-secondary'],
  ['lead-secondary', 'framework'],
  ['prime-secondaries'],
  ['sole', 'prime-secondaries'],
];

interface Shape {
  readonly zoneOf: readonly number[];
  readonly standardHours: readonly number[];
  readonly reablementHours: readonly number[];
  readonly providers: readonly { readonly maxHours: number; readonly quality: number }[];
  readonly bids: readonly RawBid[];
  readonly plan: {
    readonly geography: 'zone' | 'county';
    readonly structure: LotStructure;
    readonly leadShare: number;
    readonly primeShare: number;
    readonly secondaries: number;
    readonly reablement: 'none' | 'sole' | 'framework' | 'merge';
    readonly minShare: number;
  };
  readonly award: {
    readonly objective: Objective;
    readonly share: number;
    readonly lots: number | null;
    readonly distinct: number;
    readonly minQuality: number;
  };
}

interface RawBid {
  readonly provider: number;
  readonly reablement: boolean;
  /** 0: '*', 1: one zone, 2: a subset of areas given by mask */
  readonly coverageKind: number;
  readonly zone: number;
  readonly mask: number;
  readonly price: number;
  readonly maxHours: number;
  readonly role: number;
  readonly inPackage: boolean;
  readonly quality: number | null;
  readonly structures: number;
  /** With reablement merged into standard: the provider also bids reablement for the same areas (at `twinPremium` more). */
  readonly twin: boolean;
  readonly twinPremium: number;
}

const hours = fc.integer({ min: 0, max: 300 }).map((h) => h / 2);

function shapeArb(options: RandomOptions): fc.Arbitrary<Shape> {
  const reablementKinds =
    options.merge === true
      ? (['merge'] as const)
      : options.framework === false
        ? (['none', 'sole', 'merge', 'merge'] as const)
        : (['none', 'sole', 'framework', 'merge', 'merge'] as const);
  const roleKinds = options.standard ?? (['sole', 'lead-secondary', 'prime-secondaries'] as const);
  const standardKinds: readonly LotStructure[] =
    options.framework === false || options.standard !== undefined ? roleKinds : [...roleKinds, 'framework'];
  return fc.integer({ min: 2, max: 5 }).chain((n) =>
    fc.record({
      zoneOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      standardHours: fc.array(hours, { minLength: n, maxLength: n }),
      reablementHours: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }),
      providers: fc.array(
        fc.record({ maxHours: fc.integer({ min: 50, max: 800 }), quality: fc.integer({ min: 30, max: 95 }) }),
        { minLength: 2, maxLength: 4 },
      ),
      bids: fc.array(
        fc.record({
          provider: fc.nat(3),
          reablement: fc.boolean(),
          coverageKind: fc.nat(2),
          zone: fc.nat(2),
          mask: fc.nat(31),
          price: fc.integer({ min: 1500, max: 3500 }).map((p) => p / 100),
          maxHours: fc.integer({ min: 30, max: 900 }),
          role: fc.nat(3),
          inPackage: fc.boolean(),
          quality: fc.option(fc.integer({ min: 30, max: 95 }), { freq: 3 }),
          structures: fc.nat(structureChoices.length - 1),
          twin: options.merge === true ? fc.constant(true) : fc.boolean(),
          twinPremium: fc.integer({ min: -300, max: 900 }).map((p) => p / 100),
        }),
        { minLength: 3, maxLength: 8 },
      ),
      plan: fc.record({
        geography: fc.constantFrom('zone' as const, 'zone' as const, 'county' as const),
        structure: fc.constantFrom(...standardKinds),
        leadShare: fc.constantFrom(0.5, 0.6, 0.8),
        primeShare: fc.constantFrom(0.5, 0.6, 0.8),
        secondaries: fc.constantFrom(1, 2),
        reablement: fc.constantFrom(...reablementKinds),
        minShare: fc.constantFrom(0, 0.2),
      }),
      award: fc.record({
        objective: fc.constantFrom<Objective>('cost', 'meat'),
        share: fc.constantFrom(1, 1, 0.7, 0.5),
        lots: fc.constantFrom<number | null>(null, null, 1, 2),
        distinct: fc.constantFrom(0, 0, 1, 2),
        minQuality: fc.constantFrom(0, 0, 50),
      }),
    }),
  );
}

function coverage(raw: RawBid, areaIds: readonly string[], zoneOf: readonly number[]): string[] {
  if (raw.coverageKind === 0) return [...areaIds];
  const zone = zoneOf[raw.zone % areaIds.length] ?? 0;
  if (raw.coverageKind === 1) return areaIds.filter((_, i) => zoneOf[i] === zone);
  const picked = areaIds.filter((_, i) => (raw.mask >> i) & 1);
  return picked.length > 0 ? picked : [areaIds[0] ?? 'A1'];
}

function toScenario(s: Shape): Scenario {
  const areaIds = s.zoneOf.map((_, i) => `A${i + 1}`);
  const rows: DemandRow[] = [];
  areaIds.forEach((id, i) => {
    const h = s.standardHours[i] ?? 0;
    if (h > 0) rows.push(demand(id, h, { low: h * 0.9, high: h * 1.2 }));
    const r = s.reablementHours[i] ?? 0;
    if (s.plan.reablement !== 'none' && r > 0) rows.push(demand(id, r, { careType: 'reablement' }));
  });
  const providerIds = s.providers.map((_, i) => `P${i + 1}`);
  const bids: Bid[] = s.bids.flatMap((raw, i) => {
    const careType: CareType = raw.reablement && s.plan.reablement !== 'none' ? 'reablement' : 'standard';
    const providerIndex = raw.provider % providerIds.length;
    const made = bid(`B${i + 1}`, providerIds[providerIndex] ?? 'P1', coverage(raw, areaIds, s.zoneOf), {
      careType,
      price: raw.price,
      maxHours: raw.maxHours,
      role: roles[raw.role] ?? 'any',
      packageId: raw.inPackage && i < 4 ? 'PK1' : null,
      quality: raw.quality ?? s.providers[providerIndex]?.quality ?? 70,
      ...((structureChoices[raw.structures] ?? []).length === 0
        ? {}
        : { structures: structureChoices[raw.structures] }),
    });
    const twin = s.plan.reablement === 'merge' && careType === 'standard' && raw.twin;
    return twin
      ? [
          made,
          {
            ...made,
            id: `B${i + 1}r`,
            careType: 'reablement' as const,
            price: made.price + raw.twinPremium,
            packageId: null,
          },
        ]
      : [made];
  });
  const lotPlan: Partial<Record<CareType, LotPlanEntry>> = {
    standard:
      s.plan.structure === 'framework'
        ? lotEntry({
            geography: s.plan.geography,
            structure: 'framework',
            maxProviders: 2,
            minShare: s.plan.minShare,
          })
        : lotEntry({
            geography: s.plan.geography,
            structure: s.plan.structure,
            leadShare: s.plan.leadShare,
            primeShare: s.plan.primeShare,
            secondaries: s.plan.secondaries,
          }),
  };
  if (s.plan.reablement === 'sole') lotPlan.reablement = lotEntry({ geography: 'county' });
  if (s.plan.reablement === 'framework')
    lotPlan.reablement = lotEntry({
      geography: 'county',
      structure: 'framework',
      maxProviders: 2,
      minShare: s.plan.minShare,
    });
  if (s.plan.reablement === 'merge') lotPlan.reablement = { kind: 'merge', into: 'standard' };
  return makeScenario({
    areas: areaIds.map((id) => area(id)),
    zones: Object.fromEntries(areaIds.map((id, i) => [id, `Z${(s.zoneOf[i] ?? 0) + 1}`])),
    demand: rows,
    providers: providerIds.map((id, i) =>
      provider(id, { maxHours: s.providers[i]?.maxHours ?? 100, quality: s.providers[i]?.quality ?? 70 }),
    ),
    bids,
    lotPlan,
    award: {
      objective: s.award.objective,
      maxShareOfTotalHours: s.award.share,
      maxLotsPerProvider: s.award.lots,
      minDistinctProviders: s.award.distinct,
      minQuality: s.award.minQuality,
    },
  });
}

export function randomScenario(options: RandomOptions = {}): fc.Arbitrary<Scenario> {
  return shapeArb(options).map(toScenario);
}

/** A bid to add to a scenario (no package, so it only adds options). */
export function extraBidArb(scenario: Scenario): fc.Arbitrary<Bid> {
  const areaIds = scenario.areas.map((a) => a.id);
  return fc
    .record({
      provider: fc.nat(scenario.providers.length - 1),
      mask: fc.integer({ min: 1, max: 2 ** areaIds.length - 1 }),
      price: fc.integer({ min: 1500, max: 3500 }),
      maxHours: fc.integer({ min: 30, max: 900 }),
      role: fc.nat(3),
      reablement: fc.boolean(),
      quality: fc.integer({ min: 30, max: 95 }),
    })
    .map((r) =>
      bid(
        'B-NEW',
        scenario.providers[r.provider]?.id ?? 'P1',
        areaIds.filter((_, i) => (r.mask >> i) & 1),
        {
          price: r.price / 100,
          maxHours: r.maxHours,
          role: roles[r.role] ?? 'any',
          quality: r.quality,
          careType: r.reablement && scenario.lotPlan.reablement?.kind === 'lot' ? 'reablement' : 'standard',
        },
      ),
    );
}
