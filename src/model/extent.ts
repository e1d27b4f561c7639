/**
 * The smallest and largest of many numbers, or of many points' coordinates, by a loop:
 * `Math.min(...values)` passes each value as an argument, and from about 120,000 of them
 * (a detailed boundaries file, a national map's vertices) the call overflows the stack.
 * With no values, min is Infinity and max -Infinity. Pure.
 */

export interface Range {
  readonly min: number;
  readonly max: number;
}

export function rangeOf(values: Iterable<number>): Range {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

export interface Bounds {
  readonly x: Range;
  readonly y: Range;
}

/** Each coordinate's range over `points` ([x, y] pairs). */
export function boundsOf(points: Iterable<readonly [number, number]>): Bounds {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { x: { min: minX, max: maxX }, y: { min: minY, max: maxY } };
}
