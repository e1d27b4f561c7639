/**
 * Named score components in [0, 1] with a weight and a one-line reason, and
 * the weighted score (0-100) they add up to.
 */
import { groupedNumber } from '../model/grouped-number.js';
import type { ScoreComponent } from '../model/result.js';
import { byText } from '../model/order.js';

export type Components = Readonly<Record<string, ScoreComponent>>;

export const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : x > 0 ? 1 : 0);

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** A component; the value is clamped to [0, 1] and rounded to 4 decimals. */
export function component(value: number, reason: string, weight = 0): ScoreComponent {
  return { value: round4(clamp01(value)), weight, reason };
}

/**
 * The names of `parts` in text order, the order components are kept in: an insertion sort,
 * as there are a handful and `Array#sort` sets up its work space on every call (thousands a variant).
 */
function namesOf(parts: object): string[] {
  const names = Object.keys(parts);
  for (let i = 1; i < names.length; i++) {
    const name = names[i] as string;
    let j = i - 1;
    for (; j >= 0 && (names[j] as string) > name; j--) names[j + 1] = names[j] as string;
    names[j + 1] = name;
  }
  return names;
}

/** The sum of the weights of the components named `keys`. */
function totalWeight(keys: readonly string[], weights: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const k of keys) total += weights[k] ?? 0;
  return total;
}

/** A component's weight normalised over `total` (evenly over `count` components when none is weighted), to 4 decimals. */
const normalised = (weight: number | undefined, total: number, count: number) =>
  round4(total > 0 ? (weight ?? 0) / total : 1 / count);

/**
 * Give each named component its weight, normalised over the components
 * present (so a component that does not apply drops out cleanly), and then,
 * when a `share` is given, that share of it, to 4 decimals again (risk's
 * blend with the hours unmet: one new set of components, not two).
 */
export function weigh(
  parts: Readonly<Record<string, ScoreComponent>>,
  weights: Readonly<Record<string, number>>,
  share?: number,
): Record<string, ScoreComponent> {
  const keys = namesOf(parts);
  const total = totalWeight(keys, weights);
  const weighted: Record<string, ScoreComponent> = {};
  for (const k of keys) {
    const part = parts[k];
    if (part === undefined) continue;
    const weight = normalised(weights[k], total, keys.length);
    weighted[k] = {
      value: part.value,
      weight: share === undefined ? weight : Math.round(weight * share * 10000) / 10000,
      reason: part.reason,
    };
  }
  return weighted;
}

/**
 * `scoreOf(weigh(...))` of components with these values, without building them: for a
 * score whose reasons nobody reads (zone viability weighs every eligible bid of a lot).
 */
export function weighedScore(
  values: Readonly<Record<string, number>>,
  weights: Readonly<Record<string, number>>,
): number {
  const keys = namesOf(values);
  const total = totalWeight(keys, weights);
  let sum = 0;
  for (const k of keys) sum += normalised(weights[k], total, keys.length) * round4(clamp01(values[k] ?? 0));
  return Math.round(1000 * clamp01(sum)) / 10;
}

/** Weighted sum as a score 0-100, one decimal. */
export function scoreOf(components: Components): number {
  let total = 0;
  for (const name in components) {
    const c = components[name] as ScoreComponent;
    total += c.weight * c.value;
  }
  return Math.round(1000 * clamp01(total)) / 10;
}

export function valuesOf(components: Components): Record<string, number> {
  const values: Record<string, number> = {};
  for (const name in components) values[name] = (components[name] as ScoreComponent).value;
  return values;
}

/** Components sorted by what they add to the score, largest first. */
export function topDrivers(components: Components, n: number): [string, ScoreComponent][] {
  return Object.entries(components)
    .filter(([, c]) => c.weight * c.value > 0)
    .sort(([a, x], [b, y]) => y.weight * y.value - x.weight * x.value || byText(a, b))
    .slice(0, n);
}

/** Hours as Intl's en-GB whole numbers write them ("1,234 h/week"), without Intl: thousands of reasons a second in a batch. */
export const fmtHours = (h: number) => `${groupedNumber(h)} h/week`;
export const fmtPercent = (x: number) => `${Math.round(100 * x)}%`;
