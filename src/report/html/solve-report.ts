/**
 * report.html for one solve: a self-contained page (inline CSS and SVG, no
 * script, no network) that prints to A4.
 *
 *   1. title and headline figures
 *   2. the county maps: who serves each zone, and each zone's risk
 *   3. the award per lot with its explanation, and abnormally low tenders
 *   3a. what each award rule costs (when computed: a solve, not a comparison's option)
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
import { heading, type Depth } from './heading.js';
import { headlineTiles, titleBlock } from './headline.js';
import { inputsSection } from './inputs.js';
import type { MapShapes } from './map-geometry.js';
import { renderMaps } from './map-render.js';
import { ruleCostsSection } from './rule-costs.js';
import { page } from './page.js';
import { coloursFor } from './palette.js';

function warnings(result: Result, depth: Depth): Html {
  if (result.warnings.length === 0) return html``;
  return html`${heading(3, depth, 'Warnings')}<ul class="warnings">${result.warnings.map((w) => html`<li>${w}</li>`)}</ul>`;
}

/**
 * Body of a solve report; `renderComparisonReport` reuses it for the best option.
 * `shapes`: the maps' shapes for the result's zoning, when drawn beforehand; `depth`: 1 when
 * the sections sit under a heading of their own (the best option of a comparison).
 */
export function solveSections(
  result: Result,
  scenario: Scenario,
  shapes?: MapShapes,
  depth: Depth = 0,
): Html {
  const colours = coloursFor(result.providers.map((p) => p.providerId));
  const zoning = scenario.zonings.get(result.zoning) ?? new Map<string, string>();
  const areas = scenario.areas;
  return html`<section id="map">${heading(2, depth, 'Zone map')}
${renderMaps({ result, areas, zoning, boundaries: scenario.boundaries, colours, ...(shapes === undefined ? {} : { shapes }) })}
</section>
<section id="award" class="page">${heading(2, depth, 'Award')}
${awardTable(result)}
${flagTable(result)}
</section>${ruleCostsSection(result, depth)}
<section id="charts">${heading(2, depth, 'Cost, risk and viability')}
${costFigure(result)}
${riskFigure(result)}
${viabilityFigure(result, colours)}
${priceFigure(result)}
</section>
${contractSection(result, depth)}
<section id="inputs" class="page">${heading(2, depth, 'Inputs and run')}
${inputsSection(scenario, result, depth)}
${warnings(result, depth)}
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
