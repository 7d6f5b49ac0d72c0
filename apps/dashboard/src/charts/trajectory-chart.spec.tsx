import { describe, expect, it } from 'vitest';
import { click, getButton, render, textOf } from '../test/render';
import { trajectoryFixture } from './testing/chart-fixtures';
import { TrajectoryChart } from './trajectory-chart';

const { series, means, fitted } = trajectoryFixture();

async function draw(withModel = true) {
  return render(
    <TrajectoryChart
      title="Alliance per session"
      description="Each client's alliance per session, the mean and the mixed model."
      valueLabel="Alliance"
      series={series}
      means={means}
      fitted={withModel ? fitted : []}
      minN={3}
    />,
  );
}

describe('TrajectoryChart', () => {
  it('draws a line per client, a point per shown session mean and the model line', async () => {
    const container = await draw();
    expect(container.querySelectorAll('[data-mark="client-line"]')).toHaveLength(series.length);
    const shown = means.filter((m) => !m.suppressed);
    expect(shown.length).toBeLessThan(means.length);
    expect(container.querySelectorAll('[data-mark="mean-point"]')).toHaveLength(shown.length);
    expect(container.querySelectorAll('[data-mark="model-line"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-mark="mean-line"]')).toHaveLength(1);
  });

  it('gives each client line as many vertices as sessions', async () => {
    const container = await draw();
    const lines = [...container.querySelectorAll('[data-mark="client-line"]')];
    lines.forEach((line, i) => {
      const vertices = (line.getAttribute('d') ?? '').match(/[ML]/g) ?? [];
      expect(vertices).toHaveLength(series[i].points.length);
    });
  });

  it('lists the session means and the model in the data table, suppressed sessions as such', async () => {
    const container = await draw();
    await click(getButton(container, 'Show data table'));
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => textOf(cell)),
    );
    expect(rows).toHaveLength(means.length);
    means.forEach((mean, i) => {
      expect(rows[i][0]).toBe(String(mean.session));
      expect(rows[i][1]).toBe(String(mean.n));
      expect(rows[i][2]).toBe(
        mean.suppressed ? 'fewer than 3 participants: not shown' : (mean.mean as number).toFixed(2),
      );
      expect(rows[i][5]).toBe(fitted[i].fit.toFixed(2));
    });
  });

  it('leaves the model out when there is none', async () => {
    const container = await draw(false);
    expect(container.querySelector('[data-mark="model-line"]')).toBeNull();
    expect(textOf(container.querySelector('.chart-legend'))).not.toContain('Mixed model');
  });
});
