/**
 * User-facing messages as named functions, so their wording lives in one
 * place and a test can name the message it expects. Started with the lot
 * entry and scoring settings (issue 12); a structure's messages about its own
 * settings stay in its module under src/structures/, so a structure stays in
 * one file.
 */

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`);

/** `"a", "b" or "c"` */
const oneOf = (names: readonly string[]) => {
  const q = quoted(names);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q.at(-1)}`;
};

/** lots.<careType>.geography */
export const geographyMustBe = () => 'must be "zone" or "county"';

/** lots.<careType>.structure */
export const structureMustBe = (structures: readonly string[]) => `must be ${oneOf(structures)}`;

/** A lot entry key that belongs to other structures, switching on what this structure cannot do. */
export const settingAppliesOnlyTo = (structures: readonly string[]) =>
  `applies only to ${quoted(structures).join(' or ')} lots`;

/** A batch variant's lot override with a key no lot entry has. */
export const lotOverrideFields = (keys: readonly string[]) =>
  `must be {"merge": "standard"} or fields of a lot entry (${keys.join(', ')})`;

/** A costModel or scoring setting scenario.json gives wrong (the message names its key path). */
export const scoringSettingWrong = (message: string) => `${message} (see the README, "Viability and risk")`;
