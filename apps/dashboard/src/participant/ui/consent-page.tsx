import type { WithdrawalPolicy } from '../api/take-types';
import type { Translate } from './translator';
import { useFocusHeading } from './use-focus-heading';

export interface ConsentPageProps {
  t: Translate;
  studyTitle: string;
  studyDescription: string;
  consentText: string;
  /** The participant agreed to an earlier text: the page asks again, and declining means stopping. */
  renewal?: boolean;
  /** What stopping does in this study, told before a renewal is declined. */
  withdrawalPolicy?: WithdrawalPolicy;
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
  renewal = false,
  withdrawalPolicy = 'erase_responses',
  busy,
  error,
  onDecide,
}: ConsentPageProps) {
  const { ref } = useFocusHeading();
  return (
    <section aria-labelledby="consent-title">
      <h1 id="consent-title" ref={ref} tabIndex={-1}>
        {renewal ? t('renewalTitle') : studyTitle}
      </h1>
      {renewal ? (
        <>
          <p className="take-emphasis">{studyTitle}</p>
          <p>{t('renewalIntro')}</p>
        </>
      ) : (
        paragraphs(studyDescription).map((part) => <p key={part}>{part}</p>)
      )}
      <h2>{t(renewal ? 'renewalHeading' : 'consentHeading')}</h2>
      <div className="take-consent-text">
        {paragraphs(consentText).map((part) => (
          <p key={part}>{part}</p>
        ))}
      </div>
      <h2 id="consent-question">{t(renewal ? 'renewalQuestion' : 'consentQuestion')}</h2>
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
          {t(renewal ? 'renewalAgree' : 'consentAgree')}
        </button>
        <button
          type="button"
          className="take-button"
          disabled={busy}
          aria-describedby={renewal ? 'renewal-stop-means' : undefined}
          onClick={() => onDecide('declined')}
        >
          {t(renewal ? 'renewalDecline' : 'consentDecline')}
        </button>
      </div>
      {renewal && (
        <>
          <h3>{t('renewalStopHeading')}</h3>
          <p id="renewal-stop-means">
            {t(withdrawalPolicy === 'erase_link' ? 'stopPolicy_erase_link' : 'stopPolicy_erase_responses')}
          </p>
        </>
      )}
      {busy && (
        <p className="take-muted" role="status">
          {t('consentSending')}
        </p>
      )}
    </section>
  );
}
