/**
 * The award model of DESIGN.md section 4 as a solver-neutral program.
 *
 *   1. variables per lot: assign/unmet per role, or place/areaHours/areaUnmet (framework)
 *   2. rows per lot: each role filled once (1), one provider per lot (2), framework links
 *   3. rows per bid and provider: capacity (3), capacity and share cap (4, 5), lots cap (6)
 *   4. distinct providers (7) and packages (8)
 *
 * Inputs are sorted by id first so the program, and so the answer, does not
 * depend on the order of rows in the input files.
 */
import {
  leastHoursOfAWinner,
  type Bid,
  type Lot,
  type LotRole,
  type Provider,
  type Scenario,
} from '../model/types.js';
import {
  blend,
  lowestPrice,
  meatScore,
  offerAreas,
  offerName,
  offerParts,
  offersFor,
  type Offer,
  type OfferPart,
} from '../lots/offers.js';
import { hasPlaces } from '../structures/index.js';
import type { Program, Row, Variable, VariableMeaning } from './program.js';
import { wholeLifeWeights } from '../contract/whole-life.js';
import { withGlobalRules } from '../contract/global-rules.js';
import { reduceProgram } from './reduce.js';
import { byId, byKey } from '../model/order.js';
import { pushTo } from '../model/map-lists.js';

/** A term of coefficient 1: an offer's variable in its lot's rows and its provider's and bids' counts, one pair shared by them all. */
type Entry = readonly [number, number];

/** The hours each provider wins, by provider id (providerLoads). */
type ProviderLoads = ReadonlyMap<string, readonly (readonly [number, number])[]>;

type YearWeights = ReadonlyMap<string, { readonly serve: number; readonly unmet: number }>;

interface Draft {
  readonly variables: Variable[];
  readonly rows: Row[];
  /** terms of the variables that put a provider into a lot, by provider (for rows 4-7) */
  readonly entries: Map<string, Entry[]>;
  /** per bid: variable index and the hours it carries for the bid (assign: its care type's role hours; areaHours: its share of a unit) */
  readonly bidLoad: Map<string, [number, number][]>;
  /** terms of the variables that give a bid a lot role or framework place, alone or in an offer (for row 8) */
  readonly bidWins: Map<string, Entry[]>;
}

function addVar(
  d: Draft,
  name: string,
  meaning: VariableMeaning,
  cost: number,
  upper = 1,
  integer = true,
): number {
  d.variables.push({ name, lower: 0, upper, integer, cost, meaning });
  return d.variables.length - 1;
}

function addRow(
  d: Draft,
  name: string,
  terms: readonly (readonly [number, number])[],
  lower: number,
  upper: number,
): void {
  if (terms.length > 0) d.rows.push({ name, terms, lower, upper });
}

/** Objective coefficient for `hours` served by offer parts (each at its own bid's price), and for leaving them unmet. */
function pricing(scenario: Scenario, lot: Lot, bids: readonly Bid[], years?: YearWeights) {
  const rules = scenario.award;
  if (rules.objective !== 'meat') {
    // whole-life: a design year's spend times the lot's discounted, indexed years (contract/whole-life.ts)
    const term = years?.get(lot.id) ?? { serve: 1, unmet: 1 };
    return {
      serve: (parts: readonly OfferPart[], h: number) =>
        term.serve * scenario.weeksPerYear * h * parts.reduce((t, p) => t + p.fraction * p.bid.price, 0),
      unmet: (h: number) => term.unmet * scenario.weeksPerYear * h * rules.unmetPenaltyPerHour,
    };
  }
  const minPrice = lowestPrice(lot, bids, rules) ?? 1;
  return {
    serve: (parts: readonly OfferPart[], h: number) => h * meatScore(blend(parts), minPrice, rules),
    unmet: (h: number) => -h * 1000,
  };
}

/** What a variable of this offer (named `name`, offerName) carries, for its meaning. */
function served(offer: Offer, name: string, parts: readonly OfferPart[]) {
  return {
    providerId: offer.providerId,
    bidId: offer.bids[0]?.id ?? '',
    offer: name,
    parts: parts.map((p) => ({ bidId: p.bid.id, careType: p.careType, share: p.fraction })),
  };
}

/** An offer's name, its lot-wide parts and what its lot-wide variables carry (`served`). */
interface OfferFacts {
  readonly name: string;
  readonly parts: readonly OfferPart[];
  readonly served: ReturnType<typeof served>;
  /** The name and meaning of the offer's variable for each slot of the lot it fills (roleVariable). */
  readonly roleVariables: Map<string, { readonly name: string; readonly meaning: VariableMeaning }>;
}

/**
 * Each offer's facts, made once: an offer belongs to one lot and role (offersFor remembers
 * it per lot), and its facts are the same in every variant that shares the lot
 * (lots/tender-lots-memo.ts), so those variants' programs share them rather than make
 * them again (about 50 kB a variant of names, parts and meanings on the bundled grid).
 */
const offerFacts = new WeakMap<Offer, OfferFacts>();

function factsOf(offer: Offer, lot: Lot): OfferFacts {
  let facts = offerFacts.get(offer);
  if (facts === undefined) {
    const name = offerName(offer);
    const parts = offerParts(offer, lot);
    facts = { name, parts, served: served(offer, name, parts), roleVariables: new Map() };
    offerFacts.set(offer, facts);
  }
  return facts;
}

/** The name and meaning of the offer's variable for a role of the lot: the lot and the slot fix both. */
function roleVariable(facts: OfferFacts, lot: Lot, { role, slot, share }: LotRole) {
  let variable = facts.roleVariables.get(slot);
  if (variable === undefined) {
    const hours = share * lot.demand;
    variable = {
      name: `a[${facts.name},${lot.id},${slot}]`,
      meaning: { kind: 'assign', lotId: lot.id, role, slot, hours, ...facts.served },
    };
    facts.roleVariables.set(slot, variable);
  }
  return variable;
}

/** The offer's variable (`entry`: its term) puts its provider in the lot and wins a place for each of its bids (rules 2, 6-8). */
function enter(d: Draft, offer: Offer, entry: Entry, perProvider: Map<string, Entry[]>): void {
  pushTo(d.entries, offer.providerId, entry);
  for (const bid of offer.bids) pushTo(d.bidWins, bid.id, entry);
  pushTo(perProvider, offer.providerId, entry);
}

/** Each bid of the offer carries its care type's share of the variable's hours (rules 3-5). */
function load(d: Draft, parts: readonly OfferPart[], v: number, hoursPerUnit: number): void {
  for (const p of parts) if (p.fraction > 0) pushTo(d.bidLoad, p.bid.id, [v, p.fraction * hoursPerUnit]);
}

function addRoleLot(d: Draft, scenario: Scenario, lot: Lot, bids: readonly Bid[], years?: YearWeights): void {
  const price = pricing(scenario, lot, bids, years);
  const perProvider = new Map<string, Entry[]>();
  for (const lotRole of lot.roles) {
    const { role, slot, share } = lotRole;
    const hours = share * lot.demand;
    const terms: Entry[] = [];
    for (const offer of offersFor(lot, bids, role, scenario.award)) {
      const facts = factsOf(offer, lot);
      const { name, meaning } = roleVariable(facts, lot, lotRole);
      const v = addVar(d, name, meaning, price.serve(facts.parts, hours));
      const entry: Entry = [v, 1];
      terms.push(entry);
      load(d, facts.parts, v, hours);
      enter(d, offer, entry, perProvider);
    }
    const u = addVar(
      d,
      `u[${lot.id},${slot}]`,
      { kind: 'unmet', lotId: lot.id, role, slot, hours },
      price.unmet(hours),
    );
    terms.push([u, 1]);
    addRow(d, `fill[${lot.id},${slot}]`, terms, 1, 1);
  }
  for (const [providerId, terms] of perProvider)
    if (terms.length > 1) addRow(d, `one[${lot.id},${providerId}]`, terms, 0, 1);
}

function addFrameworkLot(
  d: Draft,
  scenario: Scenario,
  lot: Lot,
  bids: readonly Bid[],
  years?: YearWeights,
): void {
  const price = pricing(scenario, lot, bids, years);
  const servers = new Map<string, [number, number][]>();
  const places: Entry[] = [];
  const perProvider = new Map<string, Entry[]>();
  for (const offer of offersFor(lot, bids, 'member', scenario.award)) {
    const facts = factsOf(offer, lot);
    const name = facts.name;
    const y = addVar(d, `y[${name},${lot.id}]`, { kind: 'place', lotId: lot.id, ...facts.served }, 0);
    const place: Entry = [y, 1];
    places.push(place);
    enter(d, offer, place, perProvider);
    const areaTerms: [number, number][] = [];
    for (const areaId of offerAreas(offer, lot)) {
      const demand = lot.demandByArea.get(areaId) ?? 0;
      const parts = offerParts(offer, lot, areaId);
      const x = addVar(
        d,
        `x[${name},${lot.id},${areaId}]`,
        { kind: 'areaHours', lotId: lot.id, areaId, ...served(offer, name, parts) },
        price.serve(parts, 1),
        demand,
        false,
      );
      pushTo(servers, areaId, [x, 1]);
      load(d, parts, x, 1);
      areaTerms.push([x, 1]);
      addRow(
        d,
        `link[${name},${lot.id},${areaId}]`,
        [
          [x, 1],
          [y, -demand],
        ],
        -Infinity,
        0,
      );
    }
    if (lot.minShare > 0)
      addRow(d, `minShare[${name},${lot.id}]`, [...areaTerms, [y, -lot.minShare * lot.demand]], 0, Infinity);
  }
  for (const [areaId, demand] of [...lot.demandByArea].sort(byKey)) {
    const u = addVar(
      d,
      `u[${lot.id},${areaId}]`,
      { kind: 'areaUnmet', lotId: lot.id, areaId },
      price.unmet(1),
      demand,
      false,
    );
    addRow(d, `serve[${lot.id},${areaId}]`, [...(servers.get(areaId) ?? []), [u, 1]], demand, demand);
  }
  addRow(d, `members[${lot.id}]`, places, 0, lot.maxProviders);
  for (const [providerId, terms] of perProvider)
    if (terms.length > 1) addRow(d, `one[${lot.id},${providerId}]`, terms, 0, 1);
}

/** Terms with each variable once (an offer's variable loads each of its bids): `terms` itself when they are already. */
function sumTerms(terms: readonly (readonly [number, number])[]): readonly (readonly [number, number])[] {
  const sum = new Map<number, number>();
  for (const term of terms) sum.set(term[0], (sum.get(term[0]) ?? 0) + term[1]);
  if (sum.size === terms.length) return terms;
  const summed: [number, number][] = [];
  sum.forEach((h, v) => {
    summed.push([v, h]);
  });
  return summed;
}

/** The hours each provider wins, by provider id, as terms over the variables that load its bids. */
function providerLoads(d: Draft, bids: readonly Bid[]): ProviderLoads {
  const terms = new Map<string, (readonly [number, number])[]>();
  for (const bid of bids) for (const term of d.bidLoad.get(bid.id) ?? []) pushTo(terms, bid.providerId, term);
  const loads = new Map<string, readonly (readonly [number, number])[]>();
  terms.forEach((load, providerId) => {
    loads.set(providerId, sumTerms(load));
  });
  return loads;
}

/** The most hours a load can reach: each variable at its upper bound. */
const mostHours = (d: Draft, load: readonly (readonly [number, number])[]): number =>
  load.reduce((t, term) => t + term[1] * (d.variables[term[0]]?.upper ?? 0), 0);

/** Rows 3-6: bid capacity, provider capacity and share cap, lots per provider. */
function addCapacityRows(
  d: Draft,
  scenario: Scenario,
  bids: readonly Bid[],
  providers: readonly Provider[],
  loads: ProviderLoads,
  totalDemand: number,
): void {
  for (const bid of bids) {
    const load = d.bidLoad.get(bid.id) ?? [];
    const most = mostHours(d, load);
    if (most > bid.maxHours) addRow(d, `bidCap[${bid.id}]`, load, -Infinity, bid.maxHours);
  }
  const cap = scenario.award.maxShareOfTotalHours * totalDemand;
  for (const provider of providers) {
    const load = loads.get(provider.id) ?? [];
    const most = mostHours(d, load);
    const limit = Math.min(provider.maxHours, cap);
    if (most > limit) addRow(d, `providerCap[${provider.id}]`, load, -Infinity, limit);
    const lots = scenario.award.maxLotsPerProvider;
    const entries = d.entries.get(provider.id) ?? [];
    if (lots !== null && entries.length > lots)
      addRow(d, `lotsCap[${provider.id}]`, entries, -Infinity, lots);
  }
}

/**
 * A variable's weight in a provider's `wins` row: the hours it brings, but no more than a
 * winner needs when it is a yes-or-no choice. Either way the row lets the provider count
 * exactly when the award gives it at least leastHoursOfAWinner; the cap only keeps the LP
 * relaxation as tight as counting the provider's places was (a lead role of 400 hours
 * taken a hundredth of the way would otherwise count it whole).
 */
function winningHours(d: Draft, v: number, hours: number): number {
  const variable = d.variables[v];
  return variable?.integer === true && variable.upper <= 1 ? Math.min(hours, leastHoursOfAWinner) : hours;
}

/** Rows 7 and 8: distinct winners and all-or-nothing packages. */
function addProviderAndPackageRows(
  d: Draft,
  scenario: Scenario,
  bids: readonly Bid[],
  providers: readonly Provider[],
  loads: ProviderLoads,
): void {
  const k = scenario.award.minDistinctProviders;
  if (k > 0) {
    const wins: [number, number][] = [];
    for (const provider of providers) {
      const w = addVar(d, `w[${provider.id}]`, { kind: 'wins', providerId: provider.id }, 0);
      wins.push([w, 1]);
      // A provider wins only with hours: a framework place it holds with none does not count.
      const terms: [number, number][] = [[w, leastHoursOfAWinner]];
      for (const term of loads.get(provider.id) ?? [])
        terms.push([term[0], -winningHours(d, term[0], term[1])]);
      addRow(d, `wins[${provider.id}]`, terms, -Infinity, 0);
    }
    d.rows.push({ name: 'distinct', terms: wins, lower: k, upper: Infinity });
  }
  const packages = new Map<string, Bid[]>();
  for (const bid of bids) if (bid.packageId !== null) pushTo(packages, bid.packageId, bid);
  for (const [packageId, members] of [...packages].sort(byKey)) {
    const p = addVar(d, `p[${packageId}]`, { kind: 'package', packageId }, 0);
    for (const bid of members) {
      const terms = [...(d.bidWins.get(bid.id) ?? []), [p, -1] as const];
      d.rows.push({ name: `package[${packageId},${bid.id}]`, terms, lower: 0, upper: 0 });
    }
  }
}

/** The award model as the solver sees it: the full program less what no optimal award needs (reduce.ts). */
export function buildProgram(scenario: Scenario, lots: readonly Lot[]): Program {
  return reduceProgram(buildFullProgram(scenario, lots));
}

/** The award model with a variable for every eligible offer and role. */
export function buildFullProgram(scenario: Scenario, lots: readonly Lot[]): Program {
  const bids = [...scenario.bids].sort(byId);
  const providers = [...scenario.providers].sort(byId);
  const d: Draft = { variables: [], rows: [], entries: new Map(), bidLoad: new Map(), bidWins: new Map() };
  const years = scenario.award.objective === 'whole-life' ? wholeLifeWeights(scenario, lots) : undefined;
  // A lot's offers are asked of scenario.bids, not of the sorted copy: they come sorted
  // either way (bid ids are unique), and the answers remembered per bids array
  // (lots/eligibility.ts) then serve this variant's neighbours, back-ups and results.
  for (const lot of [...lots].sort(byId)) {
    if (hasPlaces(lot)) addFrameworkLot(d, scenario, lot, scenario.bids, years);
    else addRoleLot(d, scenario, lot, scenario.bids, years);
  }
  const totalDemand = lots.reduce((t, l) => t + l.demand, 0);
  const loads = providerLoads(d, bids);
  addCapacityRows(d, scenario, bids, providers, loads, totalDemand);
  addProviderAndPackageRows(d, scenario, bids, providers, loads);
  const program: Program = {
    sense: scenario.award.objective === 'meat' ? 'max' : 'min',
    variables: d.variables,
    rows: d.rows,
  };
  return withGlobalRules(scenario, lots, program);
}
