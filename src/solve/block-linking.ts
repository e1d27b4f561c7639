/**
 * The linking rows of a program split by provider (provider-blocks.ts), costs
 * minimised: their bounds, each variable's terms in them, and reduced costs at
 * multipliers π on them.
 */
import type { Program } from './program.js';
import type { ProviderBlocks } from './provider-blocks.js';

export interface Linking {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** For each program variable, its linking rows as [row, coefficient]. */
  readonly links: readonly (readonly (readonly [number, number])[])[];
  /** Minimised costs. */
  readonly cost: Float64Array;
}

export function linkingOf(program: Program, split: ProviderBlocks): Linking {
  const links = program.variables.map((): [number, number][] => []);
  split.linking.forEach((i, k) => {
    for (const [v, a] of program.rows[i]?.terms ?? []) links[v]?.push([k, a]);
  });
  const sign = program.sense === 'min' ? 1 : -1;
  return {
    lower: Float64Array.from(split.linking, (i) => program.rows[i]?.lower ?? 0),
    upper: Float64Array.from(split.linking, (i) => program.rows[i]?.upper ?? 0),
    links,
    cost: Float64Array.from(program.variables, (v) => sign * v.cost),
  };
}

/** π with the sign each linking row's bounds demand. */
export function signed(pi: ArrayLike<number>, l: Linking): Float64Array {
  return Float64Array.from({ length: l.lower.length }, (_, k) => {
    const p = pi[k] ?? 0;
    if (l.lower[k] === -Infinity) return Math.min(p, 0);
    if (l.upper[k] === Infinity) return Math.max(p, 0);
    return p;
  });
}

export function reducedCost(l: Linking, v: number, pi: Float64Array): number {
  let r = l.cost[v] ?? 0;
  for (const [k, a] of l.links[v] ?? []) r -= (pi[k] ?? 0) * a;
  return r;
}
