/**
 * The award rules the page has a control for: scenario.json's `award` key,
 * the label a commissioner reads, and the number input's bounds. One table,
 * so the controls and the no-award panel (which names the control to change)
 * say the same words.
 */
import type { StructureInputs } from './structure-inputs.js';

export interface AwardRule {
  readonly key: string;
  readonly label: string;
  readonly attrs: Readonly<Record<string, string>>;
}

export const awardRules: readonly AwardRule[] = [
  {
    key: 'maxShareOfTotalHours',
    label: 'largest share of all hours one provider may hold (0-1)',
    attrs: { min: '0.05', max: '1', step: '0.05' },
  },
  {
    key: 'maxLotsPerProvider',
    label: 'most lots per provider (blank: no cap)',
    attrs: { min: '1', step: '1' },
  },
  {
    key: 'minDistinctProviders',
    label: 'fewest different providers awarded',
    attrs: { min: '0', step: '1' },
  },
];

/**
 * Where on the page a setting zonal names (`award.minDistinctProviders`, `lots.standard.leadShare`)
 * is changed: "Award rules, fewest different providers awarded", "Lots per care type, standard,
 * lead share"; null when the page has no control for it (`award.minQuality`). `structures`: the
 * lot structures' settings, for a lot's.
 */
export function controlFor(setting: string, structures: StructureInputs = {}): string | null {
  const [head, careType, key] = setting.split('.');
  if (head === 'award') {
    const rule = awardRules.find((r) => r.key === careType);
    return rule === undefined ? null : `Award rules, ${rule.label}`;
  }
  if (head !== 'lots' || careType === undefined) return null;
  const label =
    key === 'geography'
      ? 'by'
      : key === 'structure'
        ? 'structure'
        : Object.values(structures)
            .flat()
            .find((input) => input.key === key)?.label;
  return `Lots per care type, ${careType}${label === undefined ? '' : `, ${label}`}`;
}

/**
 * zonal's message about a setting the page sent, after the control it was typed into: the
 * message names it as scenario.json does (`award.maxLotsPerProvider: must be at least 1`),
 * which the page shows nowhere. Until 2026-12-02 the message alone.
 */
export function withControl(message: string, structures: StructureInputs): string {
  const setting = /^(award\.[A-Za-z]+|lots\.[A-Za-z0-9_-]+(?:\.[A-Za-z]+)?)/.exec(message)?.[1];
  const control = setting === undefined ? null : controlFor(setting, structures);
  return control === null ? message : `${control}: ${message}`;
}

/**
 * The award's warnings with the control beside each that names a setting the page sent: zonal
 * tells such a value without a place (it is not scenario.json's), by its scenario.json key.
 */
export const warningsWithControls = (warnings: readonly string[] | undefined, structures: StructureInputs) =>
  warnings?.map((w) => withControl(w, structures));
