/**
 * A program split by provider (docs/performance.md, "Lever 5"): each provider's
 * block holds its variables and every row that involves only them (its capacity,
 * its bids' hour limits, one place per lot, its packages); a row that involves
 * two providers, or a variable of none (an unmet role), links the blocks.
 * Variables of no provider stay outside every block.
 */
import type { Program, VariableMeaning } from './program.js';

export interface ProviderBlock {
  readonly providerId: string;
  /** Program variable indices, ascending. */
  readonly variables: readonly number[];
  /** Program row indices, ascending. */
  readonly rows: readonly number[];
}

export interface ProviderBlocks {
  readonly blocks: readonly ProviderBlock[];
  /** Rows across blocks or with a variable of no provider, ascending. */
  readonly linking: readonly number[];
  /** Variables of no provider, ascending. */
  readonly free: readonly number[];
}

/** The provider a variable belongs to by its meaning; a package's is worked out from its rows. */
function providerOfMeaning(meaning: VariableMeaning): string | null {
  if ('parts' in meaning) return meaning.providerId;
  if (meaning.kind === 'wins' || meaning.kind === 'kept') return meaning.providerId;
  return null;
}

/** Each variable's provider: a package variable takes the one provider of the variables it shares rows with. */
function variableProviders(program: Program): (string | null)[] {
  const providers = program.variables.map((v) => providerOfMeaning(v.meaning));
  const packageProvider = new Map<number, Set<string | null>>();
  for (const row of program.rows) {
    const packages = row.terms.filter(([v]) => program.variables[v]?.meaning.kind === 'package');
    for (const [p] of packages) {
      const seen = packageProvider.get(p) ?? new Set<string | null>();
      for (const [v] of row.terms) if (v !== p) seen.add(providers[v] ?? null);
      packageProvider.set(p, seen);
    }
  }
  for (const [p, seen] of packageProvider) {
    const [only] = seen;
    if (seen.size === 1 && only !== undefined) providers[p] = only;
  }
  return providers;
}

export function providerBlocks(program: Program): ProviderBlocks {
  const providers = variableProviders(program);
  const byProvider = new Map<string, { variables: number[]; rows: number[] }>();
  const blockOf = (id: string) => {
    const block = byProvider.get(id) ?? { variables: [], rows: [] };
    byProvider.set(id, block);
    return block;
  };
  const free: number[] = [];
  providers.forEach((id, v) => {
    if (id === null) free.push(v);
    else blockOf(id).variables.push(v);
  });
  const linking: number[] = [];
  program.rows.forEach((row, i) => {
    const owners = new Set(row.terms.map(([v]) => providers[v] ?? null));
    const [only] = owners;
    if (owners.size === 1 && only !== undefined && only !== null) blockOf(only).rows.push(i);
    else linking.push(i);
  });
  const blocks = [...byProvider]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([providerId, b]) => ({ providerId, variables: b.variables, rows: b.rows }));
  return { blocks, linking, free };
}
