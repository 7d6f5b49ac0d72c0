import { describe, expect, it } from 'vitest';
import { alpha, beta } from '../testing/take-fixtures';
import { isFinished, localize, pageCount, resumePosition, surveyFor } from './resume';

describe('resumePosition', () => {
  it('starts at the first page of the first instrument when nothing was saved', () => {
    expect(resumePosition([alpha, beta], {})).toEqual({ instrumentIndex: 0, pageIndex: 0 });
  });

  it('continues on the saved page of an instrument that was left halfway', () => {
    expect(resumePosition([alpha, beta], { alpha: { answers: { a1: 1 }, pageIndex: 1 } })).toEqual({
      instrumentIndex: 0,
      pageIndex: 1,
    });
  });

  it('skips instruments saved as finished (page index = page count)', () => {
    const progress = {
      alpha: { answers: { a1: 1, a2: 0 }, pageIndex: 2 },
      beta: { answers: {}, pageIndex: 0 },
    };
    expect(resumePosition([alpha, beta], progress)).toEqual({ instrumentIndex: 1, pageIndex: 0 });
  });

  it('reports everything done when every instrument is finished, so only the submission is left', () => {
    const progress = {
      alpha: { answers: { a1: 1, a2: 0 }, pageIndex: 2 },
      beta: { answers: { b1: 3 }, pageIndex: 1 },
    };
    expect(resumePosition([alpha, beta], progress)).toEqual({ instrumentIndex: 2, pageIndex: 0 });
  });

  it('goes back to an earlier instrument that is unfinished, even when a later one was saved', () => {
    const progress = { beta: { answers: { b1: 3 }, pageIndex: 1 } };
    expect(resumePosition([alpha, beta], progress)).toEqual({ instrumentIndex: 0, pageIndex: 0 });
  });

  it('treats a negative or fractional saved page as a page number it can use', () => {
    expect(resumePosition([alpha], { alpha: { answers: {}, pageIndex: -3 } }).pageIndex).toBe(0);
    expect(resumePosition([alpha], { alpha: { answers: {}, pageIndex: 1.7 } }).pageIndex).toBe(1);
  });
});

describe('instrument helpers', () => {
  it('counts pages, a definition without pages being one', () => {
    expect(pageCount(surveyFor(alpha, 'en'))).toBe(2);
    expect(pageCount({ elements: [] })).toBe(1);
    expect(isFinished(alpha, { answers: {}, pageIndex: 1 })).toBe(false);
    expect(isFinished(alpha, { answers: {}, pageIndex: 2 })).toBe(true);
    expect(isFinished(alpha, undefined)).toBe(false);
  });

  it('falls back to the other language when a definition or text is missing', () => {
    const englishOnly = { ...beta, survey: { en: beta.survey.en as object } };
    expect(surveyFor(englishOnly, 'nl')).toBe(beta.survey.en);
    expect(() => surveyFor({ ...beta, survey: {} }, 'nl')).toThrow(/without a questionnaire definition/);
    expect(localize({ en: 'Mood' }, 'nl')).toBe('Mood');
    expect(localize({ nl: 'Stemming', en: 'Mood' }, 'nl')).toBe('Stemming');
    expect(localize(undefined, 'en')).toBe('');
  });
});
