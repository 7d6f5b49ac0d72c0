// Instrument format
export type {
  Instrument,
  InstrumentCitation,
  InstrumentId,
  InstrumentLicence,
  InstrumentRef,
  InstrumentText,
  ItemSpec,
  Language,
  LocalizedText,
  MultiChoiceItem,
  PageSpec,
  Respondent,
  ResponseScale,
  ScaleItem,
  SingleChoiceItem,
  SurveyDefinition,
  TextAvailability,
  TextItem,
} from './model/instrument.types';
export { LANGUAGES } from './model/instrument.types';
export { canonicalJson } from './model/canonical-json';
export { compareVersions } from './model/version';
export { buildSurveyDefinition, findTextProblems, scaleValues } from './survey/build-survey-definition';

// Instrument catalogue
export {
  getInstrument,
  INSTRUMENT_VERSIONS,
  isInstrumentId,
  listInstruments,
  resolveInstrument,
  UnknownInstrumentError,
} from './instruments/registry';
export { DISCLOSURE_CONTENT_CODES, type DisclosureContentCode } from './instruments/shared/klik-common';
export { DISCLOSURE_INTENT_CODES } from './instruments/klik-session-log/klik-session-log.instrument';

// Scoring
export type {
  Band,
  BandRule,
  Cutoff,
  CutoffDirection,
  DerivedRule,
  FlagRule,
  ImprovementDirection,
  MissingItemRule,
  NormSpec,
  ReliableChangeSpec,
  ReverseKeying,
  ScoreRule,
  ScoringMethod,
  ScoringSpec,
  SubscaleSpec,
} from './scoring/scoring-spec.types';
export type {
  DerivedValue,
  InstrumentScore,
  MissingReason,
  ScoreStatus,
  ScoreValue,
} from './scoring/score.types';
export type { AnswerMap } from './scoring/score-rules';
export { scoreAnswers } from './scoring/score-answers';
export { scoreInstrument } from './scoring/score-instrument';
export { getChangeCriteria, type ChangeCriteria } from './scoring/change-criteria';

// Safety: risk (critical) items that must reach a person
export {
  endorsedRiskItems,
  hasRiskItems,
  RISK_ITEMS,
  riskItemsOf,
  type EndorsedRisk,
  type RiskItemRule,
  type RiskKind,
} from './safety/risk-items';

// Outcome change: a participant's pre and post measure (one definition for every consumer)
export {
  changeThresholds,
  END_POST_MEASURE,
  noChangeCriteriaMessage,
  outcomePair,
  versionsComparable,
  type ChangeCriteriaOf,
  type ChangeThresholds,
  type OutcomeGap,
  type OutcomeMeasure,
  type OutcomePair,
  type OutcomePairResult,
  type PostMeasureRule,
} from './outcome/outcome-change';

// Validation
export { validateAnswers } from './validation/validate-answers';
export {
  WHOLE_BODY,
  type AnswerError,
  type AnswerErrorCode,
  type ValidateOptions,
  type ValidationResult,
} from './validation/validation.types';

// Text packs
export { applyTextPack, checkTextPack, isUsableInStudy, TextPackError } from './text-packs/apply-text-pack';
export { TEXT_PACK_FORMAT, type TextPack } from './text-packs/text-pack.types';
