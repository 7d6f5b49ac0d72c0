import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { cohorts, participants, protocol, recruitingStudy } from '../participants/participants-fixtures';
import { useSearch } from '../router';
import { changeValue } from '../setup/testing';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { getByLabelText, present, render, settle, textOf } from '../test/render';
import { monitoring, timeline } from './monitoring-fixtures';
import { MonitoringSection } from './monitoring-section';

const BASE = '/api/studies/s-1';
const routes = {
  [`GET ${BASE}/cohorts`]: json(200, {
    items: [...cohorts, { ...cohorts[0], id: 'c-partner', name: 'Groningen', institutionId: 'inst-b' }],
  }),
  [`GET ${BASE}/protocol`]: json(200, protocol),
  [`GET ${BASE}/participants?limit=1000&offset=0`]: json(200, { items: participants, total: 2 }),
  [`GET ${BASE}/monitoring`]: json(200, monitoring),
};

/** The section as the workspace mounts it: the query string comes from the address. */
function Harness() {
  const search = useSearch();
  return (
    <MonitoringSection
      api={createApiClient()}
      study={recruitingStudy}
      session={researcherSession}
      role="researcher"
      search={search}
      onStudyChange={vi.fn()}
      onUnauthenticated={vi.fn()}
    />
  );
}

const rows = (table: Element, section: 'tbody' | 'tfoot') =>
  [...table.querySelectorAll(`${section} tr`)].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => textOf(cell)),
  );

describe('MonitoringSection', () => {
  it('renders the counts of each cohort and the total from the API', async () => {
    mockFetch(routes);
    const container = await render(<Harness />);
    await settle();

    const table = present(container.querySelector('table.monitoring-table'));
    expect(textOf(table.querySelector('caption'))).toBe(
      'Baseline · overdue after the e-mail schedule’s due day',
    );
    expect([...table.querySelectorAll('thead th')].map(textOf)).toEqual([
      'Cohort',
      'Participants',
      'Invited',
      'Opened',
      'Started',
      'Completed',
      'Started, not finished',
      'Overdue',
      'Completed of invited',
    ]);
    expect(rows(table, 'tbody')).toEqual([
      ['Utrecht', '10', '9', '7', '6', '4', '2', '3', '44%'],
      ['Zeist', '8', '0', '0', '0', '0', '0', '0', '—'],
    ]);
    expect(rows(table, 'tfoot')).toEqual([['All cohorts', '18', '9', '7', '6', '4', '2', '3', '44%']]);
  });

  it('filters by cohort through the address, so the view can be linked', async () => {
    const { requests } = mockFetch({
      ...routes,
      [`GET ${BASE}/monitoring?cohortId=c-1`]: json(200, {
        ...monitoring,
        timepoints: [{ ...monitoring.timepoints[0], cohorts: [monitoring.timepoints[0].cohorts[0]] }],
      }),
    });
    window.history.replaceState(null, '', '/studies/s-1/monitoring');
    const container = await render(<Harness />);
    await settle();

    // The own institution's cohorts only (the fixtures' session is inst-a's): a partner's would count nobody.
    expect(
      [...getByLabelText<HTMLSelectElement>(container, 'Cohort').options].map((option) => option.value),
    ).toEqual(['', 'c-1', 'c-2']);
    await changeValue(getByLabelText<HTMLSelectElement>(container, 'Cohort'), 'c-1');
    await settle();

    expect(window.location.search).toBe('?cohortId=c-1');
    expect(requests.map((request) => request.url)).toContain(`${BASE}/monitoring?cohortId=c-1`);
    const table = present(container.querySelector('table.monitoring-table'));
    expect(rows(table, 'tbody').map((row) => row[0])).toEqual(['Utrecht']);
  });

  it("shows a participant's timeline, oldest first, with timepoint names", async () => {
    mockFetch({ ...routes, [`GET ${BASE}/participants/p-1/timeline`]: json(200, timeline) });
    window.history.replaceState(null, '', '/studies/s-1/monitoring?participantId=p-1');
    const container = await render(<Harness />);
    await settle();

    expect(getByLabelText<HTMLSelectElement>(container, 'Participant').value).toBe('p-1');
    expect(textOf(container.querySelector('.timeline h4'))).toBe('Timeline of KLIK-0001 · Active');
    const events = [...container.querySelectorAll('.timeline-events li')];
    expect(events.map((event) => event.querySelector('time')?.getAttribute('datetime'))).toEqual(
      timeline.events.map((event) => event.at),
    );
    expect(
      events.map((event) => textOf(event).replace(/^.*?(?=Enrolled|Link made|Reminder|Completed)/, '')),
    ).toEqual([
      'Enrolled',
      'Link made · Baseline',
      'Reminder e-mailed · Baseline · reminder 1',
      'Completed · Session, session 2',
    ]);
  });

  it('speaks Dutch', async () => {
    mockFetch(routes);
    const container = await render(<Harness />, { language: 'nl' });
    await settle();
    const table = present(container.querySelector('table.monitoring-table'));
    expect(textOf(table.querySelector('caption'))).toBe(
      'Voormeting · te laat na de uiterste dag van het e-mailschema',
    );
    expect(rows(table, 'tbody')[0]).toEqual(['Utrecht', '10', '9', '7', '6', '4', '2', '3', '44%']);
  });
});
