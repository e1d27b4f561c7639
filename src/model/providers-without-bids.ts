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
 * for all. A provider that serves today (current.csv) is told as that, each on its own: its
 * hours change provider whatever the award (until 2026-12-02, session 16, it was told to add
 * its bids, as if it had meant to bid; review16). Not when some bid row was rejected or names
 * an unknown provider (told already: the provider's bid may be that row, and one mistake gets
 * one message).
 */
export function warnProvidersWithoutBids(
  files: { readonly providers: string; readonly bids: string; readonly current: string | null },
  providers: readonly Lined<{ readonly provider_id: string }>[],
  bids: readonly Lined<{ readonly provider_id: string }>[],
  current: readonly Lined<{ readonly provider_id: string; readonly hours_per_week: number }>[],
  bidsHaveRejected: boolean,
  issues: IssueList,
): void {
  const known = new Set(providers.map(({ row }) => row.provider_id));
  const bidders = new Set(bids.map(({ row }) => row.provider_id));
  if (bidsHaveRejected || [...bidders].some((id) => !known.has(id))) return;
  const today = new Map<string, number>();
  for (const { row } of current)
    today.set(row.provider_id, (today.get(row.provider_id) ?? 0) + row.hours_per_week);
  const bidTable = issues.table(files.bids);
  const seen = new Set<string>();
  // Those that do not serve today: one warning each, or one for all past three.
  const others: [providerId: string, line: number][] = [];
  for (const { line, row } of providers) {
    const id = row.provider_id;
    if (bidders.has(id) || seen.has(id)) continue;
    seen.add(id);
    const hours = today.get(id);
    if (hours === undefined) others.push([id, line]);
    else
      issues.warning(
        files.providers,
        line,
        msg.incumbentWithoutBids(id, hours, bidTable, issues.table(files.current ?? 'current.csv')),
        'provider_id',
      );
  }
  if (others.length > toldOneEach) {
    issues.warning(
      files.providers,
      null,
      msg.providersWithoutBids(
        others.map(([id]) => id),
        bidTable,
      ),
    );
    return;
  }
  for (const [providerId, line] of others)
    issues.warning(files.providers, line, msg.providerWithoutBids(providerId, bidTable), 'provider_id');
}
