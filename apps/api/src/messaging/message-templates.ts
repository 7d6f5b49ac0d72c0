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
  studyTitle: string;
  timepointLabel: string;
  url: string;
  expiresAt: Date;
}

const DATE_LOCALE: Record<MessageLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

function formatDate(date: Date, language: MessageLanguage): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[language], {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

/** Subject and plain-text body of an invitation or reminder, in the participant's language. */
export function renderMessage(input: MessageInput): { subject: string; body: string } {
  const { studyTitle: study, timepointLabel: moment, url } = input;
  const until = formatDate(input.expiresAt, input.language);
  if (input.language === 'nl') {
    const reminder = input.kind === 'reminder';
    return {
      subject: `${reminder ? 'Herinnering' : 'Uitnodiging'}: vragenlijsten ${moment} – ${study}`.slice(
        0,
        300,
      ),
      body: [
        'Beste deelnemer,',
        '',
        reminder
          ? `Een vriendelijke herinnering: de vragenlijsten van "${moment}" voor het onderzoek "${study}" staan nog voor u klaar.`
          : `U bent uitgenodigd om de vragenlijsten van "${moment}" in te vullen voor het onderzoek "${study}".`,
        '',
        'Open deze persoonlijke link op uw telefoon of computer:',
        url,
        '',
        `De link is geldig tot ${until}. Deel hem met niemand: wie de link heeft, kan namens u antwoorden.`,
        'Wilt u niet meer meedoen? Op elke pagina kunt u zich terugtrekken.',
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
