/**
 * The cost chart's bars go zone by zone in zone id order by code point, with
 * the county-wide lots last, whatever order the lots come in.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { costFigure } from '../../src/report/html/chart-cost.js';
import { solved } from '../helpers/run.js';
import { twoZoneScenario } from '../helpers/scenario-builder.js';

const award = await solved(twoZoneScenario());
const renamed: Readonly<Record<string, string>> = { Z1: 'z-lower', Z2: 'Z-UPPER' };

describe('the cost chart', () => {
  it('puts zones in id order by code point (capitals first) and the county-wide lots last', () => {
    const lots = [...award.lots].reverse().map((l) => ({ ...l, zoneId: renamed[l.zoneId] ?? l.zoneId }));
    const { document } = parseHTML(`<html><body>${String(costFigure({ ...award, lots }))}</body></html>`);
    const zones = [...document.querySelectorAll('[aria-label="y-axis tick label"] text')].map(
      (e) => e.textContent,
    );
    // The locale's order would put z-lower first.
    expect(zones).toEqual(['Z-UPPER', 'z-lower', 'County-wide']);
  });
});
