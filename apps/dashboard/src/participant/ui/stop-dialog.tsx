import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { WithdrawalPolicy } from '../api/take-types';
import type { Translate } from './translator';

export interface StopDialogProps {
  t: Translate;
  policy: WithdrawalPolicy;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}

const FOCUSABLE = 'button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Modal confirmation before withdrawing. Focus moves into it (to "No, go back": the safe choice), stays inside
 * while it is open, Escape cancels, and the caller returns focus to the link that opened it.
 */
export function StopDialog({ t, policy, busy, error, onConfirm, onCancel }: StopDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="take-dialog-backdrop">
      <div
        ref={dialogRef}
        className="take-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="stop-title"
        aria-describedby="stop-policy"
        onKeyDown={onKeyDown}
      >
        <h2 id="stop-title">{t('stopTitle')}</h2>
        <p id="stop-policy">
          {t(policy === 'erase_link' ? 'stopPolicy_erase_link' : 'stopPolicy_erase_responses')}
        </p>
        <p>{t('stopCare')}</p>
        {error && (
          <p role="alert" className="take-error">
            {error}
          </p>
        )}
        <div className="take-actions">
          <button
            type="button"
            className="take-button take-button-danger"
            disabled={busy}
            onClick={onConfirm}
          >
            {t('stopConfirm')}
          </button>
          <button ref={cancelRef} type="button" className="take-button" disabled={busy} onClick={onCancel}>
            {t('stopCancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
