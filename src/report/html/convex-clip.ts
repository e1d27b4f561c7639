/**
 * The intersection of two convex polygons (Sutherland–Hodgman: clip the subject
 * by each edge of the window in turn). Exact for convex windows, in plain
 * floating point: no big-number arithmetic, so a county's map cells take well
 * under a millisecond where a general clipper (polyclip-ts) took about 0.3-0.8 s
 * of a cold `zonal solve`. Where an edge crosses the window, the crossing is
 * computed from the edge's endpoints in a fixed order, so two cells that share
 * an edge get bit-identical crossing points and their union leaves no sliver.
 */
import type { MultiPolygon, Pair } from './shapes.js';

/** Twice the signed area of a ring (positive when counter-clockwise, y up). */
function doubleArea(ring: readonly Pair[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as Pair;
    const [x1, y1] = ring[(i + 1) % ring.length] as Pair;
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/** A ring without its closing point and without repeated consecutive points. */
function openRing(ring: readonly Pair[]): Pair[] {
  const out: Pair[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (
    out.length > 1 &&
    first !== undefined &&
    last !== undefined &&
    first[0] === last[0] &&
    first[1] === last[1]
  )
    out.pop();
  return out;
}

const counterClockwise = (ring: Pair[]): Pair[] => (doubleArea(ring) < 0 ? ring.reverse() : ring);

/** Which side of the directed line a→b a point lies: > 0 left, < 0 right. */
const side = (a: Pair, b: Pair, p: Pair) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);

/** Where segment p–q crosses line a→b, computed from p and q in lexicographic order. */
function crossing(a: Pair, b: Pair, p: Pair, q: Pair): Pair {
  const [s, t] = p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]) ? [p, q] : [q, p];
  const ds = side(a, b, s);
  const dt = side(a, b, t);
  const k = ds / (ds - dt);
  return [s[0] + k * (t[0] - s[0]), s[1] + k * (t[1] - s[1])];
}

/**
 * subject ∩ window, both convex outer rings (closed or open, either
 * orientation). The result is one counter-clockwise closed ring, or [] when
 * they do not overlap in an area.
 */
export function clipConvex(subject: readonly Pair[], window: readonly Pair[]): MultiPolygon {
  const clip = counterClockwise(openRing(window));
  let out = counterClockwise(openRing(subject));
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i] as Pair;
    const b = clip[(i + 1) % clip.length] as Pair;
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j] as Pair;
      const q = input[(j + 1) % input.length] as Pair;
      const pIn = side(a, b, p) >= 0;
      const qIn = side(a, b, q) >= 0;
      if (pIn) out.push(p);
      if (pIn !== qIn) out.push(crossing(a, b, p, q));
    }
    out = openRing(out);
  }
  if (out.length < 3 || doubleArea(out) <= 0) return [];
  const first = out[0] as Pair;
  return [[[...out, first]]];
}
