import type { Language, LocalizedText } from '../api/types';
import { useI18n } from '../i18n';
import { studyText } from './study-text';

export interface StudyTextViewProps {
  text: LocalizedText | string | null | undefined;
  /** The study's languages, in order: the first is the fallback. */
  languages: readonly Language[];
}

/**
 * A study text in the interface language; when only another language has it, that text marked with its `lang`, so
 * a screen reader reads it in the right voice.
 */
export function StudyTextView({ text, languages }: StudyTextViewProps) {
  const { language } = useI18n();
  const shown = studyText(text, language, languages);
  if (shown.language && shown.language !== language) return <span lang={shown.language}>{shown.text}</span>;
  return <>{shown.text}</>;
}
