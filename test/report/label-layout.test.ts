import { describe, expect, it } from 'vitest';
import {
  labelSize,
  movedLabelsAtMost,
  placeLabels,
  reflectYFit,
  type LabelBox,
} from '../../src/report/html/label-layout.js';
import type { Pair } from '../../src/report/html/shapes.js';

const margins = { marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 60 };
const frame = { width: 460, height: 300, ...margins, inset: 12 };
const clearance = 5.5;

/** Whether two placed boxes keep `clearance` pixels apart on at least one axis. */
const apart = (a: Pair, b: Pair, aBox: LabelBox, bBox: LabelBox) =>
  Math.abs(a[0] - b[0]) >= (aBox.width + bBox.width) / 2 + clearance - 1e-9 ||
  Math.abs(a[1] - b[1]) >= (aBox.height + bBox.height) / 2 + clearance - 1e-9;

describe('zone labels on a map', () => {
  it('fit the county as Plot does: y up, one scale, centred in the frame less its margins and inset', () => {
    const fit = reflectYFit(
      [
        [0, 0],
        [10, 5],
      ],
      frame,
    );
    // 376 px for 10 units across (276 / 5 down would be larger): 37.6 px a unit, centred down.
    expect(fit.toPixel([0, 5])).toEqual([72, 150 - 2.5 * 37.6]);
    expect(fit.toPixel([10, 0])).toEqual([448, 150 + 2.5 * 37.6]);
    const back = fit.toMap(fit.toPixel([3, 4]));
    expect(back[0]).toBeCloseTo(3, 9);
    expect(back[1]).toBeCloseTo(4, 9);
  });

  it('fit a national map of more vertices than a call takes arguments', () => {
    const points: Pair[] = Array.from({ length: 1_000_000 }, (_, i) => [
      i % 1000,
      Math.floor(i / 1000) / 600,
    ]);
    const fit = reflectYFit(points, frame);
    expect(fit.toPixel([0, 0])[0]).toBeCloseTo(72, 9);
  });

  it('stay at their points on a map of more zones than are moved, where the search would take seconds', () => {
    const size = labelSize('Z-1\nP-1', 10, 1.1);
    const boxes: LabelBox[] = Array.from({ length: movedLabelsAtMost + 1 }, (_, i) => ({
      at: [100 + (i % 7), 100 + (i % 5)],
      ...size,
    }));
    expect(placeLabels(boxes, frame, clearance)).toEqual(boxes.map((b) => b.at));
    // One fewer is searched: the piled-up labels move apart.
    const moved = placeLabels(boxes.slice(1), frame, clearance);
    expect(moved.some((p, i) => p !== boxes[i + 1]?.at)).toBe(true);
  });

  it('stay where they are when apart, and move to the nearest clear spot when not', () => {
    const size = labelSize('Z-WAT\nP-SWIFT', 12, 1.1);
    expect(size.height).toBeCloseTo(26.4, 9);
    const boxes: LabelBox[] = [
      { at: [160, 100], ...size },
      { at: [360, 200], ...size },
      { at: [164, 108], ...size },
      { at: [160, 100], ...size },
    ];
    const placed = placeLabels(boxes, frame, clearance);
    expect(placed.slice(0, 2)).toEqual([
      [160, 100],
      [360, 200],
    ]);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(apart(placed[i]!, placed[j]!, boxes[i]!, boxes[j]!), `${i} and ${j}`).toBe(true);
    // Moved no further than clearing the first label needs (its height plus the clearance, at most).
    const moved = Math.hypot(placed[2]![0] - 164, placed[2]![1] - 108);
    expect(moved).toBeLessThanOrEqual(size.height + clearance + 1);
  });
});
