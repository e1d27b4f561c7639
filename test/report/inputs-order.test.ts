/**
 * The report's input tables list zones and providers by id (code point:
 * capitals first), whatever order areas.csv and providers.csv give them.
 */
import { describe, expect, it } from 'vitest';
import { inputsSection } from '../../src/report/html/inputs.js';
import { solved } from '../helpers/run.js';
import { provider, twoZoneScenario } from '../helpers/scenario-builder.js';

const base = twoZoneScenario();
const scenario = {
  ...base,
  areas: [...base.areas].reverse(),
  providers: [provider('p0'), ...base.providers].reverse(),
};
const cells = String(inputsSection(scenario, await solved(scenario)))
  .replace(/<[^>]+>/g, '|')
  .split('|')
  .map((c) => c.trim());
/** The cells that are one of `ids`, in the order the section shows them. */
const shown = (ids: readonly string[]) => cells.filter((c) => ids.includes(c));

describe('the inputs section', () => {
  it('lists zones by id, not in the order of their areas', () => {
    expect(shown(['Z1', 'Z2'])).toEqual(['Z1', 'Z2']);
  });

  it('lists providers by id by code point (the locale would put p0 first)', () => {
    expect(shown(['P1', 'P2', 'P3', 'p0'])).toEqual(['P1', 'P2', 'P3', 'p0']);
  });
});
