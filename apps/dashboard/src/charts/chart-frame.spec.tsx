import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, getButton, present, render, textOf } from '../test/render';
import { ChartFrame } from './chart-frame';
import type { DataTable } from './data-table';

const table: DataTable = {
  columns: [
    { key: 'label', label: 'Group' },
    { key: 'value', label: 'Value', numeric: true },
  ],
  rows: [
    ['A', 1.2345],
    ['B', -0.5],
  ],
};
const marks = [
  { x: 10, y: 20, text: 'Group A: 1.23' },
  { x: 60, y: 40, text: 'Group B: −0.50' },
];

function frame() {
  return (
    <ChartFrame
      title="Two groups"
      description="Values of A and B."
      width={100}
      height={50}
      table={table}
      marks={marks}
    >
      <circle data-mark="point" cx={10} cy={20} r={3} className="chart-band" />
      <circle data-mark="point" cx={60} cy={40} r={3} />
    </ChartFrame>
  );
}

async function press(element: Element, key: string) {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

/** Reads a Blob's bytes (jsdom's Blob has no text()). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * Captures each download the frame offers: the file (the Blob handed to URL.createObjectURL, which keeps its real
 * implementation) and the temporary link clicked for it.
 */
function captureDownloads() {
  const files: Blob[] = [];
  const createObjectURL = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
    files.push(blob as Blob);
    return createObjectURL(blob as Blob);
  });
  const saved: { href: string; download: string; file: Blob | undefined }[] = [];
  const listener = (event: MouseEvent) => {
    const target = event.target;
    if (target instanceof HTMLAnchorElement && target.download) {
      event.preventDefault();
      saved.push({ href: target.href, download: target.download, file: files.at(-1) });
    }
  };
  document.addEventListener('click', listener);
  return { saved, stop: () => document.removeEventListener('click', listener) };
}

describe('ChartFrame', () => {
  let stopCapture: (() => void) | undefined;
  afterEach(() => stopCapture?.());

  it('labels the SVG with its title and description for screen readers and shows the title', async () => {
    const container = await render(frame());
    const svg = present(container.querySelector('svg'));
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(textOf(document.getElementById(titleId))).toBe('Two groups');
    expect(document.getElementById(titleId)?.tagName.toLowerCase()).toBe('title');
    expect(textOf(document.getElementById(descId))).toBe('Values of A and B.');
    expect(textOf(container.querySelector('h3'))).toBe('Two groups');
  });

  it('shows the data table on request with the same numbers', async () => {
    const container = await render(frame());
    expect(container.querySelector('table')).toBeNull();
    const toggle = getButton(container, 'Show data table');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    const rows = [...container.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['A', '1.23'],
      ['B', '-0.50'],
    ]);
    expect(textOf(container.querySelector('caption'))).toBe('Data of “Two groups”');
    expect(getButton(container, 'Hide data table').getAttribute('aria-expanded')).toBe('true');
  });

  it('moves a tooltip through the marks with the arrow keys and hides it with Escape', async () => {
    const container = await render(frame());
    const svg = present(container.querySelector('svg'));
    const tooltip = present(container.querySelector<HTMLElement>('.chart-tooltip'));
    expect(tooltip.hidden).toBe(true);
    await press(svg, 'ArrowRight');
    expect(tooltip.hidden).toBe(false);
    expect(textOf(tooltip)).toBe('Group A: 1.23');
    expect(container.querySelector('.chart-focus-ring')?.getAttribute('cx')).toBe('10');
    await press(svg, 'ArrowRight');
    expect(textOf(tooltip)).toBe('Group B: −0.50');
    await press(svg, 'ArrowRight');
    expect(textOf(tooltip)).toBe('Group A: 1.23');
    await press(svg, 'End');
    expect(textOf(tooltip)).toBe('Group B: −0.50');
    await press(svg, 'Escape');
    expect(tooltip.hidden).toBe(true);
    expect(container.querySelector('.chart-focus-ring')).toBeNull();
  });

  it('downloads a standalone SVG of the chart without the focus ring', async () => {
    const container = await render(frame());
    const capture = captureDownloads();
    stopCapture = capture.stop;
    await press(present(container.querySelector('svg')), 'ArrowRight');
    await click(getButton(container, 'Download SVG'));
    expect(capture.saved).toHaveLength(1);
    expect(capture.saved[0].download).toBe('two-groups.svg');
    expect(capture.saved[0].href).toMatch(/^blob:/);
    const file = present(capture.saved[0].file);
    expect(file.type).toBe('image/svg+xml;charset=utf-8');
    const svgText = new TextDecoder().decode(await bytesOf(file));
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
    expect(parsed.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(parsed.getAttribute('width')).toBe('100');
    expect(parsed.querySelectorAll('[data-mark="point"]')).toHaveLength(2);
    expect(parsed.querySelector('title')?.textContent).toBe('Two groups');
    expect(parsed.querySelector('.chart-focus-ring, [data-export="exclude"]')).toBeNull();
  });

  it('downloads the data table as CSV', async () => {
    const container = await render(frame());
    const capture = captureDownloads();
    stopCapture = capture.stop;
    await click(getButton(container, 'Download CSV'));
    expect(capture.saved[0].download).toBe('two-groups.csv');
    const bytes = await bytesOf(present(capture.saved[0].file));
    // A byte-order mark first, so spreadsheet programs read the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Group,Value\r\nA,1.2345\r\nB,-0.5\r\n');
  });

  it('says so when the browser cannot draw the PNG (jsdom has no canvas)', async () => {
    const container = await render(frame());
    const capture = captureDownloads();
    stopCapture = capture.stop;
    await click(getButton(container, 'Download PNG'));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(capture.saved).toHaveLength(0);
    expect(textOf(container.querySelector('[role="alert"]'))).toBe(
      'The image could not be made: This browser cannot draw on a canvas.',
    );
  });
});
