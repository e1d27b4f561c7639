/**
 * tenderLots that gives back the lots it made last when it is asked again
 * with the same inputs: the same objects (by identity) for every part of the
 * scenario it reads (tenderInputKeys) and the same values of the award rules
 * it reads (tenderAwardKeys). TenderInputs holds exactly those parts, so the
 * compiler keeps tenderLots from reading any other.
 *
 * A batch worker runs neighbouring variants that differ only in award rules
 * the lots do not read (a share cap, say) on one scenario whose other parts
 * it made once (compare/overrides-memo.ts), so each such variant reuses its
 * neighbour's lots, and with them what is remembered per lot (eligibility).
 * Lots are read-only values: sharing them changes no answer. A rule cost's relaxed award
 * keeps the award's own lots the same way (explain/relaxed-award.ts).
 */
import {
  tenderAwardKeys,
  tenderInputKeys,
  tenderLots,
  type TenderInputs,
  type TenderedLots,
} from './tender-lots.js';

/** Whether tenderLots would make the same lots from `b` as from `a`: every part it reads the same. */
export function sameTenderInputs(a: TenderInputs, b: TenderInputs): boolean {
  return (
    tenderInputKeys.every((key) => a[key] === b[key]) &&
    tenderAwardKeys.every((key) => a.award[key] === b.award[key])
  );
}

/** A tenderLots of its own that remembers its last answer (one per worker). */
export function rememberingTenderLots(): (scenario: TenderInputs) => TenderedLots {
  let last: { readonly inputs: TenderInputs; readonly lots: TenderedLots } | null = null;
  return (scenario) => {
    if (last !== null && sameTenderInputs(last.inputs, scenario)) return last.lots;
    const lots = tenderLots(scenario);
    last = { inputs: scenario, lots };
    return lots;
  };
}
