import type { FormOfAddress } from '../studies/study.entity';
import type { MessageKind, MessageLanguage } from './messaging-types';

/** A participant link inside a message body (`…/take/<token>`), however the public URL looks. */
const LINK = /\S*\/take\/[A-Za-z0-9_-]{20,}/g;
export const LINK_PLACEHOLDER = '[link removed]';

/**
 * The body without its participant link. Used once a message is sent, cancelled or its contact erased, so the
 * token is kept in clear only while a message waits to go out (the migration's trigger uses the same pattern).
 */
export function withoutLink(body: string): string {
  return body.replace(LINK, LINK_PLACEHOLDER);
}

export interface MessageInput {
  kind: MessageKind;
  language: MessageLanguage;
  /** How the Dutch text addresses the participant (the study's choice); English has one form. */
  formOfAddress: FormOfAddress;
  /** The study's title and the timepoint's label, both in `language`. */
  studyTitle: string;
  timepointLabel: string;
  url: string;
  expiresAt: Date;
}

/** The Dutch sentences that differ between "je" and "u"; the rest is shared. */
const DUTCH: Record<
  FormOfAddress,
  { invited: string; waiting: string; open: string; share: string; withdraw: string }
> = {
  je: {
    invited: 'Je bent uitgenodigd om de vragenlijsten van "{moment}" in te vullen voor het onderzoek "{study}".',
    waiting: 'Een vriendelijke herinnering: de vragenlijsten van "{moment}" voor het onderzoek "{study}" staan nog voor je klaar.',
    open: 'Open dit persoonlijke webadres op je telefoon of computer:',
    share: 'Deel het met niemand: wie het adres heeft, kan namens jou antwoorden.',
    withdraw: 'Wil je niet meer meedoen? Op elke pagina kun je stoppen.',
  },
  u: {
    invited: 'U bent uitgenodigd om de vragenlijsten van "{moment}" in te vullen voor het onderzoek "{study}".',
    waiting: 'Een vriendelijke herinnering: de vragenlijsten van "{moment}" voor het onderzoek "{study}" staan nog voor u klaar.',
    open: 'Open dit persoonlijke webadres op uw telefoon of computer:',
    share: 'Deel het met niemand: wie het adres heeft, kan namens u antwoorden.',
    withdraw: 'Wilt u niet meer meedoen? Op elke pagina kunt u zich terugtrekken.',
  },
};

const DATE_LOCALE: Record<MessageLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

function formatDate(date: Date, language: MessageLanguage): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[language], {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

/**
 * Subject and plain-text body of an invitation or reminder, in the participant's language and, in Dutch, the
 * study's form of address. The Dutch says "webadres", not the English "link" (issue 11: nothing English in the
 * Dutch flow; apps/api/test/participant-language.spec.ts checks every form).
 */
export function renderMessage(input: MessageInput): { subject: string; body: string } {
  const { studyTitle: study, timepointLabel: moment, url } = input;
  const until = formatDate(input.expiresAt, input.language);
  if (input.language === 'nl') {
    const reminder = input.kind === 'reminder';
    const dutch = DUTCH[input.formOfAddress];
    // Replacer functions: a title holding "$&" or "$1" is text, not a replacement pattern.
    const fill = (sentence: string) => sentence.replace('{moment}', () => moment).replace('{study}', () => study);
    return {
      subject: `${reminder ? 'Herinnering' : 'Uitnodiging'}: vragenlijsten ${moment} – ${study}`.slice(
        0,
        300,
      ),
      body: [
        'Beste deelnemer,',
        '',
        fill(reminder ? dutch.waiting : dutch.invited),
        '',
        dutch.open,
        url,
        '',
        `Het adres is geldig tot ${until}. ${dutch.share}`,
        dutch.withdraw,
        '',
        'Met vriendelijke groet,',
        'Het onderzoeksteam',
      ].join('\n'),
    };
  }
  const reminder = input.kind === 'reminder';
  return {
    subject: `${reminder ? 'Reminder' : 'Invitation'}: questionnaires ${moment} – ${study}`.slice(0, 300),
    body: [
      'Dear participant,',
      '',
      reminder
        ? `A friendly reminder: the questionnaires of "${moment}" for the study "${study}" are still waiting for you.`
        : `You are invited to fill in the questionnaires of "${moment}" for the study "${study}".`,
      '',
      'Open this personal link on your phone or computer:',
      url,
      '',
      `The link is valid until ${until}. Do not share it: whoever has the link can answer on your behalf.`,
      'If you no longer wish to take part, you can withdraw on every page.',
      '',
      'Kind regards,',
      'The research team',
    ].join('\n'),
  };
}
