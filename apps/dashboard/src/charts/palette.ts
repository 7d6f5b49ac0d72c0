import { lab, rgb } from 'd3-color';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { scaleDiverging } from 'd3-scale';

/**
 * Okabe & Ito (2008), "Color Universal Design": eight colours that stay apart for the common colour-vision
 * deficiencies. Ordered so the first categories are the ones that also contrast with a white background.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;

/** Category colours in the order charts hand them out. */
export const CATEGORY_COLOURS: readonly string[] = Object.values(OKABE_ITO);

/** Ink for marks that carry the main message (lines, estimates): 7:1 or more on white. */
export const INK = '#1c2430';
/** Secondary marks (individual client lines, grid): muted but still 3:1 on white where they carry meaning. */
export const INK_MUTED = '#5b6675';
export const SUPPRESSED_FILL = '#e6e9ed';

export function categoryColour(index: number): string {
  return CATEGORY_COLOURS[
    ((index % CATEGORY_COLOURS.length) + CATEGORY_COLOURS.length) % CATEGORY_COLOURS.length
  ];
}

// RdBu: negative correlations red, positive blue, zero near white (ColorBrewer, colour-blind safe).
const correlationScale = scaleDiverging(interpolateRdBu).domain([-1, 0, 1]).clamp(true);

/** Fill of a correlation heat-map cell; the value is always printed in the cell as well. */
export function correlationColour(estimate: number): string {
  return rgb(correlationScale(estimate)).formatHex();
}

function linearChannel(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance of a CSS colour. */
export function relativeLuminance(colour: string): number {
  const { r, g, b } = rgb(colour);
  return 0.2126 * linearChannel(r) + 0.7152 * linearChannel(g) + 0.0722 * linearChannel(b);
}

/** WCAG 2.x contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on `background` (for labels printed on coloured cells). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

export type ColourVision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const CVD_MATRICES: Record<Exclude<ColourVision, 'normal'>, readonly number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

function toSrgbChannel(linear: number): number {
  const c = Math.min(1, Math.max(0, linear));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
}

/** How `colour` looks to someone with the given colour vision (hex). */
export function simulateColourVision(colour: string, vision: ColourVision): string {
  if (vision === 'normal') return rgb(colour).formatHex();
  const m = CVD_MATRICES[vision];
  const { r, g, b } = rgb(colour);
  const [lr, lg, lb] = [linearChannel(r), linearChannel(g), linearChannel(b)];
  return rgb(
    toSrgbChannel(m[0] * lr + m[1] * lg + m[2] * lb),
    toSrgbChannel(m[3] * lr + m[4] * lg + m[5] * lb),
    toSrgbChannel(m[6] * lr + m[7] * lg + m[8] * lb),
  ).formatHex();
}

/** CIE76 colour difference (Euclidean distance in CIELAB); about 2.3 is just noticeable. */
export function colourDifference(a: string, b: string): number {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

/** The smallest difference between any two of `colours` as seen with `vision`. */
export function minimumDifference(colours: readonly string[], vision: ColourVision): number {
  let minimum = Infinity;
  const seen = colours.map((c) => simulateColourVision(c, vision));
  for (let i = 0; i < seen.length; i += 1) {
    for (let j = i + 1; j < seen.length; j += 1)
      minimum = Math.min(minimum, colourDifference(seen[i], seen[j]));
  }
  return minimum;
}
