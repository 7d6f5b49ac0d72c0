import type { MessageLanguage } from '../messaging/messaging-types';

/** The dashboard page that lists the signals ("Needs attention"); the e-mails link there and nowhere else. */
export const NEEDS_ATTENTION_PATH = '/needs-attention';

export interface SafetyMessageInput {
  kind: 'safety_signal' | 'safety_escalation';
  language: MessageLanguage;
  studyTitle: string;
  participantCode: string;
  /** `<publicUrl>/needs-attention`. */
  url: string;
  raisedAt: Date;
  /** For an escalation: the minutes after which it escalated. */
  minutes?: number;
}

const DATE_LOCALE: Record<MessageLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

function formatTime(date: Date, language: MessageLanguage): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

/**
 * Subject and plain-text body of a safety e-mail to a staff member. It holds no answers, item or score: only the
 * participant's pseudonymous code, the study's title and the link to the dashboard, where a logged-in colleague
 * reads the signal. Written in the study's first language.
 */
export function renderSafetyMessage(input: SafetyMessageInput): { subject: string; body: string } {
  const { studyTitle: study, participantCode: code, url } = input;
  const when = formatTime(input.raisedAt, input.language);
  const escalation = input.kind === 'safety_escalation';
  if (input.language === 'nl') {
    return {
      subject: `${escalation ? 'Nog niet opgevolgd' : 'Aandacht nodig'}: deelnemer ${code} – ${study}`.slice(
        0,
        300,
      ),
      body: [
        'Beste collega,',
        '',
        escalation
          ? `Het signaal van ${when} over deelnemer ${code} in het onderzoek "${study}" is na ${input.minutes ?? ''} minuten nog door niemand bevestigd.`
          : `Deelnemer ${code} in het onderzoek "${study}" heeft op ${when} een vragenlijst ingevuld met een antwoord dat om de aandacht van een hulpverlener vraagt.`,
        '',
        'Bekijk het signaal zo snel mogelijk in Klik onder "Aandacht nodig" en leg vast wat er is gedaan:',
        url,
        '',
        'Deze e-mail bevat bewust geen antwoorden. U ontvangt hem als behandelaar van deze deelnemer, als',
        'veiligheidscontactpersoon van het onderzoek of als beheerder van uw instelling.',
        '',
        'Klik',
      ].join('\n'),
    };
  }
  return {
    subject:
      `${escalation ? 'Not yet followed up' : 'Needs attention'}: participant ${code} – ${study}`.slice(
        0,
        300,
      ),
    body: [
      'Dear colleague,',
      '',
      escalation
        ? `Nobody has acknowledged the signal of ${when} about participant ${code} in the study "${study}" within ${input.minutes ?? ''} minutes.`
        : `Participant ${code} in the study "${study}" filled in a questionnaire on ${when} with an answer that calls for a clinician's attention.`,
      '',
      'Please look at the signal in Klik under "Needs attention" as soon as possible and record what was done:',
      url,
      '',
      'This e-mail deliberately holds no answers. You receive it as the practitioner of this participant, as the',
      "study's safety contact or as an administrator of your institution.",
      '',
      'Klik',
    ].join('\n'),
  };
}
