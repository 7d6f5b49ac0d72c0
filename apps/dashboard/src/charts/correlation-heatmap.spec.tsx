import { describe, expect, it } from 'vitest';
import { click, getButton, present, render, textOf } from '../test/render';
import { CorrelationHeatmap } from './correlation-heatmap';
import { correlationColour } from './palette';
import { heatmapCells, heatmapVariables } from './testing/chart-fixtures';

async function draw(language: 'en' | 'nl' = 'en') {
  return render(
    <CorrelationHeatmap
      title="Correlations (Pearson)"
      description="Pearson r between client means and outcomes."
      variables={heatmapVariables}
      cells={heatmapCells}
      minN={10}
    />,
    { language },
  );
}

describe('CorrelationHeatmap', () => {
  it('draws one cell per pair, in the lower triangle, coloured by r with the value printed', async () => {
    const container = await draw();
    const cells = [...container.querySelectorAll('[data-mark="cell"]')];
    expect(cells).toHaveLength(heatmapCells.length);
    const alliancePhq = present(
      container.querySelector('[data-mark="cell"][data-x="alliance"][data-y="phq9.change"]'),
    );
    expect(alliancePhq.querySelector('rect')?.getAttribute('fill')).toBe(correlationColour(-0.281));
    expect(textOf(alliancePhq.querySelector('text'))).toBe('-.28');
    // Every rect sits below the diagonal: its row is at or below its column (in cell units from the first cell).
    const rects = cells.map((cell) => present(cell.querySelector('rect')));
    const left = Math.min(...rects.map((rect) => Number(rect.getAttribute('x'))));
    const top = Math.min(...rects.map((rect) => Number(rect.getAttribute('y'))));
    for (const rect of rects) {
      const column = (Number(rect.getAttribute('x')) - left) / 40;
      const row = (Number(rect.getAttribute('y')) - top) / 40;
      expect(row).toBeGreaterThanOrEqual(column);
    }
  });

  it('shows a suppressed pair as hatched, without a number, and says why in the table', async () => {
    const container = await draw();
    const suppressed = [...container.querySelectorAll('[data-mark="cell"][data-suppressed="true"]')];
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].querySelector('rect')?.getAttribute('fill')).toMatch(/^url\(#hatch-/);
    expect(textOf(suppressed[0].querySelector('text'))).toBe('–');
    await click(getButton(container, 'Show data table'));
    const row = [...container.querySelectorAll('tbody tr')].find(
      (tr) => textOf(tr).includes('PHQ-9 baseline') && textOf(tr).includes('Disclosure: fit'),
    );
    expect([...present(row).children].map((cell) => textOf(cell))).toEqual([
      '3. PHQ-9 baseline',
      '2. Disclosure: fit',
      '7',
      'not shown',
      '–',
      '–',
      '–',
      '–',
    ]);
  });

  it('lists the same numbers in the data table as the API sent', async () => {
    const container = await draw();
    await click(getButton(container, 'Show data table'));
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => textOf(cell)),
    );
    expect(rows).toHaveLength(heatmapCells.length);
    expect(rows).toContainEqual([
      '1. Alliance',
      '4. PHQ-9 change',
      '90',
      '-0.28',
      '-0.46',
      '-0.08',
      '0.007',
      '0.029',
    ]);
    expect(rows).toContainEqual([
      '1. Alliance',
      '2. Disclosure: fit',
      '96',
      '0.41',
      '0.23',
      '0.56',
      '< 0.001',
      '< 0.001',
    ]);
  });

  it('names every variable beside its row, so each column number can be looked up', async () => {
    const container = await draw();
    const labels = [...container.querySelectorAll('text.chart-label[text-anchor="end"]')].map((label) =>
      textOf(label),
    );
    expect(labels).toEqual(['1. Alliance', '2. Disclosure: fit', '3. PHQ-9 baseline', '4. PHQ-9 change']);
  });

  it('uses the interface language for numbers and labels', async () => {
    const container = await draw('nl');
    const cell = present(
      container.querySelector('[data-mark="cell"][data-x="alliance"][data-y="disclosure.fit"]'),
    );
    expect(textOf(cell.querySelector('text'))).toBe(',41');
    expect(getButton(container, 'Toon de datatabel')).toBeTruthy();
  });
});
