/**
 * The award rules the page has a control for: scenario.json's `award` key,
 * the label a commissioner reads, and the number input's bounds. One table,
 * so the controls and the no-award panel (which names the control to change)
 * say the same words.
 */
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

/** Where the page changes a setting a diagnosis names (`award.minDistinctProviders`), or null when it cannot. */
export function controlFor(setting: string): string | null {
  const rule = awardRules.find((r) => `award.${r.key}` === setting);
  return rule === undefined ? null : `Award rules: ${rule.label}`;
}
