/**
 * Observable Plot rendered to static SVG markup in Node, through linkedom's
 * DOM. The page then needs no script: the charts are plain SVG.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { trusted, type Html } from './escape.js';

/**
 * One shared document is enough: Plot only creates elements in it, and each
 * chart is serialised straight away.
 */
const document = parseHTML('<!doctype html><html><head></head><body></body></html>')
  .document as unknown as NonNullable<Plot.PlotOptions['document']>;

/** Default look shared by every chart: readable in print, one fixed class name so the output is deterministic. */
const defaults: Plot.PlotOptions = {
  className: 'zonal-plot',
  style: { fontSize: '12px', fontFamily: 'inherit', background: 'transparent', overflow: 'visible' },
  marginLeft: 60,
};

/** Render a Plot specification to SVG (or a figure with a legend) markup. */
export function plotMarkup(options: Plot.PlotOptions): Html {
  const element = Plot.plot({ ...defaults, ...options, document });
  return trusted((element as unknown as { outerHTML: string }).outerHTML);
}

/**
 * Render a stand-alone legend (for example the colour ramp of a risk map), with
 * `description` as its text alternative: Plot draws a ramp as an unnamed graphic.
 */
export function legendMarkup(options: Plot.LegendScales, description: string): Html {
  // Plot.legend reads `document` like Plot.plot does, but its type does not list it.
  const element = Plot.legend({
    className: 'zonal-plot',
    ...options,
    ...({ document } as object),
  }) as unknown as {
    setAttribute(name: string, value: string): void;
    outerHTML: string;
  };
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', description);
  return trusted(element.outerHTML);
}
