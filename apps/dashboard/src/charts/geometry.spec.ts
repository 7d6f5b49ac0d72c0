import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import {
  bandPath,
  clipPolygonToRect,
  diagonalBand,
  diamondPath,
  linePath,
  polygonPoints,
  weightedSquareSide,
  type Point,
} from './geometry';

const identity = scaleLinear().domain([0, 100]).range([0, 100]);
const flipped = scaleLinear().domain([0, 10]).range([100, 0]);

/** Shoelace area of a polygon. */
function area(polygon: readonly Point[]): number {
  let sum = 0;
  polygon.forEach(([x1, y1], i) => {
    const [x2, y2] = polygon[(i + 1) % polygon.length];
    sum += x1 * y2 - x2 * y1;
  });
  return Math.abs(sum) / 2;
}

describe('bandPath', () => {
  it('runs along the upper edge in x order and back along the lower edge', () => {
    const path = bandPath(
      [
        { x: 20, lower: 5, upper: 9 },
        { x: 10, lower: 2, upper: 4 },
      ],
      identity,
      identity,
    );
    expect(path).toBe('M10,4L20,9L20,5L10,2Z');
  });
});

describe('linePath', () => {
  it('breaks the line at a missing value instead of drawing it as zero', () => {
    const path = linePath(
      [
        { x: 1, y: 2 },
        { x: 2, y: null },
        { x: 3, y: 4 },
        { x: 4, y: 6 },
      ],
      identity,
      flipped,
    );
    expect(path).toBe('M1,80ZM3,60L4,40');
  });
});

describe('clipPolygonToRect', () => {
  it('keeps a polygon inside the rectangle as it is', () => {
    const square: Point[] = [
      [1, 1],
      [2, 1],
      [2, 2],
      [1, 2],
    ];
    expect(clipPolygonToRect(square, [0, 3], [0, 3])).toEqual(square);
  });

  it('cuts a polygon that sticks out to the part inside', () => {
    const wide: Point[] = [
      [-1, 0],
      [3, 0],
      [3, 1],
      [-1, 1],
    ];
    const clipped = clipPolygonToRect(wide, [0, 2], [0, 2]);
    expect(area(clipped)).toBeCloseTo(2, 10);
    for (const [x, y] of clipped) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(2);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(2);
    }
  });

  it('returns nothing for a polygon entirely outside', () => {
    expect(
      clipPolygonToRect(
        [
          [5, 5],
          [6, 5],
          [6, 6],
        ],
        [0, 1],
        [0, 1],
      ),
    ).toEqual([]);
  });
});

describe('diagonalBand', () => {
  it('is the part of the square within halfWidth of the diagonal', () => {
    // PHQ-9 square 0-27 with a reliable change of 6 (change must exceed 5.x): the square minus two corner triangles.
    const band = diagonalBand([0, 27], 6);
    const corner = ((27 - 6) * (27 - 6)) / 2;
    expect(area(band)).toBeCloseTo(27 * 27 - 2 * corner, 8);
    for (const [pre, post] of band) expect(Math.abs(post - pre)).toBeLessThanOrEqual(6 + 1e-9);
    expect(band).toContainEqual([0, 6]);
    expect(band).toContainEqual([21, 27]);
  });

  it('covers the whole square when the band is wider than the square', () => {
    expect(area(diagonalBand([0, 10], 20))).toBeCloseTo(100, 10);
  });

  it('scales to an SVG points attribute', () => {
    expect(
      polygonPoints(
        [
          [0, 0],
          [10, 10],
        ],
        flipped.copy().domain([0, 10]).range([0, 50]),
        flipped,
      ),
    ).toBe('0,100 50,0');
  });
});

describe('forest-plot geometry', () => {
  it('makes square areas proportional to the weights', () => {
    const big = weightedSquareSide(40, 40, 16);
    const small = weightedSquareSide(10, 40, 16);
    expect(big).toBe(16);
    expect((small * small) / (big * big)).toBeCloseTo(10 / 40, 10);
  });

  it('keeps a minimum size for tiny or unknown weights', () => {
    expect(weightedSquareSide(0.01, 40, 16, 4)).toBe(4);
    expect(weightedSquareSide(5, 0, 16, 4)).toBe(4);
  });

  it('draws the diamond through the interval ends and the estimate', () => {
    expect(diamondPath(10, 30, 40, 50, 6)).toBe('M10,50L30,44L40,50L30,56Z');
  });
});
