import type { UiLanguage } from '../shared/language';

// The participant pages keep their own few strings: importing the research dictionary would pull
// research code into this bundle (scripts/check-bundles.mjs fails the build if that happens).
export const PARTICIPANT_MESSAGES = {
  en: {
    title: 'Klik questionnaire',
    body: 'The questionnaire will open here. If you came through a link from your practitioner or research team, keep this page open.',
    privacy: 'Your answers are stored under a code, not under your name.',
  },
  nl: {
    title: 'Klik-vragenlijst',
    body: 'Hier opent straks de vragenlijst. Ben je via een link van je behandelaar of het onderzoeksteam gekomen, houd deze pagina dan open.',
    privacy: 'Je antwoorden worden opgeslagen onder een code, niet onder je naam.',
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;
