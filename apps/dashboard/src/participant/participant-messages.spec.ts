import { describe, expect, it } from 'vitest';
import {
  message,
  messagesFor,
  PARTICIPANT_MESSAGES,
  type ParticipantMessageKey,
} from './participant-messages';
import { DUTCH_SURVEY_STRINGS } from './ui/survey-locale';

const INFORMAL = /\b(je|jij|jou|jouw|jezelf|heb je|wil je)\b/i;
const FORMAL = /\b(u|uw|uzelf)\b/i;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const keys = Object.keys(PARTICIPANT_MESSAGES.en) as ParticipantMessageKey[];

describe('participant messages: Dutch with "je" and with "u"', () => {
  it('has every key in both forms, with the same placeholders as the English', () => {
    for (const address of ['je', 'u'] as const) {
      const dutch = PARTICIPANT_MESSAGES.nl[address];
      expect(Object.keys(dutch).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        expect(dutch[key].trim(), `${address}.${key}`).not.toBe('');
        expect(placeholders(dutch[key]), `${address}.${key}`).toEqual(
          placeholders(PARTICIPANT_MESSAGES.en[key]),
        );
      }
    }
  });

  it('never says "u" in the "je" form, nor "je" in the "u" form', () => {
    for (const key of keys) {
      expect(PARTICIPANT_MESSAGES.nl.je[key], `je.${key}`).not.toMatch(FORMAL);
      expect(PARTICIPANT_MESSAGES.nl.u[key], `u.${key}`).not.toMatch(INFORMAL);
    }
  });

  it('addresses the reader in the "u" form wherever the "je" form does', () => {
    const addressing = keys.filter((key) => INFORMAL.test(PARTICIPANT_MESSAGES.nl.je[key]));
    expect(addressing.length).toBeGreaterThan(20);
    for (const key of addressing) expect(PARTICIPANT_MESSAGES.nl.u[key], `u.${key}`).toMatch(FORMAL);
  });

  it('picks the form in Dutch only; English has one', () => {
    expect(message('nl', 'consentQuestion', {}, 'je')).toBe('Wil je meedoen?');
    expect(message('nl', 'consentQuestion', {}, 'u')).toBe('Wilt u meedoen?');
    expect(message('nl', 'doneStudy', { study: 'Klik' }, 'u')).toBe('Onderzoek: Klik');
    expect(messagesFor('en', 'u')).toBe(messagesFor('en', 'je'));
    expect(message('en', 'consentQuestion', {}, 'u')).toBe('Do you want to take part?');
    // The default stays "je", as before studies could choose.
    expect(message('nl', 'closePage')).toBe('Je kunt deze pagina nu sluiten.');
  });

  it('gives the offline notice in the words of issue 11', () => {
    expect(message('nl', 'connectionOffline', {}, 'je')).toBe(
      'Je bent offline. Je antwoorden worden bewaard en verstuurd zodra er weer verbinding is.',
    );
    expect(message('nl', 'connectionOffline', {}, 'u')).toBe(
      'U bent offline. Uw antwoorden worden bewaard en verstuurd zodra er weer verbinding is.',
    );
  });
});

describe("SurveyJS's Dutch strings", () => {
  it('come in both forms with the same keys, each in its own form', () => {
    expect(Object.keys(DUTCH_SURVEY_STRINGS.u).sort()).toEqual(Object.keys(DUTCH_SURVEY_STRINGS.je).sort());
    for (const [key, text] of Object.entries(DUTCH_SURVEY_STRINGS.je))
      expect(text, `je.${key}`).not.toMatch(FORMAL);
    for (const [key, text] of Object.entries(DUTCH_SURVEY_STRINGS.u))
      expect(text, `u.${key}`).not.toMatch(INFORMAL);
  });
});
