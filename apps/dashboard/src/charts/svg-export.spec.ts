import { afterEach, describe, expect, it } from 'vitest';
import {
  HEADING_BAND,
  buildPngRequest,
  csvFile,
  fileNameFor,
  serialiseSvg,
  svgDataUrl,
  svgFile,
  svgSize,
} from './svg-export';

const SVG_NS = 'http://www.w3.org/2000/svg';

function mount(markup: string, css = ''): SVGSVGElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  document.body.append(holder);
  return holder.querySelector('svg') as SVGSVGElement;
}

afterEach(() => {
  document.head.querySelectorAll('style').forEach((node) => node.remove());
  document.body.innerHTML = '';
});

describe('serialiseSvg', () => {
  it('inlines the stylesheet rules that apply to each element', () => {
    const svg = mount(
      `<svg viewBox="0 0 200 100" class="chart-svg" tabindex="0"><path class="band" d="M0,0L10,10"/><text class="label">r</text></svg>`,
      '.band { fill: #0072b2; fill-opacity: 0.2; stroke: none } .label { font-size: 11px; font-weight: 600 }',
    );
    const parsed = new DOMParser().parseFromString(serialiseSvg(svg), 'image/svg+xml').documentElement;
    const attribute = (selector: string, name: string) => parsed.querySelector(selector)?.getAttribute(name);
    expect(attribute('path', 'fill-opacity')).toBe('0.2');
    expect(attribute('path', 'fill')).toMatch(/^(#0072b2|rgb\(0, 114, 178\))$/);
    expect(attribute('path', 'stroke')).toBe('none');
    expect(attribute('text', 'font-size')).toBe('11px');
    expect(attribute('text', 'font-weight')).toBe('600');
    // As presentation attributes, not inline style: the page's CSP (style-src 'self') would block a style attribute.
    expect(parsed.querySelector('[style]')).toBeNull();
  });

  it('writes a standalone document: one namespace declaration, explicit size, no page-only attributes', () => {
    const svg = mount(`<svg viewBox="0 0 320 180" class="chart-svg" tabindex="0"><circle r="2"/></svg>`);
    const text = serialiseSvg(svg);
    expect(text.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)).toHaveLength(1);
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    const root = parsed.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['320', '180']);
    expect(root.hasAttribute('tabindex')).toBe(false);
    expect(root.hasAttribute('class')).toBe(false);
  });

  it('leaves out elements marked data-export="exclude" and does not touch the page', () => {
    const svg = mount(
      `<svg viewBox="0 0 10 10"><circle data-mark="point" r="1"/><circle data-export="exclude" r="4"/></svg>`,
    );
    const parsed = new DOMParser().parseFromString(serialiseSvg(svg), 'image/svg+xml');
    expect(parsed.querySelectorAll('circle')).toHaveLength(1);
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
  });

  it('puts a canvas underlay in as an image behind the vector marks', () => {
    const svg = mount(`<svg viewBox="0 0 10 10"><title>T</title><desc>D</desc><line x2="5"/></svg>`);
    const parsed = new DOMParser().parseFromString(
      serialiseSvg(svg, { underlayImage: 'data:image/png;base64,AAAA' }),
      'image/svg+xml',
    );
    const children = [...parsed.documentElement.children].map((child) => child.tagName);
    expect(children).toEqual(['title', 'desc', 'image', 'line']);
    expect(parsed.querySelector('image')?.getAttribute('href')).toBe('data:image/png;base64,AAAA');
  });

  it('puts the title in a band above the drawing when asked', () => {
    const svg = mount(`<svg viewBox="0 0 200 100"><title>T</title><desc>D</desc><line x2="5"/></svg>`);
    const root = new DOMParser().parseFromString(
      serialiseSvg(svg, { heading: 'PHQ-9: baseline and end' }),
      'image/svg+xml',
    ).documentElement;
    expect(root.getAttribute('viewBox')).toBe(`0 -${HEADING_BAND} 200 ${100 + HEADING_BAND}`);
    expect(root.getAttribute('height')).toBe(String(100 + HEADING_BAND));
    const heading = [...root.children].find((child) => child.tagName === 'text');
    expect(heading?.textContent).toBe('PHQ-9: baseline and end');
    expect([heading?.getAttribute('font-size'), heading?.getAttribute('style')]).toEqual(['14px', null]);
    expect(Number(heading?.getAttribute('y'))).toBeLessThan(0);
  });
});

describe('svgSize', () => {
  it('reads the viewBox, else the width and height attributes', () => {
    expect(svgSize(mount('<svg viewBox="0 0 640 420"></svg>'))).toEqual({ width: 640, height: 420 });
    expect(svgSize(mount('<svg width="120" height="80"></svg>'))).toEqual({ width: 120, height: 80 });
  });
});

describe('buildPngRequest', () => {
  it('sizes the canvas at the scale and carries the SVG as a data URL', () => {
    const request = buildPngRequest(
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      { width: 640, height: 421 },
      2,
    );
    expect(request).toEqual({
      imageUrl:
        'data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E',
      canvasWidth: 1280,
      canvasHeight: 842,
      scale: 2,
      background: '#ffffff',
    });
    expect(decodeURIComponent(request.imageUrl.split(',')[1])).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
  });

  it('refuses a scale that is not positive', () => {
    expect(() => buildPngRequest('<svg/>', { width: 1, height: 1 }, 0)).toThrow(RangeError);
  });
});

describe('files', () => {
  it('makes CSV files UTF-8 with a byte-order mark and SVG files of the right type', async () => {
    const csv = csvFile('Cliënt\r\n');
    expect(csv.type).toBe('text/csv;charset=utf-8');
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(csv);
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Cliënt\r\n');
    expect(svgFile('<svg/>').type).toBe('image/svg+xml;charset=utf-8');
  });
});

describe('file names', () => {
  it('makes a safe file name from a title in either language', () => {
    expect(fileNameFor('Correlaties: alliantie × uitkomst (Pearson)', 'svg')).toBe(
      'correlaties-alliantie-uitkomst-pearson.svg',
    );
    expect(fileNameFor('Cliënt — één', 'png')).toBe('client-een.png');
    expect(fileNameFor('***', 'csv')).toBe('chart.csv');
  });

  it('encodes characters a URL would break on', () => {
    expect(svgDataUrl('<text>50% & #1</text>')).toBe(
      'data:image/svg+xml;charset=utf-8,%3Ctext%3E50%25%20%26%20%231%3C%2Ftext%3E',
    );
  });
});
