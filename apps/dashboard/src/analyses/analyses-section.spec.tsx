import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Role, Study } from '../api/types';
import { useSearch } from '../router';
import { deferred, json, mockFetch } from '../test/fetch-mock';
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
import { AnalysesSection } from './analyses-section';
import {
  COHORT_UTRECHT,
  PRACTITIONER_ANNA,
  STUDY_ID,
  alerts,
  change,
  cohorts,
  correlations,
  dyads,
  practitioners,
  protocol,
  scaleQuality,
  scatter,
  scatterSuppressed,
  trajectories,
  withinPerson,
} from './testing/analysis-fixtures';

const study: Study = {
  id: STUDY_ID,
  title: { nl: 'Alliantie en openheid', en: 'Alliance and disclosure' },
  description: {},
  status: 'recruiting',
  languages: ['nl', 'en'],
  ownerInstitutionId: 'inst-a',
  createdAt: '2026-03-14T09:30:00.000Z',
};

const api = createApiClient();
const A = `/api/studies/${STUDY_ID}`;
const FILTER_SOURCES = {
  [`GET ${A}/cohorts`]: json(200, cohorts),
  [`GET ${A}/protocol`]: json(200, protocol),
  'GET /api/users?role=practitioner': json(200, practitioners),
};

/** The section as the workspace mounts it: the address's query string comes from the router. */
function Harness({ role, onUnauthenticated = vi.fn() }: { role: Role; onUnauthenticated?: () => void }) {
  const search = useSearch();
  return (
    <AnalysesSection
      api={api}
      study={study}
      session={researcherSession}
      role={role}
      search={search}
      onStudyChange={vi.fn()}
      onUnauthenticated={onUnauthenticated}
    />
  );
}

async function open(query: string, role: Role = 'researcher', onUnauthenticated?: () => void) {
  window.history.replaceState(null, '', `/studies/${STUDY_ID}/analyses${query}`);
  return render(<Harness role={role} onUnauthenticated={onUnauthenticated} />);
}

const count = (container: HTMLElement, mark: string) =>
  container.querySelectorAll(`[data-mark="${mark}"]`).length;

describe('AnalysesSection', () => {
  it('opens on the correlations: heat map with a cell per pair, suppressed pair marked, table of pairs', async () => {
    const { requests } = mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/correlations?method=pearson&adjust=holm`]: json(200, correlations),
    });
    const container = await open('');
    await waitFor(() => expect(count(container, 'cell')).toBe(correlations.cells.length));
    expect(container.querySelectorAll('[data-mark="cell"][data-suppressed="true"]')).toHaveLength(1);
    expect(textOf(container.querySelector('.chart-title'))).toBe('Correlations (Pearson r)');
    const table = present(container.querySelector('.correlation-table'));
    expect(table.querySelectorAll('tbody tr')).toHaveLength(correlations.cells.length);
    expect(textOf(table.querySelector('tr[data-state="suppressed"]'))).toContain(
      'fewer than 10 participants: not shown',
    );
    expect(requests.map((r) => r.url)).toContain(`${A}/analyses/correlations?method=pearson&adjust=holm`);
    expect(container.querySelector('[aria-current="page"]')?.textContent).toBe('Correlations');
  });

  it('puts a filter in the address and asks the API for the filtered analysis', async () => {
    const { requests } = mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/correlations?method=pearson&adjust=holm`]: json(200, correlations),
      [`GET ${A}/analyses/correlations?cohortId=${COHORT_UTRECHT}&method=pearson&adjust=holm`]: json(
        200,
        correlations,
      ),
      [`GET ${A}/analyses/correlations?cohortId=${COHORT_UTRECHT}&method=spearman&adjust=holm`]: json(200, {
        ...correlations,
        method: 'spearman',
      }),
    });
    const container = await open('');
    await waitFor(() =>
      // All, Utrecht, Rotterdam: the partner institution's Groningen cohort is not offered.
      expect(getByLabelText<HTMLSelectElement>(container, 'Cohort').options).toHaveLength(3),
    );
    await selectOption(getByLabelText<HTMLSelectElement>(container, 'Cohort'), COHORT_UTRECHT);
    await waitFor(() => expect(window.location.search).toBe(`?view=correlations&cohortId=${COHORT_UTRECHT}`));
    await selectOption(getByLabelText<HTMLSelectElement>(container, 'Method'), 'spearman');
    await waitFor(() =>
      expect(textOf(container.querySelector('.chart-title'))).toBe('Correlations (Spearman rho)'),
    );
    expect(window.location.search).toBe(`?view=correlations&cohortId=${COHORT_UTRECHT}&method=spearman`);
    expect(requests.map((r) => r.url)).toContain(
      `${A}/analyses/correlations?cohortId=${COHORT_UTRECHT}&method=spearman&adjust=holm`,
    );
    // The timepoint filter lists the protocol in order, labelled in the interface language.
    expect([...getByLabelText<HTMLSelectElement>(container, 'Timepoint').options].map((o) => o.text)).toEqual(
      ['All', 'Baseline', 'End of treatment'],
    );
    expect(
      [...getByLabelText<HTMLSelectElement>(container, 'Instrument version').options].map((o) => o.text),
    ).toEqual(['All', '1.0.0', '1.1.0']);
  });

  it('restores a linked view with all its filters and options', async () => {
    const query = `?view=change&cohortId=${COHORT_UTRECHT}&timepointId=tp-end&instrumentVersion=1.0.0&practitionerId=${PRACTITIONER_ANNA}&instrument=gad-7`;
    const { requests } = mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/change?cohortId=${COHORT_UTRECHT}&timepointId=tp-end&practitionerId=${PRACTITIONER_ANNA}&instrumentVersion=1.0.0&instrument=gad-7`]:
        json(200, change),
    });
    const container = await open(query);
    await waitFor(() => expect(count(container, 'point')).toBe(change.points.length));
    expect(count(container, 'bar-segment')).toBe(4 * 2);
    expect(count(container, 'suppressed-group')).toBe(1);
    expect(count(container, 'cutoff-line')).toBe(2);
    expect(getByLabelText<HTMLSelectElement>(container, 'Instrument').value).toBe('gad-7');
    expect(getByLabelText<HTMLSelectElement>(container, 'Practitioner').value).toBe(PRACTITIONER_ANNA);
    // An id from a link that is not a choice (any more) stays visible instead of silently vanishing.
    expect(getByLabelText<HTMLSelectElement>(container, 'Timepoint').value).toBe('tp-end');
    expect(textOf(container.querySelector('.analysis-notes'))).toContain(
      'Reliable change: a change of at least 6 points (IAPT).',
    );
    expect(requests.filter((r) => r.url.includes('/analyses/'))).toHaveLength(1);
  });

  it('shows practitioners their alerts first and offers no practitioner filter', async () => {
    const { requests } = mockFetch({
      [`GET ${A}/cohorts`]: json(200, cohorts),
      [`GET ${A}/protocol`]: json(200, protocol),
      [`GET ${A}/analyses/alerts`]: json(200, alerts),
    });
    const container = await open('', 'practitioner');
    await waitFor(() => expect(count(container, 'alert')).toBe(alerts.alerts.length));
    expect(() => getByLabelText(container, 'Practitioner')).toThrow();
    expect(requests.some((r) => r.url.startsWith('/api/users'))).toBe(false);
    const first = present(container.querySelector('[data-mark="alert"]'));
    expect(textOf(first.querySelector('strong'))).toBe('KLIK-0012');
    expect(textOf(first.querySelector('.badge'))).toBe('Alliance dropped');
    expect(textOf(first.querySelector('p'))).toBe(
      'klik-alliance: from 4.20 (session 3, 2 Oct 2026) to 3.40 (session 4, 9 Oct 2026), change -0.80; threshold 0.60.',
    );
    expect(textOf(container.querySelector('.analysis-page p'))).toContain('alliance drop of at least 0.6');
  });

  it('keeps a practitioner id from a link out of a practitioner’s requests', async () => {
    const { requests } = mockFetch({
      [`GET ${A}/cohorts`]: json(200, cohorts),
      [`GET ${A}/protocol`]: json(200, protocol),
      [`GET ${A}/analyses/dyads`]: json(200, dyads),
    });
    const container = await open(`?view=dyads&practitionerId=${PRACTITIONER_ANNA}`, 'practitioner');
    await waitFor(() => expect(count(container, 'kappa')).toBe(1));
    expect(requests.filter((r) => r.url.includes('practitionerId'))).toHaveLength(0);
  });

  it('says a scatter plot on too few clients is not shown', async () => {
    mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/scatter?x=alliance&y=phq9.change`]: json(200, scatterSuppressed),
    });
    const container = await open('?view=scatter');
    await waitFor(() =>
      expect(textOf(container.querySelector('[data-state="suppressed"]'))).toBe(
        'Fewer than 10 participants: not shown.',
      ),
    );
    expect(count(container, 'point')).toBe(0);
  });

  it('draws the scatter plot of the chosen measures', async () => {
    mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/scatter?x=alliance&y=phq9.change`]: json(200, scatter),
    });
    const container = await open('?view=scatter');
    await waitFor(() => expect(count(container, 'point')).toBe(scatter.points.length));
    expect(count(container, 'regression-line')).toBe(1);
    expect(textOf(container.querySelector('.chart-title'))).toBe('PHQ-9 change against Alliance (klik)');
  });

  it('shows the within-person r next to the between-person r and the trajectories', async () => {
    mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/within-person?x=alliance&y=checkin`]: json(200, withinPerson),
      [`GET ${A}/analyses/trajectories?variable=alliance`]: json(200, trajectories),
    });
    const container = await open('?view=within-person');
    await waitFor(() => expect(count(container, 'client-line')).toBe(trajectories.series.length));
    expect(count(container, 'correlation')).toBe(2);
    expect(count(container, 'mean-point')).toBe(trajectories.means.filter((m) => !m.suppressed).length);
    expect(count(container, 'model-line')).toBe(1);
    const figures = [...container.querySelectorAll('.analysis-figures > div')].map((row) => [
      textOf(row.querySelector('dt')),
      textOf(row.querySelector('dd')),
    ]);
    expect(figures).toEqual([
      ['Within clients (repeated-measures r)', 'r = 0.19 [0.12, 0.26], p < 0.001, df 776'],
      ['Between clients (r of the client means)', 'r = 0.47 [0.30, 0.61], p < 0.001, df 94'],
    ]);
  });

  it('shows agreement per content type and scale quality with suppressed rows named', async () => {
    mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/dyads`]: json(200, dyads),
      [`GET ${A}/analyses/scale-quality`]: json(200, scaleQuality),
    });
    const container = await open('?view=dyads');
    await waitFor(() => expect(count(container, 'kappa')).toBe(1));
    expect(count(container, 'suppressed-row')).toBe(1);
    expect([...container.querySelectorAll('.chart-label')].map((label) => textOf(label))).toContain(
      '81% agreement',
    );

    await click(
      present(
        [...container.querySelectorAll<HTMLAnchorElement>('.analysis-nav a')].find(
          (a) => textOf(a) === 'Scale quality',
        ),
      ),
    );
    await waitFor(() => expect(count(container, 'alpha')).toBe(2));
    expect(count(container, 'alpha-secondary')).toBe(2);
    const rows = [...container.querySelectorAll('.scale-quality-table tbody tr')].map((tr) =>
      [...tr.children].map((cell) => textOf(cell)),
    );
    expect(rows).toEqual([
      ['Klik alliance scale: total (klik-alliance 1.1.0)', '15', '96', '0.91', '[0.88, 0.93]', '0.92'],
      ['Klik alliance scale: Bond (klik-alliance 1.1.0)', '3', '96', '0.78', '[0.70, 0.84]', '0.79'],
      ['Klik session check-in: Hope (klik-checkin 1.0.0)', '2', '8', 'fewer than 10 participants: not shown'],
    ]);
    expect(window.location.search).toBe('?view=scale-quality');
  });

  it('announces that an analysis is being computed', async () => {
    const slow = deferred(json(200, alerts));
    mockFetch({ ...FILTER_SOURCES, [`GET ${A}/analyses/alerts`]: slow.reply });
    const container = await open('?view=alerts');
    expect(textOf(container.querySelector('.analysis-page [role="status"]'))).toBe('Computing…');
    slow.release();
    await waitFor(() => expect(count(container, 'alert')).toBe(alerts.alerts.length));
    expect(container.querySelector('.analysis-page [role="status"]')).toBeNull();
  });

  it('says when there is nothing to analyse yet', async () => {
    mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/correlations?method=pearson&adjust=holm`]: json(200, {
        ...correlations,
        nClients: 0,
        cells: [],
      }),
    });
    const container = await open('');
    await waitFor(() =>
      expect(textOf(container.querySelector('[data-state="empty"]'))).toBe(
        'No participants with these scores in this selection yet.',
      ),
    );
  });

  it('shows a failure with a retry, and a lost session goes back to the login', async () => {
    const failure = json(500, {
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side.',
    });
    mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/dyads`]: [failure, json(200, dyads)],
    });
    const container = await open('?view=dyads');
    await waitFor(() =>
      expect(textOf(container.querySelector('[role="alert"]'))).toContain(
        'The analysis could not be loaded. Something went wrong on our side.',
      ),
    );
    await click(getButton(container, 'Try again'));
    await waitFor(() => expect(count(container, 'kappa')).toBe(1));

    const onUnauthenticated = vi.fn();
    mockFetch({
      ...FILTER_SOURCES,
      [`GET ${A}/analyses/alerts`]: json(401, {
        statusCode: 401,
        code: 'unauthenticated',
        message: 'Log in.',
      }),
    });
    await open('?view=alerts', 'researcher', onUnauthenticated);
    await waitFor(() => expect(onUnauthenticated).toHaveBeenCalled());
  });
});
