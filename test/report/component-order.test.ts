/**
 * The report's risk and viability tables name components in one order: by
 * name in the columns, the biggest (or weakest) first in the words, equal ones
 * by name by code point, whatever order the scores were built in.
 */
import { describe, expect, it } from 'vitest';
import type { Result, ScoreComponent } from '../../src/model/result.js';
import { componentRows, riskFigure } from '../../src/report/html/chart-risk.js';
import { viabilityFigure } from '../../src/report/html/chart-viability.js';
import { solved } from '../helpers/run.js';
import { twoZoneScenario } from '../helpers/scenario-builder.js';

const part = (value: number, weight: number): ScoreComponent => ({ value, weight, reason: `r-${value}` });
/** Built in an order that is neither the names' nor their values'. */
const detail = { zeta: part(0.5, 0.2), gap: part(0.25, 0.2), Beta: part(0.5, 0.2), alpha: part(0.5, 0.2) };
const weak = { zeta: part(0.1, 0.2), Beta: part(0.1, 0.2), alpha: part(0.1, 0.2), gap: part(0.9, 0.2) };

const result = await solved(twoZoneScenario());
const tied: Result = {
  ...result,
  lots: result.lots.map((l) => ({ ...l, riskDetail: detail })),
  providers: result.providers.map((p) => ({ ...p, viabilityDetail: weak })),
};
const text = (html: unknown) => String(html).replace(/<[^>]+>/g, '|');

describe('componentRows', () => {
  it('lists components by name (capitals first), not in the order they were scored', () => {
    expect(componentRows('L', detail).map((r) => r.component)).toEqual(['Beta', 'alpha', 'gap', 'zeta']);
  });
});

describe('the main drivers of a lot’s risk', () => {
  it('are the two biggest, equal ones by name (capitals first)', () => {
    expect(text(riskFigure(tied))).toContain('Beta: r-0.5; alpha: r-0.5');
  });
});

describe('the weakest points of a provider', () => {
  it('are the two smallest, equal ones by name (capitals first)', () => {
    expect(text(viabilityFigure(tied, new Map()))).toContain('Beta: r-0.1; alpha: r-0.1');
  });
});
