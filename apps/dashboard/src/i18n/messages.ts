import type { UiLanguage } from '../shared/language';
import { accountMessages } from '../account/account-messages';
import { analysesMessages } from '../analyses/analyses-messages';
import { chartsMessages } from '../charts/charts-messages';
import { colleaguesMessages } from '../colleagues/colleagues-messages';
import { comparisonMessages } from '../comparison/comparison-messages';
import type { FeatureMessages } from './feature-messages';
import { exportsMessages } from '../exports/exports-messages';
import { invitationMessages } from '../invitation/invitation-messages';
import { monitoringMessages } from '../monitoring/monitoring-messages';
import { outboxMessages } from '../outbox/outbox-messages';
import { participantsMessages } from '../participants/participants-messages';
import { safetyMessages } from '../safety/safety-messages';
import { setupMessages } from '../setup/setup-messages';
import { studyMessages } from '../study/study-messages';

// Feature folders keep their own messages; they are merged here so every key is typed (see feature-messages.ts).
const FEATURES = [
  safetyMessages,
  studyMessages,
  setupMessages,
  participantsMessages,
  monitoringMessages,
  outboxMessages,
  analysesMessages,
  chartsMessages,
  comparisonMessages,
  exportsMessages,
  colleaguesMessages,
  accountMessages,
  invitationMessages,
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
  'error.invalid_credentials':
    'The email address or password is incorrect, or the account is locked for a while after too many attempts.',
  'error.too_many_attempts': 'Too many attempts. Wait a few minutes and try again.',
  'error.tooManyAttempts.oneMinute': 'Too many attempts. Try again in 1 minute.',
  'error.tooManyAttempts.minutes': 'Too many attempts. Try again in {count} minutes.',
  'error.invitation_invalid': 'This invitation link no longer works.',
  'error.already_member': 'This address already belongs to a member of this institution.',
  'error.last_admin': 'This is the last institution admin. Make someone else institution admin first.',
  'error.account_disabled': 'This account is disabled. Ask an institution admin.',
  'error.mail_failed':
    'The invitation e-mail could not be sent, so the invitation was withdrawn. Try again later.',
  'error.mail_not_configured':
    'Invitations go out by e-mail, and no mail server is set up for Klik (KLIK_SMTP_URL). Ask whoever runs Klik.',
  'error.network_error': 'The server could not be reached. Check your connection and try again.',
  'error.study_not_ready':
    'The study cannot recruit yet: something it needs is missing (see the list above).',
  'error.safety_contact_required':
    'The protocol has questionnaires with risk items, so the study needs a safety contact (and a help text in every language) first. See “Safety”.',
  'error.safety_help_text_required':
    'The protocol has questionnaires with risk items, so the study needs a help text in every language first. See “Safety”.',
  'error.study_safety_contact':
    'The cohorts of the institution that owns the study are covered by the study’s own safety contact.',
  'error.already_acknowledged': 'Someone has already acknowledged this signal.',
  'error.reference': 'Reference: {id}',
  'header.signedInAs': 'Signed in as {name}',
  'header.institution': 'Institution',
  'header.role': 'Role',
  'header.logout': 'Sign out',
  'header.account': 'Account',
  'header.colleagues': 'Colleagues',
  'header.sessions': 'Your sessions',
  'header.needsAttention': 'Needs attention',
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
  'error.invalid_credentials':
    'Het e-mailadres of het wachtwoord klopt niet, of het account is na te veel pogingen een tijdje geblokkeerd.',
  'error.too_many_attempts': 'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.',
  'error.tooManyAttempts.oneMinute': 'Te veel pogingen. Probeer het over 1 minuut opnieuw.',
  'error.tooManyAttempts.minutes': 'Te veel pogingen. Probeer het over {count} minuten opnieuw.',
  'error.invitation_invalid': 'Deze uitnodigingslink werkt niet meer.',
  'error.already_member': 'Dit adres hoort al bij een lid van deze instelling.',
  'error.last_admin':
    'Dit is de laatste instellingsbeheerder. Maak eerst iemand anders instellingsbeheerder.',
  'error.account_disabled': 'Dit account is gedeactiveerd. Vraag het een instellingsbeheerder.',
  'error.mail_failed':
    'De uitnodigingsmail kon niet worden verstuurd, dus de uitnodiging is ingetrokken. Probeer het later opnieuw.',
  'error.mail_not_configured':
    'Uitnodigingen gaan per e-mail, en er is voor Klik geen mailserver ingesteld (KLIK_SMTP_URL). Vraag het aan wie Klik beheert.',
  'error.network_error': 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  'error.study_not_ready':
    'Het onderzoek kan nog niet werven: er ontbreekt nog iets (zie de lijst hierboven).',
  'error.safety_contact_required':
    'Het protocol bevat vragenlijsten met risico-items, dus het onderzoek heeft eerst een veiligheidscontactpersoon nodig (en een hulptekst in elke taal). Zie ‘Veiligheid’.',
  'error.safety_help_text_required':
    'Het protocol bevat vragenlijsten met risico-items, dus het onderzoek heeft eerst een hulptekst in elke taal nodig. Zie ‘Veiligheid’.',
  'error.study_safety_contact':
    'De cohorten van de instelling die het onderzoek beheert, vallen onder de veiligheidscontactpersoon van het onderzoek zelf.',
  'error.already_acknowledged': 'Iemand heeft dit signaal al bevestigd.',
  'error.reference': 'Referentie: {id}',
  'header.signedInAs': 'Ingelogd als {name}',
  'header.institution': 'Instelling',
  'header.role': 'Rol',
  'header.logout': 'Uitloggen',
  'header.account': 'Account',
  'header.colleagues': 'Collega’s',
  'header.sessions': 'Je sessies',
  'header.needsAttention': 'Aandacht nodig',
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
