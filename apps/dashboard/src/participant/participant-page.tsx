import type { UiLanguage } from '../shared/language';
import { PARTICIPANT_MESSAGES } from './participant-messages';

export interface ParticipantPageProps {
  language: UiLanguage;
}

/** Placeholder for the questionnaire pages (SurveyJS arrives with the questionnaire issue). */
export function ParticipantPage({ language }: ParticipantPageProps) {
  const messages = PARTICIPANT_MESSAGES[language];
  return (
    <main className="participant-main" id="main">
      <h1>{messages.title}</h1>
      <p>{messages.body}</p>
      <p className="participant-note">{messages.privacy}</p>
    </main>
  );
}
