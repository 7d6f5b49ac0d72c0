import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Study } from '../api/types';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, getByLabelText, render, settle, textOf } from '../test/render';
import { NewStudyPage } from './new-study-page';
import { changeValue, describedErrors, getGroup } from './testing';

const created: Study = {
  id: 's-new',
  title: { nl: 'Openheid in burn-outcoaching' },
  description: {},
  formOfAddress: 'je',
  status: 'draft',
  languages: ['nl'],
  withdrawalPolicy: 'erase_link',
  ownerInstitutionId: 'inst-a',
  owned: true,
  currentConsentVersion: 1,
  createdAt: '2026-11-29T08:00:00.000Z',
};

async function renderPage(language: 'en' | 'nl' = 'en') {
  const onCreated = vi.fn();
  const container = await render(
    <NewStudyPage
      api={createApiClient()}
      session={researcherSession}
      onCreated={onCreated}
      onUnauthenticated={vi.fn()}
    />,
    { language },
  );
  return { container, onCreated };
}

describe('NewStudyPage', () => {
  it('creates a draft with a title per language, form of address, withdrawal policy and consent version 1', async () => {
    const { requests } = mockFetch({ 'POST /api/studies': json(201, created) });
    const { container, onCreated } = await renderPage();

    // One title and description per study language; unchecking a language removes its fields.
    expect(getByLabelText(container, 'Title (English)')).toBeTruthy();
    await changeValue(getByLabelText(container, 'Title (Dutch)'), '  Openheid in burn-outcoaching ');
    await changeValue(getByLabelText(container, 'Title (English)'), 'Disclosure in burn-out coaching');
    await click(getByLabelText(container, 'English'));
    expect(() => getByLabelText(container, 'Title (English)')).toThrow();
    expect(() => getByLabelText(container, 'Consent text (English)')).toThrow();
    expect(getByLabelText(container, 'Title (Dutch)').getAttribute('lang')).toBe('nl');
    // Dutch texts address the participant with "je" unless the study chooses "u".
    expect(getByLabelText(container, '“je”: informal (the default)').checked).toBe(true);
    await click(getByLabelText(container, '“u”: formal'));
    await click(getByLabelText(container, 'Keep the answers, erase only the link to the person'));
    await changeValue(getByLabelText<HTMLTextAreaElement>(container, 'Consent text (Dutch)'), 'Ik doe mee.');
    await click(getButton(container, 'Create study'));
    await settle();

    expect(requests[0]?.body).toEqual({
      title: { nl: 'Openheid in burn-outcoaching' },
      description: {},
      formOfAddress: 'u',
      languages: ['nl'],
      withdrawalPolicy: 'erase_link',
      consentText: { nl: 'Ik doe mee.' },
    });
    expect(onCreated).toHaveBeenCalledWith(created);
  });

  it('sends the texts of both languages, and asks for the form of address only when the study has Dutch', async () => {
    const { requests } = mockFetch({ 'POST /api/studies': json(201, created) });
    const { container } = await renderPage();

    await changeValue(getByLabelText(container, 'Title (Dutch)'), 'Openheid');
    await changeValue(getByLabelText(container, 'Title (English)'), 'Disclosure');
    await changeValue(
      getByLabelText<HTMLTextAreaElement>(container, 'Description (English, optional)'),
      'Sessions and the alliance.',
    );
    await click(getButton(container, 'Create study'));
    await settle();
    expect(requests[0]?.body).toMatchObject({
      title: { nl: 'Openheid', en: 'Disclosure' },
      description: { en: 'Sessions and the alliance.' },
      formOfAddress: 'je',
      languages: ['nl', 'en'],
    });

    await click(getByLabelText(container, 'Dutch'));
    expect(() => getByLabelText(container, '“je”: informal (the default)')).toThrow();
  });

  it('asks for a title before sending anything', async () => {
    const { requests } = mockFetch({});
    const { container } = await renderPage();

    await click(getButton(container, 'Create study'));
    await settle();

    expect(requests).toEqual([]);
    const title = getByLabelText(container, 'Title (Dutch)');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(title)).toEqual(['Write a title.']);
    expect(document.activeElement).toBe(title);
  });

  it("shows the API's field errors next to their fields and moves focus to the first", async () => {
    mockFetch({
      'POST /api/studies': json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The request is not valid',
        errors: [
          { field: 'title', messages: ['title must be a text of at most 200 characters'] },
          { field: 'languages', messages: ['languages must contain at least 1 elements'] },
        ],
        correlationId: 'req-9',
      }),
    });
    const { container, onCreated } = await renderPage();

    await changeValue(getByLabelText(container, 'Title (Dutch)'), 'Een titel');
    await click(getButton(container, 'Create study'));
    await settle();

    // The API names the title as one field: its message shows under the first language's title.
    const title = getByLabelText(container, 'Title (Dutch)');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(title)).toEqual(['title must be a text of at most 200 characters']);
    expect(document.activeElement).toBe(title);
    const languages = container.querySelector('fieldset[aria-invalid="true"]');
    expect(textOf(languages?.querySelector('legend') ?? null)).toBe('Languages');
    expect(describedErrors(languages as Element)).toEqual(['languages must contain at least 1 elements']);
    expect(textOf(container.querySelector('[role="alert"]'))).toContain('Reference: req-9');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('speaks Dutch', async () => {
    mockFetch({});
    const { container } = await renderPage('nl');
    expect(textOf(container.querySelector('h1'))).toBe('Nieuw onderzoek');
    expect(getByLabelText(container, 'Titel (Nederlands)')).toBeTruthy();
    expect(getByLabelText(container, 'Titel (Engels)')).toBeTruthy();
    expect(textOf(getGroup(container, 'Aanspreekvorm in het Nederlands'))).toContain('Hebt u even tijd');
    expect(getButton(container, 'Onderzoek aanmaken')).toBeTruthy();
  });
});
