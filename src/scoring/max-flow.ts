/**
 * Maximum flow on a small network by shortest augmenting paths, and the side of a least cut:
 * the one max-flow of the risk score, for what stand-ins could take over of a failed
 * provider's hours (handback-cover.ts) and how a stand-in's credit splits over its lots
 * (handback-split.ts). Pure.
 */

const eps = 1e-9;

/**
 * A small flow network: nodes by number, each edge beside its reverse (edge e's reverse is e ^ 1).
 * The edges out of a node are a chain in the order added (`first`, then `next`), not an array
 * per node: a variant builds a few thousand of these, and the arrays were most of `edge`'s 43 kB.
 */
export class Network {
  readonly to: number[] = [];
  readonly cap: number[] = [];
  /** Each node's first edge out (-1: none). */
  readonly first: number[];
  /** Each edge's next edge out of the same node (-1: none). */
  readonly next: number[] = [];
  /** Each node's last edge out, where the next one added goes (-1: none). */
  private readonly last: number[];
  constructor(readonly size: number) {
    this.first = new Array<number>(size).fill(-1);
    this.last = new Array<number>(size).fill(-1);
  }
  /** Adds an edge and its reverse; returns the edge's index. */
  edge(from: number, to: number, cap: number): number {
    const e = this.to.length;
    this.addOut(from, to, cap);
    this.addOut(to, from, 0);
    return e;
  }
  private addOut(from: number, to: number, cap: number): void {
    const e = this.to.length;
    this.to.push(to);
    this.cap.push(cap);
    this.next.push(-1);
    const last = this.last[from] ?? -1;
    if (last === -1) this.first[from] = e;
    else this.next[last] = e;
    this.last[from] = e;
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
  // The nodes reached, in the order searched: each once a search, so one array serves them all.
  const queue = new Array<number>(net.size).fill(0);
  for (;;) {
    via.fill(-1);
    queue[0] = source;
    let queued = 1;
    via[source] = -2;
    for (let k = 0; k < queued && via[sink] === -1; k++) {
      const u = queue[k] ?? 0;
      for (let e = net.first[u] ?? -1; e !== -1; e = net.next[e] ?? -1) {
        const v = net.to[e] ?? 0;
        if (via[v] !== -1 || (caps[e] ?? 0) - (flow[e] ?? 0) <= eps) continue;
        via[v] = e;
        queue[queued++] = v;
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
    for (let e = net.first[queue[k] ?? 0] ?? -1; e !== -1; e = net.next[e] ?? -1) {
      const v = net.to[e] ?? 0;
      if (!seen[v] && (caps[e] ?? 0) - (flow[e] ?? 0) > eps) {
        seen[v] = true;
        queue.push(v);
      }
    }
  return seen;
}
