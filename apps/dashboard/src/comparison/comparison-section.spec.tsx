import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Study } from '../api/types';
import { useSearch } from '../router';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import {
  click,
  getButton,
  getByLabelText,
  present,
  render,
  selectOption,
  textOf,
  waitFor,
} from '../test/render';
import { ComparisonSection } from './comparison-section';
import { comparison } from './testing/comparison-fixture';

const study: Study = {
  id: 's-1',
  title: { en: 'Multi-site study' },
  description: {},
  status: 'recruiting',
  languages: ['en'],
  ownerInstitutionId: 'inst-a',
  createdAt: '2026-03-14T09:30:00.000Z',
};
const api = createApiClient();

function Harness() {
  const search = useSearch();
  return (
    <ComparisonSection
      api={api}
      study={study}
      session={researcherSession}
      role="researcher"
      search={search}
      onStudyChange={vi.fn()}
      onUnauthenticated={vi.fn()}
    />
  );
}

async function open(query = '') {
  window.history.replaceState(null, '', `/studies/s-1/comparison${query}`);
  return render(<Harness />);
}

const cells = (row: Element) => [...row.children].map((cell) => textOf(cell));

describe('ComparisonSection', () => {
  it('draws the forest plot: a square per shown institution, the pooled diamond and prediction interval', async () => {
    mockFetch({ 'GET /api/studies/s-1/comparison?instrument=phq-9': json(200, comparison) });
    const container = await open();
    await waitFor(() => expect(container.querySelectorAll('[data-mark="study-square"]')).toHaveLength(2));
    expect(container.querySelectorAll('[data-mark="pooled-diamond"]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-mark="prediction-interval"]')).toHaveLength(1);
    expect([...container.querySelectorAll('[data-mark="suppressed-row"]')].map((row) => textOf(row))).toEqual(
      ['fewer than 10: not shown', 'hidden to protect another cell'],
    );
    expect(textOf(container.querySelector('.comparison-pooled'))).toBe(
      'Pooled r = -0.27 [-0.50, -0.01], p 0.043; 95% prediction interval [-0.62, 0.15]; k = 2, τ² = 0.0012, I² = 8.4%, Q = 1.09 (df 1, p 0.296); Hartung–Knapp adjustment (never narrower than the z interval).',
    );
  });

  it('lists the aggregates per institution and says why each hidden cell is hidden', async () => {
    mockFetch({ 'GET /api/studies/s-1/comparison?instrument=phq-9': json(200, comparison) });
    const container = await open();
    await waitFor(() => expect(container.querySelector('.comparison-table')).not.toBeNull());
    const table = present(container.querySelector('.comparison-table'));
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(cells(rows[0])).toEqual([
      'Institution A: Demo GGZ Utrecht (your institution)',
      '96',
      '95.0%',
      '96',
      '50.0%',
      '30.0%',
      '-1.10 [-1.40, -0.80]',
      '-0.32 [-0.57, -0.07]',
    ]);
    expect(cells(rows[2]).slice(1)).toEqual(Array(7).fill('fewer than 10: not shown'));
    expect(cells(rows[3]).slice(1)).toEqual(Array(7).fill('hidden to protect another cell'));
    expect(rows[2].querySelectorAll('[data-state="suppressed"][data-reason="primary"]')).toHaveLength(7);
    const total = cells(present(table.querySelector('tfoot tr')));
    expect(total).toEqual([
      'All institutions',
      '170',
      '93.8%',
      '160',
      'hidden to protect another cell',
      '31.3%',
      '–',
      '-0.27 [-0.50, -0.01]',
    ]);
  });

  it('compares each institution with the rest', async () => {
    mockFetch({ 'GET /api/studies/s-1/comparison?instrument=phq-9': json(200, comparison) });
    const container = await open();
    await waitFor(() => expect(container.querySelector('.versus-rest-table')).not.toBeNull());
    const rows = [...present(container.querySelector('.versus-rest-table')).querySelectorAll('tbody tr')];
    expect(cells(rows[0])).toEqual([
      'Institution A',
      '4.00 [-1.00, 9.00], p 0.210',
      '4.00 [-1.00, 9.00], p 0.210',
      '4.00 [-1.00, 9.00], p 0.210',
      '0.40 [-4.60, 5.40], p 0.210',
      '0.04 [-4.96, 5.04], p 0.210',
    ]);
    expect(cells(rows[2])[1]).toBe('fewer than 10: not shown');
  });

  it('switches the outcome through the address', async () => {
    const { requests } = mockFetch({
      'GET /api/studies/s-1/comparison?instrument=phq-9': json(200, comparison),
      'GET /api/studies/s-1/comparison?instrument=gad-7': json(200, {
        ...comparison,
        instrument: { id: 'gad-7', version: '1.0.0', scoringVersion: '1.0.0' },
      }),
    });
    const container = await open();
    await waitFor(() => expect(container.querySelector('.chart')).not.toBeNull());
    await selectOption(getByLabelText<HTMLSelectElement>(container, 'Outcome'), 'gad-7');
    await waitFor(() =>
      expect(textOf(container.querySelector('.chart-title'))).toBe(
        'Alliance–outcome correlation per institution (GAD-7 change)',
      ),
    );
    expect(window.location.search).toBe('?instrument=gad-7');
    expect(requests.map((r) => r.url)).toEqual([
      '/api/studies/s-1/comparison?instrument=phq-9',
      '/api/studies/s-1/comparison?instrument=gad-7',
    ]);
  });

  it('shows a failure with a retry', async () => {
    mockFetch({
      'GET /api/studies/s-1/comparison?instrument=phq-9': [
        json(404, { statusCode: 404, code: 'not_found', message: 'Study not found.' }),
        json(200, { ...comparison, pooled: null }),
      ],
    });
    const container = await open();
    await waitFor(() =>
      expect(textOf(container.querySelector('[role="alert"]'))).toContain(
        'The comparison could not be loaded. Study not found.',
      ),
    );
    await click(getButton(container, 'Try again'));
    await waitFor(() =>
      expect(textOf(container.querySelector('.comparison-pooled'))).toBe(
        'No institution shows a correlation, so nothing is pooled.',
      ),
    );
    expect(container.querySelector('[data-mark="pooled-diamond"]')).toBeNull();
  });
});
