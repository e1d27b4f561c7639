/**
 * The workbench map as SVG path data: each area's shape and each zone's
 * outline, from the report's own map geometry (report/html/map-geometry.ts:
 * boundaries file, else Voronoi cells around centroids), scaled into a
 * viewBox `width` wide with north up.
 */
import type { Area, Zoning } from '../model/types.js';
import { areaGeometry, zoneGeometry, type AreaShape } from '../report/html/map-geometry.js';
import type { MultiPolygon, Pair } from '../report/html/shapes.js';
import { boundsOf } from '../model/extent.js';

interface AreaPath {
  readonly areaId: string;
  readonly name: string;
  readonly d: string;
}

export interface ZoneOutline {
  readonly zoneId: string;
  readonly d: string;
  readonly labelAt: Pair;
}

export interface MapDrawing {
  readonly width: number;
  readonly height: number;
  readonly source: 'boundaries' | 'centroids';
  readonly note: string | null;
  readonly areas: readonly AreaPath[];
}

const drawingWidth = 1000;

type Fit = (p: Pair) => Pair;

function fitFor(shapes: readonly AreaShape[]): { fit: Fit; height: number } {
  const { x, y } = boundsOf(shapes.flatMap((s) => s.shape.flat(2)));
  const [minX, maxX, minY, maxY] = [x.min, x.max, y.min, y.max];
  const scale = drawingWidth / Math.max(maxX - minX, 1e-9);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    fit: ([x, y]) => [round((x - minX) * scale), round((maxY - y) * scale)],
    height: Math.ceil((maxY - minY) * scale),
  };
}

function pathData(shape: MultiPolygon, fit: Fit): string {
  return shape
    .flatMap((polygon) => polygon.map((ring) => `M${ring.map((p) => fit(p).join(',')).join('L')}Z`))
    .join('');
}

/** The map's area shapes, drawn once per server. */
export function mapDrawing(
  areas: readonly Area[],
  boundaries: unknown,
): MapDrawing & { readonly outlines: (zoning: Zoning) => ZoneOutline[] } {
  const geometry = areaGeometry(areas, boundaries);
  const { fit, height } = fitFor(geometry.areas);
  const names = new Map(areas.map((a) => [a.id, a.name]));
  return {
    width: drawingWidth,
    height,
    source: geometry.source,
    note: geometry.note,
    areas: geometry.areas.map((a) => ({
      areaId: a.areaId,
      name: names.get(a.areaId) ?? a.areaId,
      d: pathData(a.shape, fit),
    })),
    outlines: (zoning) =>
      zoneGeometry(geometry.areas, zoning, geometry.source).map((z) => ({
        zoneId: z.zoneId,
        d: pathData(z.shape, fit),
        labelAt: fit(z.labelAt),
      })),
  };
}
