/** Shapes of the participant API (apps/api/docs/participant-api.md), as the participant pages use them. */

export type TakeLanguage = 'nl' | 'en';

export type LocalizedText = Partial<Record<TakeLanguage, string>>;

export type WithdrawalPolicy = 'erase_responses' | 'erase_link';

/** Answers of one instrument, keyed by item id (SurveyJS `data`). */
export type Answers = Record<string, unknown>;

export interface TakeInstrument {
  id: string;
  version: string;
  title: LocalizedText;
  /** SurveyJS JSON per language, built by the server from the instrument version shown. */
  survey: Partial<Record<TakeLanguage, object>>;
}

export interface InstrumentProgress {
  answers: Answers;
  pageIndex: number;
}

export interface TakeState {
  /**
   * `consent_required` also when consent was given to an older consent text that has since changed
   * (`consent.renewal`).
   */
  status: 'consent_required' | 'in_progress' | 'completed';
  study: {
    /** One text, or one per study language. */
    title: string | LocalizedText;
    description: string | LocalizedText;
    languages: TakeLanguage[];
    withdrawalPolicy: WithdrawalPolicy;
    /** How Dutch texts address the participant; "je" when the server does not say. */
    formOfAddress?: 'je' | 'u';
  };
  language: TakeLanguage;
  consent: {
    version: number;
    text: LocalizedText;
    /** The version the participant agreed to earlier, when the text changed since (a renewal). */
    previousVersion?: number | null;
    renewal?: boolean;
  };
  timepoint: { key: string; label: LocalizedText; sessionNumber: number | null };
  instruments: TakeInstrument[];
  progress: Record<string, InstrumentProgress>;
  /** Once completed, when the answers endorsed a risk item: the study's help text, in the session's language. */
  safetyHelpText?: string;
}

export interface ConsentBody {
  decision: 'given' | 'declined';
  consentVersion: number;
  language: TakeLanguage;
}

export interface ProgressBody {
  instrumentId: string;
  language: TakeLanguage;
  pageIndex: number;
  /** Merged per item into what is stored: `null` clears an item, items left out stay as stored. */
  answers: Answers;
  /**
   * Rises with every save of this page (Date.now(), raised past the previous one): the server keeps an item a
   * newer save of the same session wrote when an older save arrives late.
   */
  sequence?: number;
}

export interface SubmitBody {
  language: TakeLanguage;
  responses: Record<string, Answers>;
}

export interface SubmitResult {
  status: 'completed';
  submittedAt: string;
  /** The study's help text, present when an answer endorsed a risk item: shown prominently on the thank-you page. */
  safetyHelpText?: string;
}

export interface WithdrawResult {
  status: 'withdrawn';
  policy: WithdrawalPolicy;
  /** Set when the withdrawal came from declining renewed consent. */
  reason?: 'consent_declined';
}

/** What declining consent ends in: a first decline, or (declining a renewal) a withdrawal under the study's policy. */
export type DeclineResult = { status: 'declined' } | WithdrawResult;
