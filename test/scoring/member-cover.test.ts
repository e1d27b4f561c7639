import { describe, expect, it } from 'vitest';
import { bidsWonUnder } from '../../src/scoring/member-cover.js';
import type { Allocation } from '../../src/model/types.js';
import { bid } from '../helpers/scenario-builder.js';

const place = (bidId: string, parts: readonly string[] = []): Allocation => ({
  lotId: 'standard:Z1',
  bidId,
  providerId: 'P1',
  role: 'member',
  hoursPerWeek: 0,
  pricePerHour: 25,
  annualCost: 0,
  ...(parts.length === 0
    ? {}
    : { parts: parts.map((id) => ({ bidId: id, careType: 'standard', hoursPerWeek: 0, pricePerHour: 25 })) }),
});

describe('bidsWonUnder', () => {
  it("gives the bids places were won under, each once, by id: a merged lot's parts, not its first bid alone", () => {
    const bids = new Map(['B', 'A', 'C'].map((id) => [id, bid(id, 'P1', ['A1'])]));
    expect(bidsWonUnder([place('C'), place('B', ['B', 'A']), place('C')], bids).map((b) => b.id)).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(bidsWonUnder([place('GONE')], bids)).toEqual([]);
  });
});
