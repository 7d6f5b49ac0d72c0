import type { WithdrawalPolicy } from '../api/take-types';
import { HelpText } from './help-text';
import { MessagePage } from './message-page';
import type { Translate } from './translator';

// The pages that end a visit: nothing more to answer on them.

/** The study's help text first, when the answers sent called for it (an endorsed risk item). */
function Help({ t, text }: { t: Translate; text: string | null }) {
  return text ? <HelpText title={t('helpTitle')} text={text} /> : null;
}

export function ThanksPage({ t, helpText }: { t: Translate; helpText: string | null }) {
  return (
    <MessagePage title={t('thanksTitle')}>
      <Help t={t} text={helpText} />
      <p>{t('thanksBody')}</p>
    </MessagePage>
  );
}

/** A link whose questionnaires were already sent, opened again: done, and which study it was. */
export function DonePage({
  t,
  studyTitle,
  helpText,
}: {
  t: Translate;
  studyTitle: string;
  helpText: string | null;
}) {
  return (
    <MessagePage title={t('doneTitle')}>
      <Help t={t} text={helpText} />
      {studyTitle && <p className="take-emphasis">{t('doneStudy', { study: studyTitle })}</p>}
      <p>{t('doneBody')}</p>
      <p>{t('closePage')}</p>
    </MessagePage>
  );
}

export function DeclinedPage({ t }: { t: Translate }) {
  return (
    <MessagePage title={t('declinedTitle')}>
      <p>{t('declinedBody')}</p>
      <p>{t('closePage')}</p>
    </MessagePage>
  );
}

export function WithdrawnPage({ t, policy }: { t: Translate; policy: WithdrawalPolicy }) {
  return (
    <MessagePage title={t('withdrawnTitle')}>
      <p>{t(policy === 'erase_link' ? 'withdrawnPolicy_erase_link' : 'withdrawnPolicy_erase_responses')}</p>
      <p>{t('withdrawnNext')}</p>
      <p>{t('closePage')}</p>
    </MessagePage>
  );
}

/** The state could not be loaded (no connection): try again. */
export function LoadFailedPage({ t, onRetry }: { t: Translate; onRetry(): void }) {
  return (
    <MessagePage title={t('errorTitle')}>
      <p>{t('errorBody')}</p>
      <button type="button" className="take-button take-button-primary" onClick={onRetry}>
        {t('tryAgain')}
      </button>
    </MessagePage>
  );
}
