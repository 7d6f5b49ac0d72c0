import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Study } from '../api/types';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, getByLabelText, present, render, settle, textOf } from '../test/render';
import { catalog, consentVersions, draftStudy, setupCohorts, setupProtocol, staff } from './setup-fixtures';
import { SetupSection } from './setup-section';
import { changeValue, describedErrors } from './testing';

// The safety settings of issue 11 in the set-up: the safety contact, the help texts, the refusal to recruit
// without them, renewed consent, and a partner institution's contact for its own cohort.

const BASE = '/api/studies/s-9';
const loadRoutes = {
  [`GET ${BASE}/cohorts`]: json(200, { items: setupCohorts }),
  [`GET ${BASE}/consent-versions`]: json(200, { items: consentVersions }),
  [`GET ${BASE}/protocol`]: json(200, setupProtocol),
  'GET /api/instruments': json(200, { items: catalog }),
  [`GET ${BASE}/timepoints/tp-1/schedule`]: json(200, {
    timepointId: 'tp-1',
    enabled: false,
    inviteOffsetDays: 0,
    reminderDays: [],
    expiresInDays: 30,
    dueAfterDays: null,
    effectiveDueAfterDays: 30,
    updatedAt: null,
  }),
  'GET /api/users': json(200, { items: staff }),
};

async function renderSetup(study: Study = draftStudy, language: 'en' | 'nl' = 'en') {
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
    { language },
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

const refusal = {
  statusCode: 409,
  code: 'safety_contact_required',
  message:
    'Before it recruits, a study whose the protocol has instruments with risk items needs a safety contact',
  errors: [
    {
      field: 'safetyContactUserId',
      messages: ['a safety contact is required: the protocol has instruments with risk items (phq-9@1.0.0)'],
    },
  ],
};

describe('SetupSection: safety', () => {
  it('says what the protocol requires and what is missing, offers active colleagues and saves the settings', async () => {
    const saved = { ...draftStudy, safetyContactUserId: 'u-2' };
    const { requests } = mockFetch({ ...loadRoutes, [`PATCH ${BASE}`]: json(200, saved) });
    const { container, onStudyChange } = await renderSetup();
    const safety = panel(container, 'Safety');

    expect(textOf(safety.querySelector('.notice'))).toContain(
      'This study can only recruit with a safety contact and a help text in each of its languages.',
    );
    expect([...safety.querySelectorAll('.notice li')].map(textOf)).toEqual(['a safety contact']);
    const contact = getByLabelText<HTMLSelectElement>(safety, 'Safety contact');
    // Active colleagues only, each with their role.
    expect([...contact.options].map((option) => [option.value, option.text])).toEqual([
      ['', 'No safety contact yet'],
      ['u-1', 'Dana de Vries (Researcher)'],
      ['u-2', 'Anna de Boer (Practitioner)'],
    ]);
    // The help texts start filled in, each marked with its language.
    const dutch = getByLabelText<HTMLTextAreaElement>(safety, 'Help text (Dutch)');
    expect(dutch.value).toContain('113');
    expect(dutch.getAttribute('lang')).toBe('nl');

    await changeValue(contact, 'u-2');
    await changeValue(
      getByLabelText<HTMLTextAreaElement>(safety, 'Help text (English)'),
      ' Call our crisis line: 030 123 4567. In immediate danger: call 112. ',
    );
    await click(getButton(safety, 'Save safety settings'));
    await settle();

    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      safetyContactUserId: 'u-2',
      safetyHelpText: {
        nl: draftStudy.safetyHelpText?.nl,
        en: 'Call our crisis line: 030 123 4567. In immediate danger: call 112.',
      },
    });
    expect(onStudyChange).toHaveBeenCalledWith(saved);
    expect(textOf(safety.querySelector('[role="status"]'))).toBe('The safety settings are saved.');
  });

  it('shows a refusal to recruit beside the safety contact and moves focus there', async () => {
    mockFetch({
      ...loadRoutes,
      [`PATCH ${BASE}`]: json(409, {
        ...refusal,
        errors: [
          ...refusal.errors,
          { field: 'safetyHelpText.en', messages: ['a help text in en is required'] },
        ],
      }),
    });
    const { container, onStudyChange } = await renderSetup();

    await click(getButton(container, 'Start recruiting'));
    await settle();

    expect(textOf(panel(container, 'Status').querySelector('[role="alert"]'))).toBe(
      'The protocol has questionnaires with risk items, so the study needs a safety contact (and a help text in every language) first. See “Safety”.',
    );
    const safety = panel(container, 'Safety');
    // The sentence is said once, by the status panel; the safety panel marks its fields.
    expect(safety.querySelector('[role="alert"]')).toBeNull();
    const contact = getByLabelText<HTMLSelectElement>(safety, 'Safety contact');
    expect(contact.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(contact)).toEqual([
      'a safety contact is required: the protocol has instruments with risk items (phq-9@1.0.0)',
    ]);
    expect(document.activeElement).toBe(contact);
    const english = getByLabelText<HTMLTextAreaElement>(safety, 'Help text (English)');
    expect(describedErrors(english)).toEqual(['a help text in en is required']);
    expect(onStudyChange).not.toHaveBeenCalled();
  });

  it('asks for a help text in every language before saving', async () => {
    const { requests } = mockFetch(loadRoutes);
    const { container } = await renderSetup();
    const safety = panel(container, 'Safety');

    await changeValue(getByLabelText<HTMLTextAreaElement>(safety, 'Help text (Dutch)'), '   ');
    await click(getButton(safety, 'Save safety settings'));
    await settle();

    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
    const dutch = getByLabelText<HTMLTextAreaElement>(safety, 'Help text (Dutch)');
    expect(describedErrors(dutch)).toEqual(['Write a help text in Dutch.']);
    expect(document.activeElement).toBe(dutch);
  });

  it('says so calmly when the protocol has no risk items, and that the rule is met once it is', async () => {
    mockFetch(loadRoutes);
    const { container } = await renderSetup({ ...draftStudy, safetyRequired: false });
    const safety = panel(container, 'Safety');
    expect(safety.querySelector('.notice')).toBeNull();
    expect(textOf(safety)).toContain('No questionnaire in the protocol has risk items');

    const complete = await renderSetup({ ...draftStudy, id: 's-9', safetyContactUserId: 'u-1' });
    expect(textOf(panel(complete.container, 'Safety').querySelector('.notice-ok'))).toContain(
      'A safety contact and a help text in every language are in place.',
    );
  });

  it('publishes a consent version that asks everyone to consent again, and explains what that does', async () => {
    const { requests } = mockFetch({
      ...loadRoutes,
      [`POST ${BASE}/consent-versions`]: json(201, {
        id: 'cv-2',
        version: 2,
        text: { nl: 'Nieuw', en: 'New' },
        requiresReconsent: true,
        createdAt: '2026-11-03T10:00:00.000Z',
      }),
    });
    const { container } = await renderSetup();
    const consent = panel(container, 'Consent texts');

    const renewal = getByLabelText(consent, 'Participants must consent again');
    expect(renewal.checked).toBe(false);
    expect(textOf(document.getElementById(renewal.getAttribute('aria-describedby') ?? ''))).toBe(
      'Everyone who consented to an older version is shown this text the next time they open a link, and can answer nothing more until they consent again. Whoever declines stops taking part: their answers and scores are erased. Leave this off for corrections that change nothing for participants.',
    );
    await changeValue(getByLabelText<HTMLTextAreaElement>(consent, 'Consent text (Dutch)'), 'Nieuw');
    await changeValue(getByLabelText<HTMLTextAreaElement>(consent, 'Consent text (English)'), 'New');
    await click(renewal);
    await click(getButton(consent, 'Publish new version'));
    await settle();

    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      text: { nl: 'Nieuw', en: 'New' },
      requiresReconsent: true,
    });
    expect(textOf(consent.querySelector('summary'))).toBe(
      'Version 2 · 3 Nov 2026 · current asked everyone again',
    );
    expect(textOf(consent.querySelector('[role="status"]'))).toBe(
      'Consent version 2 is published. Participants who consented to an older version are asked to consent again.',
    );
  });

  it('lets a partner institution name the safety contact of its own cohort', async () => {
    const own = {
      ...setupCohorts[0],
      id: 'c-noord',
      name: 'Groningen',
      institutionId: 'inst-a',
      safetyContactUserId: null,
    };
    const { requests } = mockFetch({
      ...loadRoutes,
      [`GET ${BASE}/cohorts`]: json(200, { items: [own] }),
      [`PUT ${BASE}/cohorts/c-noord/safety-contact`]: json(200, { ...own, safetyContactUserId: 'u-1' }),
    });
    const { container } = await renderSetup({ ...draftStudy, owned: false, ownerInstitutionId: 'inst-x' });

    expect(() => panel(container, 'Safety')).toThrow();
    const partner = panel(container, 'Safety contact for your cohorts');
    const select = getByLabelText<HTMLSelectElement>(partner, 'Safety contact for Groningen');
    expect(select.value).toBe('');
    expect(select.options[0].text).toBe('Nobody named: our admins');
    await changeValue(select, 'u-1');
    await click(getButton(partner, 'Save'));
    await settle();

    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ userId: 'u-1' });
    expect(textOf(partner.querySelector('[role="status"]'))).toBe(
      'The safety contact for Groningen is saved.',
    );
    expect(getByLabelText<HTMLSelectElement>(partner, 'Safety contact for Groningen').value).toBe('u-1');
  });

  it('speaks Dutch', async () => {
    mockFetch(loadRoutes);
    const { container } = await renderSetup(draftStudy, 'nl');
    const safety = panel(container, 'Veiligheid');
    expect([...safety.querySelectorAll('.notice li')].map(textOf)).toEqual(['een veiligheidscontactpersoon']);
    expect(getByLabelText(safety, 'Veiligheidscontactpersoon')).toBeTruthy();
    expect(getByLabelText(safety, 'Hulptekst (Engels)')).toBeTruthy();
    expect(getButton(safety, 'Veiligheidsinstellingen opslaan')).toBeTruthy();
    expect([...panel(container, 'Status').querySelectorAll('.notice li')].map(textOf)).toEqual([
      'een veiligheidscontactpersoon (het protocol bevat vragenlijsten met risico-items)',
    ]);
    expect(
      getByLabelText(panel(container, 'Toestemmingsteksten'), 'Deelnemers moeten opnieuw toestemming geven'),
    ).toBeTruthy();
  });
});
