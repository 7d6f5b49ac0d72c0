// Downloads of a chart as a file: the SVG with its styles inlined (so it looks the same outside the page)
// and a PNG drawn from that SVG on a canvas.

/**
 * Presentation properties copied from the page's stylesheet onto each element of the exported SVG. Each is also an
 * SVG presentation attribute, and is written as one: a `style` attribute set from script is inline style, which
 * the page's Content-Security-Policy (`style-src 'self'`) blocks and reports, even on a detached copy.
 */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Values not worth writing out: every SVG viewer assumes them. */
const INITIAL_VALUES: Partial<Record<string, string>> = { visibility: 'visible', opacity: '1' };

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Height of the title band added above an exported chart. */
export const HEADING_BAND = 28;

/**
 * Serialises `svg` as a standalone SVG document: computed styles inlined per element, explicit width and
 * height from the viewBox, the SVG namespace declared, and elements marked `data-export="exclude"` (focus
 * highlights) left out.
 */
export function serialiseSvg(
  svg: SVGSVGElement,
  options: { underlayImage?: string; heading?: string } = {},
): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const view = svg.ownerDocument.defaultView;
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (!view || !(copy instanceof Element)) return;
    const computed = view.getComputedStyle(original);
    for (const name of INLINED_PROPERTIES) {
      const value = computed.getPropertyValue(name);
      // An inline style the copy already has (React sets some through the CSSOM) outranks the attribute anyway.
      if (value !== '' && value !== INITIAL_VALUES[name]) copy.setAttribute(name, value);
    }
  });
  for (const excluded of clone.querySelectorAll('[data-export="exclude"]')) excluded.remove();
  for (const name of ['tabindex', 'class']) clone.removeAttribute(name);
  const size = svgSize(svg);
  if (options.underlayImage) {
    // Canvas-drawn points travel as a raster image under the vector marks.
    const image = clone.ownerDocument.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', options.underlayImage);
    image.setAttribute('width', String(size.width));
    image.setAttribute('height', String(size.height));
    const desc = clone.querySelector(':scope > desc');
    clone.insertBefore(image, desc ? desc.nextSibling : clone.firstChild);
  }
  clone.setAttribute('width', String(size.width));
  clone.setAttribute('height', String(size.height));
  if (options.heading) {
    // A file travels without the page around it: its title goes into the image, in a band above the drawing.
    const view = svgSize(svg);
    clone.setAttribute('viewBox', `0 ${-HEADING_BAND} ${view.width} ${view.height + HEADING_BAND}`);
    clone.setAttribute('height', String(view.height + HEADING_BAND));
    const heading = clone.ownerDocument.createElementNS(SVG_NS, 'text');
    heading.setAttribute('x', '0');
    heading.setAttribute('y', String(-HEADING_BAND + 18));
    const headingStyle = {
      'font-family': 'system-ui, sans-serif',
      'font-size': '14px',
      'font-weight': '600',
      fill: '#1c2430',
    };
    for (const [name, value] of Object.entries(headingStyle)) heading.setAttribute(name, value);
    heading.textContent = options.heading;
    const desc = clone.querySelector(':scope > desc');
    clone.insertBefore(heading, desc ? desc.nextSibling : clone.firstChild);
  }
  const text = new XMLSerializer().serializeToString(clone);
  // Serialisers add the namespace for SVG elements; declare it where one did not, never twice.
  return /^<svg[^>]*\sxmlns="/.test(text) ? text : text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
}

/** The drawing size of the SVG in its own units (the viewBox), falling back to its width/height attributes. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const viewBox = svg
    .getAttribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (viewBox && viewBox.length === 4 && viewBox.every(Number.isFinite))
    return { width: viewBox[2], height: viewBox[3] };
  return {
    width: Number(svg.getAttribute('width')) || 300,
    height: Number(svg.getAttribute('height')) || 150,
  };
}

export interface PngRequest {
  /** The SVG as a data URL, loadable by an <img> without a network request. */
  imageUrl: string;
  canvasWidth: number;
  canvasHeight: number;
  /** Device pixels per SVG unit: 2 gives a sharp image on print and high-density screens. */
  scale: number;
  /** Painted first: PNG has no page behind it, and a transparent chart is unreadable in dark viewers. */
  background: string;
}

export function svgDataUrl(svgText: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
}

/** Everything needed to paint `svgText` (of the given size) on a canvas. */
export function buildPngRequest(
  svgText: string,
  size: { width: number; height: number },
  scale = 2,
  background = '#ffffff',
): PngRequest {
  if (!(scale > 0)) throw new RangeError('buildPngRequest requires a positive scale');
  return {
    imageUrl: svgDataUrl(svgText),
    canvasWidth: Math.round(size.width * scale),
    canvasHeight: Math.round(size.height * scale),
    scale,
    background,
  };
}

/** Paints the request on a new canvas and returns the PNG (browser only). */
export async function renderPng(request: PngRequest, doc: Document = document): Promise<Blob> {
  const canvas = doc.createElement('canvas');
  canvas.width = request.canvasWidth;
  canvas.height = request.canvasHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas.');
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart image could not be loaded.'));
    image.src = request.imageUrl;
  });
  context.fillStyle = request.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
      'image/png',
    ),
  );
}

/** Offers `url` as a download named `fileName` (a temporary link, clicked and removed). */
export function saveUrl(url: string, fileName: string, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
}

// Long enough for the browser to start reading the file; FileSaver.js waits 40 s for the same reason.
const REVOKE_AFTER_MS = 60_000;

/**
 * Offers `blob` as a download through an object URL: unlike a data: URL (capped near 2 MB in Chromium), it has no
 * size limit, so a 10,000-point table or SVG downloads too.
 */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, fileName, doc);
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** CSV as a file: UTF-8 with a byte-order mark, so spreadsheet programs read accents (cliënt) correctly. */
export function csvFile(csv: string): Blob {
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}

export function svgFile(svgText: string): Blob {
  return new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' });
}

/** A file name from a chart title: lower case, ASCII letters and digits, hyphens. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'chart'}.${extension}`;
}
