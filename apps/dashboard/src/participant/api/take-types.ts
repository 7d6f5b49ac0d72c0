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
  status: 'consent_required' | 'in_progress' | 'completed';
  study: {
    title: string;
    description: string;
    languages: TakeLanguage[];
    withdrawalPolicy: WithdrawalPolicy;
  };
  language: TakeLanguage;
  consent: { version: number; text: LocalizedText };
  timepoint: { key: string; label: LocalizedText; sessionNumber: number | null };
  instruments: TakeInstrument[];
  progress: Record<string, InstrumentProgress>;
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
  answers: Answers;
}

export interface SubmitBody {
  language: TakeLanguage;
  responses: Record<string, Answers>;
}

export interface SubmitResult {
  status: 'completed';
  submittedAt: string;
}

export interface WithdrawResult {
  status: 'withdrawn';
  policy: WithdrawalPolicy;
}
