import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Study } from '../api/types';
import { json, mockFetch } from '../test/fetch-mock';
import { researcherSession } from '../test/fixtures';
import { click, getButton, getByLabelText, render, settle, textOf } from '../test/render';
import { NewStudyPage } from './new-study-page';
import { changeValue, describedErrors } from './testing';

const created: Study = {
  id: 's-new',
  title: 'Disclosure in burn-out coaching',
  description: '',
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
  it('creates a draft with title, languages, withdrawal policy and consent version 1', async () => {
    const { requests } = mockFetch({ 'POST /api/studies': json(201, created) });
    const { container, onCreated } = await renderPage();

    await changeValue(getByLabelText(container, 'Title'), '  Disclosure in burn-out coaching ');
    await click(getByLabelText(container, 'English'));
    await click(getByLabelText(container, 'Keep the answers, erase only the link to the person'));
    expect(() => getByLabelText(container, 'Consent text (English)')).toThrow();
    await changeValue(getByLabelText<HTMLTextAreaElement>(container, 'Consent text (Dutch)'), 'Ik doe mee.');
    await click(getButton(container, 'Create study'));
    await settle();

    expect(requests[0]?.body).toEqual({
      title: 'Disclosure in burn-out coaching',
      description: '',
      languages: ['nl'],
      withdrawalPolicy: 'erase_link',
      consentText: { nl: 'Ik doe mee.' },
    });
    expect(onCreated).toHaveBeenCalledWith(created);
  });

  it("shows the API's field errors next to their fields and moves focus to the first", async () => {
    mockFetch({
      'POST /api/studies': json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The request is not valid',
        errors: [
          { field: 'title', messages: ['title must be longer than or equal to 1 characters'] },
          { field: 'languages', messages: ['languages must contain at least 1 elements'] },
        ],
        correlationId: 'req-9',
      }),
    });
    const { container, onCreated } = await renderPage();

    await click(getByLabelText(container, 'Dutch'));
    await click(getByLabelText(container, 'English'));
    await click(getButton(container, 'Create study'));
    await settle();

    const title = getByLabelText(container, 'Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(title)).toEqual(['title must be longer than or equal to 1 characters']);
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
    expect(getByLabelText(container, 'Titel')).toBeTruthy();
    expect(getButton(container, 'Onderzoek aanmaken')).toBeTruthy();
  });
});
