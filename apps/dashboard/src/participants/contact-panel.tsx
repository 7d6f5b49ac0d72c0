import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Language } from '../api/types';
import { errorMessage } from '../app/error-message';
import type { LoadState } from '../app/load-state';
import { useI18n } from '../i18n';
import { FormAlert, SelectField, StatusMessage, TextField, useFocusOnError } from '../setup/form-controls';
import { deleteContact, getContact, putContact, type Contact } from './contact-api';

export interface ContactPanelProps {
  api: ApiClient;
  studyId: string;
  participantId: string;
  code: string;
  languages: readonly Language[];
  canEdit: boolean;
  onUnauthenticated(): void;
}

/** A participant's e-mail (and phone, message language): stored apart from the answers, erasable at any time. */
export function ContactPanel({
  api,
  studyId,
  participantId,
  code,
  languages,
  canEdit,
  onUnauthenticated,
}: ContactPanelProps) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<LoadState<Contact | null>>({ status: 'loading' });
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [preferredLanguage, setPreferredLanguage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<'saved' | 'erased' | null>(null);
  useFocusOnError(formRef, error);

  useEffect(() => {
    const controller = new AbortController();
    getContact(api, studyId, participantId, { signal: controller.signal })
      .then((contact) => {
        setState({ status: 'loaded', data: contact });
        setEmail(contact?.email ?? '');
        setPhone(contact?.phone ?? '');
        setPreferredLanguage(contact?.preferredLanguage ?? '');
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(caught) && caught.status === 401) onUnauthenticated();
        else setState({ status: 'error', error: caught });
      });
    return () => controller.abort();
  }, [api, studyId, participantId, onUnauthenticated]);

  async function run(action: () => Promise<Contact | null>, result: 'saved' | 'erased') {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const contact = await action();
      setState({ status: 'loaded', data: contact });
      if (!contact) {
        setEmail('');
        setPhone('');
        setPreferredLanguage('');
      }
      setDone(result);
    } catch (caught) {
      if (isApiError(caught) && caught.status === 401) onUnauthenticated();
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(
      () =>
        putContact(api, studyId, participantId, {
          email: email.trim(),
          phone: phone.trim() || null,
          preferredLanguage: (preferredLanguage || null) as Language | null,
        }),
      'saved',
    );
  }

  if (state.status === 'loading')
    return (
      <p className="loading" role="status">
        {t('participants.contact.loading')}
      </p>
    );
  if (state.status === 'error') {
    return (
      <p className="alert alert-error" role="alert">
        {t('participants.contact.loadFailed')} {errorMessage(state.error, t)}
      </p>
    );
  }
  return (
    <div className="contact-panel">
      <h4>{t('participants.contact.title', { code })}</h4>
      <p className="muted">{t('participants.contact.intro')}</p>
      <form ref={formRef} className="form" onSubmit={save} noValidate>
        <FormAlert error={error} shownFields={['email', 'phone', 'preferredLanguage']} />
        <div className="field-grid">
          <TextField
            label={t('participants.contact.email')}
            field="email"
            value={email}
            onChange={setEmail}
            error={error}
            required
            autoComplete="off"
            disabled={!canEdit}
          />
          <TextField
            label={t('participants.contact.phone')}
            field="phone"
            value={phone}
            onChange={setPhone}
            error={error}
            disabled={!canEdit}
          />
          <SelectField
            label={t('participants.contact.language')}
            field="preferredLanguage"
            value={preferredLanguage}
            onChange={setPreferredLanguage}
            error={error}
            disabled={!canEdit}
            options={[
              { value: '', label: t('participants.contact.studyLanguage') },
              ...languages.map((language) => ({ value: language, label: t(`languageName.${language}`) })),
            ]}
          />
        </div>
        {canEdit && (
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {t('participants.contact.save')}
            </button>
            {state.data && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await deleteContact(api, studyId, participantId);
                    return null;
                  }, 'erased')
                }
              >
                {t('participants.contact.erase')}
              </button>
            )}
          </div>
        )}
        {done && <StatusMessage>{t(`participants.contact.${done}`)}</StatusMessage>}
      </form>
    </div>
  );
}

/**
 * Contact details are fetched only when asked for: personal data is not loaded (or shown) just because a
 * participant's links were opened.
 */
export function ContactDisclosure({ code, children }: { code: string; children: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="contact-disclosure">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('participants.contact.show')}
        <span className="visually-hidden"> {t('participants.list.detailsOf', { code })}</span>
      </button>
      {open && <div id={id}>{children}</div>}
    </div>
  );
}
