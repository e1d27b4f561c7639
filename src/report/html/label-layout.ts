/**
 * Where a map's zone labels go: each at its zone's label point unless it would
 * touch a label already placed, then at the nearest spot where it touches none
 * (two small neighbouring zones, Three Rivers and Watford on the bundled county,
 * had labels whose white halos met and read as one line). Worked out in the
 * map's drawing pixels, through the same fit Plot gives a "reflect-y"
 * projection with a domain, and handed back to Plot in map coordinates. Pure.
 */
import type { Pair } from './shapes.js';
import { boundsOf } from '../../model/extent.js';

/**
 * A map drawing: its size, its margins and the inset Plot leaves round the county. Give
 * Plot every margin: its defaults differ by half a pixel between a browser, Node and a test.
 */
export interface MapFrame {
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginRight: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
  readonly inset: number;
}

interface Fit {
  readonly toPixel: (p: Pair) => Pair;
  readonly toMap: (p: Pair) => Pair;
}

/**
 * Plot's fit of a "reflect-y" projection whose domain spans `points`: one scale
 * for both axes, y flipped, the county centred in the frame less its inset.
 */
export function reflectYFit(points: readonly Pair[], frame: MapFrame): Fit {
  const { x, y } = boundsOf(points);
  // y flipped: the page's y runs down.
  const [x0, x1, y0, y1] = [x.min, x.max, -y.max, -y.min];
  const dx = frame.width - frame.marginLeft - frame.marginRight - 2 * frame.inset;
  const dy = frame.height - frame.marginTop - frame.marginBottom - 2 * frame.inset;
  const k = Math.min(dx / (x1 - x0), dy / (y1 - y0));
  if (!(k > 0 && Number.isFinite(k))) return { toPixel: (p) => p, toMap: (p) => p };
  const tx = frame.marginLeft + frame.inset - (k * (x0 + x1) - dx) / 2;
  const ty = frame.marginTop + frame.inset - (k * (y0 + y1) - dy) / 2;
  return {
    toPixel: ([x, y]) => [x * k + tx, -y * k + ty],
    toMap: ([px, py]) => [(px - tx) / k, -(py - ty) / k],
  };
}

/** Narrow marks, wide capitals, the rest as a bold capital: wider than most fonts draw them, never narrower. */
const emWidth = (c: string): number => (' -.,()'.includes(c) ? 0.45 : 'MW'.includes(c) ? 1 : 0.75);

/** A label's box in pixels, one line per `\n`, as Plot sets it (centred on its point). */
export function labelSize(
  text: string,
  fontSize: number,
  lineHeight: number,
): { width: number; height: number } {
  const lines = text.split('\n');
  const widest = Math.max(...lines.map((l) => [...l].reduce((t, c) => t + emWidth(c), 0)));
  return { width: widest * fontSize, height: lines.length * lineHeight * fontSize };
}

export interface LabelBox {
  /** Where the label would sit, in pixels. */
  readonly at: Pair;
  readonly width: number;
  readonly height: number;
}

const touches = (a: Pair, b: Pair, aBox: LabelBox, bBox: LabelBox, clearance: number): boolean =>
  Math.abs(a[0] - b[0]) < (aBox.width + bBox.width) / 2 + clearance &&
  Math.abs(a[1] - b[1]) < (aBox.height + bBox.height) / 2 + clearance;

/** The 16 directions of a ring round a label's point, starting straight up the page's y axis. */
const directions: readonly Pair[] = Array.from({ length: 16 }, (_, i) => {
  const angle = Math.PI / 2 + (i * Math.PI) / 8;
  return [Math.cos(angle), Math.sin(angle)];
});

/**
 * The first spot round `at`, nearest first (the point itself, then a ring of 16 every pixel
 * out to `reach`), that `ok` accepts, or undefined. Spots are made one at a time: a map's
 * rings run to about 12,000 spots, and most labels take the first.
 */
function nearestSpot(at: Pair, reach: number, ok: (p: Pair) => boolean): Pair | undefined {
  if (ok(at)) return at;
  for (let r = 1; r <= reach; r++)
    for (const [dx, dy] of directions) {
      const p: Pair = [at[0] + r * dx, at[1] + r * dy];
      if (ok(p)) return p;
    }
  return undefined;
}

/** Above this many labels a map keeps each at its point (placeLabels). */
export const movedLabelsAtMost = 150;

/**
 * Each label's place, in order: its own point when that keeps `clearance` pixels from
 * every label placed before it and the label inside the frame, else the nearest such spot
 * (or, when the frame has none, the nearest spot clear of the others, even outside it: a
 * label beside the map beats two on top of each other). Spots are searched out to half the
 * frame's diagonal. A map of more than `movedLabelsAtMost` zones keeps every label at its
 * point: the search costs about labels² × spots (600 labels took 1.7 s a map), and at that
 * many zones a map's labels are too small to read whatever their places.
 */
export function placeLabels(labels: readonly LabelBox[], frame: MapFrame, clearance: number): Pair[] {
  if (labels.length > movedLabelsAtMost) return labels.map((l) => l.at);
  const reach = Math.ceil(Math.hypot(frame.width, frame.height) / 2);
  const placed: { at: Pair; box: LabelBox }[] = [];
  for (const box of labels) {
    const free = (p: Pair) => placed.every((q) => !touches(p, q.at, box, q.box, clearance));
    const inside = (p: Pair) =>
      p[0] - box.width / 2 >= frame.marginLeft &&
      p[0] + box.width / 2 <= frame.width - frame.marginRight &&
      p[1] - box.height / 2 >= frame.marginTop &&
      p[1] + box.height / 2 <= frame.height - frame.marginBottom;
    const at =
      nearestSpot(box.at, reach, (p) => inside(p) && free(p)) ?? nearestSpot(box.at, reach, free) ?? box.at;
    placed.push({ at, box });
  }
  return placed.map((p) => p.at);
}
