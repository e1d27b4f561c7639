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
export const coverableHours = (need: ReadonlyMap<string, number>, standIns: readonly StandIn[]): number =>
  coverable(
    [...need],
    ([area]) => area,
    ([, hours]) => hours,
    standIns,
  );

/** Hours of `needs` (each with its key, as `covers` asks of it) that `standIns` can serve between them. */
export const coverableNeeds = (
  needs: readonly { readonly key: string; readonly hours: number }[],
  standIns: readonly StandIn[],
): number => coverable(needs, keyOf, hoursOf, standIns);

const keyOf = (n: { readonly key: string }) => n.key;
const hoursOf = (n: { readonly hours: number }) => n.hours;

/**
 * Hours of `needs` (`keyOf` each, as `covers` asks of it, and its hours) that `standIns` can
 * serve between them: for a map of needs or a list, without copying one to the other (a
 * stand-in's hand-back asks this of a list a few times in every lot of the failed provider).
 */
function coverable<T>(
  needs: readonly T[],
  keyOf: (need: T) => string,
  hoursOf: (need: T) => number,
  standIns: readonly StandIn[],
): number {
  // Nodes: source, needs, stand-ins, sink.
  const standIn0 = 1 + needs.length;
  const sink = standIn0 + standIns.length;
  const net = new Network(sink + 1);
  for (let i = 0; i < needs.length; i++) {
    const need = needs[i] as T;
    const key = keyOf(need);
    net.edge(0, 1 + i, Math.max(0, hoursOf(need)));
    for (let j = 0; j < standIns.length; j++)
      if ((standIns[j] as StandIn).covers(key)) net.edge(1 + i, standIn0 + j, Infinity);
  }
  for (let j = 0; j < standIns.length; j++)
    net.edge(standIn0 + j, sink, Math.max(0, (standIns[j] as StandIn).spare));
  return maxFlow(net, net.cap, new Array<number>(net.cap.length).fill(0), 0, sink);
}
