import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { storeLanguage, type UiLanguage } from '../shared/language';
import { TakeApiError, type TakeApi } from './api/take-api';
import type { Answers, ProgressBody, TakeState, WithdrawalPolicy } from './api/take-types';
import { backoffDelay, browserOnline, retryLater } from './journey/connection';
import { useConnection } from './journey/use-connection';
import { useStopFlow } from './journey/use-stop-flow';
import { clearPendingSubmission, submissionFor, type PendingSubmission } from './journey/pending-submission';
import { answersToSave, ProgressOutbox, type OutboxState } from './journey/progress-outbox';
import { rememberedFormOfAddress, rememberFormOfAddress } from './journey/remembered-address';
import { localize, pageCount, resumePosition, surveyFor } from './journey/resume';
import {
  formOfAddressOf,
  helpTextOf,
  isConsentRenewal,
  progressScope,
  studyText,
} from './journey/take-state';
import type { FormOfAddress } from './participant-messages';
import { ConsentPage } from './ui/consent-page';
import { DeclinedPage, DonePage, LoadFailedPage, ThanksPage, WithdrawnPage } from './ui/closing-pages';
import { PageFrame } from './ui/page-frame';
import { ConnectionStatus, SaveStatus } from './ui/save-status';
import { StopDialog } from './ui/stop-dialog';
import { SubmitPage, type SubmitProblem } from './ui/submit-page';
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
  | { kind: 'submit'; state: TakeState; problem: SubmitProblem }
  | { kind: 'thanks'; state: TakeState; helpText: string | null }
  | { kind: 'done'; state: TakeState; helpText: string | null }
  | { kind: 'declined' }
  | { kind: 'withdrawn'; policy: WithdrawalPolicy };

export interface ParticipantAppProps {
  api: TakeApi;
  /** Until the server says which language the person used last: the stored choice or the browser's. */
  initialLanguage: UiLanguage;
  /** Quiet time after the last answer before it is saved (tests shorten it). */
  saveDebounceMs?: number;
}

const isUnavailable = (error: unknown) => error instanceof TakeApiError && error.isUnavailable;
/** A submission refused for the session's standing, not its answers: read the state again to see why. */
const BLOCKING_CODES = new Set(['timepoint_completed', 'consent_required', 'consent_renewal_required']);
/** Not through on the way (status 0) or a server in trouble (5xx): worth sending again, with the same key. */
const isRetryable = (error: unknown) =>
  error instanceof TakeApiError && (error.status === 0 || error.status >= 500);

export function ParticipantApp({ api, initialLanguage, saveDebounceMs }: ParticipantAppProps) {
  const [language, setLanguage] = useState<UiLanguage>(initialLanguage);
  const [address, setAddress] = useState<FormOfAddress>(rememberedFormOfAddress);
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [outboxState, setOutboxState] = useState<OutboxState>('idle');
  const answers = useRef<Record<string, Answers>>({});
  const outbox = useRef<ProgressOutbox | null>(null);
  const pending = useRef<PendingSubmission | null>(null);
  const submitAttempts = useRef(0);
  const cancelSubmitRetry = useRef<(() => void) | null>(null);
  // Reads the state again; for callbacks defined before `load` (the outbox's, a submission's).
  const reload = useRef<() => void>(() => undefined);
  const t = useMemo(() => translator(language, address), [language, address]);
  // Read by callbacks that must not change with the language (changing them would reload the state).
  const languageRef = useRef(language);
  languageRef.current = language;

  useEffect(() => {
    // Screen readers choose their voice from the document language.
    document.documentElement.lang = language;
    document.title = t('documentTitle');
  }, [language, t]);

  const reconnected = useCallback(() => outbox.current?.reconnected(), []);
  const { online, notice } = useConnection(outboxState, reconnected);

  useEffect(
    () => () => {
      outbox.current?.stop();
      cancelSubmitRetry.current?.();
    },
    [],
  );

  const fail = useCallback((error: unknown, otherwise: () => void) => {
    if (isUnavailable(error)) setStep({ kind: 'unavailable' });
    else otherwise();
  }, []);

  /** Everything on this page is over (submitted, withdrawn, declined): nothing kept is sent any more. */
  const forgetAnswers = useCallback(() => {
    cancelSubmitRetry.current?.();
    cancelSubmitRetry.current = null;
    clearPendingSubmission();
    pending.current = null;
    outbox.current?.discard();
  }, []);

  const submit = useCallback(
    async (state: TakeState) => {
      cancelSubmitRetry.current?.();
      cancelSubmitRetry.current = null;
      setStep({ kind: 'submit', state, problem: browserOnline() ? 'none' : 'offline' });
      // The saves go first: a save arriving after the submission would find the timepoint completed.
      await outbox.current?.drained();
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
        const result = await api.submit(attempt.body, attempt.idempotencyKey);
        forgetAnswers();
        submitAttempts.current = 0;
        setStep({ kind: 'thanks', state, helpText: helpTextOf(result) });
      } catch (error) {
        if (error instanceof TakeApiError && BLOCKING_CODES.has(error.code)) {
          // Sent from another device in the meantime, or consent must be renewed first: the state says which.
          return reload.current();
        }
        fail(error, () => {
          if (!isRetryable(error)) return setStep({ kind: 'submit', state, problem: 'refused' });
          const offline = (error as TakeApiError).status === 0 || !browserOnline();
          setStep({ kind: 'submit', state, problem: offline ? 'offline' : 'server' });
          cancelSubmitRetry.current = retryLater(
            backoffDelay(submitAttempts.current),
            () => void submit(state),
          );
          submitAttempts.current += 1;
        });
      }
    },
    [api, fail, forgetAnswers],
  );

  const enter = useCallback(
    (state: TakeState) => {
      setLanguage(state.language);
      // Remembered on this device too, so even a "link not available" page later speaks the person's language.
      storeLanguage(state.language);
      const formOfAddress = formOfAddressOf(state);
      setAddress(formOfAddress);
      rememberFormOfAddress(formOfAddress);
      outbox.current?.stop();
      outbox.current = new ProgressOutbox({
        scope: progressScope(state),
        send: (body) => api.saveProgress(body),
        debounceMs: saveDebounceMs,
        onState: setOutboxState,
        onUnavailable: () => setStep({ kind: 'unavailable' }),
        // Consent to renew, or sent from elsewhere: the state says which, and the kept answers wait in storage.
        onBlocked: () => reload.current(),
      });
      if (state.status === 'completed') {
        forgetAnswers();
        return setStep({ kind: 'done', state, helpText: helpTextOf(state) });
      }
      if (state.status === 'consent_required') {
        // Before any consent the server holds no answers, so answers kept in this tab are someone else's.
        if (!isConsentRenewal(state)) outbox.current.discard();
        else outbox.current.stop();
        void loadQuestionnaire();
        return setStep({ kind: 'consent', state });
      }
      // Answers this tab kept but the server never confirmed are newer than the server's: they win, and go out now.
      const progress = { ...state.progress };
      for (const body of outbox.current.unsent())
        progress[body.instrumentId] = { answers: body.answers, pageIndex: body.pageIndex };
      answers.current = Object.fromEntries(
        Object.entries(progress).map(([id, saved]) => [id, saved.answers]),
      );
      outbox.current.flush();
      const resumed = { ...state, progress };
      const position = resumePosition(resumed.instruments, progress);
      if (position.instrumentIndex >= resumed.instruments.length) return void submit(resumed);
      setStep({ kind: 'questionnaire', state: resumed, ...position });
    },
    [api, forgetAnswers, saveDebounceMs, submit],
  );

  const load = useCallback(() => {
    setStep({ kind: 'loading' });
    api.state().then(enter, (error: unknown) => fail(error, () => setStep({ kind: 'load-failed' })));
  }, [api, enter, fail]);

  useEffect(load, [load]);
  reload.current = load;

  const decide = async (state: TakeState, decision: 'given' | 'declined') => {
    setBusy(true);
    setActionError(null);
    try {
      const result = await api.consent({ decision, consentVersion: state.consent.version, language });
      if (result.status === 'withdrawn') {
        forgetAnswers();
        setStep({ kind: 'withdrawn', policy: result.policy });
      } else if (result.status === 'declined') {
        forgetAnswers();
        // Declining a changed text ends taking part, under the study's withdrawal policy.
        setStep(
          isConsentRenewal(state)
            ? { kind: 'withdrawn', policy: state.study.withdrawalPolicy }
            : { kind: 'declined' },
        );
      } else enter({ ...result, language });
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

  const keep = (body: ProgressBody, immediate: boolean) => {
    const previous = answers.current[body.instrumentId] ?? {};
    answers.current[body.instrumentId] = body.answers;
    outbox.current?.update({ ...body, answers: answersToSave(previous, body.answers) }, { immediate });
  };

  const onAnswersChanged = (instrumentId: string, pageIndex: number, given: Answers) =>
    keep({ instrumentId, language, pageIndex, answers: given }, false);

  const onPageChanged = (instrumentId: string, pageIndex: number, given: Answers) =>
    keep({ instrumentId, language, pageIndex, answers: given }, true);

  const onFinished =
    (state: TakeState, instrumentIndex: number) =>
    (instrumentId: string, pageIndex: number, given: Answers) => {
      keep({ instrumentId, language, pageIndex, answers: given }, true);
      const finished = { ...state.progress, [instrumentId]: { answers: given, pageIndex } };
      const next = instrumentIndex + 1;
      if (next < state.instruments.length) {
        const nextId = state.instruments[next].id;
        const saved = state.progress[nextId];
        answers.current[nextId] ??= saved?.answers ?? {};
        const nextPage = saved && saved.pageIndex < pageCount(surveyFor(state.instruments[next], 'nl'));
        setStep({
          kind: 'questionnaire',
          state: { ...state, progress: finished },
          instrumentIndex: next,
          pageIndex: nextPage ? saved.pageIndex : 0,
        });
      } else {
        void submit({ ...state, progress: finished });
      }
    };

  const stop = useStopFlow({
    api,
    failedMessage: t('stopFailed'),
    onWithdrawn: (policy) => {
      forgetAnswers();
      setStep({ kind: 'withdrawn', policy });
    },
    onUnavailable: () => setStep({ kind: 'unavailable' }),
  });

  if (step.kind === 'unavailable') return <UnavailablePage language={language} formOfAddress={address} />;

  const state = 'state' in step ? step.state : null;
  // Answers can still change: the page reports on the connection (stopping stays possible after sending too).
  const open = state !== null && step.kind !== 'thanks' && step.kind !== 'done';
  const frame = (content: ReactNode) => (
    <>
      <div className="take-page" inert={stop.open}>
        <PageFrame
          t={t}
          language={language}
          languages={state?.study.languages ?? []}
          onLanguageChange={state ? changeLanguage : undefined}
          onStop={state ? stop.start : undefined}
          status={open ? <ConnectionStatus t={t} notice={notice} /> : undefined}
        >
          {content}
        </PageFrame>
      </div>
      {stop.open && state && (
        <StopDialog
          t={t}
          policy={state.study.withdrawalPolicy}
          busy={stop.busy}
          error={stop.error}
          onConfirm={() => void stop.confirm()}
          onCancel={stop.cancel}
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
      return frame(<LoadFailedPage t={t} onRetry={load} />);
    case 'consent':
      return frame(
        <ConsentPage
          t={t}
          studyTitle={studyText(step.state.study.title, language)}
          studyDescription={studyText(step.state.study.description, language)}
          consentText={localize(step.state.consent.text, language)}
          renewal={isConsentRenewal(step.state)}
          withdrawalPolicy={step.state.study.withdrawalPolicy}
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
              formOfAddress={address}
              instrument={instrument}
              index={step.instrumentIndex}
              total={step.state.instruments.length}
              timepointLabel={localize(step.state.timepoint.label, language)}
              initialAnswers={answers.current[instrument.id] ?? saved?.answers ?? {}}
              initialPageIndex={step.pageIndex}
              onAnswersChanged={onAnswersChanged}
              onPageChanged={onPageChanged}
              onFinished={onFinished(step.state, step.instrumentIndex)}
            />
          </Suspense>
          <SaveStatus t={t} state={outboxState} />
        </>,
      );
    }
    case 'submit':
      return frame(
        <SubmitPage
          t={t}
          problem={step.problem === 'none' && !online ? 'offline' : step.problem}
          onRetry={() => void submit(step.state)}
        />,
      );
    case 'thanks':
      return frame(<ThanksPage t={t} helpText={step.helpText} />);
    case 'done':
      return frame(
        <DonePage t={t} studyTitle={studyText(step.state.study.title, language)} helpText={step.helpText} />,
      );
    case 'declined':
      return frame(<DeclinedPage t={t} />);
    case 'withdrawn':
      return frame(<WithdrawnPage t={t} policy={step.policy} />);
  }
}
