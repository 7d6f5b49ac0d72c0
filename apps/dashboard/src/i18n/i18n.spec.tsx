import { describe, expect, it, vi } from 'vitest';
import { languageFromBrowser } from '../shared/language';
import { getByLabelText, render, renderBare, selectOption, textOf } from '../test/render';
import { I18nProvider, useI18n } from './i18n-provider';
import { LanguageSwitch } from './language-switch';
import { MESSAGES, translate } from './messages';

function Probe() {
  const { t } = useI18n();
  return <h1>{t('login.title')}</h1>;
}

describe('languageFromBrowser', () => {
  it('picks Dutch for any Dutch variant and English otherwise', () => {
    expect(languageFromBrowser(['nl-BE', 'en'])).toBe('nl');
    expect(languageFromBrowser(['NL'])).toBe('nl');
    expect(languageFromBrowser(['de-DE', 'nl-NL'])).toBe('nl');
    expect(languageFromBrowser(['en-GB', 'nl'])).toBe('en');
    expect(languageFromBrowser(['fr-FR'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });
});

describe('messages', () => {
  it('gives every key a non-empty text in both languages', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    expect(Object.keys(MESSAGES.nl).sort()).toEqual(keys);
    for (const language of ['en', 'nl'] as const) {
      for (const key of keys) expect(MESSAGES[language][key as keyof typeof MESSAGES.en].trim()).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('nl', 'header.signedInAs', { name: 'Dana' })).toBe('Ingelogd als Dana');
    expect(translate('en', 'studies.count.other', { count: 3 })).toBe('3 studies');
    expect(translate('en', 'header.signedInAs')).toBe('Signed in as {name}');
  });
});

describe('I18nProvider and LanguageSwitch', () => {
  it('starts in the browser language when nothing was chosen before', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-NL', 'en']);

    const container = await renderBare(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );

    expect(textOf(container.querySelector('h1'))).toBe('Inloggen');
    expect(document.documentElement.lang).toBe('nl');
  });

  it('prefers the language chosen earlier over the browser language', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-NL']);
    localStorage.setItem('klik.language', 'en');

    const container = await renderBare(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );

    expect(textOf(container.querySelector('h1'))).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches every string, the document language and the stored choice', async () => {
    const container = await render(
      <>
        <LanguageSwitch />
        <Probe />
      </>,
      { language: 'en' },
    );
    expect(textOf(container.querySelector('h1'))).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');

    await selectOption(getByLabelText<HTMLSelectElement>(container, 'Language'), 'nl');

    expect(textOf(container.querySelector('h1'))).toBe('Inloggen');
    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem('klik.language')).toBe('nl');
    // The switch itself is now labelled in Dutch, and offers each language under its own name.
    const select = getByLabelText<HTMLSelectElement>(container, 'Taal');
    expect([...select.options].map((option) => [option.value, option.text, option.lang])).toEqual([
      ['nl', 'Nederlands', 'nl'],
      ['en', 'English', 'en'],
    ]);
  });
});
