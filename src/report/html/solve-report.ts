/**
 * report.html for one solve: a self-contained page (inline CSS and SVG, no
 * script, no network) that prints to A4.
 *
 *   1. title and headline figures
 *   2. the county maps: who serves each zone, and each zone's risk
 *   3. the award per lot with its explanation, and abnormally low tenders
 *   4. charts, each followed by its table: cost, risk, viability, price
 *   5. the whole contract: years, transition, payment models (when asked for)
 *   6. inputs, settings and run details (to reproduce the result)
 */
import type { Result } from '../../model/result.js';
import type { Scenario } from '../../model/types.js';
import { awardTable, flagTable } from './awards.js';
import { costFigure } from './chart-cost.js';
import { priceFigure } from './chart-price.js';
import { riskFigure } from './chart-risk.js';
import { viabilityFigure } from './chart-viability.js';
import { contractSection } from './contract.js';
import { html, type Html } from './escape.js';
import { headlineTiles, titleBlock } from './headline.js';
import { inputsSection } from './inputs.js';
import type { MapShapes } from './map-geometry.js';
import { renderMaps } from './map-render.js';
import { page } from './page.js';
import { coloursFor } from './palette.js';

function warnings(result: Result): Html {
  if (result.warnings.length === 0) return html``;
  return html`<h3>Warnings</h3><ul class="warnings">${result.warnings.map((w) => html`<li>${w}</li>`)}</ul>`;
}

/**
 * Body of a solve report; `renderComparisonReport` reuses it for the best option.
 * `shapes`: the maps' shapes for the result's zoning, when drawn beforehand.
 */
export function solveSections(result: Result, scenario: Scenario, shapes?: MapShapes): Html {
  const colours = coloursFor(result.providers.map((p) => p.providerId));
  const zoning = scenario.zonings.get(result.zoning) ?? new Map<string, string>();
  const areas = scenario.areas;
  return html`<section id="map"><h2>Zone map</h2>
${renderMaps({ result, areas, zoning, boundaries: scenario.boundaries, colours, ...(shapes === undefined ? {} : { shapes }) })}
</section>
<section id="award" class="page"><h2>Award</h2>
${awardTable(result)}
${flagTable(result)}
</section>
<section id="charts"><h2>Cost, risk and viability</h2>
${costFigure(result)}
${riskFigure(result)}
${viabilityFigure(result, colours)}
${priceFigure(result)}
</section>
${contractSection(result)}
<section id="inputs" class="page"><h2>Inputs and run</h2>
${inputsSection(scenario, result)}
${warnings(result)}
</section>`;
}

export function footer(result: Result): Html {
  return html`<footer>Made by zonal ${result.run.version} from input ${result.run.inputHash}. Same input and version give the same report.</footer>`;
}

export function renderSolveReport(result: Result, scenario: Scenario, shapes?: MapShapes): string {
  return page(
    `${result.scenario}: award report`,
    html`${titleBlock(result, 'Award report')}
${headlineTiles(result)}
${solveSections(result, scenario, shapes)}
${footer(result)}`,
  );
}
