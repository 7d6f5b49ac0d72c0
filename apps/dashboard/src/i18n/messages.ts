import type { UiLanguage } from '../shared/language';
import { analysesMessages } from '../analyses/analyses-messages';
import { chartsMessages } from '../charts/charts-messages';
import { comparisonMessages } from '../comparison/comparison-messages';
import type { FeatureMessages } from './feature-messages';
import { exportsMessages } from '../exports/exports-messages';
import { monitoringMessages } from '../monitoring/monitoring-messages';
import { outboxMessages } from '../outbox/outbox-messages';
import { participantsMessages } from '../participants/participants-messages';
import { setupMessages } from '../setup/setup-messages';
import { studyMessages } from '../study/study-messages';

// Feature folders keep their own messages; they are merged here so every key is typed (see feature-messages.ts).
const FEATURES = [
  studyMessages,
  setupMessages,
  participantsMessages,
  monitoringMessages,
  outboxMessages,
  analysesMessages,
  chartsMessages,
  comparisonMessages,
  exportsMessages,
] as const;
type KeysOf<Feature> = Feature extends FeatureMessages<infer Keys> ? Keys : never;
type FeatureKey = KeysOf<(typeof FEATURES)[number]>;
const featureEn = Object.assign({}, ...FEATURES.map((feature) => feature.en)) as Record<FeatureKey, string>;
const featureNl = Object.assign({}, ...FEATURES.map((feature) => feature.nl)) as Record<FeatureKey, string>;

const coreEn = {
  'app.name': 'Klik',
  'app.tagline': 'Research on the therapeutic alliance',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'language.label': 'Language',
  'login.title': 'Sign in',
  'login.intro': 'Sign in with the account your institution gave you.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'error.invalid_credentials': 'The email address or password is incorrect.',
  'error.too_many_attempts': 'Too many attempts. Wait a few minutes and try again.',
  'error.network_error': 'The server could not be reached. Check your connection and try again.',
  'error.reference': 'Reference: {id}',
  'header.signedInAs': 'Signed in as {name}',
  'header.institution': 'Institution',
  'header.role': 'Role',
  'header.logout': 'Sign out',
  'header.account': 'Account',
  'role.institution_admin': 'Institution admin',
  'role.researcher': 'Researcher',
  'role.practitioner': 'Practitioner',
  'studies.title': 'Studies',
  'studies.loading': 'Loading studies…',
  'studies.empty': 'This institution has no studies yet.',
  'studies.count.one': '1 study',
  'studies.count.other': '{count} studies',
  'studies.status': 'Status',
  'studies.languages': 'Languages',
  'studies.created': 'Created',
  'studies.retry': 'Try again',
  'studies.loadFailed': 'The studies could not be loaded.',
  'status.draft': 'Draft',
  'status.recruiting': 'Recruiting',
  'status.closed': 'Closed',
  'languageName.nl': 'Dutch',
  'languageName.en': 'English',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at this address.',
  'notFound.back': 'Back to studies',
} as const;

export type MessageKey = keyof typeof coreEn | FeatureKey;

export type Messages = Record<MessageKey, string>;

const coreNl: Record<keyof typeof coreEn, string> = {
  'app.name': 'Klik',
  'app.tagline': 'Onderzoek naar de therapeutische alliantie',
  'app.skipToContent': 'Naar de hoofdinhoud',
  'app.loading': 'Laden…',
  'language.label': 'Taal',
  'login.title': 'Inloggen',
  'login.intro': 'Log in met het account dat je van je instelling hebt gekregen.',
  'login.email': 'E-mailadres',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.submitting': 'Bezig met inloggen…',
  'error.invalid_credentials': 'Het e-mailadres of het wachtwoord klopt niet.',
  'error.too_many_attempts': 'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.',
  'error.network_error': 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  'error.reference': 'Referentie: {id}',
  'header.signedInAs': 'Ingelogd als {name}',
  'header.institution': 'Instelling',
  'header.role': 'Rol',
  'header.logout': 'Uitloggen',
  'header.account': 'Account',
  'role.institution_admin': 'Instellingsbeheerder',
  'role.researcher': 'Onderzoeker',
  'role.practitioner': 'Behandelaar',
  'studies.title': 'Onderzoeken',
  'studies.loading': 'Onderzoeken laden…',
  'studies.empty': 'Deze instelling heeft nog geen onderzoeken.',
  'studies.count.one': '1 onderzoek',
  'studies.count.other': '{count} onderzoeken',
  'studies.status': 'Status',
  'studies.languages': 'Talen',
  'studies.created': 'Aangemaakt',
  'studies.retry': 'Opnieuw proberen',
  'studies.loadFailed': 'De onderzoeken konden niet worden geladen.',
  'status.draft': 'Concept',
  'status.recruiting': 'Werving',
  'status.closed': 'Gesloten',
  'languageName.nl': 'Nederlands',
  'languageName.en': 'Engels',
  'notFound.title': 'Pagina niet gevonden',
  'notFound.body': 'Op dit adres staat niets.',
  'notFound.back': 'Terug naar onderzoeken',
};

const en: Messages = { ...coreEn, ...featureEn };
const nl: Messages = { ...coreNl, ...featureNl };

export const MESSAGES: Record<UiLanguage, Messages> = { en, nl };

/** Each language's name in that language, for the language switch. */
export const LANGUAGE_AUTONYMS: Record<UiLanguage, string> = { nl: 'Nederlands', en: 'English' };

export type TranslationValues = Record<string, string | number>;

/** Looks a message up and fills `{name}` placeholders. */
export function translate(language: UiLanguage, key: MessageKey, values?: TranslationValues): string {
  const template = MESSAGES[language][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}
