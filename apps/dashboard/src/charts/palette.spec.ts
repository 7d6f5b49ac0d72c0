import { describe, expect, it } from 'vitest';
import {
  CATEGORY_COLOURS,
  categoryColour,
  contrastRatio,
  correlationColour,
  minimumDifference,
  relativeLuminance,
  simulateColourVision,
  textColourOn,
} from './palette';

describe('WCAG contrast', () => {
  it('gives the published extremes and a known pair', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    // WebAIM contrast checker: #767676 on white is 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(contrastRatio('#767676', '#ffffff'), 12);
  });
});

describe('category palette (Okabe–Ito)', () => {
  it('keeps every pair of colours apart for normal vision and the three dichromacies', () => {
    // CIE76 ΔE: 2.3 is just noticeable; 15 or more is clearly another colour.
    for (const vision of ['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const) {
      expect(minimumDifference(CATEGORY_COLOURS, vision)).toBeGreaterThan(15);
    }
  });

  it('hands out first the colours that reach 3:1 against white (WCAG non-text contrast)', () => {
    for (const colour of CATEGORY_COLOURS.slice(0, 4))
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('cycles through the palette for any index', () => {
    expect(categoryColour(0)).toBe('#0072B2');
    expect(categoryColour(CATEGORY_COLOURS.length)).toBe('#0072B2');
    expect(categoryColour(-1)).toBe(CATEGORY_COLOURS[CATEGORY_COLOURS.length - 1]);
  });

  it('simulates dichromacy: red and green become hard to tell apart for deuteranopes', () => {
    const normal = minimumDifference(['#ff0000', '#00a000'], 'normal');
    const deuteranope = minimumDifference(['#ff0000', '#00a000'], 'deuteranopia');
    expect(deuteranope).toBeLessThan(normal / 2);
    expect(simulateColourVision('#808080', 'protanopia')).toBe('#808080');
  });
});

describe('correlation colours (RdBu)', () => {
  it('runs from red through near-white to blue', () => {
    const [negative, zero, positive] = [-1, 0, 1].map(correlationColour);
    expect(negative).toBe('#67001f');
    expect(positive).toBe('#053061');
    expect(relativeLuminance(zero)).toBeGreaterThan(0.8);
    expect(correlationColour(-2)).toBe(negative);
  });

  it('prints every cell value at 4.5:1 or better on its fill', () => {
    for (let r = -1; r <= 1.0001; r += 0.01) {
      const fill = correlationColour(r);
      expect(contrastRatio(fill, textColourOn(fill))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('looks different for r = -0.5 and 0.5 whatever the colour vision', () => {
    for (const vision of ['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const) {
      expect(minimumDifference([correlationColour(-0.5), correlationColour(0.5)], vision)).toBeGreaterThan(
        20,
      );
    }
  });
});
