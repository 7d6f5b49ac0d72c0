import { describe, expect, it } from 'vitest';
import { click, getButton, present, render, textOf } from '../test/render';
import { ChangeBars, stackSegments } from './change-bars';
import { PrePostChart } from './pre-post-chart';
import { changeGroups, prePostFixture } from './testing/chart-fixtures';

const points = prePostFixture();

describe('PrePostChart', () => {
  async function draw() {
    return render(
      <PrePostChart
        title="PHQ-9 before and after"
        description="Baseline against end per client."
        points={points}
        scoreRange={[0, 27]}
        cutoff={10}
        halfWidth={5.5}
      />,
    );
  }

  it('draws a symbol per client, the diagonal, the no-change band and both cut-off lines', async () => {
    const container = await draw();
    expect(container.querySelectorAll('[data-mark="point"]')).toHaveLength(points.length);
    expect(container.querySelectorAll('[data-mark="cutoff-line"]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-mark="diagonal"]')).toHaveLength(1);
    expect(present(container.querySelector('[data-mark="no-change-band"]')).getAttribute('points')).toMatch(
      /\d/,
    );
  });

  it('marks each category with its own shape as well as colour', async () => {
    const container = await draw();
    const shapes = new Map<string, Set<string>>();
    for (const mark of container.querySelectorAll('[data-mark="point"]')) {
      const category = mark.getAttribute('data-category') ?? '';
      shapes.set(category, (shapes.get(category) ?? new Set()).add(mark.getAttribute('d') ?? ''));
    }
    expect([...shapes.keys()].sort()).toEqual(
      ['deteriorated', 'improved', 'recovered', 'unchanged'].filter((c) => shapes.has(c)),
    );
    const distinct = new Set([...shapes.values()].map((set) => [...set][0]));
    expect(distinct.size).toBe(shapes.size);
    for (const set of shapes.values()) expect(set.size).toBe(1);
  });

  it('places the cut-off on both axes at the same score', async () => {
    const container = await draw();
    const [vertical, horizontal] = [...container.querySelectorAll('[data-mark="cutoff-line"]')];
    // 440 px for 0–27 (a nice domain of 0–28 after rounding out): x of 10 from the left equals y of 10 from the bottom.
    const x = Number(vertical.getAttribute('x1'));
    const y = Number(horizontal.getAttribute('y1'));
    expect(x).toBeCloseTo(440 - y, 6);
  });

  it('lists every client in the data table with the category', async () => {
    const container = await draw();
    await click(getButton(container, 'Show data table'));
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => textOf(cell)),
    );
    expect(rows).toHaveLength(points.length);
    expect(rows[0]).toEqual([
      '1',
      points[0].pre.toFixed(1),
      points[0].post.toFixed(1),
      { recovered: 'Recovered', improved: 'Improved', unchanged: 'Unchanged', deteriorated: 'Deteriorated' }[
        points[0].category
      ],
    ]);
  });
});

describe('stackSegments', () => {
  it('stacks the categories in order across the bar width', () => {
    expect(stackSegments({ recovered: 30, improved: 20, unchanged: 40, deteriorated: 10 }, 200)).toEqual([
      { category: 'recovered', x: 0, width: 60 },
      { category: 'improved', x: 60, width: 40 },
      { category: 'unchanged', x: 100, width: 80 },
      { category: 'deteriorated', x: 180, width: 20 },
    ]);
  });

  it('fills the bar even when rounded percentages do not add up to 100', () => {
    const segments = stackSegments(
      { recovered: 33.3, improved: 33.3, unchanged: 33.3, deteriorated: 0 },
      300,
    );
    const last = segments[2];
    expect(last.x + last.width).toBeCloseTo(300, 10);
    expect(segments[3].width).toBe(0);
  });
});

describe('ChangeBars', () => {
  async function draw() {
    return render(
      <ChangeBars title="Reliable change" description="Per cohort." groups={changeGroups} minN={10} />,
    );
  }

  it('draws four segments per shown group and a suppressed bar for a small group', async () => {
    const container = await draw();
    const shown = changeGroups.filter((g) => !g.suppressed);
    expect(container.querySelectorAll('[data-mark="bar-segment"]')).toHaveLength(4 * shown.length);
    const suppressed = [...container.querySelectorAll('[data-mark="suppressed-group"]')];
    expect(suppressed).toHaveLength(1);
    expect(textOf(suppressed[0])).toBe('fewer than 10 participants: not shown');
  });

  it('prints the percentages on wide segments and gives the counts in the table', async () => {
    const container = await draw();
    const firstBar = [...container.querySelectorAll('[data-mark="bar-segment"]')].slice(0, 4);
    expect(firstBar.map((segment) => segment.getAttribute('data-category'))).toEqual([
      'recovered',
      'improved',
      'unchanged',
      'deteriorated',
    ]);
    expect(textOf(firstBar[2].parentElement)).toBe('40%');
    await click(getButton(container, 'Show data table'));
    const rows = [...container.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => textOf(cell)),
    );
    expect(rows[0]).toEqual(['All cohorts', '90', '27', '30.0', '18', '20.0', '36', '40.0', '9', '10.0']);
    expect(rows[2].slice(0, 3)).toEqual(['Groningen', '6', 'not shown']);
  });
});
