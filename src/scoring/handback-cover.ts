/**
 * How many of a handing-back provider's hours the others can take on when each
 * may serve only the areas it covers (framework members), up to its spare
 * capacity: a maximum flow from the areas' hours to the stand-ins' spare, found
 * by shortest augmenting paths. Pure.
 */

export interface StandIn {
  readonly spare: number;
  readonly covers: (areaId: string) => boolean;
}

const eps = 1e-9;

/** Hours of `need` (area → hours) that `standIns` can serve between them. */
export function coverableHours(need: ReadonlyMap<string, number>, standIns: readonly StandIn[]): number {
  const areas = [...need.keys()];
  const left = areas.map((a) => need.get(a) ?? 0);
  const room = standIns.map((h) => Math.max(0, h.spare));
  const flow = areas.map(() => standIns.map(() => 0));
  const reach = areas.map((a) => standIns.map((h) => h.covers(a)));
  let total = 0;
  for (let path = augmentingPath(left, room, flow, reach); path !== null; ) {
    total += push(path, left, room, flow);
    path = augmentingPath(left, room, flow, reach);
  }
  return total;
}

/** A path area → stand-in (→ area → stand-in …) ending at a stand-in with room, as alternating indices. */
function augmentingPath(
  left: readonly number[],
  room: readonly number[],
  flow: readonly (readonly number[])[],
  reach: readonly (readonly boolean[])[],
): number[] | null {
  const fromArea = new Map<number, number>(); // stand-in → the area it was reached from
  const fromStandIn = new Map<number, number>(); // area → the stand-in it was reached from (a reverse edge)
  const queue = left.flatMap((l, i) => (l > eps ? [i] : []));
  const seenArea = new Set(queue);
  for (let k = 0; k < queue.length; k++) {
    const i = queue[k] ?? 0;
    for (let j = 0; j < room.length; j++) {
      if (!(reach[i]?.[j] ?? false) || fromArea.has(j)) continue;
      fromArea.set(j, i);
      if ((room[j] ?? 0) > eps) return trace(j, fromArea, fromStandIn);
      for (let back = 0; back < left.length; back++)
        if (!seenArea.has(back) && (flow[back]?.[j] ?? 0) > eps) {
          seenArea.add(back);
          fromStandIn.set(back, j);
          queue.push(back);
        }
    }
  }
  return null;
}

function trace(end: number, fromArea: ReadonlyMap<number, number>, fromStandIn: ReadonlyMap<number, number>) {
  const path: number[] = [];
  for (let j: number | undefined = end; j !== undefined; ) {
    const i: number = fromArea.get(j) ?? 0;
    path.unshift(i, j);
    j = fromStandIn.get(i);
  }
  return path;
}

/** Sends the path's bottleneck along it; returns the hours sent. */
function push(path: readonly number[], left: number[], room: number[], flow: number[][]): number {
  const first = path[0] ?? 0;
  const last = path[path.length - 1] ?? 0;
  let amount = Math.min(left[first] ?? 0, room[last] ?? 0);
  // Every stand-in but the last hands the hours of the next area on the path back.
  for (let k = 2; k < path.length; k += 2)
    amount = Math.min(amount, flow[path[k] ?? 0]?.[path[k - 1] ?? 0] ?? 0);
  left[first] = (left[first] ?? 0) - amount;
  room[last] = (room[last] ?? 0) - amount;
  for (let k = 0; k < path.length; k += 2) {
    const row = flow[path[k] ?? 0];
    if (row !== undefined) row[path[k + 1] ?? 0] = (row[path[k + 1] ?? 0] ?? 0) + amount;
    if (k >= 2) {
      const back = flow[path[k] ?? 0];
      if (back !== undefined) back[path[k - 1] ?? 0] = (back[path[k - 1] ?? 0] ?? 0) - amount;
    }
  }
  return amount;
}
