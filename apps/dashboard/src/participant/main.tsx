import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLanguage } from '../shared/language';
import { createTakeApi } from './api/take-api';
import { ParticipantApp } from './participant-app';
import './participant.css';

// Entry of take.html. Nothing from the research app may be imported here: see scripts/check-bundles.mjs.
const container = document.getElementById('root');
if (!container) throw new Error('take.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ParticipantApp api={createTakeApi()} initialLanguage={initialLanguage()} />
  </StrictMode>,
);
