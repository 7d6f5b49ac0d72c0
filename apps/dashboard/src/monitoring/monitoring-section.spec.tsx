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
    expect(events.map((event) => textOf(event.querySelector('strong')))).toEqual([
      'Enrolled',
      'Link made',
      'Reminder e-mailed',
      'Consented',
      'Completed',
      'Asked to consent again',
    ]);
    expect(
      events.map((event) =>
        textOf(event).replace(/^.*?(?=Enrolled|Link made|Reminder|Consented|Completed|Asked)/, ''),
      ),
    ).toEqual([
      'Enrolled',
      'Link made · Baseline',
      'Reminder e-mailed · Baseline · reminder 1',
      'Consented · Baseline · consent version 1',
      'Completed · Session, session 2',
      'Asked to consent again · consent version 2',
    ]);
    // Where the participant stands with consent now.
    const consent = present(container.querySelector('.timeline-consent'));
    expect(textOf(consent)).toMatch(
      /^Consent: version 1, given on .+ · must consent again to version 2 before answering more$/,
    );
    expect(consent.querySelector('time')?.getAttribute('datetime')).toBe('2026-04-05T08:00:00.000Z');
  });

  it('says a withdrawn participant holds no consent any more', async () => {
    const withdrawn = {
      ...timeline,
      status: 'withdrawn',
      consent: { status: 'none', version: null, consentedAt: null, renewalVersion: null },
    };
    mockFetch({ ...routes, [`GET ${BASE}/participants/p-1/timeline`]: json(200, withdrawn) });
    window.history.replaceState(null, '', '/studies/s-1/monitoring?participantId=p-1');
    const container = await render(<Harness />);
    await settle();
    expect(textOf(container.querySelector('.timeline-consent'))).toBe('Consent: none any more: withdrawn');
  });

  it('shows consent per version, who still owes a renewal and who declined it', async () => {
    mockFetch(routes);
    const container = await render(<Harness />);
    await settle();

    const block = present(container.querySelector('section.consent-summary'));
    expect(textOf(block.querySelector('h3'))).toBe('Consent');
    const table = present(block.querySelector('table'));
    expect([...table.querySelectorAll('thead th')].map(textOf)).toEqual([
      'Version',
      'Published',
      'Consent asked again',
      'Participants (latest consent)',
    ]);
    expect(rows(table, 'tbody')).toEqual([
      ['Version 1', '14 Mar 2026', '—', '5'],
      ['Version 2 · current', '1 May 2026', 'Yes, of everyone on an older version', '6'],
    ]);
    const facts = Object.fromEntries(
      [...block.querySelectorAll('dl > div')].map((row) => [
        textOf(row.querySelector('dt')),
        textOf(row.querySelector('dd')),
      ]),
    );
    expect(facts).toEqual({
      'Not (yet) consented': '7',
      'Still to consent to version 2': '5',
      'Withdrew by declining renewed consent': '1',
    });
  });

  it('leaves the renewal count out when no version asked for renewed consent', async () => {
    mockFetch({
      ...routes,
      [`GET ${BASE}/monitoring`]: json(200, {
        ...monitoring,
        consent: {
          currentVersion: 1,
          renewalVersion: null,
          versions: [monitoring.consent.versions[0]],
          notConsented: 13,
          renewalPending: 0,
          declinedRenewal: 0,
        },
      }),
    });
    const container = await render(<Harness />);
    await settle();
    const terms = [...container.querySelectorAll('section.consent-summary dt')].map(textOf);
    expect(terms).toEqual(['Not (yet) consented', 'Withdrew by declining renewed consent']);
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
    const consent = present(container.querySelector('section.consent-summary'));
    expect(textOf(consent.querySelector('h3'))).toBe('Toestemming');
    expect([...consent.querySelectorAll('dt')].map(textOf)).toEqual([
      '(Nog) geen toestemming gegeven',
      'Moet nog toestemming geven voor versie 2',
      'Gestopt door nieuwe toestemming te weigeren',
    ]);
  });
});
