/**
 * Colours a colour-blind reader can tell apart: Okabe & Ito's eight-colour
 * palette (without black, which hides labels), then Paul Tol's "muted"
 * palette for long provider lists. Sequential scores use a single-hue-family
 * ramp that darkens as it rises, so order reads from lightness alone. Maps
 * and charts also label what they colour, so colour is never the only cue.
 */
import type { ColorScheme } from '@observablehq/plot';
import { byText } from '../../model/order.js';

const okabeIto = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;
// Ordered so the eighth colour overall (indigo) stands apart from Okabe-Ito's seven.
const tolMuted = [
  '#332288',
  '#117733',
  '#882255',
  '#DDCC77',
  '#88CCEE',
  '#CC6677',
  '#44AA99',
  '#999933',
  '#AA4499',
] as const;
const categorical: readonly string[] = [...okabeIto, ...tolMuted];

/** Fill for a zone with no award. */
export const noAwardColour = '#d9d9d9';
/** The hatching of unmet demand on maps: page.ts defines the pattern, the maps fill with it. */
export const hatchPatternId = 'zonal-hatch';
/** Greyed-out marks (dominated options, capacity backgrounds). */
export const mutedColour = '#b8b8b8';
/** Warning marks (price below the cost floor). */
export const alertColour = '#D55E00';
/** Good marks (price at or above the cost floor). */
export const okColour = '#0072B2';
/** Plot's name for the risk ramp: light yellow (low risk) to dark red (high). */
export const riskScheme: ColorScheme = 'YlOrRd';
/** The five shades of the risk ramp in words, lowest first, for readers who cannot see them. */
export const riskShadeNames = ['pale yellow', 'yellow-orange', 'orange', 'red', 'dark red'] as const;

/** The nth categorical colour, cycling after sixteen. */
export const categoricalColour = (n: number): string => categorical[n % categorical.length] ?? '#777777';

/**
 * A colour for every id, in sorted id order, so a provider keeps its colour
 * in every chart of one report and across the options of a comparison.
 */
export function coloursFor(ids: readonly string[]): ReadonlyMap<string, string> {
  const sorted = [...new Set(ids)].sort();
  return new Map(sorted.map((id, i) => [id, categoricalColour(i)]));
}

const careTypeOrder = ['standard', 'complex', 'reablement'];

/** Care types in a fixed order and colour: standard blue, complex orange, reablement green. */
export function careTypeColours(careTypes: readonly string[]): ReadonlyMap<string, string> {
  const fixed: Readonly<Record<string, string>> = {
    standard: '#0072B2',
    complex: '#E69F00',
    reablement: '#009E73',
  };
  const ordered = [...new Set(careTypes)].sort((a, b) => rank(a) - rank(b) || byText(a, b));
  return new Map(ordered.map((t, i) => [t, fixed[t] ?? categoricalColour(i + 7)]));
}

function rank(careType: string): number {
  const i = careTypeOrder.indexOf(careType);
  return i < 0 ? careTypeOrder.length : i;
}
