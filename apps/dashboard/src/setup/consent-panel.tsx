import { useId, useRef, useState, type FormEvent } from 'react';
import type { Language } from '../api/types';
import { useI18n } from '../i18n';
import { FormAlert, StatusMessage, TextField, useFocusOnError } from './form-controls';
import type { ConsentVersion, ConsentVersionInput, LocalizedText, WithdrawalPolicy } from './setup-api';

export interface ConsentPanelProps {
  versions: readonly ConsentVersion[];
  languages: readonly Language[];
  /** What declining renewed consent does: the study's withdrawal policy. */
  withdrawalPolicy: WithdrawalPolicy;
  canEdit: boolean;
  onPublish(input: ConsentVersionInput): Promise<ConsentVersion>;
}

/**
 * Consent texts are versioned: a change is a new version, never an edit; participants consent to one version. A new
 * version may ask everyone who consented to an older one to consent again before they answer more.
 */
export function ConsentPanel({
  versions,
  languages,
  withdrawalPolicy,
  canEdit,
  onPublish,
}: ConsentPanelProps) {
  const { t, formatDate } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const renewalId = useId();
  const latest = versions.at(-1);
  const [text, setText] = useState<LocalizedText>(() => ({ ...latest?.text }));
  const [requiresReconsent, setRequiresReconsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<number | null>(null);
  useFocusOnError(formRef, error);

  async function publish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setPublished(null);
    try {
      const body = Object.fromEntries(languages.map((language) => [language, text[language]?.trim() ?? '']));
      const version = await onPublish({ text: body, requiresReconsent: latest ? requiresReconsent : false });
      setPublished(version.version);
      setRequiresReconsent(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card setup-panel" aria-labelledby="setup-consent-heading">
      <h3 id="setup-consent-heading">{t('setup.consent.title')}</h3>
      {versions.length === 0 ? (
        <p className="empty">{t('setup.consent.empty')}</p>
      ) : (
        <ol className="plain-list consent-versions" reversed>
          {[...versions].reverse().map((version) => (
            <li key={version.id}>
              <details open={version === latest}>
                <summary>
                  {t('setup.consent.version', { version: version.version })} ·{' '}
                  <time dateTime={version.createdAt}>{formatDate(version.createdAt)}</time>
                  {version === latest && ` · ${t('setup.consent.current')}`}
                  {version.requiresReconsent && (
                    <>
                      {' '}
                      <span className="badge badge-renewal">{t('setup.consent.renewalBadge')}</span>
                    </>
                  )}
                </summary>
                {languages.map((language) => (
                  <div key={language} className="consent-text" lang={language}>
                    <p className="muted">{t(`languageName.${language}`)}</p>
                    <p lang={version.text[language] ? language : undefined}>
                      {version.text[language] ?? t('setup.consent.missingLanguage')}
                    </p>
                  </div>
                ))}
              </details>
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form ref={formRef} className="form" onSubmit={(event) => void publish(event)} noValidate>
          <h4>{t('setup.consent.newVersion')}</h4>
          <FormAlert error={error} shownFields={languages.map((language) => `text.${language}`)} />
          {languages.map((language) => (
            <TextField
              key={language}
              label={t('setup.consent.text', { language: t(`languageName.${language}`) })}
              field={`text.${language}`}
              value={text[language] ?? ''}
              onChange={(value) => setText({ ...text, [language]: value })}
              error={error}
              multiline
              required
              lang={language}
            />
          ))}
          {latest && (
            <div className="field">
              <div className="choice">
                <input
                  type="checkbox"
                  id={renewalId}
                  name="requiresReconsent"
                  checked={requiresReconsent}
                  aria-describedby={`${renewalId}-hint`}
                  onChange={(event) => setRequiresReconsent(event.target.checked)}
                />
                <span>
                  <label htmlFor={renewalId}>{t('setup.consent.requiresReconsent')}</label>
                  <span className="choice-hint muted" id={`${renewalId}-hint`}>
                    {t('setup.consent.requiresReconsentHint', {
                      policy: t(`setup.consent.declinePolicy.${withdrawalPolicy}`),
                    })}
                  </span>
                </span>
              </div>
            </div>
          )}
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {t('setup.consent.publish')}
          </button>
          {published !== null && (
            <StatusMessage>
              {t('setup.consent.published', { version: published })}
              {versions.find((version) => version.version === published)?.requiresReconsent &&
                ` ${t('setup.consent.publishedRenewal')}`}
            </StatusMessage>
          )}
        </form>
      )}
    </section>
  );
}
