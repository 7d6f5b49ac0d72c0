import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLanguage } from '../shared/language';
import { PARTICIPANT_MESSAGES } from './participant-messages';
import { ParticipantPage } from './participant-page';
import './participant.css';

// Entry of take.html. Nothing from the research app may be imported here: see scripts/check-bundles.mjs.
const container = document.getElementById('root');
if (!container) throw new Error('take.html has no #root element');

const language = initialLanguage();
document.documentElement.lang = language;
document.title = PARTICIPANT_MESSAGES[language].title;

createRoot(container).render(
  <StrictMode>
    <ParticipantPage language={language} />
  </StrictMode>,
);
