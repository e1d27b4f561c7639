/**
 * The two county maps: who serves each zone (filled by the lead or sole
 * provider's colour, unmet demand hatched) and how risky each zone's lot is
 * (shaded by risk score). Each area is one path; zone borders are drawn
 * heavier on top; every zone is labelled, so colour is never the only cue.
 */
import * as Plot from '@observablehq/plot';
import type { MultiPolygon, Pair } from './shapes.js';
import type { Result } from '../../model/result.js';
import type { Area, Zoning } from '../../model/types.js';
import { html, type Html } from './escape.js';
import { hours } from './format.js';
import { labelSize, placeLabels, reflectYFit } from './label-layout.js';
import { mapShapes, type MapGeometry, type MapShapes } from './map-geometry.js';
import { hatchPatternId, noAwardColour, riskScheme, riskShadeNames } from './palette.js';
import { legendMarkup, plotMarkup } from './plot-svg.js';
import { hasRiskScores, mapCareType, zoneAwards, zoneServedBy, type ZoneAward } from './zone-awards.js';
import { byLocaleTextNullLast } from '../../model/order.js';
import { boundsOf } from '../../model/extent.js';

const noAward = 'No award';
/** Drawing widths; the page scales maps to their column. */
const mapWidth = { providers: 640, risk: 440 } as const;

interface Shape<P> {
  readonly type: 'Feature';
  readonly properties: P;
  readonly geometry: { readonly type: 'MultiPolygon'; readonly coordinates: MultiPolygon };
}

const feature = <P>(properties: P, shape: MultiPolygon): Shape<P> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'MultiPolygon', coordinates: shape },
});

export interface MapInput {
  readonly result: Result;
  readonly areas: readonly Area[];
  readonly zoning: Zoning;
  readonly boundaries: unknown;
  /** providerId → colour */
  readonly colours: ReadonlyMap<string, string>;
  /** The shapes of these areas and this zoning, when already drawn (the report thread draws them before the award). */
  readonly shapes?: MapShapes;
}

interface Label {
  readonly zone: ZoneAward;
  readonly at: Pair;
}

interface MapLayers {
  readonly geometry: MapGeometry;
  readonly labels: readonly Label[];
  readonly areas: readonly Shape<{ area: Area; zone: ZoneAward }>[];
  readonly zones: readonly Shape<ZoneAward>[];
  readonly providerName: (id: string | null) => string;
}

function layers(input: MapInput): MapLayers {
  const { geometry, zones: zoneShapes } =
    input.shapes ?? mapShapes(input.areas, input.boundaries, input.zoning);
  const awards = new Map(
    zoneAwards(
      input.result,
      zoneShapes.map((z) => z.zoneId),
    ).map((a) => [a.zoneId, a]),
  );
  const byId = new Map(input.areas.map((a) => [a.id, a]));
  const names = new Map(input.result.providers.map((p) => [p.providerId, p.name]));
  const empty: ZoneAward = {
    zoneId: '',
    lotId: null,
    leadProviderId: null,
    leadUnfilled: false,
    otherProviderIds: [],
    unmetHoursPerWeek: 0,
    riskScore: 0,
  };
  const areas = geometry.areas.flatMap((s) => {
    const area = byId.get(s.areaId);
    const zone = awards.get(input.zoning.get(s.areaId) ?? '') ?? empty;
    return area === undefined ? [] : [feature({ area, zone }, s.shape)];
  });
  return {
    geometry,
    areas,
    zones: zoneShapes.map((z) => feature(awards.get(z.zoneId) ?? { ...empty, zoneId: z.zoneId }, z.shape)),
    labels: zoneShapes.map((z) => ({
      zone: awards.get(z.zoneId) ?? { ...empty, zoneId: z.zoneId },
      at: z.labelAt,
    })),
    providerName: (id) => (id === null ? noAward : `${names.get(id) ?? id} (${id})`),
  };
}

/**
 * Risk in five classes of 20 points: discrete shades read more reliably than
 * a continuous ramp (and Plot draws a continuous ramp's legend on a canvas,
 * which a static page cannot hold).
 */
const riskColour = { type: 'threshold' as const, scheme: riskScheme, domain: [20, 40, 60, 80] };
const riskLegendTitle = 'Lot risk score (0-100, higher is worse)';

/** The risk legend in words: each shade and the scores it stands for. */
function riskLegendText(): string {
  const bounds = [0, ...riskColour.domain, 100];
  const shades = riskShadeNames.map((name, i) => {
    const end = i === 0 ? ' (low risk)' : i === riskShadeNames.length - 1 ? ' (high risk)' : '';
    return `${name} ${bounds[i]}-${bounds[i + 1]}${end}`;
  });
  return `${riskLegendTitle}: ${shades.join(', ')}`;
}

/** The map's height for a drawing `width` wide: the county's own proportions, capped so a tall county does not fill pages. */
function mapHeight(l: MapLayers, width: number): number {
  const { x, y } = boundsOf(l.geometry.areas.flatMap((a) => a.shape.flat(2)));
  const dx = x.max - x.min;
  const dy = y.max - y.min;
  const ratio = dx > 0 && dy > 0 ? dy / dx : 1;
  return Math.round(Math.min(Math.max(width * ratio, 220), 0.85 * width, 560));
}

/** Pixels Plot leaves round the county inside the drawing, and its margins (the charts' left one, kept for the maps). */
const inset = 12;
const margins = { marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 60 } as const;
/** The zone labels' look: bold, a white halo round the letters so they read on any fill. */
const labelLook = { fontWeight: 600, lineHeight: 1.1, strokeWidth: 3.5 } as const;

const projection = (l: MapLayers) => ({
  type: 'reflect-y' as const,
  domain: { type: 'FeatureCollection', features: l.areas },
  inset,
});

/** Every zone's label text and where it goes: at its zone's label point, moved only as far as it must to touch no other label. */
function placedLabels(
  l: MapLayers,
  label: (z: ZoneAward) => string,
  fontSize: number,
  size: { readonly width: number; readonly height: number },
): { text: string; at: Pair }[] {
  const frame = { ...size, ...margins, inset };
  const fit = reflectYFit(
    l.areas.flatMap((a) => a.geometry.coordinates.flat(2)),
    frame,
  );
  const texts = l.labels.map((d) => label(d.zone));
  const boxes = l.labels.map((d, i) => ({
    at: fit.toPixel(d.at),
    ...labelSize(texts[i] ?? '', fontSize, labelLook.lineHeight),
  }));
  // Halos of two labels side by side, and two pixels of air between them.
  const places = placeLabels(boxes, frame, labelLook.strokeWidth + 2);
  return texts.map((text, i) => ({ text, at: fit.toMap(places[i] ?? [0, 0]) }));
}

function borderMarks(
  l: MapLayers,
  label: (z: ZoneAward) => string,
  fontSize: number,
  size: { readonly width: number; readonly height: number },
): Plot.Markish[] {
  return [
    Plot.geo(l.zones, {
      fill: 'none',
      stroke: '#1a1a1a',
      strokeWidth: 2.4,
      strokeLinejoin: 'round',
      className: 'zone-border',
    }),
    Plot.text(placedLabels(l, label, fontSize, size), {
      x: (d: { at: Pair }) => d.at[0],
      y: (d: { at: Pair }) => d.at[1],
      text: (d: { text: string }) => d.text,
      fill: '#111',
      stroke: 'white',
      fontSize,
      ...labelLook,
      className: 'zone-label',
    }),
  ];
}

/** Areas of a lot with unmet demand: the ones the providers map hatches. */
const hatchedAreas = (l: MapLayers) => l.areas.filter((a) => a.properties.zone.unmetHoursPerWeek > 0);

function providerMap(input: MapInput, l: MapLayers): Html {
  const leads = [...new Set(l.zones.map((z) => z.properties.leadProviderId))].sort(byLocaleTextNullLast);
  const unmet = hatchedAreas(l);
  const size = { width: mapWidth.providers, height: mapHeight(l, mapWidth.providers), ...margins };
  return plotMarkup({
    ...size,
    projection: projection(l),
    color: {
      type: 'categorical',
      domain: leads.map(l.providerName),
      range: leads.map((id) => (id === null ? noAwardColour : (input.colours.get(id) ?? noAwardColour))),
      legend: true,
    },
    ariaLabel: 'Map of zones coloured by lead provider',
    marks: [
      Plot.geo(l.areas, {
        fill: (f: MapLayers['areas'][number]) => l.providerName(f.properties.zone.leadProviderId),
        stroke: 'white',
        strokeWidth: 0.8,
        className: 'area',
        title: (f: MapLayers['areas'][number]) =>
          `${f.properties.area.name} (${f.properties.area.id}), zone ${f.properties.zone.zoneId}: ${zoneServedBy(f.properties.zone, l.providerName(f.properties.zone.leadProviderId))}`,
      }),
      Plot.geo(unmet, { fill: `url(#${hatchPatternId})`, className: 'unmet-demand' }),
      ...borderMarks(
        l,
        (z) => `${z.zoneId}\n${z.leadProviderId ?? 'no award'}${z.leadUnfilled ? ' (no lead)' : ''}`,
        12,
        size,
      ),
    ],
  });
}

function riskMap(l: MapLayers): Html {
  const size = { width: mapWidth.risk, height: mapHeight(l, mapWidth.risk), ...margins };
  return plotMarkup({
    ...size,
    projection: projection(l),
    color: riskColour,
    ariaLabel: 'Map of zones shaded by lot risk score',
    marks: [
      Plot.geo(l.areas, {
        fill: (f: MapLayers['areas'][number]) => f.properties.zone.riskScore,
        stroke: 'white',
        strokeWidth: 0.8,
        className: 'area',
        title: (f: MapLayers['areas'][number]) =>
          `${f.properties.area.name}, zone ${f.properties.zone.zoneId}: risk ${f.properties.zone.riskScore.toFixed(0)}/100`,
      }),
      ...borderMarks(l, (z) => `${z.zoneId}\n${z.riskScore.toFixed(0)}`, 11, size),
    ],
  });
}

/** The hatch swatch, for the legend under the map. */
const hatchSwatch = html`<svg width="15" height="15" aria-hidden="true"><rect width="15" height="15" fill="${noAwardColour}"></rect><rect width="15" height="15" fill="url(#${hatchPatternId})"></rect></svg>`;

function notes(input: MapInput, l: MapLayers): Html {
  const careType = mapCareType(input.result.lots);
  const elsewhere = input.result.lots.filter((lot) => lot.careType !== careType && lot.unmetHoursPerWeek > 0);
  const hatching =
    hatchedAreas(l).length === 0 ? '' : html`${hatchSwatch} Hatched: the shown lot has unmet demand. `;
  return html`<p class="note">${hatching}The maps show the <strong>${careType ?? 'no'}</strong> lots; heavy lines are zone borders, thin lines area borders. Areas are drawn ${l.geometry.source === 'boundaries' ? 'from the boundaries file' : 'as the cells nearest each area centroid (no boundaries file), so borders are approximate'}.${l.geometry.note === null ? '' : ` ${l.geometry.note}`}</p>
${elsewhere.length === 0 ? '' : html`<p class="note">Unmet demand in lots not on the map: ${elsewhere.map((lot, i) => html`${i > 0 ? ', ' : ''}${lot.lotId} ${hours(lot.unmetHoursPerWeek)} h/week`)}.</p>`}`;
}

/** Both maps with their legends and notes. */
export function renderMaps(input: MapInput): Html {
  const l = layers(input);
  const scored = hasRiskScores(input.result);
  return html`<div class="maps">
<figure class="map providers"><figcaption>Who serves each zone (lead or sole provider)</figcaption>${providerMap(input, l)}</figure>
<figure class="map risk"><figcaption>Risk of each zone's lot</figcaption>${legendMarkup({ color: { ...riskColour, label: riskLegendTitle }, width: 320 }, riskLegendText())}${riskMap(l)}${scored ? '' : html`<p class="empty">Risk scores have not been computed for this award.</p>`}</figure>
</div>
${notes(input, l)}`;
}
