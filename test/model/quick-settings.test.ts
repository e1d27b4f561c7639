/**
 * scenario.json's top-level keys come from the generated plan of its schema
 * (model/quick-settings.ts). A plan file that lost it must say so, not leave
 * `validate` with no known key (every key then "ignored").
 */
import { expect, test } from 'vitest';
import { objectPlanKeys, topSettingsKeys } from '../../src/model/quick-settings.js';

test('the top-level keys are those of the plan of scenario.json', () => {
  expect(topSettingsKeys()).toEqual(expect.arrayContaining(['name', 'files', 'lots', 'award']));
});

test('a plan file without the object plan is an error that says how to mend it', () => {
  const mend = /no object plan "scenarioJson": run node scripts\/settings-plans\.mjs/;
  expect(() => objectPlanKeys({}, 'scenarioJson')).toThrow(mend);
  expect(() => objectPlanKeys({ scenarioJson: { t: 'opaque' } }, 'scenarioJson')).toThrow(mend);
  expect(
    objectPlanKeys({ s: { t: 'object', shape: { a: { t: 'opaque' } }, strict: true, checks: [] } }, 's'),
  ).toEqual(['a']);
});
