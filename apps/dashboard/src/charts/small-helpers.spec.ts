import { describe, expect, it } from 'vitest';
import { placeLowerTriangle } from './correlation-layout';
import { dataTableToCsv } from './data-table';
import { formatInterval, formatNumber, formatP, formatPercent } from './format';
import { nearestMark, stepMark, tooltipPlacement } from './marks';
import { CANVAS_POINT_THRESHOLD, renderModeFor } from './render-mode';
import { estimateTextWidth, labelMargin, truncateLabel } from './text-layout';

describe('renderModeFor', () => {
  it('draws SVG up to the threshold and canvas above it', () => {
    expect(renderModeFor(CANVAS_POINT_THRESHOLD)).toBe('svg');
    expect(renderModeFor(CANVAS_POINT_THRESHOLD + 1)).toBe('canvas');
    expect(renderModeFor(0)).toBe('svg');
    expect(renderModeFor(11, 10)).toBe('canvas');
  });
});

describe('dataTableToCsv', () => {
  it('writes a header, full-precision numbers, empty missing values and CRLF lines', () => {
    const csv = dataTableToCsv({
      columns: [
        { key: 'a', label: 'Variable' },
        { key: 'b', label: 'r', numeric: true },
      ],
      rows: [
        ['Alliance', 0.28134],
        ['PHQ-9', null],
        ['Neg', -0.5],
      ],
    });
    expect(csv).toBe('Variable,r\r\nAlliance,0.28134\r\nPHQ-9,\r\nNeg,-0.5\r\n');
  });

  it('quotes separators, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = dataTableToCsv({
      columns: [{ key: 'a', label: 'Label, with comma' }],
      rows: [['say "hi"'], ['two\nlines'], ['=HYPERLINK("x")'], ['-1+2']],
    });
    expect(csv).toBe(
      '"Label, with comma"\r\n"say ""hi"""\r\n"two\nlines"\r\n"\'=HYPERLINK(""x"")"\r\n"\'-1+2"\r\n',
    );
  });

  it('defuses every formula start (= + - @ tab CR) in text cells and labels, quoted, but keeps numbers numeric', () => {
    const csv = dataTableToCsv({
      columns: [
        { key: 'label', label: '=Label' },
        { key: 'value', label: '-r', numeric: true },
      ],
      rows: [
        ["-2+3+cmd|' /C calc'!A0", -3],
        ['@SUM(1+1)', 2.5],
        ['\t=1+1', '-0.5'],
        ['\r=1+1', '=1+1'],
        ['+44 20 7946 0958', null],
        ['-2', -2],
        ['18-24', 0],
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      `"'=Label","'-r"`,
      `"'-2+3+cmd|' /C calc'!A0",-3`,
      `"'@SUM(1+1)",2.5`,
      `"'\t=1+1",-0.5`,
      `"'\r=1+1","'=1+1"`,
      `"'+44 20 7946 0958",`,
      `"'-2",-2`,
      '18-24,0',
      '',
    ]);
  });
});

describe('format', () => {
  it('formats numbers, p-values, intervals and percentages per language', () => {
    expect(formatNumber(0.2815, 'en')).toBe('0.28');
    expect(formatNumber(0.2815, 'nl')).toBe('0,28');
    expect(formatNumber(-0.001, 'en')).toBe('0.00');
    expect(formatNumber(null, 'en')).toBe('–');
    expect(formatP(0.0004, 'en')).toBe('< 0.001');
    expect(formatP(0.0312, 'nl')).toBe('0,031');
    expect(formatInterval([-0.46, -0.08], 'en')).toBe('[-0.46, -0.08]');
    expect(formatInterval([0.1, 0.5], 'nl')).toBe('[0,10; 0,50]');
    expect(formatPercent(12.345, 'en')).toBe('12.3%');
  });
});

describe('marks', () => {
  it('steps through marks with wrap-around and starts at an end', () => {
    expect(stepMark(null, 'next', 3)).toBe(0);
    expect(stepMark(null, 'previous', 3)).toBe(2);
    expect(stepMark(2, 'next', 3)).toBe(0);
    expect(stepMark(0, 'previous', 3)).toBe(2);
    expect(stepMark(1, 'last', 3)).toBe(2);
    expect(stepMark(1, 'next', 0)).toBeNull();
  });

  it('keeps the tooltip inside the plot near its edges', () => {
    expect(tooltipPlacement(320, 300, 640, 400)).toEqual({ horizontal: 'middle', vertical: 'above' });
    expect(tooltipPlacement(20, 40, 640, 400)).toEqual({ horizontal: 'start', vertical: 'below' });
    expect(tooltipPlacement(620, 200, 640, 400)).toEqual({ horizontal: 'end', vertical: 'above' });
  });

  it('finds the nearest mark within reach', () => {
    const marks = [
      { x: 0, y: 0, text: 'a' },
      { x: 10, y: 0, text: 'b' },
    ];
    expect(nearestMark(marks, 7, 1, 5)).toBe(1);
    expect(nearestMark(marks, 5, 30, 5)).toBeNull();
  });
});

describe('placeLowerTriangle', () => {
  it('puts each pair below the diagonal whichever way it is named and drops unknown pairs', () => {
    const placed = placeLowerTriangle(
      ['a', 'b', 'c'],
      [
        { x: 'a', y: 'b' },
        { x: 'c', y: 'a' },
        { x: 'b', y: 'c' },
        { x: 'a', y: 'z' },
        { x: 'a', y: 'a' },
      ],
    );
    expect(placed.map(({ cell, row, column }) => `${cell.x}${cell.y}:${row},${column}`)).toEqual([
      'ab:1,0',
      'ca:2,0',
      'bc:2,1',
    ]);
  });
});

describe('text layout', () => {
  it('cuts long labels with an ellipsis and leaves short ones', () => {
    expect(truncateLabel('Alliance', 10)).toBe('Alliance');
    expect(truncateLabel('Perceived disclosure: helpfulness', 12)).toBe('Perceived d…');
    expect([...truncateLabel('Perceived disclosure: helpfulness', 12)]).toHaveLength(12);
  });

  it('sizes the label margin to the longest label within bounds', () => {
    expect(labelMargin(['ab'], { maxChars: 40, min: 100, max: 300 })).toBe(100);
    expect(labelMargin(['x'.repeat(200)], { maxChars: 40, min: 100, max: 300 })).toBe(280);
    expect(labelMargin(['x'.repeat(200)], { maxChars: 100, min: 100, max: 300 })).toBe(300);
    expect(estimateTextWidth('abcd', 10)).toBe(24);
  });
});
