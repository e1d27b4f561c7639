/**
 * The map on the page: area shapes (drawn by the server, each with
 * data-area-id) filled by zone colour; click, or Space/Enter on a focused
 * area, selects it. Zone outlines and labels come from the server as the
 * zoning changes; every zone is labelled, so colour is never the only cue.
 */
import { el, svgEl } from './dom.js';

export interface ZoneOutline {
  readonly zoneId: string;
  readonly d: string;
  readonly labelAt: readonly [number, number];
}

/** A zone that is not one piece of the neighbour graph, and its pieces (area ids): POST /api/outlines `notConnected`. */
export interface ZoneInPieces {
  readonly zoneId: string;
  readonly pieces: readonly (readonly string[])[];
}

/**
 * What the page says of zones in more than one piece, one line each, or none: a split or a
 * move can leave a zone in pieces, which no command refuses (a scenario's own zoning may have
 * them) but `zonal zones` counts as "not connected". Until 2026-12-02 the page said nothing.
 */
export function notConnectedLines(
  zones: readonly ZoneInPieces[],
  names: ReadonlyMap<string, string>,
  neighboursFrom: 'boundaries' | 'centroids',
): string[] {
  if (zones.length === 0) return [];
  const area = (id: string) => `${names.get(id) ?? id} (${id})`;
  return [
    ...zones.map(
      (z) =>
        `Zone ${z.zoneId} is not connected: its areas fall into ${z.pieces.length} pieces with no neighbour link between them: ${z.pieces.map((p) => p.map(area).join(', ')).join(' | ')}.`,
    ),
    `A zone is meant to be one piece: zonal solve tenders it as one lot all the same, but zonal zones counts it as not connected. Move areas to join the pieces, or Undo.${
      neighboursFrom === 'centroids'
        ? ' Neighbours are judged from the area centres, as zonal zones judges them without a boundaries file.'
        : ''
    }`,
  ];
}

export class MapView {
  readonly selected = new Set<string>();
  readonly #areas: Map<string, SVGPathElement>;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly onSelect: () => void,
  ) {
    this.#areas = new Map(
      [...svg.querySelectorAll<SVGPathElement>('path[data-area-id]')].map((p) => [
        p.dataset['areaId'] ?? '',
        p,
      ]),
    );
    for (const [id, path] of this.#areas) {
      path.addEventListener('focus', () => this.#mark());
      path.addEventListener('blur', () => this.#mark());
      path.addEventListener('click', () => this.toggle(id));
      path.addEventListener('keydown', (e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          this.toggle(id);
        }
      });
    }
  }

  /**
   * Draw the selected areas and the focused one again in the map's last
   * layer: a shape's own border is half covered by the neighbours and zone
   * borders drawn after it, so the focus and the selection would hardly show.
   */
  #mark(): void {
    const focused = [...this.#areas.values()].find((p) => p === document.activeElement);
    const copy = (path: SVGPathElement, kind: string) =>
      svgEl('path', { class: `mark ${kind}`, d: path.getAttribute('d') ?? '', 'aria-hidden': 'true' });
    this.svg.querySelector('g.marks')?.replaceChildren(
      ...[...this.selected].flatMap((id) => {
        const path = this.#areas.get(id);
        return path === undefined ? [] : [copy(path, 'selected')];
      }),
      ...(focused === undefined ? [] : [copy(focused, 'focus-halo'), copy(focused, 'focus')]),
    );
  }

  toggle(areaId: string): void {
    if (this.selected.has(areaId)) this.selected.delete(areaId);
    else this.selected.add(areaId);
    this.#areas.get(areaId)?.setAttribute('aria-pressed', String(this.selected.has(areaId)));
    this.#mark();
    this.onSelect();
  }

  clearSelection(): void {
    for (const id of this.selected) this.#areas.get(id)?.setAttribute('aria-pressed', 'false');
    this.selected.clear();
    this.#mark();
    this.onSelect();
  }

  /** Fill each area with its zone's colour; name the zone in its label. */
  paint(
    zones: Readonly<Record<string, string>>,
    colours: ReadonlyMap<string, string>,
    names: ReadonlyMap<string, string>,
  ): void {
    for (const [id, path] of this.#areas) {
      const zone = zones[id] ?? '';
      path.style.fill = colours.get(zone) ?? '#d9d9d9';
      path.dataset['zoneId'] = zone;
      const label = `${names.get(id) ?? id} (${id}), zone ${zone}`;
      path.setAttribute('aria-label', label);
      path.querySelector('title')?.replaceChildren(label);
    }
  }

  drawOutlines(outlines: readonly ZoneOutline[]): void {
    const group = this.svg.querySelector('g.outlines');
    const labels = this.svg.querySelector('g.labels');
    group?.replaceChildren(
      ...outlines.map((o) => svgEl('path', { class: 'outline', d: o.d, 'data-zone-id': o.zoneId })),
    );
    labels?.replaceChildren(
      ...outlines.map((o) => {
        const text = svgEl('text', { x: String(o.labelAt[0]), y: String(o.labelAt[1] + 10) });
        text.textContent = o.zoneId;
        return text;
      }),
    );
  }
}

/** The colour key: one swatch and zone id per zone. */
export function legendItems(zones: readonly string[], colours: ReadonlyMap<string, string>): HTMLElement[] {
  return zones.map((z) =>
    el(
      'span',
      {},
      el('span', {
        class: 'swatch',
        style: `background:${colours.get(z) ?? '#d9d9d9'}`,
        'aria-hidden': 'true',
      }),
      z,
    ),
  );
}
