/**
 * Where an overridden setting was read: nowhere zonal can point to. A scenario's places
 * (`scenario.json:23`) tell where its values were read, so later warnings carry
 * `file:line`; a value a batch file or the workbench set in place of one is not on that
 * line, so its place is dropped and its warnings are told without one (until 2026-12-02
 * the workbench's 0.3 share cap was warned of at scenario.json:23, which said 1).
 */
import type { Scenario } from '../model/types.js';

const without = <V>(places: ReadonlyMap<string, V>, keys: readonly string[]): ReadonlyMap<string, V> =>
  keys.some((k) => places.has(k)) ? new Map([...places].filter(([k]) => !keys.includes(k))) : places;

/** `scenario` with the places of the award rules `awardKeys` and the lot plan entries of `careTypes` dropped. */
export function withoutPlacesOf(
  scenario: Scenario,
  awardKeys: readonly string[],
  careTypes: readonly string[],
): Scenario {
  const { places } = scenario;
  if (places === undefined) return scenario;
  return {
    ...scenario,
    places: { ...places, award: without(places.award, awardKeys), lots: without(places.lots, careTypes) },
  };
}
