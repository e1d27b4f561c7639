/**
 * The workbench page: the map's area shapes drawn on the server (each with
 * `data-area-id`, a contract), labelled controls, and the page script as
 * ES modules served by the workbench itself. Nothing is fetched from
 * anywhere else: no fonts, no tiles, no CDN.
 */
import { html, type Html } from '../report/html/escape.js';
import type { MapDrawing } from './map-svg.js';

const css = `
:root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --band: #f4f4f1; --accent: #0b4f7c; --alert: #a33a00; --good: #1d5e20; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
header { padding: 10px 20px; border-bottom: 3px solid var(--accent); display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 20px; margin: 0; color: var(--accent); }
#status { margin: 0; color: var(--muted); }
#status.busy::before { content: "⏳ "; }
main { display: grid; grid-template-columns: minmax(320px, 5fr) minmax(280px, 3fr) minmax(320px, 5fr); gap: 16px; padding: 12px 20px 40px; align-items: start; }
@media (max-width: 1100px) { main { grid-template-columns: 1fr; } }
h2 { font-size: 16px; margin: 0 0 6px; color: var(--accent); }
h3 { font-size: 14px; margin: 14px 0 4px; }
.hint, .note { color: var(--muted); font-size: 12.5px; margin: 4px 0; }
svg#map { width: 100%; height: auto; display: block; background: #fafafa; border: 1px solid var(--rule); }
#map path.area { stroke: #fff; stroke-width: 1; vector-effect: non-scaling-stroke; cursor: pointer; fill: #d9d9d9; }
#map path.area[aria-pressed="true"] { filter: brightness(1.15); }
#map path.area:focus { outline: none; }
#map .mark { fill: none; pointer-events: none; vector-effect: non-scaling-stroke; stroke-linejoin: round; }
#map .mark.selected { stroke: #000; stroke-width: 3; stroke-dasharray: 6 3; }
#map .mark.focus-halo { stroke: #fff; stroke-width: 8; }
#map .mark.focus { stroke: #000; stroke-width: 4; }
#map .outline { fill: none; stroke: #1a1a1a; stroke-width: 2.4; vector-effect: non-scaling-stroke; pointer-events: none; }
#map text { font-size: 30px; font-weight: 600; fill: #111; stroke: #fff; stroke-width: 6px; paint-order: stroke; pointer-events: none; text-anchor: middle; }
fieldset { border: 1px solid var(--rule); margin: 0 0 10px; padding: 6px 10px 10px; }
legend { font-weight: 600; }
label { display: inline-block; margin: 3px 8px 3px 0; }
input, select, button { font: inherit; }
input[type=number] { width: 6em; }
button { margin: 3px 6px 3px 0; padding: 3px 10px; border: 1px solid #666; background: #fff; border-radius: 3px; cursor: pointer; }
button:hover:not(:disabled) { background: #eef4f8; }
button:disabled { color: #999; border-color: #bbb; cursor: default; }
:focus-visible { outline: 3px solid #0072B2; outline-offset: 1px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 4px 0 10px; }
th, td { padding: 3px 6px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.better { color: var(--good); font-weight: 600; }
.worse { color: var(--alert); font-weight: 600; }
tr.changed td { background: #fff5e6; }
#diagnosis { border-left: 4px solid var(--alert); background: #fbe9dd; padding: 6px 10px; margin: 6px 0; }
#diagnosis[hidden] { display: none; }
#zone-pieces { border-left: 4px solid var(--alert); background: #fbe9dd; padding: 2px 10px; margin: 6px 0; font-size: 12.5px; }
#zone-pieces p { margin: 4px 0; }
#warnings { margin: 6px 0; font-size: 12.5px; } #warnings summary { font-weight: 600; cursor: pointer; } #warnings ul { padding-left: 1.2em; margin: 4px 0; }
#diagnosis dl { margin: 2px 0; } #diagnosis dt { font-weight: 600; } #diagnosis dd { margin: 0 0 4px 1.2em; } #diagnosis ul { padding-left: 1.2em; margin: 2px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #555; vertical-align: -1px; margin-right: 4px; }
#legend { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 12.5px; margin: 6px 0; }
a.skip { position: absolute; left: -10000px; }
a.skip:focus { position: static; display: inline-block; margin: 0 0 6px; }
.message { min-height: 1.2em; font-size: 12.5px; }
.message.error { color: var(--alert); }
`;

function mapMarkup(drawing: MapDrawing): Html {
  return html`<svg id="map" viewBox="-10 -10 ${drawing.width + 20} ${drawing.height + 20}" role="group" aria-label="Map of areas coloured by zone: select areas to move them">
<g class="areas">${drawing.areas.map((a) => html`<path class="area" data-area-id="${a.areaId}" d="${a.d}" tabindex="0" role="button" aria-pressed="false" aria-label="${a.name} (${a.areaId})"><title>${a.name} (${a.areaId})</title></path>`)}</g>
<g class="outlines"></g><g class="labels"></g><g class="marks"></g>
</svg>`;
}

export function workbenchPage(scenarioName: string, drawing: MapDrawing): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>zonal workbench: ${scenarioName}</title><link rel="icon" href="data:,"><style>${css}</style></head>
<body>
<header><h1>zonal workbench: ${scenarioName}</h1><p id="status" role="status" aria-live="polite">Loading…</p></header>
<main>
<section aria-labelledby="map-heading">
<a class="skip" href="#edit-heading">Skip the map to the edit controls</a>
<h2 id="map-heading">Zones</h2>
<p class="hint">Click areas, or Tab to one and press Space, to select them; then move them to a zone or split them off as a new one. Heavy lines are zone borders.</p>
${mapMarkup(drawing)}
<div id="legend" aria-label="Zone colours"></div>
<div id="zone-pieces" role="status" aria-live="polite" hidden></div>
<p class="note">Areas are drawn ${drawing.source === 'boundaries' ? 'from the boundaries file' : 'as the cells nearest each area centroid (no boundaries file), so borders are approximate'}.${drawing.note === null ? '' : ` ${drawing.note}`}</p>
</section>
<section aria-labelledby="edit-heading">
<h2 id="edit-heading" tabindex="-1">Edit</h2>
<fieldset><legend>Selected areas</legend>
<p id="selection" class="hint">No area selected.</p>
<label>Move to zone <select id="move-target"></select></label><button type="button" id="move">Move</button><br>
<label>New zone id <input id="new-zone" size="10" autocomplete="off"></label><button type="button" id="split">Split off as a new zone</button><br>
<button type="button" id="clear-selection">Clear selection</button>
</fieldset>
<fieldset><legend>Zonings</legend>
<label>Open zoning <select id="open-zoning"></select></label><button type="button" id="open">Open</button>
<p class="hint">Its zones replace those on the map, to edit them (Undo takes them back); saving under its name then offers to replace it, if the workbench saved it.</p>
</fieldset>
<fieldset><legend>Merge zones</legend>
<label>Merge zone <select id="merge-from"></select></label> <label>into <select id="merge-into"></select></label><button type="button" id="merge">Merge</button>
</fieldset>
<fieldset id="lots-fieldset"><legend>Lots per care type</legend><div id="lot-controls"></div></fieldset>
<fieldset id="rules-fieldset"><legend>Award rules</legend><div id="rule-controls"></div></fieldset>
<fieldset><legend>History</legend>
<button type="button" id="undo" aria-keyshortcuts="Control+Z">Undo</button><button type="button" id="redo" aria-keyshortcuts="Control+Y">Redo</button><button type="button" id="reset">Back to the start</button>
</fieldset>
<fieldset><legend>Keep this work</legend>
<label>Zoning name <input id="save-name" size="14" autocomplete="off" pattern="[A-Za-z0-9_.\\-]+"></label><button type="button" id="save">Save zoning</button>
<p id="save-message" class="message" role="status" aria-live="polite"></p>
<button type="button" id="save-replace" hidden>Replace it</button>
<button type="button" id="download-report">Download report</button><button type="button" id="download-workbook">Download result workbook</button>
<p id="download-message" class="message" role="status" aria-live="polite"></p>
</fieldset>
</section>
<section aria-labelledby="award-heading">
<h2 id="award-heading">Award</h2>
<div id="diagnosis" hidden></div>
<table id="headline"><caption class="hint">Now against the starting award</caption>
<thead><tr><th scope="col">Figure</th><th scope="col" class="num">Now</th><th scope="col" class="num">Start</th><th scope="col" class="num">Change</th></tr></thead><tbody></tbody></table>
<h3>Lots that change hands</h3>
<ul id="changes"><li>None yet.</li></ul>
<details id="warnings" hidden></details>
<h3>Lots</h3>
<table id="lots"><thead><tr><th scope="col">Lot</th><th scope="col">Winners</th><th scope="col" class="num" title="Bids that cover every area of the lot, accept its structure (bids.csv structures), meet the quality threshold and, where the tender rejects bids below it (the default), pay at least the lot's legal wage floor">Bids that may win</th><th scope="col" class="num">h/week</th><th scope="col" class="num">Unmet</th><th scope="col" class="num">Annual cost</th><th scope="col" class="num">Risk</th></tr></thead><tbody></tbody></table>
</section>
</main>
<script type="module" src="/app/main.js"></script>
</body></html>
`.text;
}
