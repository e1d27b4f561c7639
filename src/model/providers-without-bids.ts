/**
 * A provider in providers.csv that no row of bids.csv names can win nothing: most often its
 * bids were left out, or sit under another provider id. It passed without a word (the
 * provider table showed it with 0 hours, like any provider that bid and lost), so a
 * commissioner could not tell a provider that lost from one whose bids never arrived.
 */
import type { IssueList } from '../diagnostics/issues.js';
import * as msg from '../diagnostics/messages.js';
import type { Lined } from './lined.js';

/** Past this many, the providers without a bid are told in one warning, not one each. */
const toldOneEach = 3;

/**
 * Warns of providers no bid names: one warning each (at its line) for up to three, else one
 * for all. Not when some bid row was rejected or names an unknown provider (told already: the
 * provider's bid may be that row, and one mistake gets one message).
 */
export function warnProvidersWithoutBids(
  files: { readonly providers: string; readonly bids: string },
  providers: readonly Lined<{ readonly provider_id: string }>[],
  bids: readonly Lined<{ readonly provider_id: string }>[],
  bidsHaveRejected: boolean,
  issues: IssueList,
): void {
  const known = new Set(providers.map(({ row }) => row.provider_id));
  const bidders = new Set(bids.map(({ row }) => row.provider_id));
  if (bidsHaveRejected || [...bidders].some((id) => !known.has(id))) return;
  const first = new Map<string, number>();
  for (const { line, row } of providers)
    if (!bidders.has(row.provider_id) && !first.has(row.provider_id)) first.set(row.provider_id, line);
  const bidTable = issues.table(files.bids);
  if (first.size > toldOneEach) {
    issues.warning(files.providers, null, msg.providersWithoutBids([...first.keys()], bidTable));
    return;
  }
  for (const [providerId, line] of first)
    issues.warning(files.providers, line, msg.providerWithoutBids(providerId, bidTable), 'provider_id');
}
