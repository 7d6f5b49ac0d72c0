import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';

export interface CopyLinkProps {
  url: string;
  /** Names the link for screen readers and the label, e.g. the participant code and timepoint. */
  label: string;
}

/**
 * A participant link shown once, with a copy button. Without clipboard access (an insecure origin, a denied
 * permission) the link is selected instead, so Ctrl+C copies it.
 */
export function CopyLink({ url, label }: CopyLinkProps) {
  const { t } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<'copied' | 'select' | null>(null);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setResult('copied');
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setResult('select');
    }
  }

  return (
    <div className="copy-link field">
      <label htmlFor={id}>{label}</label>
      <div className="button-row">
        <input
          ref={inputRef}
          id={id}
          className="link-output"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-small" onClick={() => void copy()}>
          {t('participants.copyLink')}
        </button>
      </div>
      <p role="status" className="muted">
        {result === 'copied' && t('participants.copied')}
        {result === 'select' && t('participants.copyYourself')}
      </p>
    </div>
  );
}
