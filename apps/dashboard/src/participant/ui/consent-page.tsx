import type { Translate } from './translator';
import { useFocusHeading } from './use-focus-heading';

export interface ConsentPageProps {
  t: Translate;
  studyTitle: string;
  studyDescription: string;
  consentText: string;
  busy: boolean;
  error: string | null;
  onDecide(decision: 'given' | 'declined'): void;
}

/** Paragraphs of a text that separates them with blank lines. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function ConsentPage({
  t,
  studyTitle,
  studyDescription,
  consentText,
  busy,
  error,
  onDecide,
}: ConsentPageProps) {
  const { ref } = useFocusHeading();
  return (
    <section aria-labelledby="consent-title">
      <h1 id="consent-title" ref={ref} tabIndex={-1}>
        {studyTitle}
      </h1>
      {paragraphs(studyDescription).map((part) => (
        <p key={part}>{part}</p>
      ))}
      <h2>{t('consentHeading')}</h2>
      <div className="take-consent-text">
        {paragraphs(consentText).map((part) => (
          <p key={part}>{part}</p>
        ))}
      </div>
      <h2 id="consent-question">{t('consentQuestion')}</h2>
      {error && (
        <p role="alert" className="take-error">
          {error}
        </p>
      )}
      <div className="take-actions" role="group" aria-labelledby="consent-question">
        <button
          type="button"
          className="take-button take-button-primary"
          disabled={busy}
          onClick={() => onDecide('given')}
        >
          {t('consentAgree')}
        </button>
        <button type="button" className="take-button" disabled={busy} onClick={() => onDecide('declined')}>
          {t('consentDecline')}
        </button>
      </div>
      {busy && (
        <p className="take-muted" role="status">
          {t('consentSending')}
        </p>
      )}
    </section>
  );
}
