import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { studies } from '../test/fixtures';
import { click, getButton, getByRole, present, render, textOf } from '../test/render';
import { StudiesPage } from './studies-page';
import { studyText } from './study-text';

/** A card's facts as { term: description }. */
function facts(card: Element): Record<string, string> {
  return Object.fromEntries(
    [...card.querySelectorAll('dl > div')].map((row) => [
      textOf(row.querySelector('dt')),
      textOf(row.querySelector('dd')),
    ]),
  );
}

describe('StudiesPage', () => {
  it('renders each study with title, status, languages and creation date', async () => {
    const container = await render(
      <StudiesPage
        institutionName="Demo GGZ Utrecht"
        state={{ status: 'loaded', data: studies }}
        onRetry={vi.fn()}
      />,
    );

    expect(textOf(getByRole(container, 'heading', 1))).toBe('Studies');
    expect(textOf(container.querySelector('.page-header p'))).toBe('Demo GGZ Utrecht · 2 studies');

    const cards = [...container.querySelectorAll('article')];
    // The second study is in Dutch only: its title is shown in Dutch, marked as such for screen readers.
    expect(cards.map((card) => textOf(card.querySelector('h2')))).toEqual([
      'Alliance and disclosure in outpatient care',
      'Pilot: check-in-vragenlijst',
    ]);
    expect(cards[0].querySelector('h2 [lang]')).toBeNull();
    expect(cards[1].querySelector('h2 [lang]')?.getAttribute('lang')).toBe('nl');
    expect(textOf(cards[0].querySelector('.study-description'))).toBe(
      'Session-by-session alliance and perceived self-disclosure.',
    );
    expect(cards[1].querySelector('.study-description')).toBeNull();
    expect(facts(cards[0])).toEqual({
      Status: 'Recruiting',
      Languages: 'Dutch, English',
      Created: '14 Mar 2026',
    });
    expect(facts(cards[1])).toEqual({ Status: 'Draft', Languages: 'Dutch', Created: '2 Nov 2026' });
    expect(cards[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-03-14T09:30:00.000Z');
    expect(cards[0].getAttribute('aria-labelledby')).toBe(cards[0].querySelector('h2')?.id);
  });

  it('translates statuses, languages and dates in Dutch', async () => {
    const container = await render(
      <StudiesPage
        institutionName="Demo GGZ Utrecht"
        state={{ status: 'loaded', data: studies }}
        onRetry={vi.fn()}
      />,
      { language: 'nl' },
    );

    expect(textOf(getByRole(container, 'heading', 1))).toBe('Onderzoeken');
    const first = present(container.querySelector('article'));
    expect(textOf(first.querySelector('h2'))).toBe('Alliantie en openheid in de ambulante zorg');
    expect(textOf(first.querySelector('.study-description'))).toBe(
      'Alliantie en ervaren zelfonthulling per sessie.',
    );
    expect(facts(first)).toEqual({
      Status: 'Werving',
      Talen: 'Nederlands, Engels',
      Aangemaakt: '14 mrt 2026',
    });
  });

  it('says so when there are no studies', async () => {
    const container = await render(
      <StudiesPage
        institutionName="Praktijk Noord"
        state={{ status: 'loaded', data: [] }}
        onRetry={vi.fn()}
      />,
    );

    expect(textOf(container.querySelector('.empty'))).toBe('This institution has no studies yet.');
    expect(container.querySelector('article')).toBeNull();
  });

  it('announces loading', async () => {
    const container = await render(
      <StudiesPage institutionName="Praktijk Noord" state={{ status: 'loading' }} onRetry={vi.fn()} />,
    );

    expect(textOf(getByRole(container, 'status'))).toBe('Loading studies…');
    expect(container.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
  });

  it('shows a failure with a retry button', async () => {
    const onRetry = vi.fn();
    const error = new ApiError(500, 'internal_error', 'Something went wrong on our side.');
    const container = await render(
      <StudiesPage institutionName="Praktijk Noord" state={{ status: 'error', error }} onRetry={onRetry} />,
    );

    expect(textOf(getByRole(container, 'alert'))).toContain(
      'The studies could not be loaded. Something went wrong on our side.',
    );
    await click(getButton(container, 'Try again'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('links to a new study for those who may create one', async () => {
    const container = await render(
      <StudiesPage
        institutionName="Praktijk Noord"
        state={{ status: 'loaded', data: [] }}
        onRetry={vi.fn()}
      />,
    );
    const link = present(
      [...container.querySelectorAll('a')].find((anchor) => textOf(anchor) === 'New study'),
      'New study link',
    );
    expect(link.getAttribute('href')).toBe('/studies/new');

    const practitioner = await render(
      <StudiesPage
        institutionName="Praktijk Noord"
        state={{ status: 'loaded', data: [] }}
        onRetry={vi.fn()}
        canCreate={false}
      />,
    );
    expect([...practitioner.querySelectorAll('a')].some((anchor) => textOf(anchor) === 'New study')).toBe(
      false,
    );
  });
});

describe('studyText', () => {
  it('takes the interface language, else the study’s first language that has it, else any', () => {
    expect(studyText({ nl: 'Titel', en: 'Title' }, 'en', ['nl', 'en'])).toEqual({
      text: 'Title',
      language: 'en',
    });
    expect(studyText({ nl: 'Titel', en: 'Title' }, 'nl', ['en', 'nl'])).toEqual({
      text: 'Titel',
      language: 'nl',
    });
    expect(studyText({ nl: 'Titel', en: '  ' }, 'en', ['en', 'nl'])).toEqual({
      text: 'Titel',
      language: 'nl',
    });
    expect(studyText({ en: 'Only English' }, 'nl', ['nl'])).toEqual({ text: 'Only English', language: 'en' });
    expect(studyText({}, 'en', ['en'])).toEqual({ text: '', language: null });
    // A study from before titles were per language.
    expect(studyText('Old title', 'nl', ['nl'])).toEqual({ text: 'Old title', language: null });
  });
});
