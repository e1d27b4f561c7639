/**
 * A batch variant in words, for people: its own name when the batch file gives one, else
 * its settings ("twelve, standard lead-secondary, lead 70%"), where the id is only a hash
 * of them (v-3f9c…). batch.xlsx's "name" column and the batch summary's lines use it.
 */
import type { Cell } from '../report/csv-write.js';
import type { BatchRow } from './run-variant.js';
import { percentShare } from '../model/json-limits.js';

/**
 * Setting path → value, for every leaf of a variant's overrides ({"award": {"maxShareOfTotalHours": 0.25}} → award.maxShareOfTotalHours).
 * A share written as text ("40%") is the number the variant runs with, so batch.xlsx's column
 * of it sorts and filters with the shares written as numbers.
 */
export function settingLeaves(value: unknown, prefix = ''): [string, Cell][] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => settingLeaves(v, prefix === '' ? k : `${prefix}.${k}`));
  }
  const cell: Cell = Array.isArray(value)
    ? JSON.stringify(value)
    : typeof value === 'string'
      ? (percentShare(value) ?? value)
      : (value as Cell);
  return prefix === '' ? [] : [[prefix, cell]];
}

const shortLabels: Readonly<Record<string, string>> = {
  maxShareOfTotalHours: 'cap',
  maxLotsPerProvider: 'max lots',
  minDistinctProviders: 'min providers',
  leadShare: 'lead',
  demandMultiplier: 'demand ×',
};

/**
 * One setting in words. A lot's setting names its care type unless it is standard's (the lot
 * most grids vary): "complex lead 70%" beside "lead 80%", never two "lead" alike.
 */
function settingText(path: string, value: Cell): string {
  const parts = path.split('.');
  const last = parts[parts.length - 1] ?? path;
  const shown =
    typeof value === 'number' && /share/i.test(last) && value <= 1
      ? `${Math.round(value * 1000) / 10}%`
      : String(value);
  // Below the override: a lot's care type, or what priceChanges reprices (a bid, provider or care type).
  const [top, below = ''] = parts;
  if (last === 'structure' || last === 'geography') return `${below} ${shown}`;
  if (top === 'lots' && last === 'merge') return `${below} merged into ${shown}`;
  if (top === 'priceChanges') return `${below} prices × ${shown}`;
  if (last === 'zoning' || last === 'option') return shown;
  const label = `${top === 'lots' && below !== 'standard' ? `${below} ` : ''}${shortLabels[last] ?? last}`;
  // null lifts a cap or limit (maxLotsPerProvider: null): "no max lots", not "max lots null" (review14).
  return value === null ? `no ${label}` : `${label} ${shown}`;
}

/** The variant's own name or id when given; else its settings in words ("twelve, standard lead-secondary, lead 70%"). */
export function variantName(
  row: Pick<BatchRow, 'id' | 'overrides'>,
  leaves: readonly [string, Cell][] = settingLeaves(row.overrides),
): string {
  if (row.overrides.name !== undefined) return row.overrides.name;
  if (!/^v-[0-9a-f]{12}$/.test(row.id)) return row.id;
  const text = leaves.map(([p, v]) => settingText(p, v)).join(', ');
  return text === '' ? 'base scenario' : text;
}
