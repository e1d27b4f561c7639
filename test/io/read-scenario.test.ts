import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { goodFiles, writeScenarioFolder } from '../helpers/scenario-folder.js';

describe('readScenario', () => {
  test('without the input hash: the same scenario and problems, and an empty hash', async () => {
    const dir = await writeScenarioFolder(goodFiles());
    const hashed = await readScenario(dir);
    const unhashed = await readScenario(dir, { hash: false });
    expect(hashed.inputHash).toMatch(/^[0-9a-f]{16}$/);
    expect(unhashed.inputHash).toBe('');
    expect(unhashed.scenario).not.toBeNull();
    expect(unhashed.scenario).toEqual(hashed.scenario);
    expect(unhashed.issues.all).toEqual(hashed.issues.all);
  });
});
