/**
 * The shape of a provider's block that block-search.ts prices exactly: its
 * variables all yes-or-no, and each of its rows one of four kinds, read from
 * the rows' numbers, not their names:
 *
 * - a cap: non-negative terms, an upper bound, no positive lower bound (hour limits,
 *   one place per lot, lots per provider);
 * - a clique: a cap of ones with bound 1 (also groups its variables: one of each);
 * - a package row: one term −1 (the package), the others +1, equal to 0: the
 *   package on takes exactly one variable of the row, off takes none;
 * - an indicator row: one positive term (the provider wins something), the rest
 *   negative, at most 0: the indicator may be 1 only when the others supply
 *   its amount (block-search.ts prices it).
 *
 * Null: another shape, or too many packages to enumerate (HiGHS then prices
 * the block).
 */
import type { Program } from './program.js';
import type { ProviderBlock } from './provider-blocks.js';

/** Packages whose on/off choices are enumerated; more: HiGHS prices the block. */
const mostPackages = 10;

export interface BlockShape {
  /** Each cap's bound, and each variable's caps as [cap, weight] pairs. */
  readonly capBounds: readonly number[];
  readonly varCaps: readonly (readonly (readonly [number, number])[])[];
  /** Each variable's group (its first clique, else its own). */
  readonly groupOf: readonly number[];
  readonly groups: number;
  /** Indicators: priced at 0. */
  readonly indicators: ReadonlySet<number>;
  /** Each indicator row: the indicator, the amount it needs, and the terms that supply it. */
  readonly indicatorRows: readonly (readonly [number, number, readonly (readonly [number, number])[]])[];
  /** Package variable and, per package row, the variables of which one is taken. */
  readonly packages: readonly (readonly [number, readonly (readonly number[])[]])[];
  /** Variables in a package row (or the package itself): never optional. */
  readonly inPackage: ReadonlySet<number>;
}

interface Classified {
  caps: [number, [number, number][]][];
  cliques: number[][];
  packages: Map<number, number[][]>;
  indicators: Set<number>;
  indicatorRows: [number, number, [number, number][]][];
}

type Terms = readonly (readonly [number, number])[];

function classifyRow(terms: Terms, lower: number, upper: number, into: Classified): boolean {
  const allNonNegative = terms.every(([, a]) => a >= 0);
  if (allNonNegative && upper < Infinity && lower <= 0) {
    if (upper === 1 && terms.every(([, a]) => a === 1)) into.cliques.push(terms.map(([k]) => k));
    into.caps.push([upper, terms.map(([k, a]) => [k, a])]);
    return true;
  }
  const negatives = terms.filter(([, a]) => a < 0);
  const positives = terms.filter(([, a]) => a > 0);
  const [pkg] = negatives;
  if (
    lower === 0 &&
    upper === 0 &&
    negatives.length === 1 &&
    pkg?.[1] === -1 &&
    positives.every(([, a]) => a === 1)
  ) {
    const rows = into.packages.get(pkg[0]) ?? [];
    rows.push(positives.map(([k]) => k));
    into.packages.set(pkg[0], rows);
    return true;
  }
  const [indicator] = positives;
  if (upper === 0 && lower === -Infinity && positives.length === 1 && indicator !== undefined) {
    into.indicators.add(indicator[0]);
    into.indicatorRows.push([indicator[0], indicator[1], negatives.map(([k, a]) => [k, -a])]);
    return true;
  }
  return false;
}

/** The block's shape for exact pricing, or null when a row or variable has another. */
export function blockShape(program: Program, block: ProviderBlock): BlockShape | null {
  const local = new Map(block.variables.map((v, k) => [v, k]));
  const binary = block.variables.every((v) => {
    const x = program.variables[v];
    return x?.integer === true && x.lower === 0 && x.upper === 1;
  });
  if (!binary) return null;
  const into: Classified = {
    caps: [],
    cliques: [],
    packages: new Map(),
    indicators: new Set(),
    indicatorRows: [],
  };
  for (const i of block.rows) {
    const row = program.rows[i];
    if (row === undefined) return null;
    const terms = row.terms.map(([v, a]): [number, number] => [local.get(v) ?? -1, a]);
    if (!classifyRow(terms, row.lower, row.upper, into)) return null;
  }
  const inPackage = new Set<number>();
  for (const [p, rows] of into.packages) {
    inPackage.add(p);
    for (const members of rows)
      for (const k of members) {
        if (inPackage.has(k)) return null; // in two package rows: the enumeration cannot hold it
        inPackage.add(k);
      }
  }
  if (into.packages.size > mostPackages) return null;
  const varCaps = block.variables.map((): [number, number][] => []);
  into.caps.forEach(([, terms], c) => {
    for (const [k, a] of terms) varCaps[k]?.push([c, a]);
  });
  // a package variable or an indicator in a cap would need its own weight: not a shape here
  for (const k of [...into.packages.keys(), ...into.indicators])
    if ((varCaps[k]?.length ?? 0) > 0) return null;
  const groupOf = block.variables.map((_, k) => -1 - k);
  let groups = 0;
  for (const members of into.cliques) {
    const g = groups++;
    for (const k of members) if ((groupOf[k] ?? 0) < 0) groupOf[k] = g;
  }
  for (let k = 0; k < groupOf.length; k++) if ((groupOf[k] ?? 0) < 0) groupOf[k] = groups++;
  return {
    capBounds: into.caps.map(([bound]) => bound),
    varCaps,
    groupOf,
    groups,
    indicators: into.indicators,
    indicatorRows: into.indicatorRows,
    packages: [...into.packages],
    inPackage,
  };
}
