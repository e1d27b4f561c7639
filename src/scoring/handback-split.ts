/**
 * How a stand-in's one spare and its bids' room are split over the lots of a failed provider
 * it would stand in for (handback-shares.ts): every lot's credit grows in proportion to the
 * lead's hours it faces there until some set of lots can take no more (their hours, the
 * spare or the room in the bids reaching them is used up), that set keeps what it has and
 * the others grow on. Each step is a flow the stand-in could deliver, so the credits summed
 * over any set of lots are never more than it could take over of those lots together. Pure.
 * Until later on 2026-12-02 its total was spread by hours with each lot capped only by what
 * it could take alone: two lots sharing one bid of 100 h/week were credited 67 each.
 */
import { maxFlow, Network, reachable } from './max-flow.js';

/** A failed provider's hours to hand over in one lot (or one area of a framework lot). */
export interface SplitNeed {
  /** The lot's index. */
  readonly lot: number;
  readonly hours: number;
}

/** A way the stand-in takes over: up to `room` hours, for the needs (by index) it reaches. */
export interface SplitRoute {
  readonly room: number;
  readonly reach: readonly number[];
}

/**
 * What stops a lot's credit growing: the stand-in's spare, or the room in some routes (by
 * index, each reaching the lot), and the lead's hours it is held against (those it reaches in
 * the lots that stop together); none when it takes all its hours.
 */
type SplitLimit = { readonly by: 'spare' | readonly number[]; readonly against: number } | null;

export interface Split {
  /** Each lot's credit. */
  readonly hours: readonly number[];
  readonly limits: readonly SplitLimit[];
}

const eps = 1e-9;

/**
 * Each of `lots` lots' credit of `needs`, taken over under `routes` up to `spare` in all, and
 * what stops each growing.
 */
export function splitHandback(
  lots: number,
  needs: readonly SplitNeed[],
  routes: readonly SplitRoute[],
  spare: number,
): Split {
  // Nodes: source, lots, needs, routes, the spare, sink.
  const lot0 = 1;
  const need0 = lot0 + lots;
  const route0 = need0 + needs.length;
  const spareNode = route0 + routes.length;
  const sink = spareNode + 1;
  const net = new Network(sink + 1);
  const lotEdges = Array.from({ length: lots }, (_, i) => net.edge(0, lot0 + i, 0));
  for (const [j, n] of needs.entries()) net.edge(lot0 + n.lot, need0 + j, n.hours);
  // Each route's edge to the spare.
  const routeEdges: number[] = [];
  for (const [r, route] of routes.entries()) {
    for (const j of route.reach) net.edge(need0 + j, route0 + r, Infinity);
    routeEdges.push(net.edge(route0 + r, spareNode, Math.max(0, route.room)));
  }
  net.edge(spareNode, sink, Math.max(0, spare));
  // Each lot's weight: the lead's hours there the stand-in reaches.
  const reached = new Set(routes.flatMap((r) => r.reach));
  const weight = new Array<number>(lots).fill(0);
  for (const [j, n] of needs.entries()) if (reached.has(j)) weight[n.lot] = (weight[n.lot] ?? 0) + n.hours;
  const hours = new Array<number>(lots).fill(0);
  const limits = new Array<SplitLimit>(lots).fill(null);
  const caps = [...net.cap];
  const flow = new Array<number>(net.cap.length).fill(0);
  const all = [...Array(lots).keys()];
  const isOpen = weight.map((w) => w > eps);
  let open = all.filter((i) => isOpen[i]);
  while (open.length > 0) {
    let level = 1;
    let tight: number[] = [];
    let limit: SplitLimit = null;
    for (;;) {
      for (const i of open) caps[lotEdges[i] ?? 0] = level * (weight[i] ?? 0);
      const wanted = all.reduce((t, i) => t + (caps[lotEdges[i] ?? 0] ?? 0), 0);
      const got = maxFlow(net, caps, flow, 0, sink);
      if (got >= wanted - eps * Math.max(1, wanted)) break;
      // The lots short of their credit and what they could have: the least cut around them.
      const side = reachable(net, caps, flow, 0);
      const short = all.filter((i) => side[lot0 + i]);
      const shortOpen = short.filter((i) => isOpen[i]);
      if (shortOpen.length === 0) break;
      const fixed = short.filter((i) => !isOpen[i]).reduce((t, i) => t + (hours[i] ?? 0), 0);
      const into = short.reduce((t, i) => t + (flow[lotEdges[i] ?? 0] ?? 0), 0);
      const next = Math.max(0, (into - fixed) / shortOpen.reduce((t, i) => t + (weight[i] ?? 0), 0));
      if (next >= level - eps) break;
      level = next;
      tight = shortOpen;
      limit = {
        by: side[spareNode]
          ? 'spare'
          : routes
              .flatMap((_, r) => (side[route0 + r] ? [r] : []))
              .filter((r) => (caps[routeEdges[r] ?? 0] ?? 0) - (flow[routeEdges[r] ?? 0] ?? 0) <= eps),
        against: needs.reduce((t, n, j) => t + (side[need0 + j] && reached.has(j) ? n.hours : 0), 0),
      };
    }
    const done = tight.length === 0 ? open : tight;
    for (const i of done) {
      isOpen[i] = false;
      hours[i] = level * (weight[i] ?? 0);
      caps[lotEdges[i] ?? 0] = hours[i] ?? 0;
      limits[i] = tight.length === 0 ? null : reaching(limit, i, needs, routes);
    }
    open = open.filter((i) => isOpen[i]);
  }
  return { hours, limits };
}

/** A limit's routes that reach lot `lot` (all of them if none does: a lot stopped by others' routes alone). */
function reaching(
  limit: SplitLimit,
  lot: number,
  needs: readonly SplitNeed[],
  routes: readonly SplitRoute[],
): SplitLimit {
  if (limit === null || limit.by === 'spare') return limit;
  const here = limit.by.filter((r) => routes[r]?.reach.some((j) => needs[j]?.lot === lot) ?? false);
  return here.length === 0 ? limit : { ...limit, by: here };
}
