/**
 * Maximum flow on a small network by shortest augmenting paths, and the side of a least cut:
 * the one max-flow of the risk score, for what stand-ins could take over of a failed
 * provider's hours (handback-cover.ts) and how a stand-in's credit splits over its lots
 * (handback-split.ts). Pure.
 */

const eps = 1e-9;

/** A small flow network: nodes by number, each edge beside its reverse (edge e's reverse is e ^ 1). */
export class Network {
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly out: number[][];
  constructor(readonly size: number) {
    this.out = Array.from({ length: size }, () => []);
  }
  /** Adds an edge and its reverse; returns the edge's index. */
  edge(from: number, to: number, cap: number): number {
    this.out[from]?.push(this.to.length);
    this.to.push(to);
    this.cap.push(cap);
    this.out[to]?.push(this.to.length);
    this.to.push(from);
    this.cap.push(0);
    return this.to.length - 2;
  }
}

/** The most flow from `source` to `sink`, left in `flow` (by edge), by shortest augmenting paths. */
export function maxFlow(
  net: Network,
  caps: readonly number[],
  flow: number[],
  source: number,
  sink: number,
): number {
  flow.fill(0);
  let total = 0;
  // The edge each node was reached by on the current search (-1: not reached).
  const via = new Array<number>(net.size);
  for (;;) {
    via.fill(-1);
    const queue = [source];
    via[source] = -2;
    for (let k = 0; k < queue.length && via[sink] === -1; k++) {
      const u = queue[k] ?? 0;
      for (const e of net.out[u] ?? []) {
        const v = net.to[e] ?? 0;
        if (via[v] !== -1 || (caps[e] ?? 0) - (flow[e] ?? 0) <= eps) continue;
        via[v] = e;
        queue.push(v);
      }
    }
    if (via[sink] === -1) return total;
    let amount = Infinity;
    for (let v = sink; v !== source; v = net.to[(via[v] ?? 0) ^ 1] ?? 0)
      amount = Math.min(amount, (caps[via[v] ?? 0] ?? 0) - (flow[via[v] ?? 0] ?? 0));
    for (let v = sink; v !== source; v = net.to[(via[v] ?? 0) ^ 1] ?? 0) {
      const e = via[v] ?? 0;
      flow[e] = (flow[e] ?? 0) + amount;
      flow[e ^ 1] = (flow[e ^ 1] ?? 0) - amount;
    }
    total += amount;
  }
}

/** The nodes still reachable from `source` in what is left of the network: the side of a least cut. */
export function reachable(
  net: Network,
  caps: readonly number[],
  flow: readonly number[],
  source: number,
): boolean[] {
  const seen = new Array<boolean>(net.size).fill(false);
  seen[source] = true;
  const queue = [source];
  for (let k = 0; k < queue.length; k++)
    for (const e of net.out[queue[k] ?? 0] ?? []) {
      const v = net.to[e] ?? 0;
      if (!seen[v] && (caps[e] ?? 0) - (flow[e] ?? 0) > eps) {
        seen[v] = true;
        queue.push(v);
      }
    }
  return seen;
}
