/**
 * How many of a handing-back provider's hours the others can take on when each
 * may serve only the areas it covers (framework members), up to its spare
 * capacity: a maximum flow from the areas' hours to the stand-ins' spare, found
 * by shortest augmenting paths (max-flow.ts). Pure.
 */
import { maxFlow, Network } from './max-flow.js';

export interface StandIn {
  readonly spare: number;
  readonly covers: (areaId: string) => boolean;
}

/** Hours of `need` (area → hours) that `standIns` can serve between them. */
export function coverableHours(need: ReadonlyMap<string, number>, standIns: readonly StandIn[]): number {
  // Nodes: source, areas, stand-ins, sink.
  const areas = [...need.keys()];
  const standIn0 = 1 + areas.length;
  const sink = standIn0 + standIns.length;
  const net = new Network(sink + 1);
  for (let i = 0; i < areas.length; i++) {
    const area = areas[i] as string;
    net.edge(0, 1 + i, Math.max(0, need.get(area) ?? 0));
    for (let j = 0; j < standIns.length; j++)
      if ((standIns[j] as StandIn).covers(area)) net.edge(1 + i, standIn0 + j, Infinity);
  }
  for (let j = 0; j < standIns.length; j++)
    net.edge(standIn0 + j, sink, Math.max(0, (standIns[j] as StandIn).spare));
  return maxFlow(net, net.cap, new Array<number>(net.cap.length).fill(0), 0, sink);
}
