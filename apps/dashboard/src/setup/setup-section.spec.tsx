import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Study } from '../api/types';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, getByLabelText, present, render, settle, textOf } from '../test/render';
import { catalog, consentVersions, draftStudy, setupCohorts, setupProtocol, staff } from './setup-fixtures';
import { SetupSection } from './setup-section';
import { changeValue, describedErrors, getGroup } from './testing';

const BASE = '/api/studies/s-9';
const defaultSchedule = {
  timepointId: 'tp-1',
  enabled: false,
  inviteOffsetDays: 0,
  reminderDays: [],
  expiresInDays: 30,
  dueAfterDays: null,
  effectiveDueAfterDays: 30,
  updatedAt: null,
};
const loadRoutes = {
  [`GET ${BASE}/cohorts`]: json(200, { items: setupCohorts }),
  [`GET ${BASE}/consent-versions`]: json(200, { items: consentVersions }),
  [`GET ${BASE}/protocol`]: json(200, setupProtocol),
  'GET /api/instruments': json(200, { items: catalog }),
  [`GET ${BASE}/timepoints/tp-1/schedule`]: json(200, defaultSchedule),
  'GET /api/users': json(200, { items: staff }),
  // After a protocol change the study is asked again: whether it needs a safety contact is the API's to say.
  [`GET ${BASE}`]: json(200, draftStudy),
};

async function renderSetup(study: Study = draftStudy) {
  const onStudyChange = vi.fn();
  const container = await render(
    <SetupSection
      api={createApiClient()}
      study={study}
      session={researcherSession}
      role="researcher"
      search=""
      onStudyChange={onStudyChange}
      onUnauthenticated={vi.fn()}
    />,
  );
  await settle();
  return { container, onStudyChange };
}

const panel = (container: HTMLElement, heading: string) =>
  present(
    [...container.querySelectorAll<HTMLElement>('section.setup-panel')].find(
      (section) => textOf(section.querySelector('h3')) === heading,
    ),
    `panel ${heading}`,
  );

describe('SetupSection', () => {
  it('shows the study, its cohorts, consent versions and protocol', async () => {
    mockFetch(loadRoutes);
    const { container } = await renderSetup();

    expect(getByLabelText(container, 'Title (English)').value).toBe('Pilot: check-in');
    expect(getByLabelText(container, 'Description (Dutch, optional)').value).toBe('Een korte pilot.');
    expect(getByLabelText(container, 'Dutch').checked).toBe(true);
    expect(textOf(panel(container, 'Cohorts').querySelector('li'))).toContain('Utrecht · Demo GGZ Utrecht');
    expect(textOf(panel(container, 'Consent texts').querySelector('summary'))).toBe(
      'Version 1 · 2 Nov 2026 · current',
    );
    const first = getGroup(container, 'Timepoint 1');
    expect(getByLabelText(first, 'Key').value).toBe('baseline');
    expect(getByLabelText(first, 'Name (English)').value).toBe('Baseline');
    expect(getByLabelText<HTMLSelectElement>(first, 'Questionnaire 1').value).toBe('phq-9@1.0.0');
    // A licensed instrument without a text pack cannot be chosen.
    const options = [...getByLabelText<HTMLSelectElement>(first, 'Questionnaire 1').options].map(
      (o) => o.value,
    );
    expect(options).toEqual(['', 'phq-9@1.0.0', 'klik-session-log@1.0.0']);
  });

  it('saves the protocol and shows the API’s errors beside the fields of the right timepoint', async () => {
    const saved = {
      studyId: 's-9',
      timepoints: [
        setupProtocol.timepoints[0],
        {
          id: 'tp-2',
          key: 'session',
          position: 2,
          label: { nl: 'Sessie', en: 'Session' },
          kind: 'session',
          offsetDays: null,
          instruments: [
            { instrumentId: 'klik-session-log', instrumentVersion: '1.0.0', respondent: 'practitioner' },
          ],
        },
      ],
    };
    const { requests } = mockFetch({
      ...loadRoutes,
      [`PUT ${BASE}/protocol`]: [
        json(400, {
          statusCode: 400,
          code: 'validation_failed',
          message: 'The request is not valid',
          errors: [{ field: 'timepoints.1.label.en', messages: ['label needs a en text'] }],
        }),
        json(200, saved),
      ],
    });
    const { container } = await renderSetup();

    await click(getButton(container, 'Add timepoint'));
    const second = getGroup(container, 'Timepoint 2');
    await changeValue(getByLabelText(second, 'Key'), 'session');
    expect(getByLabelText<HTMLSelectElement>(second, 'Kind').value).toBe('session');
    expect(() => getByLabelText(second, 'Due after (days from enrolment)')).toThrow();
    await changeValue(getByLabelText(second, 'Name (Dutch)'), 'Sessie');
    await changeValue(getByLabelText<HTMLSelectElement>(second, 'Questionnaire 1'), 'klik-session-log@1.0.0');
    await click(getButton(container, 'Save protocol'));
    await settle();

    const english = getByLabelText(getGroup(container, 'Timepoint 2'), 'Name (English)');
    expect(english.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(english)).toEqual(['label needs a en text']);
    expect(document.activeElement).toBe(english);
    expect(
      getByLabelText(getGroup(container, 'Timepoint 1'), 'Name (English)').hasAttribute('aria-invalid'),
    ).toBe(false);

    await changeValue(english, 'Session');
    await click(getButton(container, 'Save protocol'));
    await settle();

    const puts = requests.filter((request) => request.method === 'PUT');
    expect(puts[1]?.body).toEqual({
      timepoints: [
        {
          key: 'baseline',
          label: { nl: 'Voormeting', en: 'Baseline' },
          kind: 'baseline',
          offsetDays: 0,
          instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
        },
        {
          key: 'session',
          label: { nl: 'Sessie', en: 'Session' },
          kind: 'session',
          instruments: [
            { instrumentId: 'klik-session-log', instrumentVersion: '1.0.0', respondent: 'practitioner' },
          ],
        },
      ],
    });
    expect(textOf(panel(container, 'Protocol').querySelector('[role="status"]'))).toBe(
      'The protocol is saved.',
    );
  });

  it('moves a timepoint up and removes one', async () => {
    mockFetch(loadRoutes);
    const { container } = await renderSetup();
    await click(getButton(container, 'Add timepoint'));
    await changeValue(getByLabelText(getGroup(container, 'Timepoint 2'), 'Key'), 'end');

    await click(present(container.querySelector<HTMLButtonElement>('[aria-label="Move up: Timepoint 2"]')));
    expect(getByLabelText(getGroup(container, 'Timepoint 1'), 'Key').value).toBe('end');
    expect(getByLabelText(getGroup(container, 'Timepoint 2'), 'Key').value).toBe('baseline');

    await click(
      present(container.querySelector<HTMLButtonElement>('[aria-label="Remove timepoint: Timepoint 1"]')),
    );
    expect(getByLabelText(getGroup(container, 'Timepoint 1'), 'Key').value).toBe('baseline');
    expect(() => getGroup(container, 'Timepoint 2')).toThrow();
  });

  it('starts recruiting, or says what is missing', async () => {
    const recruiting = { ...draftStudy, status: 'recruiting' as const };
    const { requests } = mockFetch({
      ...loadRoutes,
      [`PATCH ${BASE}`]: [
        json(409, {
          statusCode: 409,
          code: 'study_not_ready',
          message: 'Before recruiting, the study needs a protocol with at least one instrument',
        }),
        json(200, recruiting),
      ],
    });
    const { container, onStudyChange } = await renderSetup();

    const status = panel(container, 'Status');
    // The draft's safety contact is missing (its protocol has the PHQ-9): the panel says so before anyone asks.
    expect([...status.querySelectorAll('.notice li')].map(textOf)).toEqual([
      'a safety contact (the protocol has questionnaires with risk items)',
    ]);
    await click(getButton(container, 'Start recruiting'));
    await settle();
    expect(textOf(status.querySelector('[role="alert"]'))).toBe(
      'The study cannot recruit yet: something it needs is missing (see the list above).',
    );
    expect(onStudyChange).not.toHaveBeenCalled();

    await click(getButton(container, 'Start recruiting'));
    await settle();
    expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { status: 'recruiting' },
      { status: 'recruiting' },
    ]);
    expect(onStudyChange).toHaveBeenCalledWith(recruiting);
  });

  it('closes a study only after a second confirmation', async () => {
    const { requests } = mockFetch({
      ...loadRoutes,
      [`PATCH ${BASE}`]: json(200, { ...draftStudy, status: 'closed' }),
    });
    const { container } = await renderSetup();

    await click(getButton(container, 'Close the study…'));
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
    await click(getButton(container, 'Yes, close the study'));
    await settle();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ status: 'closed' });
  });

  it('adds and renames cohorts, and publishes a consent version', async () => {
    const zeist = { ...setupCohorts[0], id: 'c-2', name: 'Zeist' };
    const { requests } = mockFetch({
      ...loadRoutes,
      [`POST ${BASE}/cohorts`]: json(201, zeist),
      [`PATCH ${BASE}/cohorts/c-1`]: json(200, { ...setupCohorts[0], name: 'Utrecht-Oost' }),
      [`POST ${BASE}/consent-versions`]: json(201, {
        id: 'cv-2',
        version: 2,
        text: { nl: 'Nieuw', en: 'New' },
        createdAt: '2026-11-03T10:00:00.000Z',
      }),
    });
    const { container, onStudyChange } = await renderSetup();

    const cohorts = panel(container, 'Cohorts');
    await changeValue(getByLabelText(cohorts, 'Cohort name'), 'Zeist');
    await click(getButton(cohorts, 'Add cohort'));
    await settle();
    await click(present(cohorts.querySelector<HTMLButtonElement>('[aria-label="Rename Utrecht"]')));
    await changeValue(getByLabelText(cohorts, 'New name for Utrecht'), 'Utrecht-Oost');
    await click(getButton(cohorts, 'Save'));
    await settle();
    expect([...cohorts.querySelectorAll('li strong')].map(textOf)).toEqual(['Utrecht-Oost', 'Zeist']);

    const consent = panel(container, 'Consent texts');
    await changeValue(getByLabelText<HTMLTextAreaElement>(consent, 'Consent text (Dutch)'), 'Nieuw');
    await changeValue(getByLabelText<HTMLTextAreaElement>(consent, 'Consent text (English)'), 'New');
    await click(getButton(consent, 'Publish new version'));
    await settle();

    expect(requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', `${BASE}/cohorts`, { name: 'Zeist' }],
      ['PATCH', `${BASE}/cohorts/c-1`, { name: 'Utrecht-Oost' }],
      ['POST', `${BASE}/consent-versions`, { text: { nl: 'Nieuw', en: 'New' }, requiresReconsent: false }],
    ]);
    expect(textOf(consent.querySelector('summary'))).toBe('Version 2 · 3 Nov 2026 · current');
    expect(onStudyChange).toHaveBeenCalledWith({ ...draftStudy, currentConsentVersion: 2 });
  });

  it('a recruiting study keeps languages and withdrawal policy fixed; a partner study is read-only', async () => {
    mockFetch(loadRoutes);
    const { container } = await renderSetup({ ...draftStudy, status: 'recruiting' });
    expect(getByLabelText(container, 'English').disabled).toBe(true);
    expect(getButton(container, 'Save details').disabled).toBe(false);

    const partner = await render(
      <SetupSection
        api={createApiClient()}
        study={{ ...draftStudy, owned: false }}
        session={researcherSession}
        role="researcher"
        search=""
        onStudyChange={vi.fn()}
        onUnauthenticated={vi.fn()}
      />,
    );
    await settle();
    expect(textOf(partner.querySelector('.alert'))).toContain('belongs to another institution');
    expect(() => getButton(partner, 'Save details')).toThrow();
    expect(() => getButton(partner, 'Start recruiting')).toThrow();
    expect(() => getButton(partner, 'Save protocol')).toThrow();
  });

  it('saves edited details and hands the changed study to the workspace', async () => {
    const changed = {
      ...draftStudy,
      title: { nl: 'Pilot: wekelijkse check-in', en: 'Pilot: weekly check-in' },
      formOfAddress: 'u' as const,
      withdrawalPolicy: 'erase_link' as const,
    };
    const { requests } = mockFetch({ ...loadRoutes, [`PATCH ${BASE}`]: json(200, changed) });
    const { container, onStudyChange } = await renderSetup();

    await changeValue(getByLabelText(container, 'Title (Dutch)'), 'Pilot: wekelijkse check-in');
    await changeValue(getByLabelText(container, 'Title (English)'), 'Pilot: weekly check-in');
    await changeValue(getByLabelText<HTMLTextAreaElement>(container, 'Description (English, optional)'), '');
    await click(getByLabelText(container, '“u”: formal'));
    await click(getByLabelText(container, 'Keep the answers, erase only the link to the person'));
    await click(getButton(container, 'Save details'));
    await settle();

    // Every language's title, and only the descriptions still written (a cleared one is left out).
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      title: { nl: 'Pilot: wekelijkse check-in', en: 'Pilot: weekly check-in' },
      description: { nl: 'Een korte pilot.' },
      formOfAddress: 'u',
      languages: ['nl', 'en'],
      withdrawalPolicy: 'erase_link',
    });
    expect(onStudyChange).toHaveBeenCalledWith(changed);
    expect(textOf(panel(container, 'Details').querySelector('[role="status"]'))).toBe(
      'The details are saved.',
    );
  });

  it("edits a timepoint's e-mail schedule; a reminder's error shows under the reminders field", async () => {
    const saved = { ...defaultSchedule, enabled: true, reminderDays: [3, 7], effectiveDueAfterDays: 7 };
    const { requests } = mockFetch({
      ...loadRoutes,
      [`PUT ${BASE}/timepoints/tp-1/schedule`]: [
        json(400, {
          statusCode: 400,
          code: 'validation_failed',
          message: 'The request is not valid',
          errors: [{ field: 'reminderDays.1', messages: ['reminderDays must increase'] }],
        }),
        json(200, saved),
      ],
    });
    const { container } = await renderSetup();
    const form = getGroup(container, 'E-mail schedule: Baseline');

    await click(getByLabelText(form, 'Send the invitation and reminders by e-mail'));
    const reminders = getByLabelText(form, 'Reminders after (days from the invitation)');
    await changeValue(reminders, '7, 3');
    await click(getButton(form, 'Save schedule for Baseline'));
    await settle();
    expect(reminders.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(reminders)).toEqual(['Reminder 2: reminderDays must increase']);
    expect(document.activeElement).toBe(reminders);

    await changeValue(reminders, '3 7');
    await click(getButton(form, 'Save schedule for Baseline'));
    await settle();
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { enabled: true, inviteOffsetDays: 0, reminderDays: [7, 3], expiresInDays: 30, dueAfterDays: null },
      { enabled: true, inviteOffsetDays: 0, reminderDays: [3, 7], expiresInDays: 30, dueAfterDays: null },
    ]);
    expect(textOf(form.querySelector('[role="status"]'))).toBe('The schedule for Baseline is saved.');
  });
});
