/**
 * Exact pricing of one provider's block without a solver: the packing of its
 * yes-or-no variables that costs least at given reduced costs, by a depth-first
 * branch and bound over its groups (a multiple-choice knapsack), every on/off
 * choice of its packages enumerated. The bound at a node is the value so far plus
 * the later groups' cheapest reduced costs, or, tighter, a cap's room left times
 * the best saving an hour of that cap, so the packing found is the cheapest.
 * Indicators are priced after (withIndicators). Null: more nodes than the limit, or
 * an indicator this cannot price exactly (the caller then prices the block with HiGHS).
 */
import type { BlockShape } from './block-shape.js';

export interface Packing {
  /** Reduced cost of the packing (0 for the empty one). */
  readonly value: number;
  /** Block-local indices of the variables at 1. */
  readonly chosen: readonly number[];
}

const tolerance = 1e-9;

class Search {
  readonly room: number[];
  readonly used: Uint8Array;
  readonly current: number[] = [];
  best = 0;
  bestChosen: number[] = [];
  nodes = 0;
  aborted = false;

  constructor(
    readonly shape: BlockShape,
    readonly rc: ArrayLike<number>,
    readonly nodeLimit: number,
  ) {
    this.room = shape.capBounds.map((b) => b + 1e-7);
    this.used = new Uint8Array(shape.groups);
  }

  fits(k: number): boolean {
    if (this.used[this.shape.groupOf[k] ?? 0] === 1) return false;
    const caps = this.shape.varCaps[k] ?? [];
    for (let t = 0; t < caps.length; t++) {
      const cap = caps[t];
      if (cap !== undefined && (this.room[cap[0]] ?? 0) < cap[1]) return false;
    }
    return true;
  }

  take(k: number, sign: 1 | -1): void {
    this.used[this.shape.groupOf[k] ?? 0] = sign > 0 ? 1 : 0;
    const caps = this.shape.varCaps[k] ?? [];
    for (let t = 0; t < caps.length; t++) {
      const cap = caps[t];
      if (cap !== undefined) this.room[cap[0]] = (this.room[cap[0]] ?? 0) - sign * cap[1];
    }
    if (sign > 0) this.current.push(k);
    else this.current.pop();
  }

  /** Counts a node; false once past the limit. */
  step(): boolean {
    if (++this.nodes > this.nodeLimit) this.aborted = true;
    return !this.aborted;
  }

  record(value: number): void {
    if (value < this.best - tolerance) {
      this.best = value;
      this.bestChosen = this.current.slice();
    }
  }
}

/** The optional groups: variables of negative reduced cost outside packages and indicators, cheapest first. */
function optionalGroups(shape: BlockShape, rc: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let k = 0; k < rc.length; k++) {
    if ((rc[k] ?? 0) >= -tolerance || shape.inPackage.has(k) || shape.indicators.has(k)) continue;
    const g = shape.groupOf[k] ?? 0;
    const list = groups.get(g) ?? [];
    list.push(k);
    groups.set(g, list);
  }
  const at = (k: number | undefined) => (k === undefined ? 0 : (rc[k] ?? 0));
  const sorted = [...groups.values()].map((items) => items.sort((a, b) => at(a) - at(b)));
  return sorted.sort((x, y) => at(x[0]) - at(y[0]));
}

type CapRatio = readonly [number, Float64Array];

/**
 * The caps every optional variable uses, each with the best saving per unit of it over
 * groups g.. (a cap some variable does not use cannot bound the others' saving).
 */
function capRatios(shape: BlockShape, rc: ArrayLike<number>, groups: readonly number[][]): CapRatio[] {
  const all = shape.capBounds.map((_, c): CapRatio => {
    const ratio = new Float64Array(groups.length + 1);
    let covers = true;
    for (let g = groups.length - 1; g >= 0; g--) {
      let most = ratio[g + 1] ?? 0;
      for (const k of groups[g] ?? []) {
        const weight = (shape.varCaps[k] ?? []).find(([cap]) => cap === c)?.[1] ?? 0;
        if (weight <= 0) covers = false;
        else most = Math.max(most, -(rc[k] ?? 0) / weight);
      }
      ratio[g] = covers ? most : Infinity;
    }
    return [c, ratio];
  });
  return all.filter(([, ratio]) => (ratio[0] ?? Infinity) < Infinity);
}

function searchOptional(
  s: Search,
  groups: readonly number[][],
  suffix: Float64Array,
  ratios: readonly CapRatio[],
): void {
  const visit = (g: number, value: number): void => {
    if (!s.step()) return;
    s.record(value);
    if (g === groups.length) return;
    let gain = suffix[g] ?? 0;
    for (const [c, ratio] of ratios) gain = Math.max(gain, -(s.room[c] ?? 0) * (ratio[g] ?? 0));
    if (value + gain >= s.best - tolerance) return;
    for (const k of groups[g] ?? []) {
      if (!s.fits(k)) continue;
      s.take(k, 1);
      visit(g + 1, value + (s.rc[k] ?? 0));
      s.take(k, -1);
      if (s.aborted) return;
    }
    visit(g + 1, value);
  };
  visit(0, 0 + s.current.reduce((t, k) => t + (s.rc[k] ?? 0), 0));
}

/** The cheapest packing of the block at reduced costs `rc` (block-local), or null (see above). */
export function searchPacking(shape: BlockShape, rc: ArrayLike<number>, nodeLimit: number): Packing | null {
  const s = new Search(shape, rc, nodeLimit);
  const groups = optionalGroups(shape, rc);
  const suffix = new Float64Array(groups.length + 1);
  for (let g = groups.length - 1; g >= 0; g--)
    suffix[g] = (suffix[g + 1] ?? 0) + (rc[groups[g]?.[0] ?? 0] ?? 0);
  const ratios = capRatios(shape, rc, groups);
  const packages = shape.packages;
  for (let mask = 0; mask < 1 << packages.length && !s.aborted; mask++) {
    const mandatory: (readonly number[])[] = [];
    const on: number[] = [];
    packages.forEach(([p, rows], t) => {
      if (((mask >> t) & 1) === 0) return;
      on.push(p);
      mandatory.push(...rows);
    });
    for (const p of on) s.current.push(p);
    searchMandatory(s, mandatory, () => searchOptional(s, groups, suffix, ratios), suffix[0] ?? 0);
    s.current.length = 0;
  }
  if (s.aborted) return null;
  return withIndicators(shape, rc, { value: s.best, chosen: s.bestChosen });
}

/**
 * The indicators of negative reduced cost turned on when the cheapest packing
 * without them supplies their amount: then no packing is cheaper, since each one
 * costs at least the cheapest without indicators plus theirs. Null when one is
 * not supplied (HiGHS prices the block).
 */
function withIndicators(shape: BlockShape, rc: ArrayLike<number>, packing: Packing): Packing | null {
  const chosen = new Set(packing.chosen);
  let value = packing.value;
  const on: number[] = [];
  for (const [w, need, terms] of shape.indicatorRows) {
    if ((rc[w] ?? 0) >= -tolerance) continue;
    const supplied = terms.reduce((t, [k, a]) => t + (chosen.has(k) ? a : 0), 0);
    if (supplied < need - 1e-9) return null;
    if (on.includes(w)) continue;
    on.push(w);
    value += rc[w] ?? 0;
  }
  return on.length === 0 ? packing : { value, chosen: [...packing.chosen, ...on] };
}

/** One variable of each package row, then the optional groups. */
function searchMandatory(
  s: Search,
  rows: readonly (readonly number[])[],
  then: () => void,
  optionalMost: number,
): void {
  const least = new Float64Array(rows.length + 1);
  for (let g = rows.length - 1; g >= 0; g--)
    least[g] = (least[g + 1] ?? 0) + Math.min(...(rows[g] ?? []).map((k) => s.rc[k] ?? 0));
  const value = () => s.current.reduce((t, k) => t + (s.rc[k] ?? 0), 0);
  const visit = (g: number): void => {
    if (!s.step()) return;
    if (g === rows.length) {
      then();
      return;
    }
    if (value() + (least[g] ?? 0) + optionalMost >= s.best - tolerance) return;
    for (const k of rows[g] ?? []) {
      if (!s.fits(k)) continue;
      s.take(k, 1);
      visit(g + 1);
      s.take(k, -1);
      if (s.aborted) return;
    }
  };
  visit(0);
}
