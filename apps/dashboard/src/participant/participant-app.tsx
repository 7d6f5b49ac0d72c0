import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { storeLanguage, type UiLanguage } from '../shared/language';
import { TakeApiError, type TakeApi } from './api/take-api';
import type { Answers, ProgressBody, TakeState, WithdrawalPolicy } from './api/take-types';
import { clearPendingSubmission, submissionFor, type PendingSubmission } from './journey/pending-submission';
import { localize, resumePosition } from './journey/resume';
import { ConsentPage } from './ui/consent-page';
import { MessagePage } from './ui/message-page';
import { PageFrame } from './ui/page-frame';
import { StopDialog } from './ui/stop-dialog';
import { translator } from './ui/translator';
import { UnavailablePage } from './ui/unavailable-page';

// SurveyJS is most of this bundle's weight: it loads only once there is a questionnaire to show, so the
// "link not available" and consent pages stay light on a slow phone connection.
const loadQuestionnaire = () => import('./ui/questionnaire-step');
const QuestionnaireStep = lazy(loadQuestionnaire);

type Step =
  | { kind: 'loading' }
  | { kind: 'load-failed' }
  | { kind: 'unavailable' }
  | { kind: 'consent'; state: TakeState }
  | { kind: 'questionnaire'; state: TakeState; instrumentIndex: number; pageIndex: number }
  | { kind: 'submit'; state: TakeState; problem: 'none' | 'network' | 'refused' }
  | { kind: 'thanks'; state: TakeState | null }
  | { kind: 'declined' }
  | { kind: 'withdrawn'; policy: WithdrawalPolicy };

type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface ParticipantAppProps {
  api: TakeApi;
  /** Until the server says which language the person used last: the stored choice or the browser's. */
  initialLanguage: UiLanguage;
}

const isUnavailable = (error: unknown) => error instanceof TakeApiError && error.isUnavailable;

export function ParticipantApp({ api, initialLanguage }: ParticipantAppProps) {
  const [language, setLanguage] = useState<UiLanguage>(initialLanguage);
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('idle');
  const [stopOpen, setStopOpen] = useState(false);
  const [stopBusy, setStopBusy] = useState(false);
  const [stopError, setStopError] = useState<string | null>(null);
  const stopLinkFocus = useRef<HTMLElement | null>(null);
  const answers = useRef<Record<string, Answers>>({});
  const unsaved = useRef(new Map<string, ProgressBody>());
  const saving = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef<PendingSubmission | null>(null);
  const t = useMemo(() => translator(language), [language]);
  // Read by callbacks that must not change with the language (changing them would reload the state).
  const languageRef = useRef(language);
  languageRef.current = language;

  useEffect(() => {
    // Screen readers choose their voice from the document language.
    document.documentElement.lang = language;
    document.title = t('documentTitle');
  }, [language, t]);

  const fail = useCallback((error: unknown, otherwise: () => void) => {
    if (isUnavailable(error)) setStep({ kind: 'unavailable' });
    else otherwise();
  }, []);

  const submit = useCallback(
    async (state: TakeState) => {
      setStep({ kind: 'submit', state, problem: 'none' });
      const body = {
        language: languageRef.current,
        responses: Object.fromEntries(
          state.instruments.map((instrument) => [instrument.id, answers.current[instrument.id] ?? {}]),
        ),
      };
      // A retry of the same answers sends the same key, so the server stores them once.
      const attempt =
        pending.current && JSON.stringify(pending.current.body.responses) === JSON.stringify(body.responses)
          ? pending.current
          : submissionFor(body);
      pending.current = attempt;
      try {
        await api.submit(attempt.body, attempt.idempotencyKey);
        clearPendingSubmission();
        pending.current = null;
        unsaved.current.clear();
        setStep({ kind: 'thanks', state });
      } catch (error) {
        fail(error, () => {
          const network = error instanceof TakeApiError && (error.status === 0 || error.status >= 500);
          setStep({ kind: 'submit', state, problem: network ? 'network' : 'refused' });
        });
      }
    },
    [api, fail],
  );

  const enter = useCallback(
    (state: TakeState) => {
      setLanguage(state.language);
      // Remembered on this device too, so even a "link not available" page later speaks the person's language.
      storeLanguage(state.language);
      answers.current = Object.fromEntries(
        Object.entries(state.progress).map(([id, saved]) => [id, saved.answers]),
      );
      if (state.status === 'completed') return setStep({ kind: 'thanks', state });
      if (state.status === 'consent_required') {
        void loadQuestionnaire();
        return setStep({ kind: 'consent', state });
      }
      const position = resumePosition(state.instruments, state.progress);
      if (position.instrumentIndex >= state.instruments.length) return void submit(state);
      setStep({ kind: 'questionnaire', state, ...position });
    },
    [submit],
  );

  const load = useCallback(() => {
    setStep({ kind: 'loading' });
    api.state().then(enter, (error: unknown) => fail(error, () => setStep({ kind: 'load-failed' })));
  }, [api, enter, fail]);

  useEffect(load, [load]);

  const decide = async (state: TakeState, decision: 'given' | 'declined') => {
    setBusy(true);
    setActionError(null);
    try {
      const result = await api.consent({ decision, consentVersion: state.consent.version, language });
      if (result.status === 'declined') setStep({ kind: 'declined' });
      else enter({ ...result, language });
    } catch (error) {
      fail(error, () => setActionError(t('consentFailed')));
    } finally {
      setBusy(false);
    }
  };

  const changeLanguage = (next: UiLanguage) => {
    setLanguage(next);
    storeLanguage(next);
    api.setLanguage(next).catch((error: unknown) => fail(error, () => undefined));
  };

  /** Saves an instrument's progress; saves that failed earlier go first, so nothing is skipped. */
  const saveProgress = useCallback(
    (body: ProgressBody) => {
      unsaved.current.set(body.instrumentId, body);
      setSaveStatus('saving');
      saving.current = saving.current.then(async () => {
        try {
          for (const [instrumentId, next] of unsaved.current) {
            try {
              await api.saveProgress(next);
            } catch (error) {
              // Refused answers stay refused: retrying them would only hold back later saves.
              const retryable = error instanceof TakeApiError && (error.status === 0 || error.status >= 500);
              if (!retryable && unsaved.current.get(instrumentId) === next)
                unsaved.current.delete(instrumentId);
              throw error;
            }
            if (unsaved.current.get(instrumentId) === next) unsaved.current.delete(instrumentId);
          }
          setSaveStatus('saved');
        } catch (error) {
          fail(error, () => setSaveStatus('failed'));
        }
      });
    },
    [api, fail],
  );

  const onPageChanged = (instrumentId: string, pageIndex: number, given: Answers) => {
    answers.current[instrumentId] = given;
    saveProgress({ instrumentId, language, pageIndex, answers: given });
  };

  const onFinished =
    (state: TakeState, instrumentIndex: number) =>
    (instrumentId: string, pageIndex: number, given: Answers) => {
      answers.current[instrumentId] = given;
      saveProgress({ instrumentId, language, pageIndex, answers: given });
      const next = instrumentIndex + 1;
      if (next < state.instruments.length) {
        const saved = state.progress[state.instruments[next].id];
        answers.current[state.instruments[next].id] ??= saved?.answers ?? {};
        setStep({ kind: 'questionnaire', state, instrumentIndex: next, pageIndex: saved?.pageIndex ?? 0 });
      } else {
        // Submit once the last save is through: side by side, a save arriving after the submission would find
        // the timepoint completed and be refused.
        setStep({ kind: 'submit', state, problem: 'none' });
        void saving.current.then(() => submit(state));
      }
    };

  const openStop = () => {
    stopLinkFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setStopError(null);
    setStopOpen(true);
  };

  const closeStop = () => {
    setStopOpen(false);
    stopLinkFocus.current?.focus();
  };

  const confirmStop = async () => {
    setStopBusy(true);
    setStopError(null);
    try {
      const result = await api.withdraw();
      clearPendingSubmission();
      setStopOpen(false);
      setStep({ kind: 'withdrawn', policy: result.policy });
    } catch (error) {
      if (isUnavailable(error)) setStopOpen(false);
      fail(error, () => setStopError(t('stopFailed')));
    } finally {
      setStopBusy(false);
    }
  };

  if (step.kind === 'unavailable') return <UnavailablePage language={language} />;

  const state = 'state' in step ? step.state : null;
  const frame = (content: ReactNode) => (
    <>
      <div className="take-page" inert={stopOpen}>
        <PageFrame
          t={t}
          language={language}
          languages={state?.study.languages ?? []}
          onLanguageChange={state ? changeLanguage : undefined}
          onStop={state ? openStop : undefined}
        >
          {content}
        </PageFrame>
      </div>
      {stopOpen && state && (
        <StopDialog
          t={t}
          policy={state.study.withdrawalPolicy}
          busy={stopBusy}
          error={stopError}
          onConfirm={() => void confirmStop()}
          onCancel={closeStop}
        />
      )}
    </>
  );

  switch (step.kind) {
    case 'loading':
      return frame(
        <p className="take-muted" role="status">
          {t('loading')}
        </p>,
      );
    case 'load-failed':
      return frame(
        <MessagePage title={t('errorTitle')}>
          <p>{t('errorBody')}</p>
          <button type="button" className="take-button take-button-primary" onClick={load}>
            {t('tryAgain')}
          </button>
        </MessagePage>,
      );
    case 'consent':
      return frame(
        <ConsentPage
          t={t}
          studyTitle={step.state.study.title}
          studyDescription={step.state.study.description}
          consentText={localize(step.state.consent.text, language)}
          busy={busy}
          error={actionError}
          onDecide={(decision) => void decide(step.state, decision)}
        />,
      );
    case 'questionnaire': {
      const instrument = step.state.instruments[step.instrumentIndex];
      const saved = step.state.progress[instrument.id];
      return frame(
        <>
          <Suspense fallback={<p className="take-muted">{t('loading')}</p>}>
            <QuestionnaireStep
              key={instrument.id}
              t={t}
              language={language}
              instrument={instrument}
              index={step.instrumentIndex}
              total={step.state.instruments.length}
              timepointLabel={localize(step.state.timepoint.label, language)}
              initialAnswers={answers.current[instrument.id] ?? saved?.answers ?? {}}
              initialPageIndex={step.pageIndex}
              onPageChanged={onPageChanged}
              onFinished={onFinished(step.state, step.instrumentIndex)}
            />
          </Suspense>
          <p className="take-save-status" role="status" aria-live="polite" data-status={saveStatus}>
            {saveStatus === 'saving'
              ? t('saving')
              : saveStatus === 'saved'
                ? t('saved')
                : saveStatus === 'failed'
                  ? t('saveFailed')
                  : ''}
          </p>
        </>,
      );
    }
    case 'submit':
      return frame(
        step.problem === 'none' ? (
          <MessagePage title={t('submitting')}>{null}</MessagePage>
        ) : (
          <MessagePage title={t('errorTitle')}>
            <p role="alert" className="take-error">
              {t(step.problem === 'network' ? 'submitFailed' : 'submitRefused')}
            </p>
            {step.problem === 'network' && (
              <button
                type="button"
                className="take-button take-button-primary"
                onClick={() => void submit(step.state)}
              >
                {t('tryAgain')}
              </button>
            )}
          </MessagePage>
        ),
      );
    case 'thanks':
      return frame(
        <MessagePage title={t('thanksTitle')}>
          <p>{t('thanksBody')}</p>
        </MessagePage>,
      );
    case 'declined':
      return frame(
        <MessagePage title={t('declinedTitle')}>
          <p>{t('declinedBody')}</p>
          <p>{t('closePage')}</p>
        </MessagePage>,
      );
    case 'withdrawn':
      return frame(
        <MessagePage title={t('withdrawnTitle')}>
          <p>
            {t(
              step.policy === 'erase_link' ? 'withdrawnPolicy_erase_link' : 'withdrawnPolicy_erase_responses',
            )}
          </p>
          <p>{t('withdrawnNext')}</p>
          <p>{t('closePage')}</p>
        </MessagePage>,
      );
  }
}
