/**
 * Named score components in [0, 1] with a weight and a one-line reason, and
 * the weighted score (0-100) they add up to.
 */
import { groupedNumber } from '../model/grouped-number.js';
import type { ScoreComponent } from '../model/result.js';
import { byText } from '../model/order.js';

export type Components = Readonly<Record<string, ScoreComponent>>;

export const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : x > 0 ? 1 : 0);

/** A component; the value is clamped to [0, 1] and rounded to 4 decimals. */
export function component(value: number, reason: string, weight = 0): ScoreComponent {
  return { value: Math.round(clamp01(value) * 10000) / 10000, weight, reason };
}

/**
 * Give each named component its weight, normalised over the components
 * present (so a component that does not apply drops out cleanly).
 */
export function weigh(
  parts: Readonly<Record<string, ScoreComponent>>,
  weights: Readonly<Record<string, number>>,
): Components {
  const keys = Object.keys(parts).sort();
  const total = keys.reduce((t, k) => t + (weights[k] ?? 0), 0);
  const weighted: Record<string, ScoreComponent> = {};
  for (const k of keys) {
    const part = parts[k];
    if (part === undefined) continue;
    const w = total > 0 ? (weights[k] ?? 0) / total : 1 / keys.length;
    weighted[k] = { ...part, weight: Math.round(w * 10000) / 10000 };
  }
  return weighted;
}

/** Weighted sum as a score 0-100, one decimal. */
export function scoreOf(components: Components): number {
  const total = Object.values(components).reduce((t, c) => t + c.weight * c.value, 0);
  return Math.round(1000 * clamp01(total)) / 10;
}

export function valuesOf(components: Components): Record<string, number> {
  return Object.fromEntries(Object.entries(components).map(([k, c]) => [k, c.value]));
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
