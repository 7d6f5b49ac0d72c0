import type { InstrumentProgress, LocalizedText, TakeInstrument, TakeLanguage } from '../api/take-types';

/** Where the participant continues: an instrument and a page in it, or `instrumentIndex === instruments.length`
 * when every instrument is finished and only the submission is left. */
export interface ResumePosition {
  instrumentIndex: number;
  pageIndex: number;
}

/** The SurveyJS definition in `language`, else in any language the server sent. */
export function surveyFor(instrument: TakeInstrument, language: TakeLanguage): object {
  const definition = instrument.survey[language] ?? Object.values(instrument.survey).find(Boolean);
  if (!definition) throw new Error(`Instrument ${instrument.id} came without a questionnaire definition`);
  return definition;
}

/** Pages in a SurveyJS definition (a definition without `pages` is one page). */
export function pageCount(definition: object): number {
  const pages = (definition as { pages?: unknown }).pages;
  return Array.isArray(pages) && pages.length > 0 ? pages.length : 1;
}

/**
 * A finished instrument is saved with `pageIndex` equal to its page count (one past its last page), so an
 * instrument counts as finished when its saved page index has reached its page count.
 */
export function isFinished(instrument: TakeInstrument, progress: InstrumentProgress | undefined): boolean {
  if (!progress) return false;
  return progress.pageIndex >= pageCount(surveyFor(instrument, 'nl'));
}

/** The first unfinished instrument, at the page saved for it (the first page when nothing was saved). */
export function resumePosition(
  instruments: readonly TakeInstrument[],
  progress: Readonly<Record<string, InstrumentProgress>>,
): ResumePosition {
  const instrumentIndex = instruments.findIndex(
    (instrument) => !isFinished(instrument, progress[instrument.id]),
  );
  if (instrumentIndex === -1) return { instrumentIndex: instruments.length, pageIndex: 0 };
  const saved = progress[instruments[instrumentIndex].id];
  return { instrumentIndex, pageIndex: Math.max(0, Math.floor(saved?.pageIndex ?? 0)) };
}

/** Text in `language`, else in the other language, else empty. */
export function localize(text: LocalizedText | undefined, language: TakeLanguage): string {
  return text?.[language] ?? text?.[language === 'nl' ? 'en' : 'nl'] ?? '';
}
