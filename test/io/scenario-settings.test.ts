/**
 * "Did you mean" for a misspelt setting offers every key the settings schema
 * accepts, at any depth: the keys are checked against zod's own JSON Schema of
 * the settings (a reading of the schema independent of zonal's), so a new
 * setting cannot be left out of the suggestions.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { IssueList } from '../../src/diagnostics/issues.js';
import { checkSettings, settingsKeysAt } from '../../src/io/scenario-settings.js';
import { mergeSchema, scenarioJsonSchema } from '../../src/model/scenario-schema.js';
import { careTypes, lotStructures } from '../../src/model/types.js';
import { headSchema } from '../../src/structures/entry-schema.js';
import { structureOf } from '../../src/structures/index.js';
import { goodFiles } from '../helpers/scenario-folder.js';

interface JsonSchema {
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly propertyNames?: { readonly enum?: readonly string[] };
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
}

const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Every object in a JSON Schema that names its keys: its path and those keys. */
function* namedKeys(js: JsonSchema, path: readonly PropertyKey[] = []): Generator<[PropertyKey[], string[]]> {
  for (const option of [...(js.anyOf ?? []), ...(js.oneOf ?? [])]) yield* namedKeys(option, path);
  if (js.properties !== undefined) {
    yield [[...path], Object.keys(js.properties)];
    for (const [key, value] of Object.entries(js.properties)) yield* namedKeys(value, [...path, key]);
  }
  const names = js.propertyNames?.enum;
  if (names !== undefined) yield [[...path], [...names]];
  if (typeof js.additionalProperties === 'object')
    for (const key of names ?? ['any']) yield* namedKeys(js.additionalProperties, [...path, key]);
  if (js.items !== undefined) yield* namedKeys(js.items, [...path, 0]);
}

const keysOf = (schema: z.ZodType) => Object.keys(jsonSchemaOf(schema).properties ?? {});

describe('every setting the schema accepts is offered for a misspelt key', () => {
  const objects = [...namedKeys(jsonSchemaOf(scenarioJsonSchema()))];

  test('the JSON Schema reading finds the nested settings (the check below is not empty)', () => {
    const paths = objects.map(([path]) => path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['', 'award', 'lots', 'contract.indexation', 'payment.capitated.bandShares']),
    );
  });

  test.each(objects.map(([path, keys]) => [path.join('.') || '(top level)', path, keys] as const))(
    '%s',
    (_, path, keys) => {
      expect(settingsKeysAt(path)).toEqual(expect.arrayContaining(keys));
    },
  );

  test.each(careTypes)('lots.%s: a merge, a lot entry and every structure’s settings', (careType) => {
    const accepted = [
      ...keysOf(mergeSchema()),
      ...keysOf(headSchema()),
      ...lotStructures.flatMap((kind) => keysOf(structureOf(kind).settings())),
    ];
    expect(accepted).toEqual(expect.arrayContaining(['merge', 'geography', 'leadShare', 'maxProviders']));
    expect(settingsKeysAt(['lots', careType])).toEqual(expect.arrayContaining(accepted));
  });
});

describe('a misspelt nested setting', () => {
  const json = JSON.parse(goodFiles()['scenario.json'] ?? '{}') as Record<string, unknown>;
  const errorsOf = (extra: Record<string, unknown>) => {
    const issues = new IssueList();
    checkSettings({ ...json, ...extra }, { file: 'scenario.json', line: () => 7 }, issues);
    return issues.errors.map((i) => i.message);
  };

  test.each([
    [{ payment: { coreReward: { coreShre: 0.5 } } }, 'payment.coreReward', 'coreShre', 'coreShare'],
    [{ payment: { lots: { standrd: 'hourly' } } }, 'payment.lots', 'standrd', 'standard'],
    [{ bounds: { soth: 50, north: 52, west: -1, east: 0 } }, 'bounds', 'soth', 'south'],
  ])('%j: did you mean', (extra, where, typed, meant) => {
    expect(errorsOf(extra)).toContain(
      `${where} has an unknown key "${typed}" (did you mean "${meant}"?): remove it or correct its name`,
    );
  });
});

describe('a setting of another lot structure (explore16)', () => {
  const json = JSON.parse(goodFiles()['scenario.json'] ?? '{}') as Record<string, unknown>;
  const check = (standard: Record<string, unknown>) => {
    const issues = new IssueList();
    const lots = { ...(json['lots'] as object), standard };
    const settings = checkSettings({ ...json, lots }, { file: 'scenario.json', line: () => 7 }, issues);
    return {
      settings,
      errors: issues.errors.map((i) => i.message),
      warnings: issues.warnings.map((i) => i.message),
    };
  };

  test('is told, not silently ignored: a sole lot with a lead share awards one provider all the hours', () => {
    const { settings, errors, warnings } = check({ geography: 'zone', structure: 'sole', leadShare: 0.8 });
    expect(errors).toEqual([]);
    expect(settings?.lots.standard).toMatchObject({ structure: 'sole' });
    expect(warnings).toEqual([
      'lots.standard.leadShare is ignored: it applies only to "lead-secondary" lots, and lots.standard is a "sole" lot; remove it, or set lots.standard.structure to "lead-secondary"',
    ]);
  });

  test('each such setting once, and none for a lot that has only its own', () => {
    const { warnings } = check({
      geography: 'zone',
      structure: 'framework',
      maxProviders: 3,
      primeShare: 0.6,
      secondaries: 1,
    });
    expect(warnings.map((w) => w.split(' is ignored')[0])).toEqual([
      'lots.standard.primeShare',
      'lots.standard.secondaries',
    ]);
    expect(check({ geography: 'zone', structure: 'lead-secondary', leadShare: 0.7 }).warnings).toEqual([]);
  });
});

describe('a framework whose members cannot all take its least share', () => {
  const json = JSON.parse(goodFiles()['scenario.json'] ?? '{}') as Record<string, unknown>;
  const check = (standard: Record<string, unknown>) => {
    const issues = new IssueList();
    const lots = { ...(json['lots'] as object), standard };
    // Each key path at a line of its own, so the warning's line says which setting it is at.
    const line = (p: readonly PropertyKey[]) => (p.join('.') === 'lots.standard.maxProviders' ? 21 : 7);
    checkSettings({ ...json, lots }, { file: 'scenario.json', line }, issues);
    return { errors: issues.errors, warnings: issues.warnings.map((i) => `${i.line}: ${i.message}`) };
  };

  test('is warned of at maxProviders: 4 members of at least 30% each would need 120% of the lot', () => {
    const { errors, warnings } = check({
      geography: 'zone',
      structure: 'framework',
      maxProviders: 4,
      minShare: 0.3,
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      '21: lots.standard.maxProviders is 4, but each member must take at least minShare 0.3 of the lot, so at most 3 members fit (4 × 0.3 is more than the whole lot): lower maxProviders to 3, or minShare to 0.25 or less',
    ]);
  });

  test('is not warned of when the members fit exactly, or with no least share', () => {
    expect(
      check({ geography: 'zone', structure: 'framework', maxProviders: 4, minShare: '25%' }).warnings,
    ).toEqual([]);
    expect(
      check({ geography: 'zone', structure: 'framework', maxProviders: 10, minShare: 0.1 }).warnings,
    ).toEqual([]);
    expect(check({ geography: 'zone', structure: 'framework', maxProviders: 9 }).warnings).toEqual([]);
  });
});
