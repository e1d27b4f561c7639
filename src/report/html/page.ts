/**
 * The page shell: one self-contained HTML file with inline CSS, no script and
 * no external resource, laid out for screen and for A4 print.
 */
import { html, trusted, type Html } from './escape.js';
import { hatchPatternId } from './palette.js';

const css = `
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --band: #f4f4f1; --accent: #0b4f7c; --alert: #a33a00; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1120px; padding: 24px 28px 48px; color: var(--ink); background: #fff;
  font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
header.title { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 16px; }
header.title h1 { font-size: 26px; margin: 0 0 4px; color: var(--accent); }
header.title p { margin: 0; color: var(--muted); }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); color: var(--accent); }
h3 { font-size: 15px; margin: 18px 0 6px; }
h4 { font-size: 14px; margin: 14px 0 6px; }
h2.best ~ section > h3 { font-size: 17px; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: 3px; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 12px; background: #e3efe3; color: #1d5e20; }
.status.feasible, .status.infeasible { background: #fbe9dd; color: var(--alert); }
.headline { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 14px 0; }
.headline div { background: var(--band); border-left: 4px solid var(--accent); padding: 8px 10px; }
.headline div.warn { border-left-color: var(--alert); }
.headline b { display: block; font-size: 21px; line-height: 1.2; }
.headline span { color: var(--muted); font-size: 12px; }
.maps { display: grid; grid-template-columns: 3fr 2fr; gap: 20px; align-items: start; }
figure { margin: 0 0 8px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure svg { max-width: 100%; height: auto; }
.chart { margin: 10px 0 4px; }
.note, .empty { color: var(--muted); font-size: 12.5px; margin: 4px 0 8px; }
.empty { font-style: italic; }
.note svg { vertical-align: -3px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.alert td { color: var(--alert); }
.winner small { display: block; color: var(--muted); font-size: 11px; }
table.award th:last-child, table.award td:last-child { width: 40%; }
table.award th:nth-child(2) { width: 22%; }
.winner + .winner { margin-top: 3px; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 12.5px; margin: 6px 0 14px; }
dl.settings dt { color: var(--muted); }
dl.settings dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
ul.warnings { font-size: 12.5px; color: var(--muted); }
footer { margin-top: 30px; font-size: 11.5px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 6px; }
@page { size: A4; margin: 12mm 11mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  section { break-before: auto; }
  section.page { break-before: page; page-break-before: always; }
  /* An A4 page is 188 mm wide inside its margins: the widest tables (the ranking of a
     comparison, cost per lot, providers) fit it with smaller type, tighter cells and
     numeric headers that wrap. */
  table { font-size: 8.5pt; }
  th, td { padding: 2px 4px; }
  th.num { white-space: normal; }
  tr { break-inside: avoid; }
  .headline b { font-size: 15pt; }
  .maps { grid-template-columns: 1fr; }
  figure.map.risk { width: 72%; margin: 0 auto; }
}
`;

/** A hidden SVG holding the hatch pattern the maps refer to by id. */
const patterns =
  trusted(`<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs>
<pattern id="${hatchPatternId}" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="none"></rect><line x1="0" y1="0" x2="0" y2="7" stroke="#1a1a1a" stroke-width="2.2"></line></pattern>
</defs></svg>`);

/** The whole page around the given sections. */
export function page(title: string, body: Html): string {
  return `<!doctype html>
${
  html`<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${trusted(css)}</style>
</head>
<body>
${patterns}
${body}
</body>
</html>
`.text
}`;
}
