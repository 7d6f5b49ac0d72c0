import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import type { Session } from '../api/types';
import { App } from '../app/app';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession, studies } from '../test/fixtures';
import { click, getByRole, render, textOf, waitFor } from '../test/render';
import { parseStudyPath, studyPath } from './study-sections';

const navLabels = (container: HTMLElement) =>
  [...container.querySelectorAll('nav.study-nav a')].map((link) => textOf(link));

const practitionerSession: Session = {
  ...researcherSession,
  memberships: [{ institutionId: 'inst-a', institutionName: 'Demo GGZ Utrecht', role: 'practitioner' }],
};

describe('study routes', () => {
  it('parses study paths and leaves /studies/new and other paths alone', () => {
    expect(parseStudyPath('/studies/s-1')).toEqual({ studyId: 's-1', section: null });
    expect(parseStudyPath('/studies/s-1/exports')).toEqual({ studyId: 's-1', section: 'exports' });
    expect(parseStudyPath('/studies/new')).toBeNull();
    expect(parseStudyPath('/studies/s-1/exports/extra')).toBeNull();
    expect(parseStudyPath('/elsewhere')).toBeNull();
    expect(studyPath('a b', 'setup')).toBe('/studies/a%20b/setup');
  });
});

describe('StudyWorkspace', () => {
  it('opens a study from the list on its default section with every research section in the navigation', async () => {
    window.history.replaceState(null, '', '/');
    mockFetch({
      'GET /api/auth/me': json(200, researcherSession),
      'GET /api/studies': json(200, { items: studies }),
      'GET /api/safety-signals?status=open&language=en&limit=5&offset=0': json(200, {
        items: [],
        total: 0,
        limit: 5,
        offset: 0,
      }),
      'GET /api/studies/s-1': json(200, studies[0]),
    });
    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(container.querySelector('article h2 a')).not.toBeNull());

    await click(container.querySelector<HTMLAnchorElement>('article h2 a') as HTMLAnchorElement);

    await waitFor(() => expect(textOf(getByRole(container, 'heading', 1))).toBe('Alliance and disclosure in outpatient care'));
    await waitFor(() => expect(window.location.pathname).toBe('/studies/s-1/analyses'));
    expect(navLabels(container)).toEqual([
      'Study set-up',
      'Participants and invitations',
      'Response monitoring',
      'Outbox',
      'Analyses',
      'Comparison of institutions',
      'Export',
    ]);
    const current = container.querySelector('nav.study-nav a[aria-current="page"]');
    expect(textOf(current)).toBe('Analyses');
  });

  it('offers "New study" to a researcher but not to a practitioner', async () => {
    window.history.replaceState(null, '', '/');
    mockFetch({
      'GET /api/auth/me': json(200, practitionerSession),
      'GET /api/studies': json(200, { items: studies }),
      'GET /api/safety-signals?status=open&language=en&limit=5&offset=0': json(200, {
        items: [],
        total: 0,
        limit: 5,
        offset: 0,
      }),
    });
    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(container.querySelectorAll('article h2 a')).toHaveLength(studies.length));
    const links = [...container.querySelectorAll('a')].map((link) => textOf(link));
    expect(links).not.toContain('New study');
  });

  it('hides the research-only sections from a practitioner and moves them off a hidden section', async () => {
    window.history.replaceState(null, '', '/studies/s-1/exports');
    mockFetch({
      'GET /api/auth/me': json(200, practitionerSession),
      'GET /api/studies/s-1': json(200, studies[0]),
    });
    const container = await render(<App api={createApiClient()} />);
    await waitFor(() => expect(navLabels(container)).toHaveLength(4));
    expect(navLabels(container)).toEqual([
      'Participants and invitations',
      'Response monitoring',
      'Analyses',
      'Comparison of institutions',
    ]);
    await waitFor(() => expect(window.location.pathname).toBe('/studies/s-1/analyses'));
  });

  it('says so when the study does not exist for this institution', async () => {
    window.history.replaceState(null, '', '/studies/unknown/setup');
    mockFetch({
      'GET /api/auth/me': json(200, researcherSession),
      'GET /api/studies/unknown': json(404, { statusCode: 404, code: 'not_found', message: 'Study not found' }),
    });
    const container = await render(<App api={createApiClient()} />);
    await waitFor(() =>
      expect(textOf(container.querySelector('[role="alert"]'))).toContain(
        'There is no such study, or your institution has no access to it.',
      ),
    );
    expect(container.querySelector('nav.study-nav')).toBeNull();
  });
});
